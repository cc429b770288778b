import ALQPluginAPI
import ALQRuntime
import FormatCSV
import Foundation
import Testing

@testable import ALQPluginHost

/// bench/passthrough_plugin.py, the Python plugin whose speed bench/plugins.py measures, writes the same
/// CSV bytes as the built-in `export csv` for any table: its fast column-wise path (each cell carrying
/// its separator, dictionaries quoted once per batch, numbers as alq's text) must not trade correctness
/// for speed. Checked over protocol version 4 (binary frames) and 3 (JSON batches).
@Suite struct PassthroughPluginTests {
    static let plugin = "\(Support.root)/bench/passthrough_plugin.py"

    /// 20,000 rows (two batches): strings that need quoting or the formula guard, repeated so that they
    /// travel as dictionaries (more than 256 distinct, so with 16-bit codes), nulls and empty strings;
    /// integers (beyond 2^53 too) and fractions with nulls (not infinities: CSV has no text for them); bools; a quantity column
    /// of one unit (`output [CNY]`), `value` with its `unit` column; and mixed values (lists, records,
    /// dates, quantities of two units, so a companion `mixed_unit` column). Neighbouring dictionaries of
    /// few values (`ok` and `region`, 8 and 16-bit codes; `unit` and `kind`, last) are paired by the plugin
    /// in the first batch and not in the second, shorter one.
    static func trickyTable() -> Table {
        let count = 20_000
        let awkward: [String?] = [
            "Guangxi", "百色", "Comma, Inc.", "Say \"hi\"", "line1\nline2", "cr\rhere", " leading", "trailing ",
            "", nil, "=SUM(A1)", "+1", "-x", "@home", "\ttab", "'=already", "''+twice", "'plain", "\u{FEFF}bom",
            "a'=b", "plain",
        ]
        let strings: [String?] = (0..<count).map { row in
            row % 3 == 0 ? "r\(row % 301)" : awkward[row % awkward.count]
        }
        let integers: [Double] = (0..<count).map { (row: Int) -> Double in
            row % 7 == 0 ? 9_007_199_254_740_992 * Double(row % 5 + 1) : Double(2000 + row % 25)
        }
        let fractions: [Double] = (0..<count).map { row in
            [0.1, 33.69, -1.25, 1e-7, 1e21, 2.5e-5, 1e15 + 0.5, 4243342.97, -0.0, 123456789.125, -2e-300][row % 11]
        }
        let date = CalendarDate(year: 2024, month: 2, day: 29)!
        let mixed: [Value] = (0..<count).map { row in
            switch row % 7 {
            case 0: .quantity(Quantity(14.543, Unit.resolve(["Mt"])!))
            case 1: .number(3.25)
            case 2: .string("a, \"b\"")
            case 3: .null
            case 4: .list([.number(1), .string("b\n"), .null, .bool(true), .number(1e-7)])
            case 5: .record(Record([("k", .string("=v")), ("n", .number(0.5))]))
            default: row % 2 == 0 ? .date(date) : .quantity(Quantity(5, .base(.percent)))
            }
        }
        return Table(
            columnNames: ["ok", "region", "=cmd", "year", "share", "output", "value", "mixed", "a,b", "unit", "kind"],
            columns: [
                .bool(BoolColumn(values: (0..<count).map { [1, 0, BoolColumn.null][$0 % 3] })),
                .string(StringColumn(strings)),
                .string(StringColumn((0..<count).map { awkward[($0 * 7) % awkward.count] })),
                .number(
                    NumberColumn(
                        values: integers, validity: (0..<count).map { $0 % 13 != 5 }, isInteger: true)),
                .number(NumberColumn(values: fractions, validity: (0..<count).map { $0 % 17 != 3 })),
                .quantity(
                    QuantityColumn(
                        values: (0..<count).map { Double($0) * 1.5e9 }, dimension: .money,
                        validity: (0..<count).map { $0 % 19 != 0 })),
                .quantity(QuantityColumn(values: (0..<count).map { Double($0 % 500) / 4 }, dimension: .mass)),
                .mixed(mixed),
                .string(StringColumn((0..<count).map { "distinct \($0)" })),
                .string(StringColumn((0..<count).map { _ in "t" })),
                .string(StringColumn((0..<count).map { awkward[$0 % 5 + 8] })),
            ])
    }

    /// What the plugin writes for `table`, run through `plugin` (a path to an executable).
    static func export(_ table: Table, plugin: String) throws -> [UInt8] {
        let host = FileHost(limits: PluginLimits(timeout: 60))
        defer { host.shutdown() }
        let registry = Registry()
        _ = try host.load(path: plugin, registry: registry)
        let sink = MemorySink()
        try host.write(table, format: try #require(registry.format(named: "passthrough")), to: sink, label: "memory")
        return sink.bytes
    }

    /// The plugin run with ALQ_BENCH_PROTOCOL set, through a wrapper script (the test process's own
    /// environment is shared by tests running in parallel).
    static func wrapper(protocol version: Int) throws -> String {
        let path = "\(Support.temporaryFolder())/passthrough-v\(version)"
        try "#!/bin/sh\nALQ_BENCH_PROTOCOL=\(version) exec \"\(plugin)\"\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    static func builtIn(_ table: Table) throws -> [UInt8] { try Support.written(table, CSVFormat()) }

    /// Expects the same bytes; a difference is reported by where it starts, with the lines around it.
    static func expectSame(_ written: [UInt8], _ expected: [UInt8]) {
        let same = written == expected
        let first = zip(written, expected).prefix { $0 == $1 }.count
        func around(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[max(0, first - 80)..<min(bytes.count, first + 80)], as: UTF8.self)
        }
        #expect(
            same,
            "\(written.count) bytes written, \(expected.count) expected; first difference at byte \(first): \(around(written)) against \(around(expected))"
        )
    }

    @Test func writesTheBuiltInCSVBytesOverFrames() throws {
        let table = Self.trickyTable()
        Self.expectSame(try Self.export(table, plugin: Self.plugin), try Self.builtIn(table))
    }

    @Test func writesTheBuiltInCSVBytesOverJSONBatches() throws {
        let table = Self.trickyTable()
        Self.expectSame(try Self.export(table, plugin: try Self.wrapper(protocol: 3)), try Self.builtIn(table))
    }

    /// The sample table of the CSV tests, a one-column table whose null rows are empty lines, and a table
    /// with columns but no rows.
    @Test(arguments: [
        Support.sampleTable(),
        Table(columnNames: ["only"], columns: [.string(StringColumn(["x", nil, "", nil, "y, z"]))]),
        Table(columnNames: ["n"], columns: [.number(NumberColumn(values: [1, 2, 0], validity: [true, true, false]))]),
        Table(columnNames: ["a", "b"], columns: [.string(StringColumn([])), .number(NumberColumn(values: []))]),
    ])
    func smallTablesToo(_ table: Table) throws {
        Self.expectSame(try Self.export(table, plugin: Self.plugin), try Self.builtIn(table))
    }
}
