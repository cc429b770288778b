@testable import ALQShell
import ALQEngine
import ALQPluginAPI
import ALQSyntax
import Foundation
import Testing

/// `help NAME` covers every function, stage, statement and table, with examples that are the ones
/// docs/language.md gives.
@Suite("Help topics")
struct HelpCatalogTests {
    /// The repository's root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func everyStageAndTableHasHelp() {
        let names = Set(LanguageHelp.entries.map(\.name))
        for stage in Parser.stageNames { #expect(names.contains(stage), "no help for stage \(stage)") }
        for table in Registry().tableNames { #expect(names.contains(table), "no help for table \(table)") }
        for function in Builtins.catalog.keys {
            #expect(HelpCatalog.text(for: function, useColor: false, preferLanguage: true).contains("example:"), "no help for \(function)")
        }
    }

    @Test func examplesParse() {
        for entry in LanguageHelp.entries {
            let diagnostics = Parser.parse(SourceFile(name: entry.name, text: entry.example)).diagnostics
            #expect(diagnostics.isEmpty, "the example of \(entry.name) does not parse: \(entry.example)")
        }
    }

    @Test("the examples are the ones docs/language.md gives")
    func examplesMatchTheLanguageReference() throws {
        let path = HelpCatalogTests.root.appendingPathComponent("docs/language.md").path
        guard let reference = try? String(contentsOfFile: path, encoding: .utf8) else {
            withKnownIssue("docs/language.md is not written yet") {
                Issue.record("no \(path)")
            }
            return
        }
        for entry in LanguageHelp.entries where !["_", "load"].contains(entry.name) {
            #expect(reference.contains(entry.example), "docs/language.md lacks the example of \(entry.name): \(entry.example)")
        }
    }

    @Test func unknownTopicsSuggest() {
        #expect(HelpCatalog.text(for: "rond", useColor: false).contains("did you mean 'round'?"))
        #expect(HelpCatalog.text(for: "", useColor: false).contains("output_value"))
        #expect(HelpCatalog.text(for: "keys", useColor: false).contains("Ctrl-R"))
        #expect(HelpCatalog.text(for: "keys", useColor: false, preferLanguage: true).contains("keys(record)"))
    }
}
