import ALQPluginAPI
import ALQRuntime
import ALQSyntax
import FormatSupport

/// Streams a table as CSV through a 64 KiB buffer.
///
/// Nulls are empty fields; an empty string is `""`, so that `open()` tells them apart. A row of a
/// one-column table whose cell is null is an empty line, which the reader reads as such a row; a table
/// with rows but no columns has no CSV form and is an error. A field is
/// quoted when it contains a comma, a quote, CR or LF, or starts or ends with a space; quotes inside
/// are doubled. Dictionary-encoded string columns are encoded once per distinct string.
struct CSVWriter {
    var options: CSVOptions

    func write(_ table: Table, to output: any OutputSink) throws {
        let out = ByteWriter(output)
        if options.byteOrderMark { try out.bytes([0xEF, 0xBB, 0xBF]) }
        let layout = ExportLayout.columns(of: table, unitInHeader: true)
        if layout.isEmpty, table.rowCount > 0 {
            throw Diagnostic(
                .exportFailed, "a table with rows but no columns cannot be written as CSV (\(table.rowCount) rows)")
        }
        for (index, column) in layout.enumerated() {
            if index > 0 { try out.byte(options.delimiter) }
            try out.bytes(encode(column.name, protect: options.protectFormulas))
        }
        try endRecord(out)
        let protect = options.protectFormulas
        let encode: (String, inout [UInt8]) -> Void = { appendEncoded($0, protect: protect, to: &$1) }
        let unit: (String, inout [UInt8]) -> Void = { $1 += $0.utf8 }
        try CellViews.with(table, layout: layout, encode: encode, unit: unit) { cells in
            for row in 0..<table.rowCount {
                for index in 0..<cells.count {
                    if index > 0 { try out.byte(options.delimiter) }
                    try writeCell(cells[index], row: row, to: out)
                }
                try endRecord(out)
            }
        }
        try out.flush()
    }

    @inline(__always)
    private func endRecord(_ out: ByteWriter) throws {
        if options.lineEnding == .crlf { try out.byte(UInt8(ascii: "\r")) }
        try out.byte(UInt8(ascii: "\n"))
    }

    @inline(__always)
    private func writeCell(_ cell: CellView, row: Int, to out: ByteWriter) throws {
        switch cell {
        case .numbers(let values, let validity):
            if !CellView.isNull(validity, row) { try NumberText.append(values[row], to: out) }
        case .strings(let codes, let encoded):
            let code = codes[row]
            if code >= 0 { try encoded.write(code, to: out) }
        case .bools(let flags):
            switch flags[row] {
            case 0: try out.ascii("false")
            case 1: try out.ascii("true")
            default: break
            }
        case .constantUnit(let symbol, let validity):
            if !CellView.isNull(validity, row) { try symbol.write(0, to: out) }
        case .mixed(let values):
            try writeValue(values[row], to: out)
        case .mixedUnits(let values):
            if case .quantity(let quantity) = values[row], quantity.dimension != .none {
                try out.string(quantity.dimension.symbol)
            }
        }
    }

    private func writeValue(_ value: Value, to out: ByteWriter) throws {
        switch value {
        case .null: break
        case .bool(let flag): try flag ? out.ascii("true") : out.ascii("false")
        case .number(let number): try NumberText.append(number, to: out)
        case .quantity(let quantity): try NumberText.append(quantity.value, to: out)
        case .string(let text): try out.bytes(encode(text, protect: options.protectFormulas))
        case .module(let id): try out.bytes(encode(id, protect: options.protectFormulas))
        case .date(let date): try out.string(date.iso8601)
        case .list, .record, .table, .chart:
            try out.bytes(encode(JSONText.text(value), protect: options.protectFormulas))
        }
    }

    /// A string as one CSV field: protected against formulas, quoted when needed.
    func encode(_ text: String, protect: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        appendEncoded(text, protect: protect, to: &bytes)
        return bytes
    }

    /// Appends a string as one CSV field.
    func appendEncoded(_ text: String, protect: Bool, to result: inout [UInt8]) {
        let utf8 = text.utf8
        guard let first = utf8.first else {
            result += [UInt8(ascii: "\""), UInt8(ascii: "\"")]
            return
        }
        // A leading U+FEFF is quoted: at the start of a file, the reader takes it for a byte order mark.
        let needsQuotes =
            first == UInt8(ascii: " ") || utf8.last == UInt8(ascii: " ") || first == 0xEF && text.hasPrefix("\u{FEFF}")
            || utf8.contains { $0 == options.delimiter || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        if needsQuotes { result.append(UInt8(ascii: "\"")) }
        if protect, CSVFormulaGuard.needsPrefix(utf8) { result.append(UInt8(ascii: "'")) }
        if needsQuotes {
            for byte in utf8 {
                result.append(byte)
                if byte == UInt8(ascii: "\"") { result.append(byte) }
            }
            result.append(UInt8(ascii: "\""))
        } else {
            result += utf8
        }
    }
}
