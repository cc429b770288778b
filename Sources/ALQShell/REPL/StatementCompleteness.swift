import ALQSyntax

/// Decides whether typed text is a whole statement or needs another line. As in scripts, a newline
/// ends a statement except inside brackets and after a trailing `|`; a trailing binary operator does
/// not continue the line (the language reports the missing operand where it is missing).
enum StatementCompleteness {
    /// Whether the REPL should read another line before running `text`.
    static func needsMoreInput(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace
        if trimmed.isEmpty || trimmed.hasPrefix(":") { return false }
        let tokens = Lexer.tokenize(SourceFile(name: "<input>", text: text)).tokens
        var depth = 0
        for token in tokens {
            guard case .symbol(let symbol) = token.kind else { continue }
            switch symbol {
            case .leftParen, .leftBracket, .leftBrace: depth += 1
            case .rightParen, .rightBracket, .rightBrace: depth = max(0, depth - 1)
            default: break
            }
        }
        if depth > 0 { return true }
        return tokens.last(where: { $0.kind != .endOfFile })?.kind == .symbol(.pipe)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
