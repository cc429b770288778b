import ALQPluginAPI

/// Collects output in a fixed 64 KiB buffer and hands each full chunk to an ``OutputSink``.
///
/// Writers append cell by cell; the sink sees a few large writes, and no export ever holds more than
/// one chunk of its output in memory.
public final class ByteWriter {
    /// The size of the chunks handed to the sink.
    public static let chunkSize = 64 * 1024

    private let sink: any OutputSink
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var count = 0

    /// A writer that sends its chunks (of `capacity` bytes, 64 KiB by default) to `sink`.
    public init(_ sink: any OutputSink, capacity: Int = ByteWriter.chunkSize) {
        self.sink = sink
        self.capacity = max(capacity, 16)
        buffer = .allocate(capacity: self.capacity)
    }

    deinit { buffer.deallocate() }

    /// Appends one byte.
    @inline(__always)
    public func byte(_ value: UInt8) throws {
        if count == capacity { try flush() }
        buffer[count] = value
        count += 1
    }

    /// Appends raw bytes.
    @inline(__always)
    public func bytes(_ source: UnsafeRawBufferPointer) throws {
        guard let start = source.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let n = source.count
        // Short pieces (most cells) are copied byte by byte: cheaper than a call to memmove.
        if n <= 16, count + n <= capacity {
            let target = buffer + count
            for i in 0..<n { target[i] = start[i] }
            count += n
            return
        }
        try copy(start, n)
    }

    private func copy(_ start: UnsafePointer<UInt8>, _ total: Int) throws {
        var base = start
        var remaining = total
        while remaining > 0 {
            if count == capacity { try flush() }
            let n = min(remaining, capacity - count)
            (buffer + count).update(from: base, count: n)
            count += n
            base += n
            remaining -= n
        }
    }

    /// Appends bytes.
    public func bytes(_ source: [UInt8]) throws {
        try source.withUnsafeBytes { try bytes($0) }
    }

    /// Appends a string's UTF-8 bytes.
    public func string(_ text: String) throws {
        var text = text
        try text.withUTF8 { try bytes(UnsafeRawBufferPointer($0)) }
    }

    /// Appends a static ASCII string.
    public func ascii(_ text: StaticString) throws {
        try bytes(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Hands everything buffered to the sink.
    public func flush() throws {
        guard count > 0 else { return }
        let n = count
        count = 0
        try sink.write(UnsafeRawBufferPointer(start: buffer, count: n))
    }
}
