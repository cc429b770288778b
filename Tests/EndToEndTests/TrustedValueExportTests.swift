import Foundation
import Testing

/// The export contract of `facts` is unchanged by quantity columns, and a single value exported as
/// JSON carries its kind, bound and sources.
struct TrustedValueExportTests {
    @Test func factsExportKeepsThePlainBaseUnitNumberAndTheContractColumns() throws {
        let result = try AlqProcess.run(["--format", "json", "-c", "facts"])
        #expect(result.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let contract: Set<String> = [
            "id", "region", "metric", "year", "period", "value", "unit", "kind", "bound", "scope", "subject", "source",
            "base_year", "as_of", "note",
        ]
        for row in rows {
            #expect(Set(row.keys) == contract)
            #expect(row["value"] is NSNumber, "value is a plain number: \(row["value"] ?? "nil")")
            #expect(["actual", "expected", "target", "plan"].contains(row["kind"] as? String ?? ""))
            #expect(["exact", "at_least", "at_most"].contains(row["bound"] as? String ?? ""))
        }
        let expected = rows.first { $0["id"] as? String == "guangxi.output_value.2025.expected" }
        #expect((expected?["value"] as? NSNumber)?.doubleValue == 240e9)
        #expect(expected?["unit"] as? String == "CNY")
    }

    @Test func factsCSVWritesTheNumberNotItsDisplay() throws {
        let result = try AlqProcess.run([
            "-c", "facts | where id == \"guangxi.output_value.2025.expected\" | select value, unit | export csv",
        ])
        #expect(result.status == 0)
        #expect(result.stdout == "value,unit\n240000000000,CNY\n")
    }

    @Test func aDerivedValueExportedAsJSONCarriesKindBoundAndSources() throws {
        let result = try AlqProcess.run([
            "--format", "json", "-c", "Guangyuan.output_value[2027] - Guangyuan.output_value[2024]",
        ])
        #expect(result.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let row = try #require(rows.first)
        #expect((row["value"] as? NSNumber)?.doubleValue == 58.1e9)
        #expect(row["unit"] as? String == "CNY")
        #expect(row["kind"] as? String == "target")
        #expect(row["bound"] as? String == "at_least")
        #expect(row["derived"] as? Bool == true)
        #expect(
            row["sources"] as? [String] == ["guangyuan.output_value.2024.actual", "guangyuan.output_value.2027.target"])
    }

    @Test func aDerivedValueWrittenAsCSVJoinsItsSources() throws {
        let result = try AlqProcess.run([
            "--format", "csv", "-c", "Guangyuan.output_value[2027] - Guangyuan.output_value[2024]",
        ])
        #expect(result.status == 0)
        #expect(
            result.stdout == "value,unit,kind,bound,period,sources,derived\n"
                + "58100000000,CNY,target,at_least,,guangyuan.output_value.2024.actual;"
                + "guangyuan.output_value.2027.target,true\n")
    }

    /// A single quantity's row has its `unit` column, so the unit is written there once, not in the
    /// header as well; the same holds for a `facts` table whose values share one unit.
    @Test(arguments: [
        ("12 kt", "value,unit,kind,bound,period,sources,derived\n12000,t,,exact,,,false\n"),
        (
            "Guangxi.output_value[2024]",
            "value,unit,kind,bound,period,sources,derived\n205000000000,CNY,actual,exact,,guangxi.output_value.2024.actual,false\n"
        ),
        (
            "facts | where id == \"guangxi.output_value.2025.expected\" | select value, unit",
            "value,unit\n240000000000,CNY\n"
        ),
        ("[{output: 12 kt}]", "output [t]\n12000\n"),
    ])
    func csvWritesAUnitOnce(query: String, csv: String) throws {
        let result = try AlqProcess.run(["--format", "csv", "-c", query])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == csv, "\(query)")
    }

    @Test func csvExportWithFactIDsJoinsEachRowsIDsInOneCell() throws {
        let result = try AlqProcess.run([
            "-c",
            "facts | where region == \"Guangxi\" and unit == \"t\" and year == 2024 | group unit "
                + "| agg total = sum(value) | export csv with fact_ids",
        ])
        #expect(result.status == 0)
        #expect(
            result.stdout == "unit,total,total_unit,fact_ids\n"
                + "t,21779000,t,guangxi.alumina_output.2024.actual;guangxi.aluminium_materials_output.2024.actual;"
                + "guangxi.electrolytic_aluminium_output.2024.actual\n")
    }

    @Test func jsonExportWithFactIDsWritesAnArrayPerRow() throws {
        let result = try AlqProcess.run([
            "-c", "Guangxi.output_value | select year, value | export json with fact_ids",
        ])
        #expect(result.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(
            rows.map { $0["fact_ids"] as? [String] } == [
                ["guangxi.output_value.2024.actual"], ["guangxi.output_value.2025.jan_jul.actual"],
                ["guangxi.output_value.2025.expected"],
            ])
        #expect(rows.map { ($0["value"] as? NSNumber)?.doubleValue } == [205e9, 133e9, 240e9])
    }

    @Test func exportWithFactIDsToAFileMatchesWithFactIDs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("alq-fact-ids-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ov.ndjson").path
        let result = try AlqProcess.run([
            "-c",
            "Guangxi.output_value | export to \"\(path)\" with fact_ids\n"
                + "open(\"\(path)\").fact_ids == with_fact_ids(Guangxi.output_value).fact_ids",
        ])
        #expect(result.status == 0)
        #expect(result.stdout == "true\n")
    }
}
