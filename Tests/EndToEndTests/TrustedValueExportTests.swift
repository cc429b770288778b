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
}
