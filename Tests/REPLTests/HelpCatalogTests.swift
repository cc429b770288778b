import ALQEngine
import ALQPluginAPI
import ALQRuntime
import ALQSyntax
import ALQTestSupport
import Foundation
import Testing

@testable import ALQShell

/// `help NAME` covers every function, stage, statement and table, with examples that are the ones
/// docs/language.md gives.
@Suite("Help topics")
struct HelpCatalogTests {
    /// The repository's root.
    static var root: URL { PackageLayout.root }

    @Test func everyStageAndTableHasHelp() {
        let names = Set(LanguageHelp.entries.map(\.name))
        for stage in Parser.stageNames { #expect(names.contains(stage), "no help for stage \(stage)") }
        for table in Registry().tableNames { #expect(names.contains(table), "no help for table \(table)") }
        for function in Builtins.catalog.keys {
            #expect(
                HelpCatalog.text(for: function, useColor: false, preferLanguage: true).contains("example:"),
                "no help for \(function)")
        }
    }

    @Test func examplesParse() {
        for entry in LanguageHelp.entries where !entry.example.isEmpty {
            let diagnostics = Parser.parse(SourceFile(name: entry.name, text: entry.example)).diagnostics
            #expect(diagnostics.isEmpty, "the example of \(entry.name) does not parse: \(entry.example)")
        }
    }

    @Test("the help is generated from the current docs/language.md")
    func generatedHelpIsCurrent() throws {
        let reference = try String(
            contentsOfFile: HelpCatalogTests.root.appendingPathComponent("docs/language.md").path, encoding: .utf8)
        let source = LanguageReference.swiftSource(LanguageReference(markdown: reference).entries())
        let path = HelpCatalogTests.root.appendingPathComponent("Sources/ALQShell/REPL/LanguageHelp+Generated.swift")
            .path
        if ProcessInfo.processInfo.environment["ALQ_UPDATE_HELP"] == "1" {
            try source.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let current = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            current == source,
            "LanguageHelp+Generated.swift does not match docs/language.md: run ALQ_UPDATE_HELP=1 swift test --filter HelpCatalogTests"
        )
    }

    @Test func stagesTablesAndFunctionsHaveExamples() {
        for name in Parser.stageNames + ["facts", "regions", "round", "source", "let"] {
            let entry = LanguageHelp.entry(named: name)
            #expect(entry != nil, "no entry for \(name)")
            #expect(entry?.example.isEmpty == false, "no example for \(name)")
        }
    }

    @Test func unknownTopicsSuggest() {
        #expect(HelpCatalog.text(for: "rond", useColor: false).contains("did you mean 'round'?"))
        #expect(HelpCatalog.text(for: "", useColor: false).contains("output_value"))
        #expect(HelpCatalog.text(for: "keys", useColor: false).contains("Ctrl-R"))
        #expect(HelpCatalog.text(for: "keys", useColor: false, preferLanguage: true).contains("keys(record)"))
    }
}

@Suite("Help on user-defined functions")
struct UserFunctionHelpTests {
    @Test func helpShowsAFunctionDefinedInTheSession() throws {
        let session = Session(registry: Registry(), host: NoFiles())
        _ = try session.evaluate("fn share(part, whole = 100) = part / whole * 100", name: "report.alq")
        let text = HelpCatalog.text(for: "share", useColor: false, userFunctions: session.userFunctions)
        #expect(text.contains("share(part, whole = 100)"))
        #expect(text.contains("= part / whole * 100"))
        #expect(session.functionNames.contains("share"))
    }
}

private final class NoFiles: EngineHost {
    func open(path: String, registry: Registry) throws(Diagnostic) -> ALQRuntime.Table {
        throw Diagnostic(.cannotOpenFile, "no files")
    }
    func export(_ table: ALQRuntime.Table, format: any ExportFormat, path: String?) throws(Diagnostic) {}
    func export(_ chart: Chart, format: any ChartFormat, path: String?) throws(Diagnostic) {}
    func load(path: String, registry: Registry) throws(Diagnostic) -> String { "" }
}
