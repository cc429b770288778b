import ALQPluginAPI
import ALQRuntime
import FormatSupport

/// Streams a table as JSON objects through a 64 KiB buffer.
struct JSONTableWriter {
    var style: JSONStyle

    func write(_ table: Table, to output: any OutputSink) throws {
        let out = ByteWriter(output)
        let layout = ExportLayout.columns(of: table, unitInHeader: false)
        let keys = layout.enumerated().map { index, column in
            Array((index == 0 ? "{" : ",").utf8) + JSONText.encodedString(column.name) + [UInt8(ascii: ":")]
        }
        if style == .array {
            if table.rowCount == 0 {
                try out.ascii("[]\n")
                return try out.flush()
            }
            try out.ascii("[\n")
        }
        let keyStrings = EncodedStrings(encoded: keys)
        let keyBytes = keyStrings.view
        try CellViews.with(
            table, layout: layout, encode: JSONText.appendEncodedString, unit: JSONText.appendEncodedString
        ) { cells in
            for row in 0..<table.rowCount {
                if style == .array { try out.ascii(row == 0 ? "  " : ",\n  ") }
                if cells.isEmpty { try out.byte(UInt8(ascii: "{")) }
                for index in 0..<cells.count {
                    try keyBytes.write(Int32(index), to: out)
                    try writeCell(cells[index], row: row, to: out)
                }
                try out.byte(UInt8(ascii: "}"))
                if style == .lines { try out.byte(UInt8(ascii: "\n")) }
            }
        }
        withExtendedLifetime(keyStrings) {}
        if style == .array { try out.ascii("\n]\n") }
        try out.flush()
    }

    @inline(__always)
    private func writeCell(_ cell: CellView, row: Int, to out: ByteWriter) throws {
        switch cell {
        case .numbers(let values, let validity):
            if CellView.isNull(validity, row) {
                try out.ascii("null")
            } else {
                try JSONText.appendNumber(values[row], to: out)
            }
        case .strings(let codes, let encoded):
            let code = codes[row]
            if code >= 0 { try encoded.write(code, to: out) } else { try out.ascii("null") }
        case .bools(let flags):
            switch flags[row] {
            case 0: try out.ascii("false")
            case 1: try out.ascii("true")
            default: try out.ascii("null")
            }
        case .constantUnit(let symbol, let validity):
            if CellView.isNull(validity, row) { try out.ascii("null") } else { try symbol.write(0, to: out) }
        case .mixed(let values):
            if case .quantity(let quantity) = values[row] {
                try JSONText.appendNumber(quantity.value, to: out)
            } else {
                try JSONText.appendValue(values[row], to: out)
            }
        case .mixedUnits(let values):
            if case .quantity(let quantity) = values[row], quantity.dimension != .none {
                try JSONText.appendString(quantity.dimension.symbol, to: out)
            } else {
                try out.ascii("null")
            }
        }
    }
}
