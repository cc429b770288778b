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

    /// A batch of rows, from typed columns: each cell's HTML is made once per distinct string (escaped)
    /// and once per number, then the rows are copied together; numbers are right-aligned, and a null is
    /// an empty cell.
    mutating func write(columns batch: TypedBatch, to output: inout PluginOutput) {
        let cells = zip(batch.columns, numeric).map { column, numeric in
            CellTexts(column, before: numeric ? "<td align=right>" : "<td>", after: "</td>", text: Self.escape)
        }
        CellTexts.writeRows(cells, start: "<tr>", end: "</tr>\n", to: &output)
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
