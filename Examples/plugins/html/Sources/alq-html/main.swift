// alq-html: an external alq plugin, written with the plugin kit, that adds the `html` export format:
// a table as an HTML <table> element, text escaped, ready to paste into a page or a report.

import ALQPluginKit

struct HTMLTable: ExportFormatPlugin {
    let name = "html"
    let extensions = ["html", "htm"]
    let mediaType = "text/html"
    private var numeric: [Bool] = []

    mutating func begin(_ export: ExportBegin, to output: inout PluginOutput) {
        numeric = export.columns.map(\.isNumeric)
        output.write("<table>\n<thead>\n<tr>")
        for column in export.columns {
            // A column of quantities of one unit says which in its header: `output [CNY]`.
            output.write("<th>")
            Self.escape(column.unit.map { "\(column.name) [\($0)]" } ?? column.name, to: &output)
            output.write("</th>")
        }
        output.write("</tr>\n</thead>\n<tbody>\n")
    }

    mutating func write(row: [JSONValue], to output: inout PluginOutput) {
        output.write("<tr>")
        for (index, cell) in row.enumerated() { write(cell, numeric: numeric[index], to: &output) }
        output.write("</tr>\n")
    }

    /// A whole batch, row by row, straight from its columns.
    mutating func write(batch: ColumnBatch, to output: inout PluginOutput) {
        for row in 0..<batch.length {
            output.write("<tr>")
            for column in batch.columns.indices {
                write(batch.columns[column][row], numeric: numeric[column], to: &output)
            }
            output.write("</tr>\n")
        }
    }

    private func write(_ cell: JSONValue, numeric: Bool, to output: inout PluginOutput) {
        // Numbers are right-aligned.
        output.write(numeric ? "<td align=right>" : "<td>")
        switch cell {
        case .null: break
        case .number(let number): output.write(number.text)
        case .string(let text): Self.escape(text, to: &output)
        default: Self.escape(cell.plainText, to: &output)
        }
        output.write("</td>")
    }

    func end(to output: inout PluginOutput) {
        output.write("</tbody>\n</table>\n")
    }

    /// Text as HTML: `&`, `<`, `>`, `"` and `'` as character references, line breaks as `<br>`.
    static func escape(_ text: String, to output: inout PluginOutput) {
        var text = text
        text.withUTF8 { bytes in
            // Runs of bytes that need nothing are copied at once.
            var run = 0
            for (index, byte) in bytes.enumerated() where byte < 0x3F {
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                case UInt8(ascii: "\n"): replacement = "<br>"
                case UInt8(ascii: "\r"): replacement = ""
                default: continue
                }
                output.write(bytes: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                output.write(
                    bytes: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                run = index + 1
            }
            output.write(bytes: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
    }
}

PluginKit.run(HTMLTable())
