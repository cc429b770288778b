import ALQRuntime

/// Renders a table as aligned text with a header: numbers right-aligned with thousands separators,
/// quantities in a human scale, widths measured per grapheme cluster.
///
/// Column widths come from the content and the width available: columns that fit keep their natural
/// width, long text shares what is left and wraps inside its cell at word boundaries. When even the
/// narrowest layout is too wide, the least informative columns are left out first (ids and all-null
/// columns, then long text such as notes), and a notice names them. A table taller than ``maxLines``
/// is cut in the middle, keeping the header; a notice says how many rows are not shown.
public struct TableRenderer: Sendable {
    /// The widest the output may be, in columns; `nil` for no limit.
    public var maxWidth: Int?
    /// The most lines the whole output may take (header and notices included); `nil` for all rows.
    public var maxLines: Int?
    public var color: ColorPolicy

    public init(maxWidth: Int? = nil, maxLines: Int? = nil, color: ColorPolicy = ColorPolicy(enabled: false)) {
        self.maxWidth = maxWidth
        self.maxLines = maxLines
        self.color = color
    }

    public func render(_ table: Table) -> String {
        let shown = candidateRows(table)
        let layout = TableLayout(table: table, rows: shown, maxWidth: maxWidth)
        var body = shown.indices.map { layout.lines(ofRow: $0) }
        var rows = shown
        var omitted = table.rowCount - shown.count
        if let maxLines {
            // Header (3 lines), bottom border, notice and the ⋮ row.
            let budget = max(1, maxLines - 6)
            while rows.count > 1, body.reduce(0, { $0 + $1.count }) > budget {
                let middle = rows.count / 2
                rows.remove(at: middle)
                body.remove(at: middle)
                omitted += 1
            }
        }
        let columns = layout.columns

        func line(_ left: String, _ middle: String, _ right: String) -> String {
            let parts = columns.map { String(repeating: "─", count: layout.widths[$0] + 2) }
            return color.paint(left + parts.joined(separator: middle) + right, .dim) + "\n"
        }
        func textLine(_ texts: [String], header: Bool) -> String {
            var parts: [String] = []
            for (position, index) in columns.enumerated() {
                let padded = DisplayWidth.pad(
                    texts[position], to: layout.widths[index], right: !header && layout.rightAligned[index])
                parts.append(" " + (header ? color.paint(padded, .bold) : padded) + " ")
            }
            let bar = color.paint("│", .dim)
            return bar + parts.joined(separator: bar) + bar + "\n"
        }
        func block(_ cellLines: [[String]], header: Bool) -> String {
            let height = cellLines.map(\.count).max() ?? 1
            var text = ""
            for lineIndex in 0..<height {
                text += textLine(cellLines.map { lineIndex < $0.count ? $0[lineIndex] : "" }, header: header)
            }
            return text
        }

        var output = line("┌", "┬", "┐")
        output += block(layout.headerLines(), header: true)
        output += line("├", "┼", "┤")
        for position in rows.indices {
            if omitted > 0, position > 0, rows[position - 1] + 1 != rows[position] {
                output += textLine(columns.map { _ in "⋮" }, header: false)
            }
            output += block(body[position], header: false)
        }
        output += line("└", "┴", "┘")
        var notices: [String] = []
        if omitted > 0 {
            notices.append("\(omitted) of \(table.rowCount) rows not shown")
        }
        if !layout.hidden.isEmpty {
            let names = layout.hidden.map { table.columnNames[$0] }
            notices.append(
                "\(names.count) column\(names.count == 1 ? "" : "s") not shown: \(names.joined(separator: ", "))")
        }
        if !notices.isEmpty {
            let pronoun = layout.hidden.count == 1 ? "it" : "them"
            let hint = layout.hidden.isEmpty ? "" : " — select \(pronoun), or see every column with :mode line"
            output += notice(notices.joined(separator: "; ") + hint)
        } else if table.rowCount == 0 {
            output += color.paint("(no rows)", .dim) + "\n"
        }
        return output
    }

    /// A dim notice in brackets, wrapped at word boundaries to the width.
    func notice(_ text: String) -> String {
        let lines = DisplayWidth.wrap("(" + text + ")", to: maxWidth ?? Int.max)
        return lines.map { color.paint($0, .dim) + "\n" }.joined()
    }

    /// Whether the table shows every column in the width available.
    public func fitsEveryColumn(_ table: Table) -> Bool {
        TableLayout(table: table, rows: candidateRows(table), maxWidth: maxWidth).hidden.isEmpty
    }

    /// The rows worth laying out: all of them, or with a line budget the first and last ones that
    /// could fit.
    private func candidateRows(_ table: Table) -> [Int] {
        guard let maxLines else { return Array(0..<table.rowCount) }
        let most = max(1, maxLines - 6)
        guard table.rowCount > most else { return Array(0..<table.rowCount) }
        let head = max(1, most - most / 4)
        return Array(0..<head) + Array((table.rowCount - (most - head))..<table.rowCount)
    }
}

/// Which columns a table shows, how wide, and each cell's text.
struct TableLayout {
    /// Every column's cells for the laid-out rows, as display text.
    let cells: [[String]]
    let headers: [String]
    let rightAligned: [Bool]
    /// The columns shown, in table order.
    let columns: [Int]
    /// The columns left out, in table order.
    let hidden: [Int]
    /// Each column's width (meaningful for shown columns).
    let widths: [Int]

    init(table: Table, rows: [Int], maxWidth: Int?) {
        var cells: [[String]] = []
        var rightAligned: [Bool] = []
        let headers = table.columnNames.map { DisplayWidth.escapingControls($0, keepNewlines: false) }
        self.headers = headers
        for (name, column) in zip(table.columnNames, table.columns) {
            let numeric = TableLayout.isNumeric(column)
            let grouped = numeric && !TableLayout.isIdentifierName(name)
            cells.append(rows.map { CellText.of(column[$0], grouped: grouped) })
            rightAligned.append(numeric)
        }
        self.cells = cells
        self.rightAligned = rightAligned
        let natural = zip(headers, cells).map { header, column in
            column.reduce(DisplayWidth.of(header)) { max($0, TableLayout.widestLine($1)) }
        }
        let minimum = natural.indices.map { index in
            rightAligned[index]
                ? natural[index] : min(natural[index], max(8, min(DisplayWidth.of(headers[index]), 14)))
        }
        guard let maxWidth else {
            columns = Array(natural.indices)
            hidden = []
            widths = natural
            return
        }
        var kept = Array(natural.indices)
        let dropOrder = natural.indices.sorted { left, right in
            let (leftScore, rightScore) = (
                TableLayout.priority(headers[left], cells[left], rightAligned[left]),
                TableLayout.priority(headers[right], cells[right], rightAligned[right])
            )
            return leftScore != rightScore ? leftScore < rightScore : left > right
        }
        var dropped: [Int] = []
        func fits(_ widths: [Int]) -> Bool { kept.reduce(1, { $0 + widths[$1] + 3 }) <= maxWidth }
        // Columns that say little go before anything else has to wrap; then whatever must go to fit.
        for candidate in dropOrder where kept.count > 1 && !fits(natural) {
            guard TableLayout.priority(headers[candidate], cells[candidate], rightAligned[candidate]) <= 1 else {
                break
            }
            kept.removeAll { $0 == candidate }
            dropped.append(candidate)
        }
        for candidate in dropOrder where kept.count > 1 && !fits(minimum) && !dropped.contains(candidate) {
            kept.removeAll { $0 == candidate }
            dropped.append(candidate)
        }
        columns = kept
        hidden = dropped.sorted()
        var widths = natural
        let available = maxWidth - (3 * kept.count + 1)
        let shares = TableLayout.share(
            available, natural: kept.map { natural[$0] }, minimum: kept.map { minimum[$0] })
        for (index, width) in zip(kept, shares) { widths[index] = width }
        self.widths = widths
    }

    /// The header's lines, one list per shown column.
    func headerLines() -> [[String]] {
        columns.map { DisplayWidth.wrap(headers[$0], to: widths[$0]) }
    }

    /// A row's cell lines, one list per shown column.
    func lines(ofRow position: Int) -> [[String]] {
        columns.map { index in
            let text = cells[index][position]
            return rightAligned[index]
                ? [DisplayWidth.truncate(text, to: widths[index])] : DisplayWidth.wrap(text, to: widths[index])
        }
    }

    /// Widths that fill `available`: columns below a common level keep their natural width, the
    /// others share the rest equally, and none goes below its minimum.
    static func share(_ available: Int, natural: [Int], minimum: [Int]) -> [Int] {
        if natural.reduce(0, +) <= available { return natural }
        func widths(at level: Int) -> [Int] {
            zip(natural, minimum).map { max($1, min($0, level)) }
        }
        var low = 0
        var high = natural.max() ?? 0
        while low < high {
            let middle = (low + high + 1) / 2
            if widths(at: middle).reduce(0, +) <= available { low = middle } else { high = middle - 1 }
        }
        var result = widths(at: low)
        var spare = available - result.reduce(0, +)
        for index in result.indices where spare > 0 && result[index] < natural[index] {
            result[index] += 1
            spare -= 1
        }
        return result
    }

    /// How much a column tells, higher for more: columns that say nothing (all null), identifiers,
    /// mostly-null columns and notes make way before anything wraps; then long text, then other
    /// text; numbers and the columns that give a fact its meaning (region, metric, year, value, unit,
    /// kind, bound, name) stay longest.
    static func priority(_ name: String, _ cells: [String], _ numeric: Bool) -> Int {
        let empty = cells.filter { $0 == "null" || $0.isEmpty }.count
        if empty == cells.count { return 0 }
        let essential: Set<String> = ["value", "unit", "kind", "bound", "region", "metric", "year", "name"]
        if essential.contains(name.lowercased()) { return 5 }
        let notes: Set<String> = ["note", "notes", "comment", "comments", "remark", "remarks"]
        if empty * 4 > cells.count * 3 || notes.contains(name.lowercased()) { return 1 }
        if numeric { return 4 }
        if isIdentifierName(name) || cells.allSatisfy(looksLikeIdentifier) { return 1 }
        let total = cells.reduce(0) { $0 + DisplayWidth.of($1) }
        if !cells.isEmpty, total / cells.count > 30 { return 2 }
        return 3
    }

    /// Column names whose numbers are labels rather than amounts: no thousands separators, dropped early.
    static func isIdentifierName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower == "id" || lower == "ids" || lower.hasSuffix("_id") || lower.hasSuffix("_ids")
            || lower.contains("year")
    }

    /// A long text without spaces, made of names joined by dots, underscores or dashes.
    private static func looksLikeIdentifier(_ text: String) -> Bool {
        text == "null"
            || (text.count >= 16 && !text.contains(" ") && text.contains { $0 == "." || $0 == "_" || $0 == "-" })
    }

    private static func widestLine(_ text: String) -> Int {
        guard text.contains("\n") else { return DisplayWidth.of(text) }
        return text.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
    }

    static func isNumeric(_ column: Column) -> Bool {
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
}

/// A value's text in a table cell or a line-mode field.
enum CellText {
    /// Strings as they are (control characters escaped, line breaks kept for wrapping), plain
    /// numbers with thousands separators when `grouped`, everything else as its literal text.
    static func of(_ value: Value, grouped: Bool = true) -> String {
        switch value {
        case .string(let text):
            return DisplayWidth.escapingControls(text)
        case .number(let number):
            return grouped ? NumberFormat.grouped(number) : NumberFormat.plain(number)
        case .table(let table):
            return "<table \(table.rowCount)×\(table.columnNames.count)>"
        default:
            return DisplayWidth.escapingControls(value.literalText)
        }
    }
}
