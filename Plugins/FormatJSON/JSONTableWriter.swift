import ALQPluginAPI
import ALQRuntime
import FormatSupport

/// Streams a table as JSON objects through a 64 KiB buffer.
struct JSONTableWriter {
    var style: JSONStyle

    private enum Cells {
        case numbers(NumberColumn)
        case strings(codes: [Int32], encoded: [[UInt8]])
        case bools([UInt8])
        case quantities(QuantityColumn)
        case constantUnit([UInt8], QuantityColumn)
        case mixed([Value])
        case mixedUnits([Value])
    }

    func write(_ table: Table, to output: any OutputSink) throws {
        let out = ByteWriter(output)
        let layout = ExportLayout.columns(of: table, unitInHeader: false)
        let keys = layout.enumerated().map { index, column in
            Array((index == 0 ? "{" : ",").utf8) + JSONText.encodedString(column.name) + [UInt8(ascii: ":")]
        }
        let cells = layout.map { plan(table.columns[$0.source], role: $0.role) }
        if style == .array {
            if table.rowCount == 0 {
                try out.ascii("[]\n")
                return try out.flush()
            }
            try out.ascii("[\n")
        }
        for row in 0..<table.rowCount {
            if style == .array { try out.ascii(row == 0 ? "  " : ",\n  ") }
            if cells.isEmpty { try out.byte(UInt8(ascii: "{")) }
            for index in cells.indices {
                try out.bytes(keys[index])
                try writeCell(cells[index], row: row, to: out)
            }
            try out.byte(UInt8(ascii: "}"))
            if style == .lines { try out.byte(UInt8(ascii: "\n")) }
        }
        if style == .array { try out.ascii("\n]\n") }
        try out.flush()
    }

    private func plan(_ column: Column, role: ExportColumn.Role) -> Cells {
        switch (column, role) {
        case (.number(let numbers), _): return .numbers(numbers)
        case (.string(let strings), _):
            return .strings(codes: strings.codes, encoded: strings.dictionary.map(JSONText.encodedString))
        case (.bool(let flags), _): return .bools(flags.values)
        case (.quantity(let quantities), .values): return .quantities(quantities)
        case (.quantity(let quantities), .units):
            return .constantUnit(JSONText.encodedString(quantities.dimension.symbol), quantities)
        case (.mixed(let values), .values): return .mixed(values)
        case (.mixed(let values), .units): return .mixedUnits(values)
        }
    }

    @inline(__always)
    private func writeCell(_ cells: Cells, row: Int, to out: ByteWriter) throws {
        switch cells {
        case .numbers(let numbers):
            if numbers.isNull(row) { try out.ascii("null") } else { try JSONText.appendNumber(numbers.values[row], to: out) }
        case .strings(let codes, let encoded):
            let code = codes[row]
            if code >= 0 { try out.bytes(encoded[Int(code)]) } else { try out.ascii("null") }
        case .bools(let flags):
            switch flags[row] {
            case 0: try out.ascii("false")
            case 1: try out.ascii("true")
            default: try out.ascii("null")
            }
        case .quantities(let quantities):
            if quantities.isNull(row) { try out.ascii("null") } else { try JSONText.appendNumber(quantities.values[row], to: out) }
        case .constantUnit(let symbol, let quantities):
            if quantities.isNull(row) { try out.ascii("null") } else { try out.bytes(symbol) }
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
