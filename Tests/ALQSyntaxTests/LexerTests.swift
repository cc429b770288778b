import ALQSyntax
import ALQTestSupport
import Testing

@Suite struct LexerTests {
    private func kinds(_ text: String) -> [TokenKind] {
        Lexer.tokenize(SourceFile(name: "t", text: text)).tokens.map(\.kind)
    }

    private func errors(_ text: String) -> [DiagnosticCode] {
        Lexer.tokenize(SourceFile(name: "t", text: text)).diagnostics.map(\.code)
    }

    @Test func tokensOfALetStatement() {
        #expect(
            kinds("let x = 14.543 Mt in kt") == [
                .keyword(.let), .identifier("x"), .symbol(.equal), .number(14.543), .identifier("Mt"),
                .keyword(.in), .identifier("kt"), .endOfFile,
            ])
    }

    @Test func operatorsAndPunctuation() {
        #expect(
            kinds("== != <> <= >= < > = + - * / % | . , : ( ) [ ] { }") == [
                .symbol(.equalEqual), .symbol(.bangEqual), .symbol(.bangEqual), .symbol(.lessEqual),
                .symbol(.greaterEqual), .symbol(.less), .symbol(.greater), .symbol(.equal), .symbol(.plus),
                .symbol(.minus), .symbol(.star), .symbol(.slash), .symbol(.percent), .symbol(.pipe), .symbol(.dot),
                .symbol(.comma), .symbol(.colon), .symbol(.leftParen), .symbol(.rightParen), .symbol(.leftBracket),
                .symbol(.rightBracket), .symbol(.leftBrace), .symbol(.rightBrace), .endOfFile,
            ])
    }

    @Test func everyKeywordIsReserved() {
        for keyword in Keyword.allCases {
            #expect(kinds(keyword.rawValue) == [.keyword(keyword), .endOfFile])
        }
        #expect(
            kinds("where desc to t") == [
                .identifier("where"), .identifier("desc"), .identifier("to"), .identifier("t"), .endOfFile,
            ])
    }

    @Test(arguments: [
        ("42", 42.0), ("3.14", 3.14), (".5", 0.5), ("1.5e3", 1500), ("2E-2", 0.02), ("1e+3", 1000),
        ("1_000_000", 1_000_000), ("0", 0),
    ])
    func numbers(_ text: String, _ value: Double) {
        #expect(kinds(text) == [.number(value), .endOfFile])
    }

    @Test func aDotAfterANumberIsMemberAccessWithoutDigits() {
        #expect(kinds("1.a") == [.number(1), .symbol(.dot), .identifier("a"), .endOfFile])
        #expect(kinds("1e") == [.number(1), .identifier("e"), .endOfFile])
    }

    @Test(arguments: [
        (#""plain""#, "plain"), (#"'single'"#, "single"), (#""a\tb""#, "a\tb"), (#""a\nb""#, "a\nb"),
        (#""\\""#, "\\"), (#""\"""#, "\""), (#"'\''"#, "'"), (#""\u{767E}\u{8272}""#, "百色"),
        (#""\u{1F600}""#, "😀"), (#""\0""#, "\0"), (#""百色""#, "百色"),
    ])
    func strings(_ text: String, _ value: String) {
        #expect(kinds(text) == [.string(value), .endOfFile])
    }

    @Test func spansAreUTF8ByteOffsets() {
        let (file, at) = Markers.file("1️⃣let 2️⃣产量3️⃣ 4️⃣= 5️⃣\"百色\"6️⃣")
        let tokens = Lexer.tokenize(file).tokens
        #expect(tokens.map(\.span.start) == [at["1️⃣"]!, at["2️⃣"]!, at["4️⃣"]!, at["5️⃣"]!, at["6️⃣"]!])
        #expect(tokens[1].span.end == at["3️⃣"]!)
        #expect(tokens[1].span.end - tokens[1].span.start == 6)
        #expect(tokens[3].span.end == at["6️⃣"]!)
        #expect(file.location(of: at["4️⃣"]!) == (line: 1, column: 8))
    }

    @Test func cjkAndAccentedLettersFormIdentifiers() {
        #expect(
            kinds("广西 Guǎngxī café _x1") == [
                .identifier("广西"), .identifier("Guǎngxī"), .identifier("café"), .identifier("_x1"), .endOfFile,
            ])
    }

    @Test func backticksQuoteAnyName() {
        #expect(kinds("`output value` `in`") == [.identifier("output value"), .identifier("in"), .endOfFile])
    }

    @Test func fullWidthPunctuationReadsAsASCII() {
        #expect(
            kinds("max（1，2）58％") == [
                .identifier("max"), .symbol(.leftParen), .number(1), .symbol(.comma), .number(2),
                .symbol(.rightParen), .number(58), .symbol(.percent), .endOfFile,
            ])
    }

    @Test func commentsAreSkipped() {
        #expect(kinds("1 # one\n# a line of comment\n2") == [.number(1), .separator, .number(2), .endOfFile])
        #expect(kinds("#!/usr/bin/env alq\n3") == [.number(3), .endOfFile])
    }

    @Test func newlinesAndSemicolonsSeparateStatements() {
        #expect(kinds("1\n2;3") == [.number(1), .separator, .number(2), .separator, .number(3), .endOfFile])
        #expect(kinds("1\n\n;;\n2\n\n") == [.number(1), .separator, .number(2), .endOfFile])
    }

    @Test func newlinesInsideBracketsDoNotSeparate() {
        #expect(
            kinds("(1\n+ 2)\n[3,\n4]") == [
                .symbol(.leftParen), .number(1), .symbol(.plus), .number(2), .symbol(.rightParen), .separator,
                .symbol(.leftBracket), .number(3), .symbol(.comma), .number(4), .symbol(.rightBracket), .endOfFile,
            ])
    }

    @Test func aPipeAtTheEndOrStartOfALineContinuesTheStatement() {
        let expected: [TokenKind] = [.identifier("t"), .symbol(.pipe), .identifier("count"), .endOfFile]
        #expect(kinds("t |\ncount") == expected)
        #expect(kinds("t\n| count") == expected)
        #expect(kinds("t\n  # a comment\n\n  | count") == expected)
    }

    @Test func aBinaryOperatorAtTheEndOfALineDoesNotContinueIt() {
        #expect(kinds("1 +\n2") == [.number(1), .symbol(.plus), .separator, .number(2), .endOfFile])
    }

    @Test func lexicalErrorsAllReported() {
        #expect(
            errors("$ \"\\q\" 1e400 @") == [.invalidCharacter, .invalidEscape, .numberOutOfRange, .invalidCharacter])
    }

    @Test func unterminatedStringPointsAtTheQuote() {
        let (file, at) = Markers.file("let s = 1️⃣\"no end\n2")
        let (tokens, diagnostics) = Lexer.tokenize(file)
        #expect(diagnostics.map(\.code) == [.unterminatedString])
        #expect(diagnostics.first?.span == Span(start: at["1️⃣"]!, end: at["1️⃣"]! + 1))
        #expect(tokens.contains { $0.kind == .number(2) })
    }

    @Test func invalidEscapeCoversTheEscape() {
        let (file, at) = Markers.file("\"ab1️⃣\\q2️⃣c\"")
        let diagnostics = Lexer.tokenize(file).diagnostics
        #expect(diagnostics.map(\.code) == [.invalidEscape])
        #expect(diagnostics.first?.span == Span(start: at["1️⃣"]!, end: at["2️⃣"]!))
    }

    @Test func surrogateEscapeIsInvalidUTF8() {
        let (file, at) = Markers.file("\"1️⃣\\u{D800}2️⃣\"")
        let diagnostics = Lexer.tokenize(file).diagnostics
        #expect(diagnostics.map(\.code) == [.invalidUTF8])
        #expect(diagnostics.first?.span == Span(start: at["1️⃣"]!, end: at["2️⃣"]!))
        #expect(errors("\"\\u{110000}\"") == [.invalidEscape])
    }

    @Test func invalidCharacterSpansTheWholeScalar() {
        let (file, at) = Markers.file("1 1️⃣→2️⃣ 2")
        let diagnostics = Lexer.tokenize(file).diagnostics
        #expect(diagnostics.first?.code == .invalidCharacter)
        #expect(diagnostics.first?.span == Span(start: at["1️⃣"]!, end: at["2️⃣"]!))
        #expect(diagnostics.first?.message == "unexpected character '→'")
    }

    @Test func hugeNumberIsReportedWithItsText() {
        let diagnostics = Lexer.tokenize(SourceFile(name: "t", text: "1e400")).diagnostics
        #expect(diagnostics.first?.message == "number 1e400 is too large to represent")
    }

    @Test func invalidUTF8InAFileIsReportedAtItsByte() throws {
        let result = SourceFile.decode(name: "bad.alq", bytes: [0x31, 0x20, 0x2B, 0x20, 0xFF, 0x0A])
        guard case .failure(let diagnostic) = result else {
            Issue.record("invalid UTF-8 was accepted")
            return
        }
        #expect(diagnostic.code == .invalidUTF8)
        #expect(diagnostic.message.contains("byte 4"))
        let file = try #require(diagnostic.file)
        #expect(file.location(of: diagnostic.span!.start) == (line: 1, column: 5))
    }

    @Test func byteOrderMarkIsDropped() throws {
        let result = SourceFile.decode(name: "bom.alq", bytes: [0xEF, 0xBB, 0xBF] + Array("1".utf8))
        let file = try result.get()
        #expect(file.text == "1")
    }

    @Test func columnsCountCharactersNotBytes() {
        let (file, at) = Markers.file("广西 1️⃣| x\n2️⃣ab")
        #expect(file.location(of: at["1️⃣"]!) == (line: 1, column: 4))
        #expect(file.location(of: at["2️⃣"]!) == (line: 2, column: 1))
        #expect(file.lineText(containing: at["2️⃣"]! + 1).text == "ab")
    }
}
