/// One lexical token and where it is.
public struct Token: Sendable, Equatable {
    public var kind: TokenKind
    public var span: Span

    public init(_ kind: TokenKind, _ span: Span) {
        self.kind = kind
        self.span = span
    }
}

/// What a token is.
public enum TokenKind: Sendable, Equatable {
    case number(Double)
    case string(String)
    case identifier(String)
    /// A reserved word: `let`, `and`, `or`, `not`, `true`, `false`, `null`, `in`, `load`, `if`, `then`,
    /// `else`, `fn`.
    case keyword(Keyword)
    case symbol(Symbol)
    /// The end of a statement: a newline outside brackets, or `;`.
    case separator
    case endOfFile

    /// How the token is described in messages: `'|'`, `number`, `end of input`.
    public var description: String {
        switch self {
        case .number: "number"
        case .string: "string"
        case .identifier(let name): "'\(name)'"
        case .keyword(let keyword): "'\(keyword.rawValue)'"
        case .symbol(let symbol): "'\(symbol.rawValue)'"
        case .separator: "end of statement"
        case .endOfFile: "end of input"
        }
    }
}

/// The reserved words of the language.
public enum Keyword: String, Sendable, CaseIterable {
    case `let`, and, or, not, `true`, `false`, null, `in`, load, `if`, then, `else`, fn
}

/// Punctuation and operators.
public enum Symbol: String, Sendable, CaseIterable {
    case leftParen = "("
    case rightParen = ")"
    case leftBracket = "["
    case rightBracket = "]"
    case leftBrace = "{"
    case rightBrace = "}"
    case comma = ","
    case dot = "."
    case colon = ":"
    case pipe = "|"
    case plus = "+"
    case minus = "-"
    case star = "*"
    case slash = "/"
    case percent = "%"
    case equal = "="
    case equalEqual = "=="
    case bangEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
}
