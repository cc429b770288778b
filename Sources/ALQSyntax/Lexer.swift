/// Turns source text into tokens, reporting every lexical error rather than stopping at the first.
///
/// Newlines end statements only outside brackets, and not when the line ends with `|` or the next
/// line starts with `|`: a pipeline may be written over several lines either way.
public struct Lexer {
    private let file: SourceFile
    private let bytes: [UInt8]
    private var offset = 0
    /// The brackets open at this point; newlines inside them do not end statements.
    private var openBrackets: [Symbol] = []
    public private(set) var tokens: [Token] = []
    public private(set) var diagnostics: [Diagnostic] = []
    /// The last look past blank and comment lines: where it stopped and whether a `|` is there. A newline
    /// before `end` sees the same, so runs of blank lines are scanned once, not once per line.
    private var lookahead: (end: Int, pipe: Bool)?

    /// Lexes the whole file.
    public static func tokenize(_ file: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(file: file)
        lexer.run()
        return (lexer.tokens, lexer.diagnostics)
    }

    private init(file: SourceFile) {
        self.file = file
        self.bytes = file.bytes
    }

    private mutating func run() {
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                offset += 1
            case UInt8(ascii: "\n"):
                offset += 1
                newline(at: offset - 1)
            case UInt8(ascii: "#"):
                while offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") { offset += 1 }
            case UInt8(ascii: ";"):
                addSeparator(Span(start: offset, end: offset + 1))
                offset += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                number()
            case UInt8(ascii: "."):
                if offset + 1 < bytes.count, isDigit(bytes[offset + 1]) { number() } else { symbol() }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                string(quote: byte)
            case UInt8(ascii: "`"):
                quotedIdentifier()
            default:
                if byte < 0x80 {
                    if isIdentifierStart(byte) { identifier() } else { symbol() }
                } else {
                    nonASCII()
                }
            }
        }
        if let last = tokens.last, last.kind == .separator { tokens.removeLast() }
        tokens.append(Token(.endOfFile, Span(start: bytes.count, end: bytes.count)))
    }

    private mutating func newline(at position: Int) {
        guard openBrackets.isEmpty else { return }
        if let last = tokens.last, last.kind == .symbol(.pipe) { return }
        if nextLineStartsWithPipe() { return }
        addSeparator(Span(start: position, end: position + 1))
    }

    private mutating func nextLineStartsWithPipe() -> Bool {
        if let lookahead, offset <= lookahead.end { return lookahead.pipe }
        var index = offset
        defer { lookahead = (index, index < bytes.count && bytes[index] == UInt8(ascii: "|")) }
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                index += 1
            case UInt8(ascii: "#"):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "|"):
                return true
            default:
                return false
            }
        }
        return false
    }

    private mutating func addSeparator(_ span: Span) {
        guard let last = tokens.last, last.kind != .separator else { return }
        tokens.append(Token(.separator, span))
    }

    private mutating func number() {
        let start = offset
        var digits = ""
        func takeDigits(_ lexer: inout Lexer) {
            while lexer.offset < lexer.bytes.count {
                let byte = lexer.bytes[lexer.offset]
                if lexer.isDigit(byte) {
                    digits.append(Character(Unicode.Scalar(byte)))
                } else if byte != UInt8(ascii: "_") {
                    break
                }
                lexer.offset += 1
            }
        }
        takeDigits(&self)
        if offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "."), isDigit(bytes[offset + 1]) {
            digits.append(".")
            offset += 1
            takeDigits(&self)
        } else if digits.isEmpty, offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            digits.append("0.")
            offset += 1
            takeDigits(&self)
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            var lookahead = offset + 1
            if lookahead < bytes.count, bytes[lookahead] == UInt8(ascii: "+") || bytes[lookahead] == UInt8(ascii: "-") {
                lookahead += 1
            }
            if lookahead < bytes.count, isDigit(bytes[lookahead]) {
                digits.append("e")
                if bytes[offset + 1] == UInt8(ascii: "-") { digits.append("-") }
                offset = lookahead
                takeDigits(&self)
            }
        }
        let span = Span(start: start, end: offset)
        guard let value = Double(digits), value.isFinite else {
            diagnostics.append(
                Diagnostic(
                    .numberOutOfRange, "number \(file.text(of: span)) is too large to represent",
                    span: span, file: file, help: "numbers must lie within ±1.8e308"))
            tokens.append(Token(.number(0), span))
            return
        }
        tokens.append(Token(.number(value), span))
    }

    private mutating func string(quote: UInt8) {
        let start = offset
        offset += 1
        var scalars: [UInt8] = []
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == quote {
                offset += 1
                tokens.append(Token(.string(String(decoding: scalars, as: UTF8.self)), Span(start: start, end: offset)))
                return
            }
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: "\\") {
                escape(into: &scalars)
                continue
            }
            scalars.append(byte)
            offset += 1
        }
        let span = Span(start: start, end: offset)
        diagnostics.append(
            Diagnostic(
                .unterminatedString, "unterminated string", span: Span(start: start, end: start + 1), file: file,
                help: "close the string with \(Character(Unicode.Scalar(quote))) before the end of the line"))
        tokens.append(Token(.string(String(decoding: scalars, as: UTF8.self)), span))
    }

    /// `r"…"`: a raw string, where a backslash is just a backslash (for patterns: `r"\d+"`).
    private mutating func rawString(start: Int) {
        let quote = bytes[offset]
        offset += 1
        let contentStart = offset
        while offset < bytes.count, bytes[offset] != quote, bytes[offset] != UInt8(ascii: "\n") { offset += 1 }
        let text = String(decoding: bytes[contentStart..<offset], as: UTF8.self)
        guard offset < bytes.count, bytes[offset] == quote else {
            diagnostics.append(
                Diagnostic(
                    .unterminatedString, "unterminated string", span: Span(start: start, end: contentStart),
                    file: file,
                    help: "close the string with \(Character(Unicode.Scalar(quote))) before the end of the line"))
            tokens.append(Token(.string(text), Span(start: start, end: offset)))
            return
        }
        offset += 1
        tokens.append(Token(.string(text), Span(start: start, end: offset)))
    }

    private mutating func escape(into scalars: inout [UInt8]) {
        let start = offset
        offset += 1
        guard offset < bytes.count else { return }
        let byte = bytes[offset]
        offset += 1
        switch byte {
        case UInt8(ascii: "n"): scalars.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "t"): scalars.append(UInt8(ascii: "\t"))
        case UInt8(ascii: "r"): scalars.append(UInt8(ascii: "\r"))
        case UInt8(ascii: "0"): scalars.append(0)
        case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): scalars.append(byte)
        case UInt8(ascii: "u"):
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "{") {
                var hex = ""
                var index = offset + 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "}"), hex.count < 8 {
                    hex.append(Character(Unicode.Scalar(bytes[index])))
                    index += 1
                }
                if index < bytes.count, bytes[index] == UInt8(ascii: "}"), let code = UInt32(hex, radix: 16) {
                    if let scalar = Unicode.Scalar(code) {
                        scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
                        offset = index + 1
                        return
                    }
                    if (0xD800...0xDFFF).contains(code) {
                        offset = index + 1
                        diagnostics.append(
                            Diagnostic(
                                .invalidUTF8, "\\u{\(hex)} is a UTF-16 surrogate, which UTF-8 text cannot hold",
                                span: Span(start: start, end: offset), file: file,
                                help: "write the character itself, or its scalar value (above U+FFFF) in one \\u{…}"))
                        return
                    }
                }
            }
            fallthrough
        default:
            diagnostics.append(
                Diagnostic(
                    .invalidEscape, "invalid escape sequence", span: Span(start: start, end: offset), file: file,
                    help: "valid escapes are \\n \\t \\r \\0 \\\\ \\\" \\' and \\u{hex}"))
        }
    }

    private mutating func quotedIdentifier() {
        let start = offset
        offset += 1
        let nameStart = offset
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "`"), bytes[offset] != UInt8(ascii: "\n") {
            offset += 1
        }
        let name = String(decoding: bytes[nameStart..<offset], as: UTF8.self)
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "`") {
            offset += 1
        } else {
            diagnostics.append(
                Diagnostic(
                    .unterminatedString, "unterminated quoted name", span: Span(start: start, end: start + 1),
                    file: file, help: "close the name with `"))
        }
        tokens.append(Token(.identifier(name), Span(start: start, end: offset)))
    }

    private mutating func identifier() {
        let start = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte < 0x80 {
                guard isIdentifierStart(byte) || isDigit(byte) else { break }
                offset += 1
            } else {
                guard let (scalar, width) = decodeScalar(at: offset), isIdentifierScalar(scalar) else { break }
                offset += width
            }
        }
        let name = String(decoding: bytes[start..<offset], as: UTF8.self)
        if name == "r", offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") || bytes[offset] == UInt8(ascii: "'")
        {
            rawString(start: start)
            return
        }
        let span = Span(start: start, end: offset)
        if let keyword = Keyword(rawValue: name) {
            tokens.append(Token(.keyword(keyword), span))
        } else {
            tokens.append(Token(.identifier(name), span))
        }
    }

    private mutating func nonASCII() {
        guard let (scalar, width) = decodeScalar(at: offset) else {
            offset += 1
            return
        }
        if isIdentifierScalar(scalar) {
            identifier()
            return
        }
        let span = Span(start: offset, end: offset + width)
        offset += width
        if scalar.properties.isWhitespace { return }
        switch scalar {
        case "（": openBracket(.leftParen, span)
        case "）": closeBracket(.rightParen, span)
        case "，": tokens.append(Token(.symbol(.comma), span))
        case "％": tokens.append(Token(.symbol(.percent), span))
        default:
            diagnostics.append(
                Diagnostic(
                    .invalidCharacter, "unexpected character '\(scalar)'", span: span, file: file))
        }
    }

    private mutating func symbol() {
        let start = offset
        let byte = bytes[offset]
        let next: UInt8? = offset + 1 < bytes.count ? bytes[offset + 1] : nil
        func two(_ symbol: Symbol) -> Token {
            Token(.symbol(symbol), Span(start: start, end: start + 2))
        }
        let single = Symbol(rawValue: String(Character(Unicode.Scalar(byte))))
        switch (byte, next) {
        case (UInt8(ascii: "="), UInt8(ascii: "=")):
            tokens.append(two(.equalEqual))
            offset += 2
        case (UInt8(ascii: "!"), UInt8(ascii: "=")):
            tokens.append(two(.bangEqual))
            offset += 2
        case (UInt8(ascii: "<"), UInt8(ascii: "=")):
            tokens.append(two(.lessEqual))
            offset += 2
        case (UInt8(ascii: ">"), UInt8(ascii: "=")):
            tokens.append(two(.greaterEqual))
            offset += 2
        case (UInt8(ascii: "<"), UInt8(ascii: ">")):
            tokens.append(two(.bangEqual))
            offset += 2
        default:
            offset += 1
            let span = Span(start: start, end: start + 1)
            guard let single else {
                diagnostics.append(
                    Diagnostic(
                        .invalidCharacter, "unexpected character '\(Character(Unicode.Scalar(byte)))'",
                        span: span, file: file))
                return
            }
            switch single {
            case .leftParen, .leftBracket, .leftBrace: openBracket(single, span)
            case .rightParen, .rightBracket, .rightBrace: closeBracket(single, span)
            default: tokens.append(Token(.symbol(single), span))
            }
        }
    }

    private mutating func openBracket(_ symbol: Symbol, _ span: Span) {
        openBrackets.append(symbol)
        tokens.append(Token(.symbol(symbol), span))
    }

    /// A closing bracket closes its matching opener and any bracket left open inside it, so that one
    /// mismatched bracket does not swallow the statements after it; a stray closer closes nothing.
    private mutating func closeBracket(_ symbol: Symbol, _ span: Span) {
        let opener: Symbol =
            switch symbol {
            case .rightParen: .leftParen
            case .rightBracket: .leftBracket
            default: .leftBrace
            }
        if let index = openBrackets.lastIndex(of: opener) {
            openBrackets.removeSubrange(index...)
        }
        tokens.append(Token(.symbol(symbol), span))
    }

    private func decodeScalar(at index: Int) -> (Unicode.Scalar, Int)? {
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) {
            return (scalar, UTF8.width(scalar))
        }
        return nil
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_")
    }

    private func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
