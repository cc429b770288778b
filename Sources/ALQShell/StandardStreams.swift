import ALQPluginAPI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard input, output and error, and whole-file reads, without Foundation.
public enum StandardStreams {
    /// Standard output, buffered.
    nonisolated(unsafe) public static let output = BufferedDescriptorWriter(descriptor: STDOUT_FILENO)

    /// Writes text to standard output.
    public static func out(_ text: String) {
        var text = text
        text.withUTF8 { output.write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes text to standard error, flushing standard output first so the two interleave in order.
    public static func err(_ text: String) {
        output.flush()
        var text = text
        _ = text.withUTF8 { BufferedDescriptorWriter.writeAll(STDERR_FILENO, UnsafeRawBufferPointer($0)) }
    }

    /// Flushes standard output.
    public static func flush() {
        output.flush()
    }

    /// Why standard output could not be written (a full disk, a closed pipe), once a write has failed.
    public static var outputFailure: String? {
        output.failure.map { String(cString: strerror($0)) }
    }

    /// Whether a file descriptor is a terminal.
    public static func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1
    }

    /// The width of the terminal on standard output, if it is one.
    public static func terminalSize() -> (columns: Int, rows: Int)? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    /// Whether anything exists at a path.
    public static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// The largest script alq reads from a file or standard input; more is an error, so that
    /// `alq /dev/zero` or an endless pipe ends instead of exhausting memory.
    public static let maximumScriptBytes = 64 << 20

    /// Everything on standard input, up to ``maximumScriptBytes``.
    public static func readStandardInput() -> Result<[UInt8], ReadError> {
        guard let bytes = readAll(descriptor: STDIN_FILENO) else { return .failure(tooLarge) }
        return .success(bytes)
    }

    private static var tooLarge: ReadError {
        ReadError(reason: "it is larger than \(maximumScriptBytes >> 20) MiB, the most alq reads as a script")
    }

    /// A whole file's bytes, or a message saying why it could not be read.
    public static func readFile(_ path: String) -> Result<[UInt8], ReadError> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(ReadError(reason: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            return .failure(ReadError(reason: "is a directory"))
        }
        guard let bytes = readAll(descriptor: descriptor) else { return .failure(tooLarge) }
        return .success(bytes)
    }

    /// Everything up to the end of the input, or `nil` past ``maximumScriptBytes``.
    private static func readAll(descriptor: Int32) -> [UInt8]? {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            if bytes.count + count > maximumScriptBytes { return nil }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }
}

/// Why a file could not be read.
public struct ReadError: Error, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
}

/// A buffered writer on a file descriptor.
public final class BufferedDescriptorWriter {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16
    /// The `errno` of the first write that failed; after it, writes are dropped.
    public private(set) var failure: Int32?

    public init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(capacity)
    }

    public func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        if buffer.count + bytes.count > capacity { flush() }
        if bytes.count >= capacity {
            failure = BufferedDescriptorWriter.writeAll(descriptor, bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        if failure == nil { failure = buffer.withUnsafeBytes { BufferedDescriptorWriter.writeAll(descriptor, $0) } }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes every byte, retrying after interruptions; returns the `errno` of a write that failed
    /// (`ENOSPC` on a full disk, `EPIPE` on a closed pipe: alq ignores SIGPIPE), or `nil`.
    @discardableResult
    public static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }
}

/// An output sink on standard output.
public final class StandardOutputSink: OutputSink {
    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count > 0 else { return }
        StandardStreams.output.write(bytes)
        if let failure = StandardStreams.outputFailure { throw ReadError(reason: failure) }
    }
}
