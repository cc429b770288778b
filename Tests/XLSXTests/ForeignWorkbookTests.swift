import ALQCalendar
import Testing

@testable import XLSX

/// Workbooks as other programs write them, and broken ones: each part given as text.
@Suite struct ForeignWorkbookTests {
    static let main = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A workbook with one sheet `Data` whose `<sheetData>` is `sheetData`.
    static func workbook(
        sheetData: String, sharedStrings: [String] = [], styles: String? = nil, date1904: Bool = false,
        sheetPart: String? = nil
    ) throws -> [UInt8] {
        var parts: [(String, [UInt8])] = [
            (
                "_rels/.rels",
                #"<Relationships><Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="/xl/workbook.xml"/></Relationships>"#
            ),
            (
                "xl/workbook.xml",
                #"<workbook \#(main) xmlns:r="\#(relationships)"><workbookPr date1904="\#(date1904 ? 1 : 0)"/><sheets><sheet name="Data" sheetId="1" r:id="rId7"/></sheets></workbook>"#
            ),
            (
                "xl/_rels/workbook.xml.rels",
                #"<Relationships><Relationship Id="rId7" Type="\#(relationships)/worksheet" Target="worksheets/../worksheets/data.xml"/><Relationship Id="rId8" Type="\#(relationships)/sharedStrings" Target="strings.xml"/><Relationship Id="rId9" Type="\#(relationships)/styles" Target="styles.xml"/></Relationships>"#
            ),
            ("xl/strings.xml", "<sst \(main)>" + sharedStrings.joined() + "</sst>"),
            (
                "xl/worksheets/data.xml",
                sheetPart ?? "<x:worksheet xmlns:x=\"main\"><x:sheetData>\(sheetData)</x:sheetData></x:worksheet>"
            ),
        ].map { ($0.0, Array($0.1.utf8)) }
        if let styles { parts.append(("xl/styles.xml", Array(styles.utf8))) }
        return try ZipArchiveWriter.archive(parts)
    }

    static let dateStyles = """
        <styleSheet \(main)><numFmts><numFmt numFmtId="170" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>\
        <numFmt numFmtId="171" formatCode="#,##0.00"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>\
        <cellXfs><xf numFmtId="0"/><xf numFmtId="170"/><xf numFmtId="171"/><xf numFmtId="14"/><xf numFmtId="22"/></cellXfs></styleSheet>
        """

    @Test func cellsOfEveryKind() throws {
        let bytes = try Self.workbook(
            sheetData: """
                <x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c t="inlineStr"><x:is><x:t>inline 中文</x:t></x:is></x:c>\
                <x:c t="s"><x:v>1</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>formula text</x:v></x:c></x:row>\
                <x:row r="3"><x:c r="B3" s="1"><x:v>45292</x:v></x:c><x:c r="C3" s="2"><x:v>45292</x:v></x:c>\
                <x:c r="D3" t="b"><x:v>1</x:v></x:c><x:c r="E3" t="e"><x:v>#DIV/0!</x:v></x:c></x:row>\
                <x:row r="5"><x:c r="B5" s="3"><x:v>45292.75</x:v></x:c><x:c r="C5" t="d"><x:v>2024-05-01</x:v></x:c>\
                <x:c r="D5"><x:v>12345678901234567891</x:v></x:c><x:c r="E5" s="4"><x:v>0.5</x:v></x:c></x:row>\
                <x:row r="6"><x:c r="B6"/><x:c r="C6" t="s"><x:v>2</x:v></x:c></x:row>
                """,
            sharedStrings: [
                "<si><t>name</t></si>",
                "<si><r><t>rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh><t>ふりがな</t></rPh></si>",
                "<si><t>_x000D_escaped</t></si>",
            ],
            styles: Self.dateStyles)
        let table = try WorkbookReader(bytes: bytes).read()
        #expect(table.sheetName == "Data")
        #expect(table.columnNames == ["name", "inline 中文", "rich text", "formula text"])
        let day = try #require(CivilDay(year: 2024, month: 1, day: 1))
        #expect(
            table.columns == [
                [.date(day), .empty, .dateTime(day, secondsIntoDay: 64_800), .empty],
                [.number(45292), .empty, .date(CivilDay(year: 2024, month: 5, day: 1)!), .string("\rescaped")],
                [.bool(true), .empty, .bigInteger("12345678901234567891"), .empty],
                [.empty, .empty, .number(0.5), .empty],
            ])
    }

    @Test func the1904DateSystem() throws {
        let bytes = try Self.workbook(
            sheetData:
                #"<x:row><x:c t="inlineStr"><x:is><x:t>d</x:t></x:is></x:c></x:row><x:row><x:c s="3"><x:v>0</x:v></x:c></x:row>"#,
            styles: Self.dateStyles, date1904: true)
        #expect(try WorkbookReader(bytes: bytes).read().columns == [[.date(CivilDay(year: 1904, month: 1, day: 1)!)]])
    }

    @Test func headerNamesAreMadeUnique() throws {
        let bytes = try Self.workbook(
            sheetData:
                #"<x:row><x:c r="A1" t="inlineStr"><x:is><x:t> a </x:t></x:is></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c r="D1"><x:v>2024</x:v></x:c></x:row><x:row><x:c r="B2"><x:v>1</x:v></x:c></x:row>"#
        )
        let table = try WorkbookReader(bytes: bytes).read()
        #expect(table.columnNames == ["a", "B", "a_2", "2024"])
        #expect(table.columns == [[.empty], [.number(1)], [.empty], [.empty]])
    }

    @Test func headerRowsChosenOrAbsent() throws {
        let bytes = try Self.workbook(
            sheetData:
                #"<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>title</x:t></x:is></x:c></x:row><x:row r="4"><x:c r="B4" t="inlineStr"><x:is><x:t>name</x:t></x:is></x:c><x:c r="C4"><x:v>1</x:v></x:c></x:row><x:row r="5"><x:c r="C5"><x:v>2</x:v></x:c></x:row>"#
        )
        let reader = try WorkbookReader(bytes: bytes)
        let first = try reader.read()
        #expect(
            first.columnNames == ["title", "C"]
                && first.columns == [[.empty, .string("name"), .empty], [.empty, .number(1), .number(2)]])
        let fourth = try reader.read(header: .row(4))
        #expect(fourth.columnNames == ["name", "1"] && fourth.columns == [[.empty], [.number(2)]])
        let third = try reader.read(header: .row(3))
        #expect(
            third.columnNames == ["B", "C"] && third.columns == [[.string("name"), .empty], [.number(1), .number(2)]])
        let none = try reader.read(header: HeaderRow.none)
        #expect(none.columnNames == ["B", "C"] && none.rowCount == 4)
        #expect(none.columns[0] == [.string("title"), .empty, .string("name"), .empty])
        #expect(try reader.read(header: .row(9)).rowCount == 0)
        #expect(throws: XLSXError("a header row is numbered 1 to 1048576, not 0")) { try reader.read(header: .row(0)) }
    }

    @Test func notAWorkbook() throws {
        #expect(throws: XLSXError("it is not an xlsx workbook: not a zip archive")) {
            try WorkbookReader(bytes: Array("name,value\n".utf8))
        }
        #expect(throws: XLSXError("it is not an xlsx workbook: not a zip archive")) { try WorkbookReader(bytes: []) }
        #expect(throws: XLSXError("there is no such file")) { try WorkbookReader(path: "/nonexistent/f.xlsx") }
        #expect(throws: XLSXError("it is not a regular file")) { try WorkbookReader(path: "/dev/null") }
        #expect(throws: XLSXError("it is not a regular file")) { try WorkbookReader(path: "/tmp") }
        let zip = try ZipArchiveWriter.archive([("hello.txt", Array("hi".utf8))])
        #expect(throws: XLSXError("it is not an xlsx workbook: it has no workbook part")) {
            try WorkbookReader(bytes: zip)
        }
    }

    @Test func brokenParts() throws {
        let badString = try Self.workbook(sheetData: #"<x:row><x:c t="s"><x:v>5</x:v></x:c></x:row>"#)
        #expect(throws: XLSXError("a cell refers to shared string '5', which the workbook does not have")) {
            try WorkbookReader(bytes: badString).read()
        }
        let badNumber = try Self.workbook(sheetData: #"<x:row><x:c><x:v>12abc</x:v></x:c></x:row>"#)
        #expect(throws: XLSXError("a number cell holds '12abc', which is not a number")) {
            try WorkbookReader(bytes: badNumber).read()
        }
        let badReference = try Self.workbook(sheetData: #"<x:row><x:c r="ZZZZ1"><x:v>1</x:v></x:c></x:row>"#)
        #expect(throws: XLSXError("xl/worksheets/data.xml has a cell at 'ZZZZ1', which is no cell of a sheet")) {
            try WorkbookReader(bytes: badReference).read()
        }
        let badRow = try Self.workbook(sheetData: #"<x:row r="3"/><x:row r="2"/>"#)
        #expect(throws: XLSXError("xl/worksheets/data.xml has a row numbered '2' out of order or past row 1048576")) {
            try WorkbookReader(bytes: badRow).read()
        }
        let badXML = try Self.workbook(sheetData: "", sheetPart: "<worksheet><sheetData><row><c>")
        #expect(throws: XLSXError.self) { try WorkbookReader(bytes: badXML).read() }
        let truncated = Array(try Self.workbook(sheetData: "").dropLast(30))
        #expect(throws: XLSXError.self) { try WorkbookReader(bytes: truncated).read() }
    }

    @Test func aZipBombIsRefused() throws {
        // 8 MiB of one repeated row compresses to a few KiB.
        let row = #"<x:row><x:c><x:v>1</x:v></x:c></x:row>"#
        let bomb = try Self.workbook(sheetData: String(repeating: row, count: (8 << 20) / row.utf8.count))
        #expect(bomb.count < 200_000)
        let limits = ReadLimits(partBytes: 1 << 20, totalBytes: 2 << 20)
        #expect(
            throws: XLSXError(
                "the part xl/worksheets/data.xml unpacks to more than alq reads (1 MiB a part, 2 MiB a workbook)")
        ) {
            try WorkbookReader(bytes: bomb, limits: limits).read()
        }
    }

    @Test func aZipBombThatLiesAboutItsSizeIsRefused() throws {
        let row = #"<x:row><x:c><x:v>1</x:v></x:c></x:row>"#
        var bomb = try Self.workbook(sheetData: String(repeating: row, count: (8 << 20) / row.utf8.count))
        // The sheet's headers claim 100 bytes unpacked, in the local header and in the central directory.
        let name = Array("xl/worksheets/data.xml".utf8)
        var patched = 0
        for offset in 0..<(bomb.count - 46) {
            let signature = bomb[offset..<(offset + 4)]
            let (sizeOffset, nameOffset) =
                signature.elementsEqual([0x50, 0x4B, 0x03, 0x04])
                ? (22, 30) : signature.elementsEqual([0x50, 0x4B, 0x01, 0x02]) ? (24, 46) : (-1, -1)
            guard sizeOffset > 0, bomb[(offset + nameOffset)...].starts(with: name) else { continue }
            bomb.replaceSubrange((offset + sizeOffset)..<(offset + sizeOffset + 4), with: [100, 0, 0, 0])
            patched += 1
        }
        #expect(patched == 2)
        #expect {
            try WorkbookReader(bytes: bomb, limits: ReadLimits(partBytes: 1 << 20, totalBytes: 2 << 20)).read()
        } throws: { error in
            let message = (error as? XLSXError)?.message ?? ""
            return message.hasPrefix("the part xl/worksheets/data.xml unpacks to more than alq reads")
                || message.hasPrefix("the part xl/worksheets/data.xml cannot be unpacked")
        }
    }

    @Test func hugeDimensionsAreRefused() throws {
        let far = try Self.workbook(
            sheetData:
                #"<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row><x:row r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>"#
        )
        #expect(
            throws: XLSXError(
                "the sheet 'Data' spans 16384 columns and 1048576 rows, more than the 20000000 cells alq reads from a sheet"
            )
        ) {
            try WorkbookReader(bytes: far).read()
        }
        let many = try Self.workbook(
            sheetData: String(repeating: #"<x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row>"#, count: 20))
        #expect(throws: XLSXError("xl/worksheets/data.xml has more than the 30 cells alq reads from a sheet")) {
            try WorkbookReader(bytes: many, limits: ReadLimits(cells: 30)).read()
        }
    }
}
