import ALQSyntax
import ALQSystem
import Glibc

/// Where plugins and packs are loaded from, and the checks before one is run.
///
/// Only paths the user names (`load "path"`, `--plugin PATH`, `ALQ_PLUGIN_PATH`) and the plugin
/// folder (`$XDG_DATA_HOME/alq/plugins`, else `~/.local/share/alq/plugins`) are ever loaded.
public enum PluginLocations {
    /// An environment variable's value, if set and not empty.
    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }

    /// The plugin folder.
    public static var pluginFolder: String? {
        if let data = environment("XDG_DATA_HOME"), data.hasPrefix("/") { return data + "/alq/plugins" }
        guard let home = environment("HOME") else { return nil }
        return home + "/.local/share/alq/plugins"
    }

    /// The seconds a plugin may take to answer: `ALQ_PLUGIN_TIMEOUT`, else 10.
    public static var timeout: Double {
        environment("ALQ_PLUGIN_TIMEOUT").flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil } ?? 10
    }

    /// Whether a path names a region pack (a `.json` file) rather than a plugin executable.
    static func isPack(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".json")
    }

    /// The files of a folder that are plugins or packs: executables and `.json` files, not hidden ones.
    static func candidates(in folder: String) -> [String] {
        FileSystem.entries(of: folder).filter { !$0.hasPrefix(".") }.map { "\(folder)/\($0)" }.filter { path in
            FileSystem.kind(of: path) == .file && (isPack(path) || FileSystem.isExecutable(path))
        }
    }

    /// Every path to load at start, in order: the plugin folder's plugins and packs, then the entries
    /// of `ALQ_PLUGIN_PATH` (files, or folders of them), then `explicit` (the `--plugin` paths).
    /// `environment` defaults to the process's.
    public static func startupPaths(explicit: [String], environment: [String: String]? = nil) -> [String] {
        func variable(_ name: String) -> String? {
            guard let environment else { return Self.environment(name) }
            return environment[name].flatMap { $0.isEmpty ? nil : $0 }
        }
        var paths: [String] = []
        var folder: String?
        if let data = variable("XDG_DATA_HOME"), data.hasPrefix("/") {
            folder = data + "/alq/plugins"
        } else if let home = variable("HOME") {
            folder = home + "/.local/share/alq/plugins"
        }
        if let folder, FileSystem.kind(of: folder) == .directory { paths += candidates(in: folder) }
        for entry in (variable("ALQ_PLUGIN_PATH") ?? "").split(separator: ":").map(String.init) {
            let entry = HomeFolder.expanding(entry, environment: environment)
            paths += FileSystem.kind(of: entry) == .directory ? candidates(in: entry) : [entry]
        }
        return paths + explicit
    }

    /// Checks that `path` may be run as a plugin; says why not with `E0501`.
    static func checkRunnable(_ path: String) throws(Diagnostic) {
        switch FileSystem.kind(of: path) {
        case .missing: throw Diagnostic(.pluginFailed, "cannot load plugin '\(path)': no such file")
        case .directory:
            throw Diagnostic(.pluginFailed, "cannot load plugin '\(path)': it is a directory, not a plugin")
        case .file: break
        default: throw Diagnostic(.pluginFailed, "cannot load plugin '\(path)': it is not a regular file")
        }
        guard let mode = FileSystem.mode(of: path) else {
            throw Diagnostic(.pluginFailed, "cannot load plugin '\(path)': \(FileSystem.lastError())")
        }
        if mode & S_IWOTH != 0 {
            throw Diagnostic(
                .pluginFailed, "refusing to run plugin '\(path)': any user can write to it",
                help: "make it writable by its owner only: chmod o-w '\(path)'")
        }
        try checkFolders(of: path, what: "run plugin")
        if !FileSystem.isExecutable(path) {
            throw Diagnostic(
                .pluginFailed, "cannot load plugin '\(path)': it is not executable",
                help: "make it executable: chmod +x '\(path)'")
        }
    }

    /// Checks a region pack found at start: neither it nor a folder it lives in may be writable by
    /// every user (`E0501`), since a pack's facts are trusted as a plugin's code is run.
    static func checkPack(_ path: String) throws(Diagnostic) {
        if let mode = FileSystem.mode(of: path), mode & S_IWOTH != 0 {
            throw Diagnostic(
                .pluginFailed, "refusing to load region pack '\(path)': any user can write to it",
                help: "make it writable by its owner only: chmod o-w '\(path)'")
        }
        try checkFolders(of: path, what: "load region pack")
    }

    /// Checks that no other user can replace the file at `path`: neither its folder nor any folder above
    /// it may be writable by every user (unless it has the sticky bit, like `/tmp`), and a symbolic link
    /// is judged by where it leads too (every link resolved), since the file it names lives there.
    /// `what` names the refused action: `run plugin`, `load region pack`.
    static func checkFolders(of path: String, what: String) throws(Diagnostic) {
        var folders = [FileSystem.folder(of: path)]
        if let resolved = realpath(path, nil) {
            var folder = FileSystem.folder(of: String(cString: resolved))
            free(resolved)
            while true {
                if !folders.contains(folder) { folders.append(folder) }
                let parent = FileSystem.folder(of: folder)
                if parent == folder || folder.isEmpty { break }
                folder = parent
            }
        }
        for folder in folders {
            if let folderMode = FileSystem.mode(of: folder), folderMode & S_IWOTH != 0, folderMode & S_ISVTX == 0 {
                throw Diagnostic(
                    .pluginFailed,
                    "refusing to \(what) '\(path)': any user can replace it, because any user can write to the folder '\(folder)'",
                    help: "move it to a folder only you can write to, or: chmod o-w '\(folder)'")
            }
        }
    }
}
