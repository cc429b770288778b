import ALQPluginAPI
import ALQSyntax

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An output sink that writes to a file descriptor (standard output, or a temporary file).
public final class DescriptorSink: OutputSink {
    /// The descriptor written to.
    public let descriptor: Int32
    /// What the sink writes to, for messages.
    public let label: String

    /// Asked before each write; `true` stops the export with `E0306` (the user pressed Ctrl-C).
    public var isCancelled: (() -> Bool)?

    /// A sink writing to `descriptor`; it does not close it.
    public init(descriptor: Int32, label: String, isCancelled: (() -> Bool)? = nil) {
        self.descriptor = descriptor
        self.label = label
        self.isCancelled = isCancelled
    }

    /// A sink writing to standard output.
    public static func standardOutput(isCancelled: (() -> Bool)? = nil) -> DescriptorSink {
        DescriptorSink(descriptor: 1, label: "standard output", isCancelled: isCancelled)
    }

    public func write(_ buffer: UnsafeRawBufferPointer) throws {
        if isCancelled?() == true { throw Diagnostic(.interrupted, "interrupted while writing to \(label)") }
        guard var base = buffer.baseAddress else { return }
        var remaining = buffer.count
        while remaining > 0 {
            let n = Glibc.write(descriptor, base, remaining)
            if n < 0 {
                if errno == EINTR { continue }
                throw Diagnostic(.exportFailed, "cannot write to \(label): \(FileSystem.lastError().lowercased())")
            }
            base += n
            remaining -= n
        }
    }
}
