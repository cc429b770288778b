import Glibc
import SystemPackage

/// What is at a path, and the small path and folder helpers every file operation shares.
public enum FileSystem {
    /// What is at a path.
    public enum Kind: Sendable, Equatable {
        case missing, file, directory, symbolicLink, fifo, characterDevice, blockDevice, socket, other

        /// How messages name it: "a FIFO (named pipe)", "a character device", …
        public var description: String {
            switch self {
            case .missing: "nothing"
            case .file: "a regular file"
            case .directory: "a directory"
            case .symbolicLink: "a symbolic link"
            case .fifo: "a FIFO (named pipe)"
            case .characterDevice: "a character device"
            case .blockDevice: "a block device"
            case .socket: "a socket"
            case .other: "not a regular file"
            }
        }

        init(_ type: FileType) {
            switch type {
            case .regular: self = .file
            case .directory: self = .directory
            case .symbolicLink: self = .symbolicLink
            case .fifo: self = .fifo
            case .characterSpecial: self = .characterDevice
            case .blockSpecial: self = .blockDevice
            case .socket: self = .socket
            default: self = .other
            }
        }
    }

    /// What is at `path`; with `followingLinks` (the default) a link is described by its target.
    public static func kind(of path: String, followingLinks: Bool = true) -> Kind {
        guard let status = status(of: path, followingLinks: followingLinks) else { return .missing }
        return Kind(status.type)
    }

    /// `stat` (or `lstat`) of a path, or `nil` when there is nothing to examine.
    public static func status(of path: String, followingLinks: Bool = true) -> Stat? {
        try? FilePath(path).stat(followTargetSymlink: followingLinks)
    }

    /// The permission bits of a file (with set-id and sticky bits), or `nil` when it cannot be examined.
    public static func mode(of path: String) -> mode_t? {
        status(of: path).map { mode_t($0.mode.rawValue) & 0o7777 }
    }

    /// Whether the current user may write to `path` (`access(W_OK)`).
    public static func isWritable(_ path: String) -> Bool {
        access(path, W_OK) == 0
    }

    /// Whether the current user may run `path` (`access(X_OK)`).
    public static func isExecutable(_ path: String) -> Bool {
        access(path, X_OK) == 0
    }

    /// The folder part of a path (`.` for a bare file name).
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component of a path.
    public static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// The last component of a path without its extension: `facts` for `out/facts.xlsx`; a name that
    /// starts with its only dot (`.alqrc`) is kept whole.
    public static func baseName(of path: String) -> String {
        let name = fileName(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The names in a folder, sorted, without `.` and `..`; none when it cannot be listed.
    public static func entries(of folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// The C library's text for the current `errno`, in lower case for use inside a sentence.
    public static func lastError() -> String {
        Errno(rawValue: errno).sentence
    }
}

extension Errno {
    /// The error's text in lower case, for use inside a sentence ("no such file or directory").
    public var sentence: String { description.lowercased() }
}
