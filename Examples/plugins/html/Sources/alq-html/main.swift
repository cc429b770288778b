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
        for (index, cell) in row.enumerated() {
            // Numbers are right-aligned.
            output.write(numeric[index] ? "<td align=right>" : "<td>")
            Self.escape(cell.plainText, to: &output)
            output.write("</td>")
        }
        output.write("</tr>\n")
    }

    func end(to output: inout PluginOutput) {
        output.write("</tbody>\n</table>\n")
    }

    /// Text as HTML: `&`, `<`, `>`, `"` and `'` as character references, line breaks as `<br>`.
    static func escape(_ text: String, to output: inout PluginOutput) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output.write("&amp;")
            case UInt8(ascii: "<"): output.write("&lt;")
            case UInt8(ascii: ">"): output.write("&gt;")
            case UInt8(ascii: "\""): output.write("&quot;")
            case UInt8(ascii: "'"): output.write("&#39;")
            case UInt8(ascii: "\n"): output.write("<br>")
            case UInt8(ascii: "\r"): break
            default: output.write(byte: byte)
            }
        }
    }
}

PluginKit.run(HTMLTable())
