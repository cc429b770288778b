import ALQRuntime

/// Renders a table as aligned text with a header: numbers right-aligned, quantities in a human
/// scale, CJK-aware widths. A table too wide or too long is cut, and a notice says what was left out.
public struct TableRenderer: Sendable {
    /// The widest the output may be, in columns; `nil` for no limit.
    public var maxWidth: Int?
    /// The most rows shown; `nil` for all.
    public var maxRows: Int?
    /// The widest a single cell may be when the table must fit a width.
    public var maxCellWidth = 40
    public var color: ColorPolicy

    public init(maxWidth: Int? = nil, maxRows: Int? = nil, color: ColorPolicy = ColorPolicy(enabled: false)) {
        self.maxWidth = maxWidth
        self.maxRows = maxRows
        self.color = color
    }

    public func render(_ table: Table) -> String {
        let rowCount = table.rowCount
        var shownRows = Array(0..<rowCount)
        var omittedRows = 0
        if let maxRows, rowCount > maxRows {
            let head = max(1, maxRows - maxRows / 4)
            let tail = maxRows - head
            shownRows = Array(0..<head) + Array((rowCount - tail)..<rowCount)
            omittedRows = rowCount - maxRows
        }
        var cells: [[String]] = []
        var rightAligned: [Bool] = []
        for column in table.columns {
            cells.append(shownRows.map { cellText(column[$0]) })
            rightAligned.append(isNumeric(column))
        }
        var widths = zip(table.columnNames, cells).map { name, column in
            column.reduce(DisplayWidth.of(name)) { max($0, DisplayWidth.of($1)) }
        }
        var shownColumns = table.columnNames.count
        if let maxWidth {
            widths = widths.map { min($0, maxCellWidth) }
            while shownColumns > 1, totalWidth(widths.prefix(shownColumns), cut: shownColumns < widths.count) > maxWidth
            {
                shownColumns -= 1
            }
            if shownColumns == 1, totalWidth(widths.prefix(1), cut: widths.count > 1) > maxWidth {
                widths[0] = max(3, maxWidth - 4 - (widths.count > 1 ? 4 : 0))
            }
        }
        let hidden = Array(table.columnNames[shownColumns...])
        let columns = Array(0..<shownColumns)
        let ellipsisColumn = !hidden.isEmpty

        func line(_ left: String, _ middle: String, _ right: String) -> String {
            var parts = columns.map { String(repeating: "─", count: widths[$0] + 2) }
            if ellipsisColumn { parts.append("───") }
            return color.paint(left + parts.joined(separator: middle) + right, .dim) + "\n"
        }
        func row(_ texts: [String], header: Bool) -> String {
            var parts: [String] = []
            for index in columns {
                let text = DisplayWidth.truncate(texts[index], to: widths[index])
                let padded = DisplayWidth.pad(text, to: widths[index], right: !header && rightAligned[index])
                parts.append(" " + (header ? color.paint(padded, .bold) : padded) + " ")
            }
            if ellipsisColumn { parts.append(" … ") }
            let bar = color.paint("│", .dim)
            return bar + parts.joined(separator: bar) + bar + "\n"
        }

        var output = line("┌", "┬", "┐")
        output += row(table.columnNames, header: true)
        output += line("├", "┼", "┤")
        for (position, rowIndex) in shownRows.enumerated() {
            if omittedRows > 0, position > 0, shownRows[position - 1] + 1 != rowIndex {
                output += row(columns.map { _ in "⋮" }, header: false)
            }
            output += row(columns.map { cells[$0][position] }, header: false)
        }
        output += line("└", "┴", "┘")
        var notices: [String] = []
        if omittedRows > 0 {
            notices.append("\(omittedRows) of \(rowCount) rows not shown")
        }
        if !hidden.isEmpty {
            notices.append(
                "\(hidden.count) column\(hidden.count == 1 ? "" : "s") not shown: \(hidden.joined(separator: ", "))")
        }
        if !notices.isEmpty {
            output +=
                color.paint("(" + notices.joined(separator: "; ") + " — export the result to see all)", .dim) + "\n"
        } else if rowCount == 0 {
            output += color.paint("(no rows)", .dim) + "\n"
        }
        return output
    }

    private func totalWidth(_ widths: ArraySlice<Int>, cut: Bool) -> Int {
        widths.reduce(1) { $0 + $1 + 3 } + (cut ? 4 : 0)
    }

    private func isNumeric(_ column: Column) -> Bool {
        switch column {
        case .number, .quantity: return true
        case .mixed(let values):
            return values.contains { !$0.isNull }
                && values.allSatisfy {
                    switch $0 {
                    case .number, .quantity, .null: true
                    default: false
                    }
                }
        default: return false
        }
    }

    /// A cell's text: strings as they are (newlines shown as ↵), everything else as literals.
    func cellText(_ value: Value) -> String {
        switch value {
        case .string(let text):
            return text.contains("\n") || text.contains("\t")
                ? String(text.map { $0 == "\n" ? "↵" : ($0 == "\t" ? " " : $0) }) : text
        case .table(let table):
            return "<table \(table.rowCount)×\(table.columnNames.count)>"
        default:
            return value.literalText
        }
    }
}
