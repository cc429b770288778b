import Glibc
import Synchronization
import SystemPackage

/// Replacing a file atomically: the new content goes into a temporary file in the same folder, is
/// flushed to disk (`fsync`), then renamed over the target. A failure, an interruption or a killed
/// process leaves the old file (or none), never a partial one; a killed process can leave a hidden
/// `.NAME.alq-PID-N.tmp` file behind.
///
/// Only a regular file (or nothing) is replaced: a directory, a symbolic link, a FIFO, a device or a
/// socket at the path is refused with ``Failure``, never replaced silently. A replaced file keeps its
/// permission bits, and its owner and group as far as the user may give them (root keeps both; others
/// keep the group when they belong to it).
public enum AtomicFile {
    /// The temporary file the body writes: by descriptor, or by path for a library that opens files
    /// itself (it must write to this path, not create another file).
    public struct TemporaryFile: Sendable {
        public let descriptor: FileDescriptor
        public let path: String
    }

    /// Why a path cannot be replaced.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case emptyPath
        case directory
        /// A symbolic link, FIFO, device or socket is at the path.
        case notRegular(FileSystem.Kind)
        case missingFolder(String)
        case notAFolder(String)
        case folderNotWritable(String)
        case notWritable
        /// A system call failed; `step` says which ("create the temporary file", "rename", …).
        case system(Errno, step: String)

        /// The reason, for use after "cannot write 'PATH': ".
        public var description: String {
            switch self {
            case .emptyPath: "the path is empty"
            case .directory: "it is a directory"
            case .notRegular(let kind):
                "it is \(kind.description), not a regular file; alq replaces only regular files"
            case .missingFolder(let folder): "the folder '\(folder)' does not exist"
            case .notAFolder(let folder): "'\(folder)' is not a folder"
            case .folderNotWritable(let folder): "the folder '\(folder)' is not writable"
            case .notWritable: "the file is not writable"
            case .system(let errno, _): errno.sentence
            }
        }

        /// What the user can do instead, where there is something to say.
        public var suggestion: String? {
            switch self {
            case .notRegular(.symbolicLink): "name the file the link points to"
            case .notRegular: "write to standard output and redirect it, or name a regular file"
            default: nil
            }
        }
    }

    /// Numbers the temporary files of this process.
    private static let counter = Atomic<Int>(0)

    /// Checks that `path` names a regular file (or nothing) in a writable folder.
    public static func checkReplaceable(_ path: String) throws(Failure) {
        if path.isEmpty { throw .emptyPath }
        if path.hasSuffix("/") { throw .directory }
        let existing = FileSystem.kind(of: path, followingLinks: false)
        switch existing {
        case .missing, .file: break
        case .directory: throw .directory
        default: throw .notRegular(existing)
        }
        let folder = FileSystem.folder(of: path)
        switch FileSystem.kind(of: folder) {
        case .missing: throw .missingFolder(folder)
        case .directory: break
        default: throw .notAFolder(folder)
        }
        if !FileSystem.isWritable(folder) { throw .folderNotWritable(folder) }
        if existing == .file, !FileSystem.isWritable(path) { throw .notWritable }
    }

    /// Runs `body` with a temporary file next to `path`, then makes it `path`: owner and mode of the
    /// file it replaces, or `newFileMode` (less the umask) for a new file.
    ///
    /// An error thrown by `body` is rethrown as it is, after the temporary file is removed; the
    /// helper's own failures are ``Failure``s.
    public static func replace(
        _ path: String, newFileMode: mode_t = 0o666, _ body: (TemporaryFile) throws -> Void
    ) throws {
        try checkReplaceable(path)
        let folder = FileSystem.folder(of: path)
        let number = counter.wrappingAdd(1, ordering: .relaxed).newValue
        let temporaryPath = "\(folder)/.\(FileSystem.fileName(of: path)).alq-\(getpid())-\(number).tmp"
        // The signal handlers are in place before the temporary file exists.
        try TemporaryFileCleanup.guarding(temporaryPath) {
            let descriptor: FileDescriptor
            do {
                descriptor = try FileDescriptor.open(
                    FilePath(temporaryPath), .writeOnly, options: [.create, .exclusiveCreate, .closeOnExec, .noFollow],
                    permissions: FilePermissions(rawValue: CInterop.Mode(newFileMode)))
            } catch {
                throw Failure.system(error as? Errno ?? .ioError, step: "create the temporary file")
            }
            var open = true
            func abandon() {
                if open { try? descriptor.close() }
                unlink(temporaryPath)
            }
            do {
                try body(TemporaryFile(descriptor: descriptor, path: temporaryPath))
                if let original = FileSystem.status(of: path, followingLinks: false), original.type == .regular {
                    keepOwnerAndMode(of: original, on: descriptor)
                }
                if fsync(descriptor.rawValue) != 0 && errno != EINVAL && errno != EROFS {
                    throw Failure.system(Errno(rawValue: errno), step: "flush the file to disk")
                }
                open = false
                do {
                    try descriptor.close()
                } catch {
                    throw Failure.system(error as? Errno ?? .ioError, step: "close the file")
                }
                if rename(temporaryPath, path) != 0 {
                    throw Failure.system(Errno(rawValue: errno), step: "rename the temporary file")
                }
            } catch {
                abandon()
                throw error
            }
        }
        syncFolder(folder)
    }

    /// Gives the temporary file the replaced file's owner, group and mode. Ownership first: `fchown`
    /// clears set-id bits.
    private static func keepOwnerAndMode(of original: Stat, on descriptor: FileDescriptor) {
        let uid = original.userID.rawValue
        let gid = original.groupID.rawValue
        if let current = try? descriptor.stat(), current.userID.rawValue != uid || current.groupID.rawValue != gid {
            if fchown(descriptor.rawValue, uid, gid) != 0 { _ = fchown(descriptor.rawValue, uid_t.max, gid) }
        }
        _ = fchmod(descriptor.rawValue, mode_t(original.mode.rawValue) & 0o7777)
    }

    /// Flushes the folder's entry list, so that the rename itself survives a crash; best effort.
    private static func syncFolder(_ folder: String) {
        guard let descriptor = try? FileDescriptor.open(FilePath(folder), .readOnly, options: [.directory]) else {
            return
        }
        _ = fsync(descriptor.rawValue)
        try? descriptor.close()
    }
}
