import ALQJSON
import ALQPluginProtocol
import ALQRuntime
import FormatSupport

/// Writes a table's batches as version-4 frames (``ExportFrame``; docs/plugins.md, "Protocol version 4"):
/// the header (`{"frame":{…}}`, the params of `export.rows`) written straight to bytes, and the buffers
/// that follow it. Numbers and quantities go as float64 (with their text when the format asks for it),
/// strings, bools and units as a dictionary and codes, mixed columns as JSON values.
final class ExportFrameEncoder {
    /// One frame: the params of `export.rows`, and the bytes that follow the request's newline.
    struct Frame {
        var params: [UInt8]
        var bytes: [UInt8]
    }

    private let plan: ColumnarExportPlan
    private let table: Table
    private let numberText: Bool
    /// Per string column (by entry), the frame code + 1 of each column dictionary code seen in the batch
    /// being written (0: not yet); the last slot is null's. Cleared after each batch.
    private var slots: [Int: [Int32]] = [:]

    /// An encoder for `table` as `plan` lays it out; with `numberText`, number columns carry their text.
    init(plan: ColumnarExportPlan, table: Table, numberText: Bool) {
        self.plan = plan
        self.table = table
        self.numberText = numberText
    }

    /// The frame of some rows.
    func encode(rows: Range<Int>) -> Frame {
        let sink = CollectingSink()
        let out = ByteWriter(sink)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(rows.count * 8 * plan.entries.count)
        do {
            try out.ascii("{\"frame\":{\"length\":")
            try NumberText.appendInteger(Int64(rows.count), to: out)
            try out.ascii(",\"columns\":[")
            for (index, entry) in plan.entries.enumerated() {
                if index > 0 { try out.byte(UInt8(ascii: ",")) }
                try write(entry: index, entry, rows: rows, header: out, bytes: &bytes)
            }
            try out.ascii("],\"bytes\":")
            try NumberText.appendInteger(Int64(bytes.count), to: out)
            try out.ascii("}}")
            try out.flush()
        } catch {}
        return Frame(params: sink.bytes, bytes: bytes)
    }

    private func write(
        entry index: Int, _ entry: ColumnarExportPlan.Entry, rows: Range<Int>, header out: ByteWriter,
        bytes: inout [UInt8]
    ) throws {
        switch (table.columns[entry.source], entry.role) {
        case (.number(let numbers), _):
            try writeFloat64(numbers.values, validity: numbers.validity, rows: rows, header: out, bytes: &bytes)
        case (.quantity(let quantities), .values):
            try writeFloat64(quantities.values, validity: quantities.validity, rows: rows, header: out, bytes: &bytes)
        case (.string(let strings), _):
            try writeStrings(strings, entry: index, view: entry.strings!.view, rows: rows, header: out, bytes: &bytes)
        case (.bool(let flags), _):
            try writeSmallDictionary(
                ["false", "true", "null"].map { Array($0.utf8) }, rows: rows, slot: { Int(min(flags.values[$0], 2)) },
                header: out, bytes: &bytes)
        case (.quantity(let quantities), .units):
            try writeSmallDictionary(
                [JSONText.encodedString(quantities.dimension.symbol), Array("null".utf8)], rows: rows,
                slot: { quantities.isNull($0) ? 1 : 0 }, header: out, bytes: &bytes)
        case (.mixed(let values), let role):
            try out.ascii("{\"form\":\"values\",\"values\":[")
            for row in rows {
                if row > rows.lowerBound { try out.byte(UInt8(ascii: ",")) }
                switch (role, values[row]) {
                case (.units, .quantity(let quantity)) where quantity.dimension != .none:
                    try JSONText.appendString(quantity.dimension.symbol, to: out)
                case (.units, _): try out.ascii("null")
                case (.values, .quantity(let quantity)): try JSONText.appendNumber(quantity.value, to: out)
                case (.values, let value): try JSONText.appendValue(value, to: out)
                }
            }
            try out.ascii("]}")
        }
    }

    /// `"codes":"uintN","offset":O}` and the codes, little-endian, at `O`.
    private func writeCodes(
        _ codes: some Collection<UInt32>, width: ExportFrame.CodeWidth, header out: ByteWriter, bytes: inout [UInt8]
    ) throws {
        Self.align(&bytes)
        try out.ascii(",\"codes\":\"")
        try out.string(width.rawValue)
        try out.ascii("\",\"offset\":")
        try NumberText.appendInteger(Int64(bytes.count), to: out)
        try out.byte(UInt8(ascii: "}"))
        switch width {
        case .uint8: bytes.append(contentsOf: codes.lazy.map { UInt8(truncatingIfNeeded: $0) })
        case .uint16:
            for code in codes { withUnsafeBytes(of: UInt16(truncatingIfNeeded: code).littleEndian) { bytes += $0 } }
        case .uint32:
            for code in codes { withUnsafeBytes(of: code.littleEndian) { bytes += $0 } }
        }
    }

    /// A column of a few possible values (`texts`, as JSON), `slot` giving each row's: the batch's distinct
    /// values in order of first appearance, and one code per row.
    private func writeSmallDictionary(
        _ texts: [[UInt8]], rows: Range<Int>, slot: (Int) -> Int, header out: ByteWriter, bytes: inout [UInt8]
    ) throws {
        var local = [UInt32](repeating: .max, count: texts.count)
        var order: [Int] = []
        var codes: [UInt32] = []
        codes.reserveCapacity(rows.count)
        for row in rows {
            let value = slot(row)
            if local[value] == .max {
                local[value] = UInt32(order.count)
                order.append(value)
            }
            codes.append(local[value])
        }
        try out.ascii("{\"form\":\"dictionary\",\"dictionary\":[")
        for (index, value) in order.enumerated() {
            if index > 0 { try out.byte(UInt8(ascii: ",")) }
            try out.bytes(texts[value])
        }
        try out.byte(UInt8(ascii: "]"))
        try writeCodes(codes, width: .fitting(order.count), header: out, bytes: &bytes)
    }

    /// A string column's rows as the batch's distinct strings (null counting as one), in order of first
    /// appearance, and one code per row.
    private func writeStrings(
        _ strings: StringColumn, entry: Int, view: EncodedStrings.View, rows: Range<Int>, header out: ByteWriter,
        bytes: inout [UInt8]
    ) throws {
        var local = slots[entry] ?? [Int32](repeating: 0, count: strings.dictionary.count + 1)
        slots[entry] = nil
        var order: [Int32] = []
        var codes: [UInt32] = []
        codes.reserveCapacity(rows.count)
        let nullSlot = strings.dictionary.count
        for row in rows {
            let code = strings.codes[row]
            let slot = code < 0 ? nullSlot : Int(code)
            var assigned = local[slot]
            if assigned == 0 {
                order.append(code)
                assigned = Int32(order.count)
                local[slot] = assigned
            }
            codes.append(UInt32(assigned - 1))
        }
        try out.ascii("{\"form\":\"dictionary\",\"dictionary\":[")
        for (index, code) in order.enumerated() {
            if index > 0 { try out.byte(UInt8(ascii: ",")) }
            if code < 0 { try out.ascii("null") } else { try view.write(code, to: out) }
        }
        try out.byte(UInt8(ascii: "]"))
        try writeCodes(codes, width: .fitting(order.count), header: out, bytes: &bytes)
        for code in order { local[code < 0 ? nullSlot : Int(code)] = 0 }
        slots[entry] = local
    }

    /// A column of doubles: the values (NaN where null), the null mask when a row is null, and with
    /// ``numberText`` the text of each value. A value that is not finite is null, as in JSON.
    private func writeFloat64(
        _ values: [Double], validity: [Bool]?, rows: Range<Int>, header out: ByteWriter, bytes: inout [UInt8]
    ) throws {
        func isNull(_ row: Int) -> Bool { !values[row].isFinite || validity.map { !$0[row] } ?? false }
        Self.align(&bytes)
        try out.ascii("{\"form\":\"float64\",\"offset\":")
        try NumberText.appendInteger(Int64(bytes.count), to: out)
        let hasNull = rows.contains(where: isNull)
        let start = bytes.count
        #if _endian(little)
            if !hasNull {
                // The doubles as they are in memory: little-endian already.
                values.withUnsafeBytes { bytes += $0[(rows.lowerBound * 8)..<(rows.upperBound * 8)] }
            }
        #endif
        if bytes.count == start {
            for row in rows {
                let value = isNull(row) ? Double.nan : values[row]
                withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 }
            }
        }
        if hasNull {
            Self.align(&bytes)
            try out.ascii(",\"nulls\":")
            try NumberText.appendInteger(Int64(bytes.count), to: out)
            bytes.append(contentsOf: rows.lazy.map { isNull($0) ? 1 : 0 })
        }
        if numberText {
            Self.align(&bytes)
            let start = bytes.count
            let sink = CollectingSink()
            let text = ByteWriter(sink)
            for row in rows {
                if !isNull(row) { try NumberText.append(values[row], to: text) }
                try text.byte(10)
            }
            try text.flush()
            bytes += sink.bytes
            try out.ascii(",\"text\":[")
            try NumberText.appendInteger(Int64(start), to: out)
            try out.byte(UInt8(ascii: ","))
            try NumberText.appendInteger(Int64(bytes.count), to: out)
            try out.byte(UInt8(ascii: "]"))
        }
        try out.byte(UInt8(ascii: "}"))
    }

    /// Pads `bytes` with zeros to the next multiple of ``ExportFrame/alignment``.
    private static func align(_ bytes: inout [UInt8]) {
        let rest = bytes.count % ExportFrame.alignment
        if rest > 0 { bytes.append(contentsOf: repeatElement(0, count: ExportFrame.alignment - rest)) }
    }
}
