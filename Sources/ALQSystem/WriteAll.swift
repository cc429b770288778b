import Glibc
import SystemPackage

extension FileDescriptor {
    /// Writes every byte of `bytes`: a partial write goes on with the rest, an interrupted one
    /// (`EINTR`) is retried, and on a non-blocking descriptor `EAGAIN` waits until it can take more.
    /// Any other failure (`EPIPE` on a closed pipe, `ENOSPC` on a full disk) is thrown.
    public func writeAllBytes(_ bytes: UnsafeRawBufferPointer) throws(Errno) {
        try FileDescriptor.writeAll(bytes) { (chunk) throws(Errno) -> Int in
            do {
                return try write(chunk, retryOnInterrupt: false)
            } catch let error as Errno where error == .wouldBlock || error == .resourceTemporarilyUnavailable {
                var ready = pollfd(fd: rawValue, events: Int16(POLLOUT), revents: 0)
                _ = poll(&ready, 1, -1)
                return 0
            } catch let error as Errno {
                throw error
            } catch {
                throw .ioError
            }
        }
    }

    /// Writes every byte of a byte array; see ``writeAllBytes(_:)-(UnsafeRawBufferPointer)``.
    public func writeAllBytes(_ bytes: [UInt8]) throws(Errno) {
        do {
            try bytes.withUnsafeBytes { try writeAllBytes($0) }
        } catch let error as Errno {
            throw error
        } catch {
            throw .ioError
        }
    }

    /// The loop of ``writeAllBytes(_:)``, over any single-write function (tests give it one that writes
    /// a few bytes at a time and fails with `EINTR` now and then). `writeOnce` returns how many bytes
    /// it wrote; 0 means "try again".
    static func writeAll(
        _ bytes: UnsafeRawBufferPointer, writeOnce: (UnsafeRawBufferPointer) throws(Errno) -> Int
    ) throws(Errno) {
        var offset = 0
        while offset < bytes.count {
            let written: Int
            do {
                written = try writeOnce(UnsafeRawBufferPointer(rebasing: bytes[offset...]))
            } catch  where error == .interrupted {
                continue
            }
            offset += written
        }
    }
}
