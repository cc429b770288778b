import Glibc
import SystemPackage

/// A regular file opened for reading parts of it at chosen offsets (`pread`), so a reader can take a
/// large file in chunks instead of holding all its bytes (`open()` of a CSV file).
///
/// Only regular files: anything else (a pipe, a device) has no size to plan chunks by and is read
/// whole through ``FileContents``. The file closes when the value goes away.
public final class FileRegions {
    private let descriptor: FileDescriptor
    /// The file's size in bytes when it was opened.
    public let size: Int

    /// Opens the regular file at `path`; `nil` when it is not a regular file or cannot be opened (the
    /// caller then reads it through ``FileContents``, which says why).
    public init?(path: String) {
        guard FileSystem.kind(of: path) == .file,
            let descriptor = try? FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec])
        else { return nil }
        guard let status = try? descriptor.stat(), FileSystem.Kind(status.type) == .file else {
            try? descriptor.close()
            return nil
        }
        self.descriptor = descriptor
        size = Int(status.size)
    }

    deinit { try? descriptor.close() }

    /// Fills `buffer` from the file's bytes at `offset`; returns how many bytes it read (fewer than the
    /// buffer's size only at the end of the file).
    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(FileContents.Failure) -> Int {
        var done = 0
        while done < buffer.count {
            let part = UnsafeMutableRawBufferPointer(rebasing: buffer[done...])
            let count: Int
            do {
                count = try descriptor.read(
                    fromAbsoluteOffset: Int64(offset + done), into: part, retryOnInterrupt: true)
            } catch let error as Errno {
                throw .system(error)
            } catch {
                throw .system(.ioError)
            }
            if count == 0 { break }
            done += count
        }
        return done
    }
}
