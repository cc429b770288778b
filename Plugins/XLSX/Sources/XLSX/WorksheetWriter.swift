/// One worksheet being written: a bold header row, then one row per call, each cell typed.
/// The rows go to `<sheetData>` as they come; the parts around it (dimension, column widths, the
/// frozen header) are added when the sheet is finished.
struct WorksheetWriter {
    /// The longest text a cell holds in Excel.
    static let maximumTextLength = 32_767
    /// The widest a column is made, in characters.
    static let maximumWidth = 60.0

    let name: String
    let columnCount: Int
    private(set) var rowCount = 0
    private var sheetData: [UInt8] = []
    private var widths: [Double]
    /// Each column's letters, as bytes.
    private let columnLetters: [[UInt8]]

    /// A sheet with its header row.
    init(name: String, header: [String], strings: inout SharedStringTable) throws(XLSXError) {
        guard header.count <= CellReference.maximumColumns else {
            throw XLSXError(
                "a sheet holds at most \(CellReference.maximumColumns) columns; this table has \(header.count)")
        }
        self.name = name
        columnCount = header.count
        widths = header.map { WorksheetWriter.width(of: $0) + 2 }
        columnLetters = header.indices.map { Array(CellReference.letters(ofColumn: $0 + 1).utf8) }
        try appendRow(header.map { .string($0) }, style: .header, strings: &strings)
    }

    /// Appends a row of at most ``columnCount`` cells.
    mutating func appendRow(_ cells: [XLSXCell], strings: inout SharedStringTable) throws(XLSXError) {
        try appendRow(cells, style: .general, strings: &strings)
    }

    private mutating func appendRow(_ cells: [XLSXCell], style: WriterStyle, strings: inout SharedStringTable)
        throws(XLSXError)
    {
        guard rowCount < CellReference.maximumRows else {
            throw XLSXError(
                "a sheet holds at most \(CellReference.maximumRows) rows, the header included; this table has more")
        }
        guard cells.count <= columnCount else {
            throw XLSXError("a row has \(cells.count) cells for \(columnCount) columns")
        }
        rowCount += 1
        let row = Array(String(rowCount).utf8)
        sheetData.append(contentsOf: #"<row r=""#.utf8)
        sheetData.append(contentsOf: row)
        sheetData.append(contentsOf: #"">"#.utf8)
        for (index, cell) in cells.enumerated() {
            if case .empty = cell { continue }
            try appendCell(cell, column: index, row: row, style: style, strings: &strings)
        }
        sheetData.append(contentsOf: "</row>".utf8)
    }

    private mutating func appendCell(
        _ cell: XLSXCell, column: Int, row: [UInt8], style: WriterStyle, strings: inout SharedStringTable
    ) throws(XLSXError) {
        switch cell {
        case .empty: return
        case .number(let value):
            guard let text = WorksheetWriter.numberText(value) else { return }
            appendValue(text.utf8, column: column, row: row, style: style)
        case .bigInteger(let digits): appendValue(digits.utf8, column: column, row: row, style: style)
        case .bool(let flag):
            appendValue(CollectionOfOne(flag ? 49 : 48), column: column, row: row, style: style, type: "b")
            widths[column] = max(widths[column], 6)
        case .string(let text):
            let index = strings.index(of: text)
            guard strings.lengths[index] <= WorksheetWriter.maximumTextLength else {
                throw XLSXError(
                    "cell \(CellReference(column: column + 1, row: rowCount)) would hold \(strings.lengths[index]) characters; Excel allows at most \(WorksheetWriter.maximumTextLength)"
                )
            }
            appendValue(String(index).utf8, column: column, row: row, style: style, type: "s", width: false)
            widths[column] = max(widths[column], strings.widths[index] + 1)
        case .date(let day):
            guard let serial = ExcelSerialDate.serial(of: day) else {
                // Before 1900: Excel has no date for it, so it stays ISO 8601 text.
                return try appendCell(
                    .string(day.description), column: column, row: row, style: style, strings: &strings)
            }
            appendValue(String(serial).utf8, column: column, row: row, style: .date)
            widths[column] = max(widths[column], 12)
        case .dateTime(let day, let seconds):
            guard let serial = ExcelSerialDate.serial(of: day),
                let text = WorksheetWriter.numberText(Double(serial) + seconds / 86_400)
            else {
                return try appendCell(
                    .string(day.description), column: column, row: row, style: style, strings: &strings)
            }
            appendValue(text.utf8, column: column, row: row, style: .dateTime)
            widths[column] = max(widths[column], 20)
        }
    }

    /// `<c r="B7" s="1" t="s"><v>VALUE</v></c>`, and the column made wide enough for the value.
    private mutating func appendValue(
        _ value: some Collection<UInt8>, column: Int, row: [UInt8], style: WriterStyle, type: StaticString? = nil,
        width: Bool = true
    ) {
        sheetData.append(contentsOf: #"<c r=""#.utf8)
        sheetData.append(contentsOf: columnLetters[column])
        sheetData.append(contentsOf: row)
        if style != .general {
            sheetData.append(contentsOf: #"" s=""#.utf8)
            sheetData.append(UInt8(ascii: "0") + UInt8(style.rawValue))
        }
        if let type {
            sheetData.append(contentsOf: #"" t=""#.utf8)
            sheetData.append(contentsOf: UnsafeBufferPointer(start: type.utf8Start, count: type.utf8CodeUnitCount))
        }
        sheetData.append(contentsOf: #""><v>"#.utf8)
        sheetData.append(contentsOf: value)
        sheetData.append(contentsOf: "</v></c>".utf8)
        if width { widths[column] = max(widths[column], Double(value.count) + 1) }
    }

    /// The part `xl/worksheets/sheetN.xml`.
    var xml: [UInt8] {
        var out = Array(SpreadsheetML.declaration.utf8)
        out.append(
            contentsOf: #"<worksheet xmlns="\#(SpreadsheetML.main)" xmlns:r="\#(SpreadsheetML.relationships)">"#.utf8)
        let last = CellReference(column: max(columnCount, 1), row: max(rowCount, 1))
        out.append(contentsOf: "<dimension ref=\"A1:\(last)\"/>".utf8)
        out.append(
            contentsOf:
                #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
                .utf8)
        out.append(contentsOf: #"<sheetFormatPr defaultRowHeight="15"/>"#.utf8)
        if columnCount > 0 {
            out.append(contentsOf: "<cols>".utf8)
            for (index, width) in widths.enumerated() {
                let shown = min(width, WorksheetWriter.maximumWidth).rounded()
                out.append(
                    contentsOf:
                        "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(Int(shown))\" customWidth=\"1\"/>"
                        .utf8)
            }
            out.append(contentsOf: "</cols>".utf8)
        }
        out.append(contentsOf: "<sheetData>".utf8)
        out.append(contentsOf: sheetData)
        out.append(contentsOf: "</sheetData></worksheet>".utf8)
        return out
    }

    /// A finite number in the shortest text that reads back to it (integers below 2^53 without `.0`);
    /// `nil` for not-a-number and infinities, which a cell cannot hold.
    static func numberText(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value == value.rounded(.towardZero), abs(value) < 9_007_199_254_740_992 { return String(Int64(value)) }
        return value.description
    }

    /// About how many character widths a text takes: wide (CJK) characters count two; the longest line counts.
    static func width(of text: String) -> Double {
        var widest = 0
        var current = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                current = 0
                continue
            }
            current += scalar.value >= 0x1100 && scalar.value < 0xFFEF ? 2 : 1
            widest = max(widest, current)
        }
        return Double(widest)
    }
}
