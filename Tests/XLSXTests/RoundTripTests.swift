import ALQCalendar
import Testing

@testable import XLSX

/// What the writer writes, the reader reads back: every kind of cell and the awkward texts.
@Suite struct RoundTripTests {
    static func roundTrip(_ header: [String], _ rows: [[XLSXCell]], sheet: String = "Sheet1") throws -> SheetTable {
        var writer = WorkbookWriter()
        try writer.addSheet(named: sheet, header: header)
        for row in rows { try writer.appendRow(row) }
        return try WorkbookReader(bytes: try writer.finish()).read()
    }

    @Test func typedCellsComeBackAsWritten() throws {
        let day = try #require(CivilDay(year: 2024, month: 2, day: 29))
        let rows: [[XLSXCell]] = [
            [.string("Guangxi"), .number(205e9), .bool(true), .date(day), .bigInteger("12345678901234567891")],
            [.string("百色 广西壮族自治区"), .number(-1.25), .bool(false), .empty, .number(1e-7)],
            [.empty, .number(1e21), .empty, .dateTime(day, secondsIntoDay: 45_296), .number(9_007_199_254_740_992)],
        ]
        let table = try Self.roundTrip(["region", "value (CNY)", "ok", "day", "id"], rows)
        #expect(table.sheetName == "Sheet1")
        #expect(table.columnNames == ["region", "value (CNY)", "ok", "day", "id"])
        #expect(table.rowCount == 3)
        for (index, row) in rows.enumerated() {
            #expect(table.columns.map { $0[index] } == row)
        }
    }

    /// Reading calls `progress` at each row at least (and for each piece unpacked), so that the plugin
    /// can tell alq it is still at work on a large sheet.
    @Test func readingReportsProgressRowByRow() throws {
        var writer = WorkbookWriter()
        try writer.addSheet(named: "rows", header: ["n"])
        for number in 0..<3000 { try writer.appendRow([.number(Double(number))]) }
        var calls = 0
        let table = try WorkbookReader(bytes: try writer.finish()).read { calls += 1 }
        #expect(table.rowCount == 3000)
        #expect(calls >= 3001, "\(calls) calls")
    }

    @Test func awkwardTextIsKept() throws {
        let texts = [
            "a & b < c > d \"quoted\" 'single'", "  leading and trailing  ", "line1\nline2\r\nline3\rend", "tab\there",
            "bell\u{7}nul\u{0}esc\u{1B}", "_x0041_ stays literal", "emoji 😀 and 中文", "\u{FFFF}\u{FFFE}", "", "=SUM(A1)",
            "]]> <![CDATA[",
        ]
        let table = try Self.roundTrip(["text"], texts.map { [.string($0)] })
        #expect(table.columns[0] == texts.map { .string($0) })
    }

    @Test func repeatedStringsAreSharedOnce() throws {
        var strings = SharedStringTable()
        #expect(strings.index(of: "广西") == 0)
        #expect(strings.index(of: "Baise") == 1)
        #expect(strings.index(of: "广西") == 0)
        #expect(strings.references == 3)
        #expect(
            String(decoding: strings.xml, as: UTF8.self).hasSuffix(
                #"count="3" uniqueCount="2"><si><t>广西</t></si><si><t>Baise</t></si></sst>"#))
    }

    @Test func theSameTableGivesTheSameBytes() throws {
        func bytes() throws -> [UInt8] {
            var writer = WorkbookWriter()
            try writer.addSheet(named: "facts", header: ["a"])
            try writer.appendRow([.number(1)])
            return try writer.finish()
        }
        #expect(try bytes() == bytes())
    }

    @Test func sheetsAreNamedAndChosen() throws {
        var writer = WorkbookWriter()
        try writer.addSheet(named: "Facts", header: ["a"])
        try writer.appendRow([.number(1)])
        try writer.addSheet(named: "facts", header: ["b"])
        try writer.appendRow([.number(2)])
        #expect(writer.sheetNames == ["Facts", "facts (2)"])
        let reader = try WorkbookReader(bytes: try writer.finish())
        #expect(reader.sheetNames == ["Facts", "facts (2)"])
        #expect(try reader.read().columnNames == ["a"])
        #expect(try reader.read(sheet: "facts (2)").columns == [[.number(2)]])
        #expect(try reader.read(sheet: "FACTS").columns == [[.number(1)]])
        #expect(throws: XLSXError("the workbook has no sheet 'Other'; its sheets are 'Facts', 'facts (2)'")) {
            try reader.read(sheet: "Other")
        }
    }

    @Test func anEmptyTableIsAnEmptySheet() throws {
        let table = try Self.roundTrip([], [])
        #expect(table.columnNames.isEmpty && table.columns.isEmpty)
        let headerOnly = try Self.roundTrip(["a", "b"], [])
        #expect(headerOnly.columnNames == ["a", "b"] && headerOnly.rowCount == 0)
    }

    @Test func limitsOfExcelAreErrors() throws {
        var writer = WorkbookWriter()
        #expect(throws: XLSXError.self) {
            try writer.addSheet(named: "x", header: Array(repeating: "c", count: CellReference.maximumColumns + 1))
        }
        try writer.addSheet(named: "x", header: ["a"])
        #expect(throws: XLSXError("a row has 2 cells for 1 columns")) {
            try writer.appendRow([.number(1), .number(2)])
        }
        let long = String(repeating: "长", count: WorksheetWriter.maximumTextLength + 1)
        #expect(throws: XLSXError("cell A2 would hold 32768 characters; Excel allows at most 32767")) {
            try writer.appendRow([.string(long)])
        }
    }

    @Test func notANumberIsAnEmptyCell() throws {
        let table = try Self.roundTrip(["a", "b"], [[.number(.nan), .number(.infinity)], [.number(1), .empty]])
        #expect(table.columns == [[.empty, .number(1)], [.empty, .empty]])
    }
}
