import ALQPluginAPI
import ALQRuntime
import ALQSyntax
import FormatCSV
import Testing

/// What CSV writes reads back row for row, header cells are protected like data cells, and errors
/// name the right line whatever the line endings.
@Suite struct CSVRoundTripTests {
    private func roundTrip(_ table: Table, _ format: CSVFormat = CSVFormat()) throws -> Table {
        try #require(try format.read(try Support.written(table, format), name: "t.csv"))
    }

    @Test func nullRowsOfAOneColumnTableReadBack() throws {
        let table = Table(records: [Record([("a", .number(1))]), Record([("a", .null)]), Record([("a", .number(2))])])
        let back = try roundTrip(table)
        #expect(back.rowCount == 3)
        #expect(back.cellTexts == [["1.0"], ["null"], ["2.0"]])
        let allNull = try roundTrip(Table(records: [Record([("a", .null)]), Record([("a", .null)])]))
        #expect(allNull.rowCount == 2)
    }

    @Test func blankLinesAreSkippedInWiderFiles() throws {
        let table = try #require(try CSVFormat().read(Array("a,b\n1,2\n\n3,4\n".utf8), name: "t.csv"))
        #expect(table.rowCount == 2)
    }

    @Test func aTableWithRowsButNoColumnsIsAnError() throws {
        let table = Table(records: [Record(), Record()])
        #expect(table.rowCount == 2)
        #expect {
            _ = try Support.written(table, CSVFormat())
        } throws: { error in
            (error as? Diagnostic)?.code == .exportFailed
        }
    }

    @Test(arguments: [CSVFormat(), CSVFormat.excel])
    func headerCellsAreProtectedAgainstFormulas(format: CSVFormat) throws {
        let table = Table(
            columnNames: ["=cmd|' /C calc'!A0", "plain", "'@x"],
            columns: [
                .number(NumberColumn(values: [1])), .number(NumberColumn(values: [2])),
                .number(NumberColumn(values: [3])),
            ])
        let text = String(decoding: try Support.written(table, format), as: UTF8.self)
        let header = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).first.map(String.init) ?? ""
        #expect(header.hasSuffix("'=cmd|' /C calc'!A0,plain,''@x"))
        #expect(try roundTrip(table, format).columnNames == table.columnNames)
    }

    @Test(arguments: ["\r", "\n", "\r\n"])
    func errorsNameTheLineWithAnyLineEnding(ending: String) throws {
        let text = ["a,b", "1,2", "3,4", "5,6,7"].joined(separator: ending) + ending
        #expect {
            _ = try CSVFormat().read(Array(text.utf8), name: "t.csv")
        } throws: { error in
            (error as? Diagnostic)?.message.hasPrefix("t.csv:4:") == true
        }
    }

    @Test func infinityIsNeverWritten() throws {
        let table = Table(columnNames: ["x"], columns: [.number(NumberColumn(values: [.infinity]))])
        #expect {
            _ = try Support.written(table, CSVFormat())
        } throws: { error in
            (error as? Diagnostic)?.code == .exportFailed
        }
    }

    @Test func manyRepeatedHeaderNamesGetDistinctSuffixes() throws {
        let text = Array(repeating: "x", count: 20_000).joined(separator: ",") + "\n"
        let table = try #require(try CSVFormat().read(Array(text.utf8), name: "t.csv"))
        #expect(table.columnNames.count == 20_000)
        #expect(Set(table.columnNames).count == 20_000)
        #expect(table.columnNames.prefix(3) == ["x", "x_2", "x_3"])
        #expect(table.columnNames.last == "x_20000")
    }

    @Test func aHundredThousandColumnRowReads() throws {
        let header = (0..<100_000).map { "c\($0)" }.joined(separator: ",")
        let row = (0..<100_000).map { "\($0)" }.joined(separator: ",")
        let table = try #require(try CSVFormat().read(Array((header + "\n" + row + "\n").utf8), name: "t.csv"))
        #expect(table.columns.count == 100_000)
        #expect(table.rowCount == 1)
    }

    /// Found by the CSV fuzzing harness: a file of two byte order marks read as one column named U+FEFF,
    /// which was written unquoted and then read back as a byte order mark, losing the column.
    @Test(arguments: [CSVFormat(), CSVFormat.excel])
    func aNameStartingWithU_FEFFSurvives(format: CSVFormat) throws {
        let table = try #require(try format.read([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF], name: "bom.csv"))
        #expect(table.columnNames == ["\u{FEFF}"])
        #expect(try roundTrip(table, format).columnNames == ["\u{FEFF}"])
        let strings = Table(columnNames: ["\u{FEFF}a"], columns: [.string(StringColumn(["\u{FEFF}b"]))])
        let back = try roundTrip(strings, format)
        #expect(back.columnNames == ["\u{FEFF}a"])
        #expect(back.cellTexts == [["'\u{FEFF}b'"]])
    }
}
