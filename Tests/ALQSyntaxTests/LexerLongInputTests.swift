import ALQSyntax
import Testing

/// Runs of blank and comment lines are looked past once, not once per line (which was quadratic),
/// and a `|` after them still continues the pipeline.
@Suite struct LexerLongInputTests {
    private func kinds(_ text: String) -> [TokenKind] {
        Lexer.tokenize(SourceFile(name: "t", text: text)).tokens.map(\.kind)
    }

    @Test func manyBlankLinesBetweenStatements() {
        let text = "1" + String(repeating: "\n", count: 1_000_000) + "2\n"
        #expect(kinds(text) == [.number(1), .separator, .number(2), .endOfFile])
    }

    @Test func manyCommentLinesBeforeAPipe() {
        let text = "x" + String(repeating: "\n# note\n   \n", count: 40_000) + "| upper\n"
        #expect(kinds(text) == [.identifier("x"), .symbol(.pipe), .identifier("upper"), .endOfFile])
    }

    @Test func lookingAheadIsRedoneAfterCode() {
        #expect(
            kinds("a\n\n# c\nb\n\n| f\nc") == [
                .identifier("a"), .separator, .identifier("b"), .symbol(.pipe), .identifier("f"), .separator,
                .identifier("c"), .endOfFile,
            ])
    }
}
