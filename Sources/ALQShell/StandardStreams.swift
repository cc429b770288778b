import ALQPluginAPI
import ALQSystem
import Synchronization
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// Standard output and error, without Foundation.
public enum StandardStreams {
    /// Standard output, buffered; the lock makes writes from the evaluation thread and the REPL's
    /// main thread take turns.
    public static let output = Mutex(BufferedDescriptorWriter(descriptor: .standardOutput))

    /// Writes text to standard output.
    public static func out(_ text: String) {
        output.withLock { writer in
            var text = text
            text.withUTF8 { writer.write(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Writes text to standard error, flushing standard output first so the two interleave in order.
    public static func err(_ text: String) {
        output.withLock { writer in
            writer.flush()
            var text = text
            text.withUTF8 { try? FileDescriptor.standardError.writeAllBytes(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Flushes standard output.
    public static func flush() {
        output.withLock { $0.flush() }
    }

    /// Why standard output could not be written (a full disk, a closed pipe), once a write has failed.
    public static var outputFailure: String? {
        output.withLock { $0.failure.map { String(cString: strerror($0.rawValue)) } }
    }

    /// Whether a file descriptor is a terminal.
    public static func isTerminal(_ descriptor: Int32) -> Bool {
        TerminalSize.isTerminal(FileDescriptor(rawValue: descriptor))
    }
}

/// A buffered writer on a file descriptor. After a write fails (a full disk, a closed pipe: alq ignores
/// SIGPIPE), later writes are dropped and ``failure`` says why.
public struct BufferedDescriptorWriter: ~Copyable {
    private let descriptor: FileDescriptor
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16
    /// The error of the first write that failed.
    public private(set) var failure: Errno?

    public init(descriptor: FileDescriptor) {
        self.descriptor = descriptor
        buffer.reserveCapacity(capacity)
    }

    public mutating func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        if buffer.count + bytes.count > capacity { flush() }
        if bytes.count >= capacity {
            do throws(Errno) { try descriptor.writeAllBytes(bytes) } catch { failure = error }
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    public mutating func flush() {
        guard !buffer.isEmpty else { return }
        if failure == nil {
            do throws(Errno) { try descriptor.writeAllBytes(buffer) } catch { failure = error }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// An output sink on standard output.
public final class StandardOutputSink: OutputSink {
    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count > 0 else { return }
        // A copy (Sendable) crosses into the lock; formats hand over large chunks, so this costs little.
        let chunk = [UInt8](bytes)
        StandardStreams.output.withLock { writer in chunk.withUnsafeBytes { writer.write($0) } }
        if let failure = StandardStreams.outputFailure { throw StandardOutputError(reason: failure) }
    }
}

/// Standard output could not be written: the reason, such as "No space left on device".
public struct StandardOutputError: Error, CustomStringConvertible {
    /// The system's message.
    public var reason: String
    public var description: String { reason }
}
