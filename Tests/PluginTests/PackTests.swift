import ALQBuiltinModules
import ALQPluginAPI
import ALQPluginHost
import ALQSyntax
import Testing

/// Region packs loaded at run time: the sample pack works; each kind of bad pack names the file, the
/// place in the document and what was expected; a pack never replaces a region silently.
@Suite struct PackTests {
    static let sample = "\(Support.root)/Examples/packs/yunnan-sample.json"

    @Test func samplePackLoadsBesideTheBuiltIns() throws {
        let registry = try BuiltinModules.registry()
        let message = try FileHost().load(path: Self.sample, registry: registry)
        #expect(message == "loaded region Yunnan from \(Self.sample)")
        let region = try #require(registry.region(named: "云南"))
        #expect(region.table(named: "facts")?.rowCount == 3)
        #expect(
            registry.modulesTable().cellTexts.contains {
                $0 == ["'Yunnan'", "'region'", "'0.1.0'", "'pack \(Self.sample)'"]
            })
        #expect(region.info.summary.hasPrefix("SAMPLE DATA"))
    }

    @Test(arguments: [
        ("missing-name.json", "region.name: missing required field 'name'"),
        ("value-not-number.json", "facts[0].value: expected a number"),
        ("bad-unit.json", "facts[1].unit:"),
        ("unknown-source.json", "facts[2].quotes[0].source: unknown source 'nowhere'"),
        ("future-version.json", "alq_pack:"),
        ("malformed.json", "malformed.json"),
    ])
    func badPacksNameThePlace(file: String, expected: String) throws {
        let path = Support.fixture("packs/\(file)")
        let registry = try BuiltinModules.registry()
        let before = registry.regions.count
        #expect {
            _ = try FileHost().load(path: path, registry: registry)
        } throws: { error in
            let diagnostic = error as! Diagnostic
            let ok =
                diagnostic.code == .invalidPack && diagnostic.message.hasPrefix("invalid region pack \(path)")
                && diagnostic.message.contains(expected)
            if !ok { Issue.record("got \(diagnostic.code.rawValue): \(diagnostic.message)") }
            return ok
        }
        #expect(registry.regions.count == before)
    }

    @Test func aPackCannotReplaceABuiltInRegion() throws {
        let registry = try BuiltinModules.registry()
        let path = Support.fixture("packs/claims-guangxi.json")
        #expect {
            _ = try FileHost().load(path: path, registry: registry)
        } throws: { error in
            let diagnostic = error as! Diagnostic
            return diagnostic.code == .moduleConflict
                && diagnostic.message.contains("conflicts with the registered region 'Guangxi' (built-in)")
        }
        #expect(registry.origin(of: registry.region(named: "Guangxi")!) == .builtIn)
    }

    @Test func aMetricKeepsItsUnitAcrossPacks() throws {
        let registry = try BuiltinModules.registry()
        let path = Support.fixture("packs/metric-unit-conflict.json")
        #expect {
            _ = try FileHost().load(path: path, registry: registry)
        } throws: { error in
            let diagnostic = error as! Diagnostic
            let ok =
                diagnostic.code == .invalidPack
                && diagnostic.message.contains(
                    "metrics[1].unit: metric 'electrolytic_aluminium_capacity' has unit 't' in region ")
            if !ok { Issue.record("got \(diagnostic.code.rawValue): \(diagnostic.message)") }
            return ok
        }
    }

    @Test func loadingTheSamePackTwiceIsAConflict() throws {
        let registry = Registry()
        _ = try FileHost().load(path: Self.sample, registry: registry)
        #expect(throws: Diagnostic.self) { _ = try FileHost().load(path: Self.sample, registry: registry) }
    }

    @Test func missingPackFile() throws {
        #expect {
            _ = try FileHost().load(path: "/nonexistent/pack.json", registry: Registry())
        } throws: { error in
            let diagnostic = error as! Diagnostic
            return diagnostic.code == .invalidPack
                && diagnostic.message == "cannot load region pack '/nonexistent/pack.json': no such file"
        }
    }
}
