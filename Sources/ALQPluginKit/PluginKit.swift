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
        keepFreedMemory()
        var server = server
        server.sendNow = writeLine
        var reader = LineReader(descriptor: 0)
        while !server.isFinished, let line = reader.next() {
            for answer in server.answer(line, read: { reader.take(count: $0) }) { writeLine(answer) }
        }
        exit(0)
    }

    /// Keeps the memory of one batch for the next: each batch allocates and frees a few megabytes, and
    /// glibc's defaults give the top of the heap back to the system whenever it is free and map large
    /// blocks of their own, so every batch faulted the same pages in again (measured: 487 `brk` calls and
    /// 34,000 page faults for a one-column export of 1,000,000 rows, against 14 and 2,300 with these
    /// settings).
    private static func keepFreedMemory() {
        #if canImport(Glibc)
            // `mallopt` is declared in malloc.h, which the Glibc module leaves out; its options are glibc's
            // M_TRIM_THRESHOLD (-1) and M_MMAP_THRESHOLD (-3).
            typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
            guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "mallopt") else { return }
            let mallopt = unsafeBitCast(symbol, to: MallocOption.self)
            _ = mallopt(-1, 256 << 20)
            _ = mallopt(-3, 32 << 20)
        #endif
    }

    /// Writes a line and its newline to standard output; a closed pipe ends the plugin.
    static func writeLine(_ line: [UInt8]) {
        writeAll(line)
        writeAll([10])
    }

    private static func writeAll(_ bytes: [UInt8]) {
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
    /// What one `read` fills, kept from call to call.
    private var chunk = [UInt8](repeating: 0, count: 1 << 18)

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// The next line; the last one may lack its newline; `nil` at the end.
    mutating func next() -> [UInt8]? {
        while true {
            if let newline = newlineIndex() {
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

    /// The next `count` bytes, whatever they are (a frame's bytes after its line); `nil` when the input
    /// ends first.
    mutating func take(count: Int) -> [UInt8]? {
        let buffered = min(count, buffer.count - start)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { target, initialized in
            if buffered > 0 {
                buffer.withUnsafeBufferPointer {
                    UnsafeMutableRawPointer(target.baseAddress!).copyMemory(
                        from: $0.baseAddress! + start, byteCount: buffered)
                }
            }
            // The rest straight from the descriptor into the bytes, not through the line buffer.
            var offset = buffered
            while offset < count, !atEnd {
                let got = read(descriptor, target.baseAddress! + offset, count - offset)
                if got < 0, errno == EINTR { continue }
                if got <= 0 { atEnd = true } else { offset += got }
            }
            // Bytes that never came are zeros; the frame is refused anyway.
            if offset < count {
                (target.baseAddress! + offset).initialize(repeating: 0, count: count - offset)
                complete = false
            }
            initialized = count
        }
        start += buffered
        scanned = start
        return complete ? bytes : nil
    }

    /// The index of the first newline from `scanned` on (`memchr`: a batch's line is a megabyte).
    private func newlineIndex() -> Int? {
        buffer.withUnsafeBytes { bytes -> Int? in
            guard scanned < bytes.count, let base = bytes.baseAddress,
                let found = memchr(base + scanned, 10, bytes.count - scanned)
            else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }

    private mutating func fill() {
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
