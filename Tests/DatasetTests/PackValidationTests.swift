// The built-in packs validate; bad packs are rejected with the file, the JSON path and what was expected.

import ALQPluginAPI
import ALQRegionPack
import Foundation
import Testing

struct PackValidationTests {
    @Test("every built-in pack decodes and validates", arguments: Dataset.embedded.map(\.file))
    func builtInPackValidates(file: String) throws {
        let bytes = try #require(Dataset.embedded.first { $0.file == file }?.bytes)
        do {
            let pack = try RegionPack.decode(bytes, file: file)
            #expect(pack.validate().isEmpty)
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("the packs agree with each other: one unit per metric id, unique region names, unique fact ids")
    func packsAreConsistent() throws {
        #expect(Dataset.packs.count == 4)
        let errors = RegionPack.validateCollection(
            Dataset.embedded.compactMap { e in
                Dataset.packs.first { e.file.hasSuffix("\($0.region.id).json") }.map { (e.file, $0) }
            })
        #expect(errors.isEmpty, "\(errors)")
        let ids = Dataset.packs.flatMap { $0.facts.map(\.id) }
        #expect(Set(ids).count == ids.count, "fact ids are not unique across packs")
        let metricIDs = Set(Dataset.packs.flatMap { $0.metrics.map(\.id) })
        #expect(metricIDs.isSuperset(of: ["output_value", "alumina_output"]))
    }

    @Test("the regions are the four of the brief, with names, levels and parents")
    func regions() throws {
        let regions = Dataset.packs.map(\.region)
        func region(_ id: String) throws -> RegionPack.Region { try #require(regions.first { $0.id == id }) }
        #expect(try region("guangxi").chinese == "广西")
        #expect(try region("guangxi").level == "autonomous region")
        #expect(try region("guangyuan").chinese == "广元")
        #expect(try region("guangyuan").parent == "Sichuan")
        #expect(try region("chongqing").chinese == "重庆")
        #expect(try region("chongqing").level == "municipality")
        #expect(try region("baise").chinese == "百色")
        #expect(try region("baise").parent == "guangxi")
    }

    @Test("acceptance facts: Guangxi alumina 2024, Guangyuan output value 2024, Baise's seven companies")
    func acceptanceFacts() throws {
        let gx = try #require(Dataset.packs.first { $0.region.id == "guangxi" })
        let alumina = try #require(gx.facts.first { $0.metric == "alumina_output" && $0.year == 2024 })
        #expect(alumina.value == 14_543_000 && alumina.unit == .tonnes && alumina.quotes.first?.source == "000")
        let gxValue = try #require(
            gx.facts.first { $0.metric == "output_value" && $0.year == 2024 && $0.period == nil })
        #expect(gxValue.value == 205e9)
        let gy = try #require(Dataset.packs.first { $0.region.id == "guangyuan" })
        let gyValue = try #require(
            gy.facts.first { $0.metric == "output_value" && $0.year == 2024 && $0.kind == .actual })
        #expect(gyValue.value == 41.9e9 && gyValue.unit == .cny)
        let bs = try #require(Dataset.packs.first { $0.region.id == "baise" })
        #expect(
            bs.companies.map(\.name) == [
                "Chinalco Guangxi Branch", "Geely Baimin Group Co., Ltd.", "Guangxi Huayin Aluminum Co., Ltd.",
                "Guangxi Xinfa Aluminum Power Co., Ltd.", "Jingxi Tiangui Aluminum Co., Ltd.",
                "Guangxi Ping Aluminum Group Co., Ltd.", "Guangxi Baise Electric Power Co., Ltd.",
            ])
        #expect(Set(bs.people.map(\.name)) == ["Ge Guoke", "Peng Bin", "Zhou Min", "Tao Guoming"])
        #expect(bs.events.count == 1)
    }

    // MARK: - Bad packs

    static let good = """
        {
          "alq_pack": 1,
          "region": {"id": "testland", "name": "Testland", "level": "province", "summary": "A test.", "version": "1.0.0"},
          "sources": [{"id": "s1", "file": "s1.txt", "title": "T", "date": "2025-01-02", "language": "en"}],
          "metrics": [{"id": "alumina_output", "description": "Alumina output", "unit": "t"}],
          "facts": [
            {"id": "f1", "metric": "alumina_output", "year": 2024, "value": 14543000, "unit": "t", "kind": "actual",
             "bound": "exact", "quotes": [{"source": "s1", "text": "reached 14.543 million tons"}]},
            {"id": "f2", "metric": "alumina_output", "year": 2025, "value": 1, "unit": "t", "kind": "target",
             "quotes": [{"source": "s1", "text": "one"}]}
          ]
        }
        """

    static func decode(_ text: String) throws(RegionPackError) -> RegionPack {
        try RegionPack.decode(Array(text.utf8), file: "test.json")
    }

    /// Decodes a broken variant of `good` and returns its issues (failing if it decodes).
    static func issues(_ from: String, _ to: String, sourceLocation: SourceLocation = #_sourceLocation)
        -> [RegionPackIssue]
    {
        let text = good.replacingOccurrences(of: from, with: to)
        #expect(text != good, "the replacement did not apply", sourceLocation: sourceLocation)
        do {
            _ = try decode(text)
            Issue.record("a bad pack decoded", sourceLocation: sourceLocation)
            return []
        } catch {
            #expect(error.file == "test.json", sourceLocation: sourceLocation)
            #expect(!error.issues.isEmpty, sourceLocation: sourceLocation)
            return error.issues
        }
    }

    @Test("the good pack decodes; left-out optional fields take their defaults")
    func goodPack() throws {
        let pack = try Self.decode(Self.good)
        #expect(pack.facts.count == 2)
        #expect(pack.facts[1].bound == .exact)
        #expect(pack.facts[1].period == nil)
        #expect(pack.companies.isEmpty && pack.events.isEmpty)
        #expect(pack.region.names == ["testland", "Testland"])
    }

    @Test("a missing field is reported by path")
    func missingField() {
        let issues = Self.issues(#""unit": "t", "kind": "actual","#, #""kind": "actual","#)
        #expect(issues.map(\.description) == ["facts[0].unit: missing required field 'unit'"])
    }

    @Test("a value of the wrong type is reported by path")
    func wrongType() {
        let issues = Self.issues(#""value": 14543000"#, #""value": "14.543 Mt""#)
        #expect(issues.count == 1)
        #expect(issues.first?.path == "facts[0].value")
        #expect(issues.first?.message.hasPrefix("expected a number") == true, "\(issues)")
    }

    @Test("a unit outside the enumeration names the allowed units")
    func badUnit() {
        let issues = Self.issues(#""value": 14543000, "unit": "t""#, #""value": 14543000, "unit": "tons""#)
        #expect(issues.map(\.description) == ["facts[0].unit: expected one of CNY, t, %, count, rank, x, found 'tons'"])
    }

    @Test("a kind or bound outside its enumeration names the allowed values")
    func badKindAndBound() {
        #expect(
            Self.issues(#""kind": "target""#, #""kind": "goal""#).map(\.description)
                == ["facts[1].kind: expected one of actual, expected, target, plan, found 'goal'"])
        #expect(
            Self.issues(#""bound": "exact""#, #""bound": "more""#).map(\.description)
                == ["facts[0].bound: expected one of exact, at_least, at_most, found 'more'"])
    }

    @Test("a duplicate fact id is reported at the second occurrence")
    func duplicateID() {
        let issues = Self.issues(#""id": "f2""#, #""id": "f1""#)
        #expect(issues.map(\.description) == ["facts[1].id: duplicate fact id 'f1'"])
    }

    @Test("a fact whose unit differs from its metric's is rejected")
    func unitDiffersFromMetric() {
        let issues = Self.issues(#""value": 1, "unit": "t""#, #""value": 1, "unit": "CNY""#)
        #expect(
            issues.map(\.description) == [
                "facts[1].unit: expected 't' (the unit of metric 'alumina_output'), found 'CNY'"
            ])
    }

    @Test("undeclared metrics and sources are rejected")
    func undeclaredReferences() {
        #expect(
            Self.issues(#""metric": "alumina_output", "year": 2025"#, #""metric": "bauxite", "year": 2025"#).map(
                \.description)
                == ["facts[1].metric: metric 'bauxite' is not declared in 'metrics'"])
        #expect(
            Self.issues(#"{"source": "s1", "text": "one"}"#, #"{"source": "s9", "text": "one"}"#).map(\.description)
                == ["facts[1].quotes[0].source: unknown source 's9'; the pack declares s1"])
    }

    @Test("an unknown (misspelt) field is reported by path")
    func unknownField() {
        let issues = Self.issues(#""kind": "target","#, #""kind": "target", "scop": "national","#)
        #expect(issues.count == 1)
        #expect(issues.first?.path == "facts[1].scop")
        #expect(issues.first?.message.hasPrefix("unknown field 'scop'") == true)
    }

    @Test("bad dates, languages and versions are rejected")
    func badLexicalForms() {
        #expect(Self.issues(#""date": "2025-01-02""#, #""date": "2 Jan 2025""#).map(\.path) == ["sources[0].date"])
        #expect(Self.issues(#""language": "en""#, #""language": "English!""#).map(\.path) == ["sources[0].language"])
        #expect(
            Self.issues(#""alq_pack": 1"#, #""alq_pack": 2"#).map(\.description)
                == ["alq_pack: unsupported pack format version 2; this alq reads version 1"])
        #expect(Self.issues(#""id": "testland""#, #""id": "Test Land""#).map(\.path) == ["region.id"])
    }

    @Test("a repeated key or a number outside JSON's grammar is invalid JSON, at any depth")
    func strictJSON() {
        let repeated = Self.issues(#""kind": "target","#, #""kind": "target", "kind": "plan","#)
        #expect(repeated.first?.message.hasPrefix(#"not valid JSON: the key "kind" appears twice"#) == true)
        for number in ["+1", "012", "1.", ".5"] {
            let issues = Self.issues(#""value": 14543000"#, #""value": \#(number)"#)
            #expect(issues.first?.message.hasPrefix("not valid JSON") == true, "\(number): \(issues)")
        }
    }

    @Test("invalid JSON is reported, not crashed on")
    func invalidJSON() {
        let issues = Self.issues(#""facts": ["#, #""facts": [,"#)
        #expect(issues.first?.message.hasPrefix("not valid JSON") == true, "\(issues)")
        do {
            _ = try RegionPack.decode([0xFF, 0xFE, 0x00], file: "garbage.json")
            Issue.record("garbage decoded")
        } catch {
            #expect(error.file == "garbage.json")
        }
    }

    @Test("the same metric id with two units across packs is rejected")
    func crossPackUnits() throws {
        let a = try Self.decode(Self.good)
        var b = a
        b.region.id = "otherland"
        b.region.name = "Otherland"
        b.metrics[0].unit = .cny
        for i in b.facts.indices { b.facts[i].unit = .cny }
        let errors = RegionPack.validateCollection([("a.json", a), ("b.json", b)])
        #expect(
            errors.map(\.description) == [
                "b.json: metrics[0].unit: metric 'alumina_output' has unit 't' in a.json, found 'CNY'"
            ])
        let clash = RegionPack.validateCollection([("a.json", a), ("c.json", a)])
        #expect(clash.count == 1)
    }
}

struct DocumentationTests {
    @Test("the example pack in docs/region-packs.md decodes and validates")
    func documentedExampleDecodes() throws {
        let url = Dataset.packageRoot.appendingPathComponent("docs/region-packs.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let start = try #require(text.range(of: "```json\n"))
        let end = try #require(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
        let json = String(text[start.upperBound..<end.lowerBound])
        let pack = try RegionPack.decode(Array(json.utf8), file: "docs/region-packs.md")
        #expect(pack.region.id == "guangxi")
        #expect(pack.facts.count == 2)
    }
}
