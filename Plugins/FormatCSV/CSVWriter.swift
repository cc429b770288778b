import ALQPluginAPI
import ALQRuntime
import FormatSupport

/// Streams a table as CSV through a 64 KiB buffer.
///
/// Nulls are empty fields; an empty string is `""`, so that `open()` tells them apart. A field is
/// quoted when it contains a comma, a quote, CR or LF, or starts or ends with a space; quotes inside
/// are doubled. Dictionary-encoded string columns are encoded once per distinct string.
struct CSVWriter {
    var options: CSVOptions

    private enum Cells {
        case numbers(NumberColumn)
        case strings(codes: [Int32], encoded: [[UInt8]])
        case bools([UInt8])
        case quantities(QuantityColumn)
        case constantUnit(String, QuantityColumn)
        case mixed([Value])
        case mixedUnits([Value])
    }

    func write(_ table: Table, to output: any OutputSink) throws {
        let out = ByteWriter(output)
        if options.byteOrderMark { try out.bytes([0xEF, 0xBB, 0xBF]) }
        let layout = ExportLayout.columns(of: table, unitInHeader: true)
        for (index, column) in layout.enumerated() {
            if index > 0 { try out.byte(UInt8(ascii: ",")) }
            try out.bytes(encode(column.name, protect: false))
        }
        try endRecord(out)
        let cells = layout.map { plan(table.columns[$0.source], role: $0.role) }
        for row in 0..<table.rowCount {
            for index in cells.indices {
                if index > 0 { try out.byte(UInt8(ascii: ",")) }
                try writeCell(cells[index], row: row, to: out)
            }
            try endRecord(out)
        }
        try out.flush()
    }

    @inline(__always)
    private func endRecord(_ out: ByteWriter) throws {
        if options.lineEnding == .crlf { try out.byte(UInt8(ascii: "\r")) }
        try out.byte(UInt8(ascii: "\n"))
    }

    private func plan(_ column: Column, role: ExportColumn.Role) -> Cells {
        switch (column, role) {
        case (.number(let numbers), _): return .numbers(numbers)
        case (.string(let strings), _):
            return .strings(codes: strings.codes, encoded: strings.dictionary.map { encode($0, protect: options.protectFormulas) })
        case (.bool(let flags), _): return .bools(flags.values)
        case (.quantity(let quantities), .values): return .quantities(quantities)
        case (.quantity(let quantities), .units): return .constantUnit(quantities.dimension.symbol, quantities)
        case (.mixed(let values), .values): return .mixed(values)
        case (.mixed(let values), .units): return .mixedUnits(values)
        }
    }

    @inline(__always)
    private func writeCell(_ cells: Cells, row: Int, to out: ByteWriter) throws {
        switch cells {
        case .numbers(let numbers):
            if !numbers.isNull(row) { try NumberText.append(numbers.values[row], to: out) }
        case .strings(let codes, let encoded):
            let code = codes[row]
            if code >= 0 { try out.bytes(encoded[Int(code)]) }
        case .bools(let flags):
            switch flags[row] {
            case 0: try out.ascii("false")
            case 1: try out.ascii("true")
            default: break
            }
        case .quantities(let quantities):
            if !quantities.isNull(row) { try NumberText.append(quantities.values[row], to: out) }
        case .constantUnit(let symbol, let quantities):
            if !quantities.isNull(row) { try out.string(symbol) }
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
        case .list, .record, .table: try out.bytes(encode(JSONText.text(value), protect: options.protectFormulas))
        }
    }

    /// A string as one CSV field: protected against formulas, quoted when needed.
    func encode(_ text: String, protect: Bool) -> [UInt8] {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return [UInt8(ascii: "\""), UInt8(ascii: "\"")] }
        if protect, CSVFormulaGuard.needsPrefix(bytes) { bytes.insert(UInt8(ascii: "'"), at: 0) }
        let needsQuotes = bytes.first == UInt8(ascii: " ") || bytes.last == UInt8(ascii: " ")
            || bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else { return bytes }
        var quoted: [UInt8] = [UInt8(ascii: "\"")]
        quoted.reserveCapacity(bytes.count + 2)
        for byte in bytes {
            quoted.append(byte)
            if byte == UInt8(ascii: "\"") { quoted.append(byte) }
        }
        quoted.append(UInt8(ascii: "\""))
        return quoted
    }
}
