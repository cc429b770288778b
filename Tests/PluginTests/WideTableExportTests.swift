import ALQPluginAPI
import ALQRuntime
import FormatCSV
import FormatJSON
import Testing

/// Tables wider than the views borrow in nested scopes export like narrow ones, in every format.
@Suite struct WideTableExportTests {
    /// A one-row table of `width` columns cycling through every kind of column storage.
    static func table(width: Int) -> Table {
        var names: [String] = []
        var columns: [Column] = []
        for index in 0..<width {
            names.append("c\(index)")
            switch index % 5 {
            case 0: columns.append(.number(NumberColumn(values: [Double(index)], validity: [index % 10 != 0])))
            case 1: columns.append(.string(StringColumn(["s\(index)"])))
            case 2: columns.append(.bool(BoolColumn([index % 2 == 0])))
            case 3: columns.append(.quantity(QuantityColumn(values: [Double(index)], dimension: .mass)))
            default: columns.append(.mixed([.list([.number(Double(index))])]))
            }
        }
        return Table(columnNames: names, columns: columns)
    }

    @Test(arguments: [100, 10_000, 100_000])
    func exportsAsCSVAndJSON(width: Int) throws {
        let table = Self.table(width: width)
        let csv = try #require(try CSVFormat().read(try Support.written(table, CSVFormat()), name: "wide.csv"))
        #expect(csv.rowCount == 1)
        #expect(csv.columns.count == width)
        let json = String(decoding: try Support.written(table, JSONFormat()), as: UTF8.self)
        #expect(json.hasPrefix("[\n  {\"c0\":null,\"c1\":\"s1\",\"c2\":true,\"c3\":3,\"c3_unit\":\"t\",\"c4\":[4],"))
        #expect(json.hasSuffix("\"c\(width - 1)\":[\(width - 1)]}\n]\n"))
    }

    @Test func wideAndNarrowPathsWriteTheSameCells() throws {
        let narrow = String(decoding: try Support.written(Self.table(width: 200), CSVFormat()), as: UTF8.self)
        let wide = String(decoding: try Support.written(Self.table(width: 400), CSVFormat()), as: UTF8.self)
        let narrowRows = narrow.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        let wideRows = wide.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(Array(wideRows[1].prefix(narrowRows[1].count)) == narrowRows[1])
    }
}
