import ALQSyntax

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small wrappers over the C library's file calls, with messages users can act on.
enum FileSystem {
    /// What is at a path.
    enum Kind {
        case missing, file, directory, other
    }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// The permission bits of a file, or `nil` when it cannot be examined.
    static func mode(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode
    }

    /// The C library's text for the current `errno`.
    static func lastError() -> String {
        String(cString: strerror(errno))
    }

    /// Reads a whole file, or throws `E0401` saying why it cannot.
    static func readFile(_ path: String) throws(Diagnostic) -> [UInt8] {
        switch kind(of: path) {
        case .missing: throw Diagnostic(.cannotOpenFile, "cannot open '\(path)': no such file")
        case .directory: throw Diagnostic(.cannotOpenFile, "cannot open '\(path)': it is a directory")
        case .other: throw notRegular(path)
        case .file: break
        }
        // Non-blocking, so that a FIFO put in the file's place after the check cannot block the open.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw Diagnostic(.cannotOpenFile, "cannot open '\(path)': \(lastError().lowercased())") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw notRegular(path) }
        var bytes: [UInt8] = []
        if info.st_size > 0 { bytes.reserveCapacity(Int(info.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Diagnostic(.cannotOpenFile, "cannot read '\(path)': \(lastError().lowercased())")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// Devices (`/dev/zero`, `/dev/urandom`), FIFOs and sockets never end or block: `open` and `load`
    /// read regular files only.
    private static func notRegular(_ path: String) -> Diagnostic {
        Diagnostic(
            .cannotOpenFile, "cannot open '\(path)': it is not a regular file (a device, FIFO or socket)",
            help: "copy the data into a file first")
    }

    /// The folder part of a path (`.` for a bare file name).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component of a path.
    static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// The names in a folder, sorted, without `.` and `..`.
    static func entries(of folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
