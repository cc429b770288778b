#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileSystem {
    /// The first `limit` bytes of a regular file (fewer when the file is shorter), and whether that is
    /// the whole file; `nil` when it is not a regular file or cannot be read. Never blocks on a FIFO
    /// or reads an endless device: completion calls it on paths the user is typing.
    static func readPrefix(_ path: String, limit: Int) -> (bytes: [UInt8], isWholeFile: Bool)? {
        guard kind(of: path) == .file else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: limit + 1)
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            filled += n
        }
        return (Array(bytes[0..<min(filled, limit)]), filled <= limit)
    }
}
