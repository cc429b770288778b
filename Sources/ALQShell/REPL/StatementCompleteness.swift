import ALQSyntax

/// Decides whether typed text is a whole statement or needs another line: an open bracket, or a
/// line that ends with `|`, an operator, `,` or `=`, asks for more.
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
            case .rightParen, .rightBracket, .rightBrace: depth -= 1
            default: break
            }
        }
        if depth > 0 { return true }
        guard let last = tokens.last(where: { $0.kind != .endOfFile }) else { return false }
        switch last.kind {
        case .symbol(let symbol):
            let continuing: Set<Symbol> = [
                .pipe, .plus, .minus, .star, .slash, .comma, .equal, .equalEqual, .bangEqual, .less,
                .lessEqual, .greater, .greaterEqual, .dot, .leftParen, .leftBracket, .leftBrace, .colon,
            ]
            return continuing.contains(symbol)
        case .keyword(let keyword):
            return [.and, .or, .not, .let, .in, .load].contains(keyword)
        default:
            return false
        }
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
