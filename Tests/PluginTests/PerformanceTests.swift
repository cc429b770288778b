import ALQPluginAPI
import ALQRuntime
import FormatCSV
import FormatJSON
import Foundation
import Testing

/// Timings of 1M-row exports and reads; a benchmark, not a timed test: it runs only with
/// ALQ_PERF=1 (best in release: `ALQ_PERF=1 swift test -c release --filter PerformanceTests`).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ALQ_PERF"] == "1"))
struct PerformanceTests {
    static func facts(_ rows: Int) -> Table {
        let regions = ["Guangxi", "Guangyuan", "Chongqing", "Baise", "广西"]
        let metrics = [
            "output_value", "alumina_output", "electrolytic_aluminium_output", "revenue", "capacity", "share",
        ]
        let units = ["CNY", "t", "t", "CNY", "t", "%"]
        return Table(
            columnNames: ["id", "region", "metric", "year", "value", "unit", "kind", "note"],
            columns: [
                .string(StringColumn((0..<rows).map { "fact.\($0)" })),
                .string(StringColumn(codes: (0..<rows).map { Int32($0 % 5) }, dictionary: regions)),
                .string(StringColumn(codes: (0..<rows).map { Int32($0 % 6) }, dictionary: metrics)),
                .number(NumberColumn(values: (0..<rows).map { Double(2015 + $0 % 12) }, isInteger: true)),
                .number(NumberColumn(values: (0..<rows).map { Double($0) * 1234.567 })),
                .string(StringColumn(codes: (0..<rows).map { Int32($0 % 6) }, dictionary: units)),
                .string(
                    StringColumn(
                        codes: (0..<rows).map { Int32($0 % 4) }, dictionary: ["actual", "expected", "target", "plan"])),
                .string(
                    StringColumn(
                        codes: (0..<rows).map { $0 % 3 == 0 ? -1 : Int32($0 % 2) },
                        dictionary: ["a, \"quoted\" note", "plain"])),
            ])
    }

    @Test func millionRows() throws {
        let table = Self.facts(1_000_000)
        let only = ProcessInfo.processInfo.environment["ALQ_PERF_FORMAT"]
        for format in [CSVFormat() as any ExportFormat, JSONFormat(), NDJSONFormat()]
        where only == nil || only == format.name {
            let sink = CountingSink()
            var start = Date()
            try format.write(table, to: sink)
            let writeTime = Date().timeIntervalSince(start)
            let memory = MemorySink()
            try format.write(table, to: memory)
            start = Date()
            let back = try format.read(memory.bytes, name: "x")!
            let readTime = Date().timeIntervalSince(start)
            print(
                "\(format.name): write \(String(format: "%.3f", writeTime)) s (\(sink.total >> 20) MiB), read \(String(format: "%.3f", readTime)) s, \(back.rowCount) rows, types \(back.columns.map(\.typeName))"
            )
            #expect(back.rowCount == 1_000_000)
        }
    }
}
