import ALQShell
import ALQSyntax
import ALQTestSupport
import Testing

@Suite struct DiagnosticRendererTests {
    private let renderer = DiagnosticRenderer(color: ColorPolicy(enabled: false))

    private func diagnostic(_ marked: String, _ code: DiagnosticCode, _ message: String, help: String? = nil)
        -> Diagnostic
    {
        let (source, at) = Markers.extract(marked)
        let file = SourceFile(name: "report.alq", text: source)
        return Diagnostic(code, message, span: Span(start: at["1️⃣"]!, end: at["2️⃣"]!), file: file, help: help)
    }

    @Test func theReportOfTheBrief() {
        let text = renderer.render(
            diagnostic(
                "1 + 1\nlet x = 2\nfacts | where 1️⃣yeer2️⃣ == 2024", .unknownColumn, "unknown column 'yeer'",
                help: "did you mean 'year'?"))
        #expect(
            text == """
                report.alq:3:15: error[E0102]: unknown column 'yeer'
                3 | facts | where yeer == 2024
                  |               ^^^^
                  = help: did you mean 'year'?

                """)
    }

    @Test func caretsLineUpUnderWideCharacters() {
        let text = renderer.render(diagnostic("let 广西产值 = 1️⃣yeer2️⃣", .unknownName, "unknown name 'yeer'"))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "report.alq:1:12: error[E0101]: unknown name 'yeer'")
        #expect(lines[1] == "1 | let 广西产值 = yeer")
        #expect(lines[2] == "  | " + String(repeating: " ", count: 15) + "^^^^")
    }

    @Test func caretsUnderWideCharactersAreTwoColumnsEach() {
        let text = renderer.render(diagnostic("x = 1️⃣百色2️⃣ + 1", .unknownName, "unknown name '百色'"))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[2] == "  |     ^^^^")
    }

    @Test func anEmptySpanGetsOneCaret() {
        let text = renderer.render(diagnostic("(1 +1️⃣2️⃣", .expectedExpression, "expected an expression"))
        #expect(text.split(separator: "\n")[2] == "  |     ^")
    }

    @Test func theGutterWidensWithTheLineNumber() {
        let source = String(repeating: "1\n", count: 11) + "1️⃣nope2️⃣"
        let lines = renderer.render(diagnostic(source, .unknownName, "unknown name 'nope'")).split(separator: "\n")
        #expect(lines[1] == "12 | nope")
        #expect(lines[2] == "   | ^^^^")
    }

    @Test func tabsAreExpandedBeforeCounting() {
        let lines = renderer.render(diagnostic("\t1️⃣x2️⃣", .unknownName, "unknown name 'x'")).split(separator: "\n")
        #expect(lines[1] == "1 |     x")
        #expect(lines[2] == "  |     ^")
    }

    @Test func aDiagnosticWithoutAPlace() {
        let text = renderer.render(Diagnostic(.cannotOpenFile, "cannot open 'x.csv': no such file"))
        #expect(text == "alq: error[E0401]: cannot open 'x.csv': no such file\n")
    }

    @Test func colourWrapsTheCodeAndTheCarets() {
        let coloured = DiagnosticRenderer(color: ColorPolicy(enabled: true))
            .render(diagnostic("1️⃣nope2️⃣", .unknownName, "unknown name 'nope'"))
        #expect(coloured.contains("\u{1B}[1;31merror[E0101]\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;31m^^^^\u{1B}[0m"))
    }
}
