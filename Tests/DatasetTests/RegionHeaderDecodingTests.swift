// The hand-written reading of a pack's `alq_pack` and `region` (RegionHeaderDecoding.swift) against
// the `Decodable` path it replaced at start-up: the same region, or the same first problem, case by case.

import ALQJSON
import ALQTestSupport
import BuiltinRegions
import Testing

@testable import ALQRegionPack

struct RegionHeaderDecodingTests {
    /// The header as `JSONValueDecoder` reads it through the `Decodable` conformances: what
    /// `RegionPack.decodeRegion` did before it read the header by hand.
    static func decodableRegion(_ bytes: [UInt8], file: String) throws(RegionPackError) -> RegionPack.Region {
        struct Header: Decodable {
            var alqPack: Int
            var region: RegionPack.Region
            enum CodingKeys: String, CodingKey {
                case alqPack = "alq_pack"
                case region
            }
        }
        let members: JSONObject
        do {
            members = try JSONParser.parseMembers(bytes, ["alq_pack", "region"], stoppingWhenFound: true)
        } catch {
            throw RegionPackError(file: file, issues: [RegionPack.invalidJSON(error)])
        }
        if let issue = RegionPack.versionIssue(members["alq_pack"]) {
            throw RegionPackError(file: file, issues: [issue])
        }
        let header: Header
        do {
            header = try JSONValueDecoder().decode(Header.self, from: .object(members))
        } catch {
            throw RegionPackError(file: file, issues: [RegionPack.issue(from: error)])
        }
        let issues = RegionPack.headerIssues(alqPack: header.alqPack, region: header.region)
        if !issues.isEmpty { throw RegionPackError(file: file, issues: issues) }
        return header.region
    }

    /// Both readings of one document: equal regions or equal errors.
    static func expectSameReading(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bytes = Array(text.utf8)
        let handWritten = Result { () throws(RegionPackError) in try RegionPack.decodeRegion(bytes, file: "h.json") }
        let reference = Result { () throws(RegionPackError) in try decodableRegion(bytes, file: "h.json") }
        #expect(handWritten == reference, "\(text)", sourceLocation: sourceLocation)
    }

    /// The members of a valid header, in order; a field set to `nil` is left out.
    static let regionFields: [(String, String)] = [
        ("id", #""testland""#), ("name", #""Testland""#), ("chinese", #""测试""#), ("pinyin", #""Cèshì""#),
        ("aliases", #"["Test Land", "测试省"]"#), ("level", #""province""#), ("parent", #""guangxi""#),
        ("summary", #""A test.""#), ("version", #""1.0.0""#),
    ]

    /// JSON values of every kind, and strings the header rules reject.
    static let alternatives = [
        "null", "true", "false", "0", "1", "1.0", "1.5", "-0", "2", "1e0", "99999999999999999999", #""""#, #""x""#,
        #""testland""#, #""Bad Id""#, #""1.0.0""#, "[]", #"["a"]"#, #"["a", null]"#, #"["a", 1]"#, "[[]]", "[{}]",
        "{}", #"{"a": 1}"#,
    ]

    /// A document whose `region` has `fields` (members after `region` are never read).
    static func document(alqPack: String? = "1", fields: [(String, String)]?, regionFirst: Bool = false) -> String {
        var members: [String] = []
        if let alqPack { members.append(#""alq_pack": \#(alqPack)"#) }
        if let fields {
            let region = fields.map { #""\#($0.0)": \#($0.1)"# }.joined(separator: ", ")
            members.insert(#""region": {\#(region)}"#, at: regionFirst ? 0 : members.count)
        }
        members.append(#""sources": [,,]"#)
        return "{" + members.joined(separator: ", ") + "}"
    }

    @Test("a valid header reads to the same region, in any member order")
    func validHeaders() throws {
        Self.expectSameReading(Self.document(fields: Self.regionFields))
        Self.expectSameReading(Self.document(fields: Self.regionFields, regionFirst: true))
        Self.expectSameReading(Self.document(fields: Self.regionFields.reversed()))
        let minimal = Self.regionFields.filter { ["id", "name", "level", "summary", "version"].contains($0.0) }
        Self.expectSameReading(Self.document(fields: minimal))
        let region = try RegionPack.decodeRegion(Array(Self.document(fields: Self.regionFields).utf8), file: "h.json")
        #expect(region.aliases == ["Test Land", "测试省"])
        #expect(region.parent == "guangxi")
    }

    @Test("every field left out or of every other kind: the same region or the same first problem")
    func everyFieldEveryKind() {
        for alternative in Self.alternatives + ["{"] {
            Self.expectSameReading(Self.document(alqPack: alternative, fields: Self.regionFields))
        }
        Self.expectSameReading(Self.document(alqPack: nil, fields: Self.regionFields))
        Self.expectSameReading(Self.document(fields: nil))
        for alternative in Self.alternatives {
            Self.expectSameReading(#"{"alq_pack": 1, "region": \#(alternative)}"#)
        }
        for (index, field) in Self.regionFields.enumerated() {
            var without = Self.regionFields
            without.remove(at: index)
            Self.expectSameReading(Self.document(fields: without))
            for alternative in Self.alternatives {
                var fields = Self.regionFields
                fields[index] = (field.0, alternative)
                Self.expectSameReading(Self.document(fields: fields))
            }
        }
    }

    @Test("several faults at once: the same one reported first")
    func severalFaults() {
        var random = SplitMix(seed: 16)
        for _ in 0..<600 {
            var fields: [(String, String)] = Self.regionFields
            for _ in 0..<(1 + random.below(3)) {
                let index = random.below(fields.count)
                if random.below(4) == 0 {
                    fields.remove(at: index)
                } else {
                    fields[index].1 = Self.alternatives[random.below(Self.alternatives.count)]
                }
            }
            if random.below(3) == 0 { fields.append(("unknown", "1")) }
            let alqPack = random.below(4) == 0 ? Self.alternatives[random.below(Self.alternatives.count)] : "1"
            Self.expectSameReading(Self.document(alqPack: alqPack, fields: fields, regionFirst: random.below(2) == 0))
        }
    }

    @Test("broken JSON, a repeated member and a document that is not an object read alike")
    func brokenDocuments() {
        for text in [
            "", "[]", "{", #"{"alq_pack": 1, "alq_pack": 1}"#, #"{"region": {"id": "a", "id": "b"}}"#,
            #"{"alq_pack": 1 "region": {}}"#, #"{"alq_pack": 1, "region": {"id": "\ud800"}}"#, "\u{FEFF}{}",
        ] {
            Self.expectSameReading(text)
        }
    }

    @Test("the built-in packs' headers read alike")
    func builtInPacks() throws {
        for pack in BuiltinRegions.packs {
            let region = try RegionPack.decodeRegion(pack.bytes, file: pack.file)
            #expect(region == (try Self.decodableRegion(pack.bytes, file: pack.file)))
            #expect(region == (try RegionPack.decode(pack.bytes, file: pack.file)).region)
        }
    }

    @Test("a problem is worded as the Decodable path worded it")
    func wording() {
        func error(_ text: String) -> String? {
            do {
                _ = try RegionPack.decodeRegion(Array(text.utf8), file: "w.json")
                return nil
            } catch {
                return error.description
            }
        }
        var fields = Self.regionFields
        fields[4] = ("aliases", #"["a", 2]"#)
        #expect(error(Self.document(fields: fields)) == "w.json: region.aliases[1]: expected a string, found a number")
        fields = Self.regionFields.filter { $0.0 != "level" }
        #expect(error(Self.document(fields: fields)) == "w.json: region.level: missing required field 'level'")
        #expect(
            error(Self.document(alqPack: "null", fields: Self.regionFields))
                == "w.json: alq_pack: expected an integer, found null")
        #expect(error(#"{"alq_pack": 1, "region": []}"#) == "w.json: region: expected an object, found an array")
    }
}
