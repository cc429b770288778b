import ALQSyntax

/// Paths as the language gives them: a NUL character would silently cut the path where the system
/// reads it (`"data.csv\u{0}.json"` would write `data.csv` as JSON), so such a path is an error.
enum PathText {
    /// `path`, or `code` naming the problem when it contains a NUL character.
    static func checked(_ path: String, _ code: DiagnosticCode) throws(Diagnostic) -> String {
        guard path.utf8.contains(0) else { return path }
        let shown = path.replacingNUL()
        throw Diagnostic(code, "the path '\(shown)' contains a NUL character (\\u{0}), which no file name can hold")
    }
}

extension String {
    fileprivate func replacingNUL() -> String {
        String(unicodeScalars.map { $0 == "\0" ? "\\u{0}" : String($0) }.joined())
    }
}
