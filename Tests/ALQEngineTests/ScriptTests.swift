import ALQSyntax
import Testing

/// The `.alq` script tests in Tests/Scripts, and every example in docs/language.md.
@Suite struct ScriptTests {
    @Test("script", arguments: ScriptCase.scripts())
    func script(_ testCase: ScriptCase) throws {
        try check(testCase)
    }

    @Test("docs/language.md example", arguments: ScriptCase.markdownExamples("docs/language.md"))
    func languageReferenceExample(_ testCase: ScriptCase) throws {
        try check(testCase)
    }

    @Test func thereAreEnoughScriptCases() {
        #expect(ScriptCase.scripts().count >= 150)
        #expect(ScriptCase.markdownExamples("docs/language.md").count >= 40)
    }

    @Test func everyDiagnosticCodeHasAScriptCase() {
        let expected = Set(ScriptCase.scripts().compactMap { $0.expectations.error?.code })
        let untestable: Set<DiagnosticCode> = [
            .interrupted, .pluginFailed, .pluginProtocol, .pluginTimeout, .invalidPack, .moduleConflict, .exportFailed,
        ]
        for code in DiagnosticCode.allCases where !untestable.contains(code) {
            #expect(expected.contains(code.rawValue), "no script case expects \(code.rawValue) (\(code))")
        }
    }

    private func check(_ testCase: ScriptCase) throws {
        let (output, error) = testCase.expectations
        let outcome = try ScriptHarness.run(testCase.source, name: testCase.file)
        #expect(outcome.lines == output, "output of \(testCase.testDescription)")
        if let error {
            guard let diagnostic = outcome.diagnostic else {
                Issue.record("\(testCase.testDescription): expected error \(error.code), but the script succeeded")
                return
            }
            #expect(diagnostic.code.rawValue == error.code, "\(testCase.testDescription): \(diagnostic.message)")
            if !error.message.isEmpty {
                #expect(
                    diagnostic.message.contains(error.message),
                    "\(testCase.testDescription): message '\(diagnostic.message)'")
            }
            if let help = testCase.expectedHelp {
                #expect(
                    diagnostic.help?.contains(help) == true,
                    "\(testCase.testDescription): help '\(diagnostic.help ?? "none")'")
            }
            if let line = error.line, let file = diagnostic.file, let span = diagnostic.span {
                #expect(
                    file.location(of: span.start).line == line, "\(testCase.testDescription): error on the wrong line")
            }
        } else if let diagnostic = outcome.diagnostic {
            Issue.record("\(testCase.testDescription): unexpected \(diagnostic.code.rawValue): \(diagnostic.message)")
        }
    }
}
