import ALQRuntime

/// Renders rows vertically, one `field: value` line per column, as DuckDB's line mode and psql's
/// expanded display do: field names right-aligned, values wrapped at word boundaries and indented
/// under the first line. Several rows are separated by a dim `─[ n ]─` rule.
public struct LineRenderer: Sendable {
    /// The widest the output may be; `nil` for no wrapping.
    public var maxWidth: Int?
    public var color: ColorPolicy

    public init(maxWidth: Int? = nil, color: ColorPolicy = ColorPolicy(enabled: false)) {
        self.maxWidth = maxWidth
        self.color = color
    }

    public func render(_ table: Table) -> String {
        let names = table.columnNames.map { DisplayWidth.escapingControls($0, keepNewlines: false) }
        let nameWidth = min(names.map(DisplayWidth.of).max() ?? 0, 24)
        let valueWidth = maxWidth.map { max(16, $0 - nameWidth - 2) } ?? Int.max
        let grouped = zip(table.columnNames, table.columns).map { name, column in
            TableLayout.isNumeric(column) && !TableLayout.isIdentifierName(name)
        }
        var output = ""
        for row in 0..<table.rowCount {
            if table.rowCount > 1 {
                let label = "─[ \(row + 1) ]"
                let length = min(maxWidth ?? 40, 40) - DisplayWidth.of(label)
                let rule = label + String(repeating: "─", count: max(0, length))
                output += color.paint(rule, .dim) + "\n"
            }
            for (index, column) in table.columns.enumerated() {
                let name = DisplayWidth.truncate(names[index], to: nameWidth)
                let lines = DisplayWidth.wrap(CellText.of(column[row], grouped: grouped[index]), to: valueWidth)
                output +=
                    color.paint(DisplayWidth.pad(name, to: nameWidth, right: true), .bold) + ": " + (lines.first ?? "")
                    + "\n"
                for line in lines.dropFirst() {
                    output += String(repeating: " ", count: nameWidth + 2) + line + "\n"
                }
            }
        }
        if table.rowCount == 0 { output += color.paint("(no rows)", .dim) + "\n" }
        return output
    }
}
