import ALQSystem
import Glibc
import SystemPackage

/// The persistent history file: where it is, reading it at start, and adding entries safely while
/// other REPLs use the same file.
///
/// Every new entry is saved at once: under an exclusive lock on `<file>.lock` the file is read again,
/// the entry is appended (unless it repeats the last one), the oldest entries beyond the limit are
/// dropped, and the file is replaced atomically (``AtomicFile``: it keeps its owner and mode; a new one
/// is private to the user). Readers therefore always see a whole file, and two REPLs never lose each
/// other's entries.
struct HistoryStore {
    /// The history file.
    let path: String
    /// The most entries kept.
    let limit: Int
    /// Set when the file exists but cannot be read: nothing is written to it then.
    private(set) var isReadOnly = false

    static let defaultLimit = 2000

    init(path: String, limit: Int = HistoryStore.defaultLimit) {
        // A symbolic link (a history kept with other dotfiles) is followed, so that saving replaces
        // the file it points to rather than the link.
        if let resolved = realpath(path, nil) {
            self.path = String(cString: resolved)
            free(resolved)
        } else {
            self.path = path
        }
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

    /// Reads the entries, oldest first. A missing or empty file is an empty history; a device such
    /// as /dev/null turns history saving off; a file that cannot be read gives a warning and makes
    /// the store read-only, leaving the file untouched.
    mutating func load() -> (entries: [String], warning: String?) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return ([], nil) }
            isReadOnly = true
            return (
                [],
                "cannot read the history file \(path): \(String(cString: strerror(errno))); history will not be saved this session"
            )
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            break
        case S_IFCHR:
            isReadOnly = true
            return ([], nil)
        case S_IFDIR:
            isReadOnly = true
            return ([], "cannot read the history file \(path): it is a folder; history will not be saved this session")
        default:
            isReadOnly = true
            return ([], "the history file \(path) is not a regular file; history will not be saved this session")
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            isReadOnly = true
            return (
                [],
                "cannot read the history file \(path): \(String(cString: strerror(errno))); history will not be saved this session"
            )
        }
        close(descriptor)
        if info.st_size == 0 { return ([], nil) }
        guard let entries = LineEditor.readHistoryFile(path) else {
            isReadOnly = true
            return ([], "\(path) is not a history file alq can read; history will not be saved this session")
        }
        return (Array(entries.suffix(limit)), nil)
    }

    /// The entries in the file now, for tests.
    var currentEntriesForTesting: [String] { currentEntries() }

    /// The entries in the file now (none when it is missing or empty).
    private func currentEntries() -> [String] {
        guard let status = FileSystem.status(of: path), status.size > 0 else { return [] }
        return LineEditor.readHistoryFile(path) ?? []
    }

    /// Appends one entry to the file, merging with entries other REPLs wrote; returns a warning when
    /// the file cannot be written.
    func append(_ entry: String) -> String? {
        guard !isReadOnly else { return nil }
        // A device such as /dev/null (or a FIFO) turns saving off; it is never replaced.
        if ![.missing, .file].contains(FileSystem.kind(of: path)) { return nil }
        if let problem = makeParentFolder() { return problem }
        let lock = open(path + ".lock", O_RDWR | O_CREAT, 0o600)
        if lock < 0 { return "cannot lock the history file \(path).lock: \(String(cString: strerror(errno)))" }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            if errno != EINTR { return "cannot lock the history file: \(String(cString: strerror(errno)))" }
        }
        defer { flock(lock, LOCK_UN) }
        var entries = currentEntries()
        if entries.last != entry { entries.append(entry) }
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        do {
            try AtomicFile.replace(path, newFileMode: 0o600) { temporary in
                guard LineEditor.writeHistoryFile(temporary.path, entries: entries) else {
                    throw AtomicFile.Failure.system(Errno(rawValue: errno), step: "write the history")
                }
            }
        } catch {
            return "cannot write the history file \(path): \(error)"
        }
        return nil
    }

    private func makeParentFolder() -> String? {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return nil }
        let folder = String(path[..<slash])
        var prefixes = folder.indices.filter { folder[$0] == "/" && $0 != folder.startIndex }.map {
            String(folder[..<$0])
        }
        prefixes.append(folder)
        for prefix in prefixes where mkdir(prefix, 0o700) != 0 && errno != EEXIST {
            return "cannot create the history folder \(prefix): \(String(cString: strerror(errno)))"
        }
        return nil
    }
}
