import ALQPluginAPI

/// An output sink that collects bytes in memory, for small pieces of text (one cell, one message).
public final class CollectingSink: OutputSink {
    /// What was written.
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public func write(_ buffer: UnsafeRawBufferPointer) throws {
        bytes.append(contentsOf: buffer)
    }
}
