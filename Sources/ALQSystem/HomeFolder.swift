import Glibc

/// `~` expansion, as a shell does it for a word that starts with `~`.
public enum HomeFolder {
    /// `path` with a leading `~` (the user's home: `$HOME`, else the password database) or `~NAME`
    /// (NAME's home, from the password database) spelt out. Any other path, and a `~NAME` for an
    /// unknown user, comes back unchanged.
    ///
    /// `environment` defaults to the process's.
    public static func expanding(_ path: String, environment: [String: String]? = nil) -> String {
        guard path.first == "~" else { return path }
        let end = path.firstIndex(of: "/") ?? path.endIndex
        let user = path[path.index(after: path.startIndex)..<end]
        let home: String?
        if user.isEmpty {
            let variable = environment.map { $0["HOME"] } ?? getenv("HOME").map { String(cString: $0) }
            home = variable.flatMap { $0.isEmpty ? nil : $0 } ?? passwordHome(user: nil)
        } else {
            home = passwordHome(user: String(user))
        }
        guard let home else { return path }
        let rest = path[end...]
        if home.hasSuffix("/") && rest.hasPrefix("/") { return home + rest.dropFirst() }
        return home + rest
    }

    /// The home folder the password database gives `user` (the current user when `nil`).
    private static func passwordHome(user: String?) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16 * 1024)
        let status =
            if let user {
                getpwnam_r(user, &entry, &buffer, buffer.count, &result)
            } else {
                getpwuid_r(getuid(), &entry, &buffer, buffer.count, &result)
            }
        guard status == 0, result != nil, let directory = entry.pw_dir else { return nil }
        let home = String(cString: directory)
        return home.isEmpty ? nil : home
    }
}
