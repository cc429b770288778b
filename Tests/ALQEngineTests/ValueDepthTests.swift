import ALQBuiltinModules
import ALQEngine
import ALQRuntime
import ALQShell
import ALQSyntax
import Testing

/// Values nest at most `Value.maximumDepth` levels; every walk over a value of that depth is safe.
@Suite struct ValueDepthTests {
    /// `let a = [[a]]` `levels` times after `let a = 0`: a value `2 × levels` deep.
    static func chain(_ levels: Int) -> String {
        "let a = 0\n" + String(repeating: "let a = [[a]]\n", count: levels)
    }

    @Test func chainedLetStopsAtTheBound() throws {
        let outcome = try ScriptHarness.run(Self.chain(20_000) + "a == a\n")
        let diagnostic = try #require(outcome.diagnostic)
        #expect(diagnostic.code == .valueTooDeep)
        #expect(diagnostic.code.exitStatus == 1)
        let line = diagnostic.file.map { $0.location(of: diagnostic.span?.start ?? 0).line }
        #expect(line == Value.maximumDepth / 2 + 2, "the first list deeper than the bound")
    }

    @Test func recordsCountAsLevelsToo() throws {
        let source = "let a = 0\n" + String(repeating: "let a = {x: [a]}\n", count: 200)
        #expect(try ScriptHarness.run(source).diagnostic?.code == .valueTooDeep)
    }

    @Test func tablesInsideValuesCount() throws {
        let source = "let t = [{a: 1}]\n" + String(repeating: "let t = [{a: t}] | where true\n", count: 300)
        #expect(try ScriptHarness.run(source).diagnostic?.code == .valueTooDeep)
    }

    /// At the bound, comparing, describing, rendering, exporting, tracing sources and freeing work.
    @Test func everyWalkWorksAtTheBound() throws {
        let deepest = Self.chain(Value.maximumDepth / 2)
        for statement in ["a == a", "string(a)", "a", "let a = 0"] {
            let outcome = try ScriptHarness.run(deepest + statement + "\n")
            #expect(outcome.diagnostic == nil, "\(statement): \(outcome.diagnostic?.message ?? "")")
        }
        let source = try ScriptHarness.run(deepest + "source(a)\n")
        #expect(source.diagnostic?.code == .invalidArgument, "a list of numbers has no source; saying so is the answer")
        let inRows = Self.chain(Value.maximumDepth / 2 - 1)
        for statement in ["[{v: a}] | export json", "[{v: a}] | export csv", "[{v: a}] | where true"] {
            let outcome = try ScriptHarness.run(inRows + statement + "\n")
            #expect(outcome.diagnostic == nil, "\(statement): \(outcome.diagnostic?.message ?? "")")
        }
        let session = Session(registry: try BuiltinModules.registry(), host: TestHost())
        let value = try session.evaluate(deepest + "a")
        #expect(value.nestingDepth() == Value.maximumDepth)
        #expect(!ValueRenderer(table: TableRenderer()).render(value, registry: session.registry).isEmpty)
    }
}
