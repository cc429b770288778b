import ALQBuiltinModules
import ALQEngine
import ALQSyntax
import ALQTestSupport
import Testing

/// An invalid pattern is E0205 with its span inside the string literal where the pattern is written.
@Suite struct PatternDiagnosticTests {
    private func span(of marked: String) throws -> (Span?, expected: Span) {
        let (source, at) = Markers.extract(marked)
        let session = Session(registry: try BuiltinModules.registry(), host: TestHost())
        let expected = Span(start: at["1️⃣"]!, end: at["2️⃣"]!)
        var failure: Diagnostic?
        do throws(Diagnostic) {
            _ = try session.evaluate(source)
        } catch {
            failure = error
        }
        #expect(failure?.code == .invalidPattern)
        return (failure?.span, expected)
    }

    @Test(arguments: [
        "matches(\"x\", \"Alumin(i?um1️⃣\"2️⃣)",
        "matches(\"x\", \"ab1️⃣)2️⃣c\")",
        "matches(\"x\", r\"1️⃣\\d{2,1}2️⃣\")",
        "extract(\"x\", \"\\\\d+1️⃣)2️⃣\")",
        "extract(\"x\", \"\\u{4E2D}1️⃣)2️⃣\")",
        "replace_regex(\"x\", \"a*1️⃣*2️⃣\", \"b\")",
        "[{n: \"a\"}] | where matches(n, \"[a-1️⃣\"2️⃣)",
    ])
    func caretInsideTheString(_ marked: String) throws {
        let (span, expected) = try span(of: marked)
        #expect(span == expected, "\(marked)")
    }

    @Test func aPatternThatIsNotALiteralPointsAtTheArgument() throws {
        let (span, expected) = try span(of: "let p = \"(\"; matches(\"x\", 1️⃣p2️⃣)")
        #expect(span == expected)
    }
}
