import ALQTestSupport
import Foundation
import Testing

/// A streamed pipeline whose rows end in `group … agg` or `agg` reads only the file columns its stages
/// name (projection pushdown); what the other columns hold changes nothing the whole table would not.
@Suite struct StreamedProjectionTests {
    static let query =
        " | where unit == \"CNY\" and kind == \"actual\" and year >= 2020 | group region"
        + " | agg total = sum(value), n = count() | sort total desc"

    /// A facts file whose unused `metric` column is numbers for `rows` rows and then `tail`'s.
    static func file(rows: Int, tail: [UInt8]) throws -> String {
        var random = SplitMix(seed: 29)
        var text = "region,metric,year,value,unit,kind\n"
        for _ in 0..<rows {
            let value = random.below(7) == 0 ? "" : "\(random.below(10_000)).\(random.below(100))"
            text += "R\(random.below(9)),\(random.below(50)),\(2016 + random.below(9)),\(value),"
            text += ["CNY", "t"][random.below(2)] + "," + ["actual", "plan"][random.below(2)] + "\n"
        }
        let folder = try TemporaryFolder.make("projection")
        let path = folder + "/facts.csv"
        try Data(Array(text.utf8) + tail).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func unusedColumnsWithTextThatLooksMalformedStillStream() throws {
        // `metric` turns from numbers to text, a formula guard and a quoted line break near the end:
        // read, that column would make the stream start again on the whole file
        let path = try Self.file(
            rows: 2000,
            tail: Array("R1,soon,2024,5.5,CNY,actual\nR2,'=1+2,2021,,CNY,actual\nR3,\"a\nb\",2022,1,CNY,actual\n".utf8))
        let host = try StreamedPipelineTests.expectSame("open(\"\(path)\")" + Self.query)
        #expect(host.completeStreams == 1)
        // a pipeline that names `metric` reads it, and so reads the whole file
        let naming = try StreamedPipelineTests.expectSame(
            "open(\"\(path)\") | where metric != \"x\" | group region | agg n = count()")
        #expect(naming.completeStreams == 0)
    }

    @Test func anUnusedColumnThatIsNotUTF8IsTheWholeFilesError() throws {
        let path = try Self.file(
            rows: 2000, tail: Array("R1,".utf8) + [0xFF, 0xFE] + Array(",2024,1,CNY,actual\n".utf8))
        let host = try StreamedPipelineTests.expectSame("open(\"\(path)\")" + Self.query)
        #expect(host.completeStreams == 0)
        let outcome = try StreamedPipelineTests.run("open(\"\(path)\")" + Self.query, host: host)
        #expect(outcome.diagnostic?.hasPrefix("E0402 ") == true)
        #expect(outcome.diagnostic?.contains("column 'metric'") == true)
    }

    @Test func aRecordWithAFieldTooManyIsReportedAtItsLine() throws {
        let path = try Self.file(rows: 1500, tail: Array("R1,4,2024,1,CNY,actual,extra\n".utf8))
        let host = try StreamedPipelineTests.expectSame("open(\"\(path)\")" + Self.query)
        let outcome = try StreamedPipelineTests.run("open(\"\(path)\")" + Self.query, host: host)
        #expect(outcome.diagnostic?.contains("facts.csv:1502:1: this record has more fields") == true)
    }

    @Test func stagesThatBindRenameOrDropNameTheirColumns() throws {
        let path = try Self.file(rows: 1200, tail: [])
        for pipeline in [
            "derive metric = year * 2 | group metric | agg n = count()",
            "rename y = year | where y > 2020 | group region | agg s = sum(value)",
            "select region, v = value | where v > 100 | group region | agg s = sum(v)",
            "drop metric | where kind == \"plan\" | agg s = sum(value), n = count()",
            "agg n = count()",
        ] {
            let host = try StreamedPipelineTests.expectSame("open(\"\(path)\") | \(pipeline)")
            #expect(host.completeStreams == 1, "\(pipeline)")
        }
    }
}
