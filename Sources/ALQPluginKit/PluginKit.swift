#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a Swift plugin: reads alq's requests from standard input, one JSON line each, and writes the
/// answers to standard output (docs/plugins.md, "The plugin kit").
public enum PluginKit {
    /// Serves `plugin` until alq says `shutdown` or closes standard input, then exits with status 0.
    public static func run(_ plugin: some ExportFormatPlugin) -> Never {
        run(formats: [plugin])
    }

    /// Serves one reader until alq says `shutdown` or closes standard input, then exits with status 0.
    public static func run(_ reader: some ReaderPlugin) -> Never {
        run(readers: [reader])
    }

    /// Serves several formats and readers from one executable, such as a format that is written and read:
    /// `PluginKit.run(name: "xlsx", formats: [XLSXWriter()], readers: [XLSXReader()])`. A format and a
    /// reader of the same name are described as one format that reads and writes. `name` is the
    /// plugin's name in the handshake (the first format's or reader's when `nil`); `version` its version
    /// (the first format's or reader's when `nil`).
    public static func run(
        name: String? = nil, version: String? = nil, formats: [any ExportFormatPlugin] = [],
        readers: [any ReaderPlugin] = []
    ) -> Never {
        serve(PluginServer(name: name, version: version, formats: formats, readers: readers))
    }

    private static func serve(_ server: PluginServer) -> Never {
        var server = server
        server.sendNow = writeLine
        var reader = LineReader(descriptor: 0)
        while !server.isFinished, let line = reader.next() {
            for answer in server.answer(line) { writeLine(answer) }
        }
        exit(0)
    }

    /// Writes a line and its newline to standard output; a closed pipe ends the plugin.
    static func writeLine(_ line: [UInt8]) {
        var bytes = line
        bytes.append(10)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(1, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                exit(1)
            }
            offset += written
        }
    }
}

/// Splits what a descriptor delivers into lines (without their newlines).
struct LineReader {
    let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var atEnd = false

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// The next line; the last one may lack its newline; `nil` at the end.
    mutating func next() -> [UInt8]? {
        while true {
            if let newline = buffer[scanned...].firstIndex(of: 10) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                scanned = start
                return line
            }
            scanned = buffer.count
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                return line
            }
            if start > 0 {
                buffer.removeFirst(start)
                scanned -= start
                start = 0
            }
            fill()
        }
    }

    private mutating func fill() {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                atEnd = true
            } else {
                buffer.append(contentsOf: chunk[0..<count])
            }
            return
        }
    }
}
