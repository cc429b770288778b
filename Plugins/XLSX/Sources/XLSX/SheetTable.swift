/// Which row of a sheet holds the column names.
public enum HeaderRow: Sendable, Equatable {
    /// The first row that has a cell (rows above it are empty).
    case firstFilled
    /// This row, from 1; the rows above it are left out.
    case row(Int)
    /// None: every row is data, and the columns are named by their letters (`A`, `B`, …).
    case none
}

/// A sheet read as a table: a header row gives the column names (the first row that has a cell,
/// unless told otherwise), the rows after it the values, column by column.
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
    /// columns from 1. The rows above the header and the columns left of the leftmost cell are dropped.
    /// `progress` is called at each row of each pass over the rows.
    init(
        sheetName: String, rows: [[(column: Int, cell: XLSXCell)]], header: HeaderRow, limits: ReadLimits,
        progress: () -> Void = {}
    ) throws(XLSXError) {
        self.sheetName = sheetName
        var rows = rows
        // A header row chosen by number or absent is marked by an empty cell at column `Int.max`, which
        // no real cell has, so that the search below finds it even when it holds nothing.
        switch header {
        case .firstFilled: break
        case .row(let number):
            guard number >= 1, number <= CellReference.maximumRows else {
                throw XLSXError("a header row is numbered 1 to \(CellReference.maximumRows), not \(number)")
            }
            rows.removeFirst(min(number - 1, rows.count))
            if rows.isEmpty { rows = [[]] }
            // The header row stays even when it is empty: its columns are then named by their letters.
            rows[0].append((Int.max, .empty))
        case .none:
            rows.removeFirst(rows.firstIndex { $0.contains { $0.cell != .empty } } ?? rows.count)
            rows.insert([(Int.max, .empty)], at: 0)
        }
        var first = Int.max
        var last = Int.min
        for row in rows {
            progress()
            for (column, cell) in row where cell != .empty {
                first = min(first, column)
                last = max(last, column)
            }
        }
        guard first <= last,
            let headerIndex = rows.firstIndex(where: { $0.contains { $0.cell != .empty || $0.column == Int.max } })
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
        for (column, cell) in rows[headerIndex] where column != Int.max { header[column - first] = cell }
        columnNames = SheetTable.names(header, firstColumn: first)
        columns = [[XLSXCell]](repeating: [XLSXCell](repeating: .empty, count: height), count: width)
        for row in 0..<height {
            progress()
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
