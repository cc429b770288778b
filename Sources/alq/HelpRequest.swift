#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Help asked for in ways the argument parser does not know: `alq help`, `alq -help`, `alq -?`,
/// `alq /?`, `alq --usage`. `help` alone or followed by a topic counts only when no script file named
/// `help` exists in the current folder.
enum HelpRequest {
    static let spellings: Set<String> = ["-help", "-?", "/?", "--usage", "-usage", "--h", "-H", "--Help", "--HELP"]

    static func isHelp(_ arguments: [String]) -> Bool {
        guard let first = arguments.first else { return false }
        if spellings.contains(first) { return true }
        if first == "help" || first == "?" { return access(first, F_OK) != 0 }
        return false
    }
}
