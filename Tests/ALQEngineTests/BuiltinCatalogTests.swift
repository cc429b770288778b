import ALQBuiltinModules
import ALQEngine
import Foundation
import Testing

/// Every built-in function has a working example and is described in docs/language.md.
@Suite struct BuiltinCatalogTests {
    @Test(arguments: Builtins.catalog.keys.sorted())
    func exampleRuns(_ name: String) throws {
        let builtin = try #require(Builtins.catalog[name])
        #expect(!builtin.summary.isEmpty)
        #expect(builtin.example.hasPrefix(name + "("))
        let outcome = try ScriptHarness.run(builtin.example)
        #expect(outcome.diagnostic == nil, "\(builtin.example): \(outcome.diagnostic?.message ?? "")")
    }

    @Test func everyFunctionIsDocumented() throws {
        let url = ScriptCase.packageRoot.appendingPathComponent("docs/language.md")
        let reference = try String(contentsOf: url, encoding: .utf8)
        for name in Builtins.catalog.keys.sorted() {
            #expect(reference.contains("`\(name)("), "docs/language.md does not describe \(name)")
        }
    }
}
