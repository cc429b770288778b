/// A sheet read as a table: the first row that has a cell gives the column names, the rows after
/// it the values, column by column.
public struct SheetTable: Sendable, Equatable {
    /// The sheet's name.
    public var sheetName: String
    /// The column names: the header cells as text; an empty header cell is named by its column's
    /// letters (`C`), a repeated name gets `_2`, `_3`, ….
    public var columnNames: [String]
    /// The cells, one array per column, all of the same length.
    public var columns: [[XLSXCell]]

    public init(sheetName: String, columnNames: [String], columns: [[XLSXCell]]) {
        self.sheetName = sheetName
        self.columnNames = columnNames
        self.columns = columns
    }

    /// How many rows the table has (the header not counted).
    public var rowCount: Int { columns.first?.count ?? 0 }

    /// A table from the cells of a sheet, row by row: `rows[i]` holds (column, cell) pairs with
    /// columns from 1. Leading empty rows and the columns left of the leftmost cell are dropped.
    init(sheetName: String, rows: [[(column: Int, cell: XLSXCell)]], limits: ReadLimits) throws(XLSXError) {
        self.sheetName = sheetName
        let used = rows.lazy.flatMap { $0 }.filter { $0.cell != .empty }
        guard let first = used.map(\.column).min(), let last = used.map(\.column).max(),
            let headerIndex = rows.firstIndex(where: { $0.contains { $0.cell != .empty } })
        else {
            columnNames = []
            columns = []
            return
        }
        var lastRow = rows.count - 1
        while lastRow > headerIndex, !rows[lastRow].contains(where: { $0.cell != .empty }) { lastRow -= 1 }
        let width = last - first + 1
        let height = lastRow - headerIndex
        guard width.multipliedReportingOverflow(by: height + 1).partialValue <= limits.cells else {
            throw XLSXError(
                "the sheet '\(sheetName)' spans \(width) columns and \(height + 1) rows, more than the \(limits.cells) cells alq reads from a sheet"
            )
        }
        var header = [XLSXCell](repeating: .empty, count: width)
        for (column, cell) in rows[headerIndex] { header[column - first] = cell }
        columnNames = SheetTable.names(header, firstColumn: first)
        columns = [[XLSXCell]](repeating: [XLSXCell](repeating: .empty, count: height), count: width)
        for row in 0..<height {
            for (column, cell) in rows[headerIndex + 1 + row] { columns[column - first][row] = cell }
        }
    }

    private static func names(_ header: [XLSXCell], firstColumn: Int) -> [String] {
        var seen: Set<String> = []
        return header.enumerated().map { offset, cell in
            var name = SheetTable.text(of: cell).trimmingSpaces
            if name.isEmpty { name = CellReference.letters(ofColumn: firstColumn + offset) }
            var unique = name
            var number = 2
            while seen.contains(unique) {
                unique = "\(name)_\(number)"
                number += 1
            }
            seen.insert(unique)
            return unique
        }
    }

    /// A cell as header text.
    static func text(of cell: XLSXCell) -> String {
        switch cell {
        case .empty: ""
        case .number(let value): WorksheetWriter.numberText(value) ?? ""
        case .bigInteger(let digits): digits
        case .bool(let flag): flag ? "true" : "false"
        case .string(let text): text
        case .date(let day): day.description
        case .dateTime(let day, _): day.description
        }
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let isSpace = { (character: Character) in character == " " || character == "\t" || character.isNewline }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
