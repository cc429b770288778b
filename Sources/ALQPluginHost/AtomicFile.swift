import ALQPluginAPI
import ALQSyntax

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file atomically: into a temporary file in the same folder, flushed to disk, then renamed
/// over the target. A failure, an interruption or a killed process leaves the old file (or none),
/// never a partial one; a killed process can leave a hidden `.NAME.alq-PID-N.tmp` file behind. Only a
/// regular file is replaced, keeping its mode and owner: a symbolic link, a device, a FIFO or a socket
/// at the path is an error, never silently replaced by a regular file.
enum AtomicFile {
    nonisolated(unsafe) private static var counter = 0

    /// Checks that `path` can be written, and says why not in the terms of `E0403`.
    static func checkWritable(_ path: String) throws(Diagnostic) {
        func fail(_ reason: String) -> Diagnostic { Diagnostic(.exportFailed, "cannot export to '\(path)': \(reason)") }
        if path.isEmpty { throw fail("the path is empty") }
        if path.hasSuffix("/") || FileSystem.kind(of: path) == .directory { throw fail("it is a directory") }
        let folder = FileSystem.folder(of: path)
        switch FileSystem.kind(of: folder) {
        case .missing: throw fail("the folder '\(folder)' does not exist")
        case .directory: break
        case .file, .other: throw fail("'\(folder)' is not a folder")
        }
        if access(folder, W_OK) != 0 { throw fail("the folder '\(folder)' is not writable") }
        var existing = stat()
        if lstat(path, &existing) == 0 {
            switch existing.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFLNK:
                throw fail(
                    "it is a symbolic link; exports replace only regular files (export to the file it points to)")
            default:
                throw fail("it is not a regular file (a device, FIFO or socket); exports replace only regular files")
            }
        }
        if FileSystem.kind(of: path) != .missing, access(path, W_OK) != 0 { throw fail("the file is not writable") }
    }

    /// Runs `body` with a sink into a temporary file next to `path`, then renames it to `path`.
    static func write(
        to path: String, isCancelled: (() -> Bool)? = nil, _ body: (any OutputSink) throws -> Void
    ) throws(Diagnostic) {
        try checkWritable(path)
        let folder = FileSystem.folder(of: path)
        counter += 1
        let temporary = "\(folder)/.\(FileSystem.fileName(of: path)).alq-\(getpid())-\(counter).tmp"
        // The handlers are in place before the temporary file exists.
        try TemporaryFileCleanup.guarding(temporary) { () throws(Diagnostic) in
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard fd >= 0 else {
                throw Diagnostic(.exportFailed, "cannot export to '\(path)': \(FileSystem.lastError().lowercased())")
            }
            if let mode = FileSystem.mode(of: path) { fchmod(fd, mode & 0o7777) }
            // The replaced file keeps its owner (only possible, and only needed, when running as root).
            var replaced = stat()
            if geteuid() == 0, stat(path, &replaced) == 0 { _ = fchown(fd, replaced.st_uid, replaced.st_gid) }
            var closed = false
            func abandon() {
                if !closed { close(fd) }
                unlink(temporary)
            }
            do {
                try body(DescriptorSink(descriptor: fd, label: "'\(path)'", isCancelled: isCancelled))
            } catch let diagnostic as Diagnostic {
                abandon()
                throw diagnostic
            } catch {
                abandon()
                throw Diagnostic(.exportFailed, "cannot export to '\(path)': \(error)")
            }
            if fsync(fd) != 0 && errno != EINVAL {
                let reason = FileSystem.lastError().lowercased()
                abandon()
                throw Diagnostic(.exportFailed, "cannot export to '\(path)': \(reason)")
            }
            closed = true
            if close(fd) != 0 {
                let reason = FileSystem.lastError().lowercased()
                abandon()
                throw Diagnostic(.exportFailed, "cannot export to '\(path)': \(reason)")
            }
            if rename(temporary, path) != 0 {
                let reason = FileSystem.lastError().lowercased()
                abandon()
                throw Diagnostic(.exportFailed, "cannot export to '\(path)': \(reason)")
            }
        }
    }
}
