import ALQPluginAPI
import ALQSyntax
import ALQSystem
import SystemPackage

/// An output sink that writes to a file descriptor (standard output, or a temporary file).
public final class DescriptorSink: OutputSink {
    /// The descriptor written to.
    public let descriptor: Int32
    /// What the sink writes to, for messages.
    public let label: String
    /// The name of the table written, for a file: its base name.
    public let tableName: String?

    /// Asked before each write; `true` stops the export with `E0306` (the user pressed Ctrl-C).
    public var isCancelled: (() -> Bool)?

    /// A sink writing to `descriptor`; it does not close it.
    public init(descriptor: Int32, label: String, tableName: String? = nil, isCancelled: (() -> Bool)? = nil) {
        self.descriptor = descriptor
        self.label = label
        self.tableName = tableName
        self.isCancelled = isCancelled
    }

    /// A sink writing to standard output.
    public static func standardOutput(isCancelled: (() -> Bool)? = nil) -> DescriptorSink {
        DescriptorSink(
            descriptor: FileDescriptor.standardOutput.rawValue, label: "standard output", isCancelled: isCancelled)
    }

    public func write(_ buffer: UnsafeRawBufferPointer) throws {
        if isCancelled?() == true { throw Diagnostic(.interrupted, "interrupted while writing to \(label)") }
        do {
            try FileDescriptor(rawValue: descriptor).writeAllBytes(buffer)
        } catch {
            throw Diagnostic(.exportFailed, "cannot write to \(label): \(error.sentence)")
        }
    }
}
