import ALQBuiltinModules
import ALQEngine
import ALQRuntime
import ALQSyntax
import ALQTestSupport
import Foundation
import Testing

/// Pipelines over a CSV file streamed chunk by chunk give exactly what they give on the whole table:
/// the same cells, column types, row order, errors and sources, whatever the chunk size.
@Suite struct StreamedPipelineTests {
    /// What a program gives: each result's column names, types and cells, or its value's text; then
    /// the diagnostic, if any, with its code and where it points.
    struct Outcome: Equatable {
        var lines: [String]
        var diagnostic: String?
    }

    static func run(_ program: String, host: TestHost) throws -> Outcome {
        let session = Session(registry: try BuiltinModules.registry(), host: host)
        var lines: [String] = []
        let diagnostic = session.execute(SourceFile(name: "t.alq", text: program)) { value in
            guard case .table(let table) = value else {
                lines.append(value.displayText)
                return
            }
            lines.append(table.columnNames.joined(separator: " | "))
            lines.append(table.columns.map(\.typeName).joined(separator: " | "))
            for row in 0..<table.rowCount {
                lines.append(table.columns.map { $0[row].literalText }.joined(separator: " | "))
            }
        }
        return Outcome(
            lines: lines,
            diagnostic: diagnostic.map { "\($0.code.rawValue) \($0.message) \(String(describing: $0.span))" })
    }

    /// Runs `program` on the whole table and streamed at several chunk sizes, expecting the same
    /// outcome; returns the streaming host of the smallest chunk size, to ask what it streamed.
    @discardableResult
    static func expectSame(_ program: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> TestHost {
        let whole = TestHost()
        whole.streams = false
        let expected = try run(program, host: whole)
        var smallest: TestHost?
        for chunkSize in [97, 1000, 16_384, 1 << 23] {
            let host = TestHost(chunkSize: chunkSize)
            #expect(try run(program, host: host) == expected, "chunk size \(chunkSize)", sourceLocation: sourceLocation)
            smallest = smallest ?? host
        }
        return smallest!
    }

    /// A generated facts file: regions, years, values with fractions and gaps, units, kinds, and notes
    /// with quotes, commas and line breaks that chunk boundaries fall into.
    static func facts(rows: Int, seed: UInt64, valueHeader: String = "value", tail: String = "") throws -> String {
        var random = SplitMix(seed: seed)
        let units = ["CNY", "t", "%"]
        let kinds = ["actual", "expected", "plan", "target"]
        let notes = ["", "", "", "plain", "\"with, comma\"", "\"two\nlines\"", "\"a \"\"quoted\"\" word\r\nand more\""]
        var text = "region,metric,year,\(valueHeader),unit,kind,note\n"
        for _ in 0..<rows {
            let value = random.below(9) == 0 ? "" : "\(random.below(100_000)).\(random.below(100))"
            text += "R\(random.below(23)),m\(random.below(4)),\(2015 + random.below(13)),\(value),"
            text += "\(units[random.below(units.count)]),\(kinds[random.below(kinds.count)]),"
            text += notes[random.below(notes.count)] + "\n"
        }
        let folder = try TemporaryFolder.make("streamed")
        let path = folder + "/facts.csv"
        try (text + tail).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theColdQueryAndOtherRowWisePipelines() throws {
        let path = try Self.facts(rows: 3000, seed: 16)
        let open = "open(\"\(path)\")"
        let host = try Self.expectSame(
            "\(open) | where unit == \"CNY\" and kind == \"actual\" and year >= 2020 | group region"
                + " | agg total = sum(value) | sort total desc | take 5")
        #expect(host.completeStreams == 1)
        #expect(host.chunksHandedOver > 100)
        for pipeline in [
            "where value > 50000 | select region, year, value, note",
            "derive v2 = value * 2, r = lower(region) + \"/\" + metric | where kind != \"plan\""
                + " | group r, year | agg s = sum(v2), n = count(), lo = min(value), hi = max(value), m = avg(value)",
            "group region | agg total = sum(value), n = count()",
            "agg n = count(), s = sum(value)",
            "where note != null | select region, note | rename text = note",
            "where value == null | drop note | sort region, year",
            "where year in [2016, 2020] and unit == \"t\" | derive big = if value > 1000 then \"big\" else \"small\"",
            "select region, value | where region == \"none\"",
        ] {
            let host = try Self.expectSame("\(open) | \(pipeline)")
            #expect(host.completeStreams == 1, "\(pipeline)")
        }
    }

    @Test func quantitiesAndSources() throws {
        let path = try Self.facts(rows: 800, seed: 7, valueHeader: "value [CNY]")
        let open = "open(\"\(path)\")"
        let host = try Self.expectSame(
            "\(open) | where kind == \"actual\" | group region | agg total = sum(value), m = avg(value) | sort region")
        #expect(host.completeStreams == 1)
        try Self.expectSame("source(\(open) | where year >= 2020 | agg s = sum(value))")
        try Self.expectSame("let t = \(open) | where year == 2020 | select region, value\nt\nsource(t.value)")
    }

    @Test func aColumnThatChangesTypeInALaterChunkReadsTheFileWhole() throws {
        // `year` is numbers for 2000 rows and then text: the whole file reads it as strings
        let path = try Self.facts(rows: 2000, seed: 3, tail: "R1,m1,soon,5.5,CNY,actual,\n")
        let host = try Self.expectSame("open(\"\(path)\") | where unit == \"CNY\" | group year | agg n = count()")
        #expect(host.completeStreams == 0)
        #expect(host.chunksHandedOver > 0)
    }

    @Test func errorsInALaterChunkAreTheWholeTablesErrors() throws {
        // a value that overflows when doubled, in the last row
        let overflow = try Self.facts(rows: 2000, seed: 5, tail: "R1,m1,2024,1e308,CNY,actual,\n")
        let host = try Self.expectSame("open(\"\(overflow)\") | derive d = value * 10 | group region | agg s = sum(d)")
        #expect(host.completeStreams == 0)
        #expect(host.chunksHandedOver > 10)
        // a record with a field too many, near the end
        let malformed = try Self.facts(
            rows: 2000, seed: 6, tail: "R1,m1,2024,1,CNY,actual,,extra\nR2,m1,2024,1,t,plan,\n")
        try Self.expectSame("open(\"\(malformed)\") | where year > 2020 | agg n = count()")
        // a stage error the whole table gives too: an unknown column in the aggregate
        let path = try Self.facts(rows: 500, seed: 8)
        try Self.expectSame("open(\"\(path)\") | where year > 2020 | group region | agg s = sum(valeu)")
        try Self.expectSame("open(\"\(path)\") | where yeer > 2020 | agg n = count()")
    }
}
