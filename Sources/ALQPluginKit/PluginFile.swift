#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading the file a reader is asked for, without Foundation.
public enum PluginFile {
    /// The whole file's bytes; a ``PluginError`` saying why when it cannot be read (`no such file or
    /// directory`, `is a directory`, …).
    public static func contents(of path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw PluginError("cannot read '\(path)': \(reason())") }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw PluginError("cannot read '\(path)': \(reason())") }
            if count == 0 { return bytes }
            bytes += buffer[0..<count]
        }
    }

    private static func reason() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}
