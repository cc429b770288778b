import Glibc
import SystemPackage

/// Reading a whole file, bounded.
///
/// A regular file is read whole (its size is known). A path names only regular files and the pipes a
/// shell hands over (`/dev/stdin`, `/dev/fd/N`, `/proc/self/fd/N`, as in `alq <(cmd)`): a device never
/// ends and a named FIFO may never get a writer, so both are ``Failure/notRegular(_:)`` at once. A pipe
/// (and standard input) is read until its end, but never more than ``streamLimit`` bytes, and while
/// waiting for it `isCancelled` is asked every 50 ms, so Ctrl-C stops the wait.
public enum FileContents {
    /// The most bytes read from a file that is not a regular file (256 MiB).
    public static let streamLimit = 256 << 20

    /// Why a file could not be read.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case missing
        case directory
        /// More than `limit` bytes, from a file of `kind`.
        case tooLarge(limit: Int, kind: FileSystem.Kind)
        /// A device, named FIFO or socket: never read, since it may never end or never open.
        case notRegular(FileSystem.Kind)
        /// `isCancelled` answered `true`.
        case interrupted
        case system(Errno)

        /// The reason, for use after "cannot read 'PATH': ".
        public var description: String {
            switch self {
            case .missing: "no such file"
            case .directory: "it is a directory"
            case .tooLarge(let limit, let kind) where kind == .file:
                "it is larger than \(FileContents.sizeText(limit))"
            case .tooLarge(let limit, let kind):
                "it is \(kind.description) that gave more than \(FileContents.sizeText(limit)); "
                    + "alq stops reading such files there"
            case .notRegular(let kind):
                "it is \(kind.description), not a regular file; alq reads only regular files and pipes "
                    + "(copy the data into a file, or pipe it to standard input and open \"-\")"
            case .interrupted: "interrupted"
            case .system(let errno): errno.sentence
            }
        }
    }

    /// The bytes of the file at `path`: at most `limit` bytes of a regular file, at most
    /// `min(limit, streamLimit)` of anything else. With `truncating`, a longer file gives its first
    /// bytes; without, it is ``Failure/tooLarge(limit:kind:)``.
    public static func read(
        _ path: String, limit: Int = .max, truncating: Bool = false, isCancelled: (() -> Bool)? = nil
    ) throws(Failure) -> [UInt8] {
        let kind = FileSystem.kind(of: path)
        switch kind {
        case .missing: throw .missing
        case .directory: throw .directory
        case .file: break
        case .fifo where isInheritedStream(path): break
        default: throw .notRegular(kind)
        }
        let isRegular = kind == .file
        let descriptor: FileDescriptor
        do {
            // Opening a FIFO without O_NONBLOCK waits for a writer, past any Ctrl-C.
            descriptor = try FileDescriptor.open(
                FilePath(path), .readOnly, options: isRegular ? [.closeOnExec] : [.closeOnExec, .nonBlocking])
        } catch let error as Errno {
            throw error == .noSuchFileOrDirectory ? .missing : .system(error)
        } catch {
            throw .system(.ioError)
        }
        defer { try? descriptor.close() }
        let bound = isRegular ? limit : min(limit, streamLimit)
        return try readAll(
            from: descriptor, kind: kind, limit: bound, truncating: truncating, isCancelled: isCancelled)
    }

    /// Whether `path` names a descriptor alq inherited (a pipe from the shell), not a named FIFO.
    static func isInheritedStream(_ path: String) -> Bool {
        path == "/dev/stdin" || path.hasPrefix("/dev/fd/") || path.hasPrefix("/proc/self/fd/")
    }

    /// Everything `descriptor` gives until its end: at most `limit` bytes of a regular file, at most
    /// `min(limit, streamLimit)` of anything else (what `descriptor` is decides, `kind` when it cannot
    /// be examined).
    public static func readAll(
        from descriptor: FileDescriptor, kind: FileSystem.Kind = .other, limit: Int = .max, truncating: Bool = false,
        isCancelled: (() -> Bool)? = nil
    ) throws(Failure) -> [UInt8] {
        let kind = (try? descriptor.stat()).map { FileSystem.Kind($0.type) } ?? kind
        let limit = kind == .file ? limit : min(limit, streamLimit)
        var bytes: [UInt8] = []
        if let size = try? descriptor.stat().size, size > 0 { bytes.reserveCapacity(Int(min(Int64(limit), size))) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        // A FIFO opened without blocking reads as ended until its writer comes; poll waits for it.
        let waits = kind != .file
        while true {
            if waits { try waitUntilReadable(descriptor, isCancelled: isCancelled) }
            let count: Int
            do {
                count = try chunk.withUnsafeMutableBytes { try descriptor.read(into: $0, retryOnInterrupt: true) }
            } catch let error as Errno where error == .wouldBlock || error == .resourceTemporarilyUnavailable {
                try waitUntilReadable(descriptor, isCancelled: isCancelled)
                continue
            } catch let error as Errno {
                throw .system(error)
            } catch {
                throw .system(.ioError)
            }
            if count == 0 { return bytes }
            if bytes.count + count > limit {
                if truncating {
                    bytes.append(contentsOf: chunk[0..<(limit - bytes.count)])
                    return bytes
                }
                throw .tooLarge(limit: limit, kind: kind)
            }
            bytes.append(contentsOf: chunk[0..<count])
            if isCancelled?() == true { throw .interrupted }
        }
    }

    private static func waitUntilReadable(_ descriptor: FileDescriptor, isCancelled: (() -> Bool)?) throws(Failure) {
        while true {
            var ready = pollfd(fd: descriptor.rawValue, events: Int16(POLLIN), revents: 0)
            let result = poll(&ready, 1, isCancelled == nil ? -1 : 50)
            if result > 0 || (result < 0 && errno != EINTR) { return }
            if isCancelled?() == true { throw .interrupted }
        }
    }

    static func sizeText(_ bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
