// The region modules built from the packs: tables, quotes, registration.

import ALQPluginAPI
import ALQRegionPack
import ALQRuntime
import BuiltinRegions
import Testing

func str(_ v: Value?) -> String? { if case .string(let s)? = v { return s } else { return nil } }
func num(_ v: Value?) -> Double? {
    switch v {
    case .number(let n)?: n
    case .quantity(let q)?: q.value
    default: nil
    }
}

struct PackRegionModuleTests {
    static func registry() throws -> Registry {
        let registry = Registry()
        for module in try BuiltinRegions.modules() {
            try registry.register(region: module, origin: .builtIn)
        }
        return registry
    }

    @Test("the four modules register and answer to their English, Chinese and pinyin names")
    func registration() throws {
        let registry = try Self.registry()
        #expect(registry.regions.count == 4)
        for name in ["Guangxi", "guangxi", "广西", "Guǎngxī", "Guangxi Zhuang Autonomous Region"] {
            #expect(registry.region(named: name)?.info.id == "guangxi", "\(name)")
        }
        #expect(registry.region(named: "百色")?.info.id == "baise")
        #expect(registry.region(named: "广元")?.info.id == "guangyuan")
        #expect(registry.region(named: "重庆")?.info.id == "chongqing")
        let guangxi = try #require(registry.region(named: "Guangxi"))
        #expect(registry.subregions(of: guangxi).map(\.info.id) == ["baise"])
    }

    @Test("the facts table has the contract's columns and one row per fact")
    func factsTable() throws {
        let module = try BuiltinRegions.packs[0].module()
        let facts = try #require(module.table(named: "facts"))
        #expect(Array(facts.columnNames.prefix(FactColumns.names.count)) == FactColumns.names)
        #expect(facts.rowCount == module.pack.facts.count)
        let metric = try #require(facts.column("metric"))
        let year = try #require(facts.column("year"))
        let value = try #require(facts.column("value"))
        let row = try #require(
            (0..<facts.rowCount).first {
                str(metric[$0]) == "alumina_output" && num(year[$0]) == 2024
            })
        #expect(num(value[row]) == 14_543_000)
        #expect(str(facts.row(row)["region"]) == "Guangxi")
        #expect(str(facts.row(row)["source"]) == "000")
        #expect(str(facts.row(row)["unit"]) == "t")
    }

    @Test("quotes come with their source's file, date and language; Guangyuan's with both documents")
    func quotes() throws {
        let registry = try Self.registry()
        let gx = registry.quotes(forFact: "guangxi.alumina_output.2024.actual")
        #expect(gx.count == 1)
        #expect(gx.first?.file == "000_5fdf5b7c782c7ec0.txt")
        #expect(gx.first?.date == "2025-09-23")
        #expect(gx.first?.language == "en")
        #expect(gx.first?.text.contains("14.543 million tons") == true)
        let gy = registry.quotes(forFact: "guangyuan.output_value.2024.actual")
        #expect(gy.map(\.language) == ["id", "te"])
        #expect(gy.first?.text.contains("41,9 miliar yuan") == true)
        #expect(registry.quotes(forFact: "no.such.fact").isEmpty)
    }

    @Test("the combined tables hold every region's rows")
    func combinedTables() throws {
        let registry = try Self.registry()
        let facts = try #require(registry.table(named: "facts"))
        #expect(facts.rowCount == Dataset.packs.reduce(0) { $0 + $1.facts.count })
        let companies = try #require(registry.table(named: "companies"))
        let region = try #require(companies.column("region"))
        #expect((0..<companies.rowCount).filter { str(region[$0]) == "Baise" }.count == 7)
        for name in PackRegionModule.tables {
            #expect(registry.table(named: name) != nil, "\(name)")
        }
        let metrics = try #require(registry.table(named: "metrics"))
        #expect(metrics.rowCount == Set(Dataset.packs.flatMap { $0.metrics.map(\.id) }).count)
    }

    @Test("built-in modules defer decoding: the region now, the pack on first use, without errors")
    func deferredBuiltIns() throws {
        for module in try BuiltinRegions.modules() {
            #expect(module.loadError == nil, "\(module.info.name): \(String(describing: module.loadError))")
            #expect(module.pack.region.id == module.info.id)
        }
        #expect(try BuiltinRegions.packs[1].module().table(named: "facts")?.rowCount == 24)
    }

    @Test("a deferred pack with a bad fact registers, then reports the problem and serves empty tables")
    func deferredFailure() throws {
        let text = PackValidationTests.good.replacingOccurrences(
            of: #""unit": "t", "kind": "actual""#, with: #""unit": "tons", "kind": "actual""#)
        let module = try PackRegionModule(deferring: Array(text.utf8), file: "bad.json")
        #expect(module.info.name == "Testland")
        #expect(module.table(named: "facts")?.rowCount == 0)
        #expect(
            module.loadError?.description
                == "bad.json: facts[0].unit: expected one of CNY, t, %, count, rank, x, found 'tons'")
        #expect(throws: RegionPackError.self) { try PackRegionModule(bytes: Array(text.utf8), file: "bad.json") }
    }

    @Test("a deferred pack is read only up to its region at start; broken JSON after it is reported on first use")
    func deferredReadsOnlyTheHeader() throws {
        let text = PackValidationTests.good.replacingOccurrences(of: #""unit": "t""#, with: #""unit": "t",,"#)
        let module = try PackRegionModule(deferring: Array(text.utf8), file: "late.json")
        #expect(module.info.name == "Testland")
        #expect(module.table(named: "facts")?.rowCount == 0)
        #expect(module.loadError?.description.hasPrefix("late.json: ") == true)
    }

    @Test("a deferred pack with a bad region or version is rejected at once")
    func deferredHeaderErrors() {
        let badRegion = PackValidationTests.good.replacingOccurrences(of: #""level": "province", "#, with: "")
        do {
            _ = try PackRegionModule(deferring: Array(badRegion.utf8), file: "r.json")
            Issue.record("decoded")
        } catch {
            #expect(error.description == "r.json: region.level: missing required field 'level'")
        }
        let badVersion = PackValidationTests.good.replacingOccurrences(of: #""alq_pack": 1"#, with: #""alq_pack": 3"#)
        #expect(throws: RegionPackError.self) {
            try PackRegionModule(deferring: Array(badVersion.utf8), file: "v.json")
        }
        #expect(throws: RegionPackError.self) { try PackRegionModule(deferring: Array("{".utf8), file: "j.json") }
    }
}
