#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The persistent history file: where it is, reading it at start, and adding entries safely while
/// other REPLs use the same file.
///
/// Every new entry is saved at once: under an exclusive lock on `<file>.lock` the file is read again,
/// the entry is appended (unless it repeats the last one), the oldest entries beyond the limit are
/// dropped, and the result is written to a temporary file that is renamed over the old one. Readers
/// therefore always see a whole file, and two REPLs never lose each other's entries.
struct HistoryStore {
    /// The history file.
    let path: String
    /// The most entries kept.
    let limit: Int
    /// Set when the file exists but cannot be read: nothing is written to it then.
    private(set) var isReadOnly = false

    static let defaultLimit = 2000

    init(path: String, limit: Int = HistoryStore.defaultLimit) {
        self.path = path
        self.limit = max(1, limit)
    }

    /// The history file: `$ALQ_HISTORY`, else `$XDG_STATE_HOME/alq/history`, else
    /// `~/.local/state/alq/history`; nil when there is no home folder.
    static func defaultPath(environment: [String: String]) -> String? {
        if let explicit = environment["ALQ_HISTORY"], !explicit.isEmpty { return explicit }
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/alq/history" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/alq/history"
    }

    /// The size limit: `$ALQ_HISTORY_SIZE` when it is a positive number, else the default.
    static func limit(environment: [String: String]) -> Int {
        environment["ALQ_HISTORY_SIZE"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? defaultLimit
    }

    /// Reads the entries, oldest first. A missing file is an empty history; a file that exists but
    /// cannot be read gives a warning and makes the store read-only.
    mutating func load() -> (entries: [String], warning: String?) {
        guard access(path, F_OK) == 0 else { return ([], nil) }
        if let reason = unreadableReason() {
            isReadOnly = true
            return ([], "cannot read the history file \(path): \(reason); history will not be saved this session")
        }
        guard let entries = LineEditor.readHistoryFile(path) else {
            isReadOnly = true
            return ([], "\(path) is not a history file alq can read; history will not be saved this session")
        }
        return (Array(entries.suffix(limit)), nil)
    }

    private func unreadableReason() -> String? {
        var info = stat()
        if stat(path, &info) != 0 { return String(cString: strerror(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return "it is a folder" }
        let descriptor = open(path, O_RDONLY)
        if descriptor < 0 { return String(cString: strerror(errno)) }
        close(descriptor)
        return nil
    }

    /// Appends one entry to the file, merging with entries other REPLs wrote; returns a warning when
    /// the file cannot be written.
    func append(_ entry: String) -> String? {
        guard !isReadOnly else { return nil }
        if let problem = makeParentFolder() { return problem }
        let lock = open(path + ".lock", O_RDWR | O_CREAT, 0o600)
        if lock < 0 { return "cannot lock the history file \(path).lock: \(String(cString: strerror(errno)))" }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            if errno != EINTR { return "cannot lock the history file: \(String(cString: strerror(errno)))" }
        }
        defer { flock(lock, LOCK_UN) }
        var entries = access(path, F_OK) == 0 ? (LineEditor.readHistoryFile(path) ?? []) : []
        if entries.last != entry { entries.append(entry) }
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        let temporary = path + ".tmp.\(getpid())"
        guard LineEditor.writeHistoryFile(temporary, entries: entries) else {
            unlink(temporary)
            return "cannot write the history file \(path): \(String(cString: strerror(errno)))"
        }
        chmod(temporary, 0o600)
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return "cannot replace the history file \(path): \(reason)"
        }
        return nil
    }

    private func makeParentFolder() -> String? {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return nil }
        let folder = String(path[..<slash])
        var prefixes = folder.indices.filter { folder[$0] == "/" && $0 != folder.startIndex }.map { String(folder[..<$0]) }
        prefixes.append(folder)
        for prefix in prefixes where mkdir(prefix, 0o700) != 0 && errno != EEXIST {
            return "cannot create the history folder \(prefix): \(String(cString: strerror(errno)))"
        }
        return nil
    }
}
