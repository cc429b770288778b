import ALQPluginAPI
import ALQRuntime

/// The `markdown` export format: a GitHub-flavoured pipe table, for pasting results into reports,
/// issues and notes.
///
/// Cells read as alq shows them: quantities with their unit (`205 bn CNY`), numbers in plain
/// notation and right-aligned, null as an empty cell. `|` is escaped as `\|`, line breaks become
/// `<br>`, and control characters are written as `\xNN`, so any cell stays inside its table.
public struct MarkdownFormat: ExportFormat {
    public let name = "markdown"
    public let fileExtensions = ["md", "markdown"]
    public let mediaType = "text/markdown"
    public let version = "1.0.0"

    public init() {}

    public func write(_ table: Table, to output: any OutputSink) throws {
        guard !table.columnNames.isEmpty else { return }
        let numeric = table.columns.map(MarkdownFormat.isNumeric)
        try output.write(row(table.columnNames.map(MarkdownFormat.escape)))
        try output.write(row(numeric.map { $0 ? "---:" : "---" }))
        var batch = ""
        for index in 0..<table.rowCount {
            batch += row(table.columns.map { MarkdownFormat.cell($0[index]) })
            if batch.utf8.count > 1 << 16 {
                try output.write(batch)
                batch = ""
            }
        }
        try output.write(batch)
    }

    private func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |\n"
    }

    static func cell(_ value: Value) -> String {
        switch value {
        case .null: return ""
        case .table(let table): return "&lt;table \(table.rowCount)×\(table.columnNames.count)&gt;"
        default: return escape(value.displayText)
        }
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "|": result += "\\|"
            case "\n": result += "<br>"
            case "\r": break
            case "\t": result += " "
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isNumeric(_ column: Column) -> Bool {
        switch column {
        case .number, .quantity: return true
        default: return false
        }
    }
}
