import ALQCalendar
import ALQTestSupport
import Foundation
import Testing
import XLSX

/// Workbooks exchanged with Python's openpyxl (installed by `make deps`): what openpyxl writes, the
/// reader reads; what the writer writes, openpyxl reads.
@Suite struct OpenpyxlTests {
    static func temporaryPath(_ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    @Test func readsWhatOpenpyxlWrites() throws {
        let path = try Self.temporaryPath("openpyxl.xlsx")
        _ = try PythonScript.output(
            """
            import sys, datetime, openpyxl
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = "First"
            ws.append(["ignored"])
            facts = wb.create_sheet("Facts")
            facts.append(["region", "value", "ok", "day", "at", "note"])
            facts.append(["广西", 205000000000, True, datetime.date(2024, 2, 29), datetime.datetime(2024, 1, 1, 18, 30), None])
            facts.append(["Baise & <co>", -1.25, False, None, None, "line1\\nline2"])
            facts.append([None, 1e-7, None, datetime.date(1900, 3, 1), None, "  spaced  "])
            wb.save(sys.argv[1])
            """, [path])
        let workbook = try WorkbookReader(path: path)
        #expect(workbook.sheetNames == ["First", "Facts"])
        #expect(try workbook.read().columnNames == ["ignored"])
        let table = try workbook.read(sheet: "Facts")
        #expect(table.columnNames == ["region", "value", "ok", "day", "at", "note"])
        let leap = try #require(CivilDay(year: 2024, month: 2, day: 29))
        #expect(
            table.columns == [
                [.string("广西"), .string("Baise & <co>"), .empty],
                [.number(205e9), .number(-1.25), .number(1e-7)],
                [.bool(true), .bool(false), .empty],
                [.date(leap), .empty, .date(CivilDay(year: 1900, month: 3, day: 1)!)],
                [.dateTime(CivilDay(year: 2024, month: 1, day: 1)!, secondsIntoDay: 66_600), .empty, .empty],
                [.empty, .string("line1\nline2"), .string("  spaced  ")],
            ])
    }

    @Test func openpyxlReadsWhatTheWriterWrites() throws {
        let path = try Self.temporaryPath("alq.xlsx")
        var writer = WorkbookWriter()
        try writer.addSheet(named: "facts", header: ["region", "value (CNY)", "ok", "day", "text"])
        try writer.appendRow([
            .string("百色"), .number(41.9e9), .bool(true), .date(CivilDay(year: 2025, month: 9, day: 23)!),
            .string("a & b <c>\r\n\"d\""),
        ])
        try writer.appendRow([.empty, .number(0.5), .bool(false), .empty, .string("ctrl\u{1}  ")])
        try writer.appendRow([.string("x"), .bigInteger("12345678901234567891"), .empty, .empty, .empty])
        try Data(try writer.finish()).write(to: URL(fileURLWithPath: path))
        let output = try PythonScript.output(
            """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            print(wb.sheetnames)
            for row in wb["facts"].iter_rows(values_only=True):
                print(repr(row))
            print(wb["facts"]["D2"].number_format, wb["facts"]["A1"].font.b)
            """, [path])
        #expect(
            output == """
                ['facts']
                ('region', 'value (CNY)', 'ok', 'day', 'text')
                ('百色', 41900000000, True, datetime.datetime(2025, 9, 23, 0, 0), 'a & b <c>\\r\\n"d"')
                (None, 0.5, False, None, 'ctrl_x0001_  ')
                ('x', 12345678901234567891, None, None, None)
                yyyy-mm-dd True

                """)
    }
}
