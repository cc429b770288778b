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
        // Room for the numbers (8 bytes each, and about as much again for their text), so that the body
        // seldom grows.
        let body = ExportFrameBody(capacity: rows.count * (numberText ? 16 : 8) * max(plan.entries.count, 1) + 64)
        do {
            try out.ascii("{\"frame\":{\"length\":")
            try NumberText.appendInteger(Int64(rows.count), to: out)
            try out.ascii(",\"columns\":[")
            for (index, entry) in plan.entries.enumerated() {
                if index > 0 { try out.byte(UInt8(ascii: ",")) }
                try write(entry: index, entry, rows: rows, header: out, body: body)
            }
            try out.ascii("],\"bytes\":")
            try NumberText.appendInteger(Int64(body.bytes.count), to: out)
            try out.ascii("}}")
            try out.flush()
        } catch {}
        return Frame(params: sink.bytes, bytes: body.bytes)
    }

    private func write(
        entry index: Int, _ entry: ColumnarExportPlan.Entry, rows: Range<Int>, header out: ByteWriter,
        body: ExportFrameBody
    ) throws {
        switch (table.columns[entry.source], entry.role) {
        case (.number(let numbers), _):
            try writeFloat64(numbers.values, validity: numbers.validity, rows: rows, header: out, body: body)
        case (.quantity(let quantities), .values):
            try writeFloat64(quantities.values, validity: quantities.validity, rows: rows, header: out, body: body)
        case (.string(let strings), _):
            try writeStrings(strings, entry: index, view: entry.strings!.view, rows: rows, header: out, body: body)
        case (.bool(let flags), _):
            try writeSmallDictionary(
                ["false", "true", "null"].map { Array($0.utf8) }, rows: rows, slot: { Int(min(flags.values[$0], 2)) },
                header: out, body: body)
        case (.quantity(let quantities), .units):
            try writeSmallDictionary(
                [JSONText.encodedString(quantities.dimension.symbol), Array("null".utf8)], rows: rows,
                slot: { quantities.isNull($0) ? 1 : 0 }, header: out, body: body)
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

    /// `"codes":"uintN","offset":O}` and the codes (each below `distinct`), little-endian, at `O`, in the
    /// narrowest width that holds them.
    private func writeCodes(_ codes: [UInt32], distinct: Int, header out: ByteWriter, body: ExportFrameBody) throws {
        let width = ExportFrame.CodeWidth.fitting(distinct)
        let offset = body.align()
        try out.ascii(",\"codes\":\"")
        try out.string(width.rawValue)
        try out.ascii("\",\"offset\":")
        try NumberText.appendInteger(Int64(offset), to: out)
        try out.byte(UInt8(ascii: "}"))
        codes.withUnsafeBufferPointer { codes in
            switch width {
            case .uint8:
                body.append(UInt8.self, count: codes.count) { target in
                    for i in 0..<codes.count { target[i] = UInt8(truncatingIfNeeded: codes[i]) }
                }
            case .uint16:
                body.append(UInt16.self, count: codes.count) { target in
                    for i in 0..<codes.count { target[i] = UInt16(truncatingIfNeeded: codes[i]).littleEndian }
                }
            case .uint32:
                body.append(UInt32.self, count: codes.count) { target in
                    for i in 0..<codes.count { target[i] = codes[i].littleEndian }
                }
            }
        }
    }

    /// A column of a few possible values (`texts`, as JSON), `slot` giving each row's: the batch's distinct
    /// values in order of first appearance, and one code per row.
    private func writeSmallDictionary(
        _ texts: [[UInt8]], rows: Range<Int>, slot: (Int) -> Int, header out: ByteWriter, body: ExportFrameBody
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
        try writeCodes(codes, distinct: order.count, header: out, body: body)
    }

    /// A string column's rows as the batch's distinct strings (null counting as one), in order of first
    /// appearance, and one code per row.
    private func writeStrings(
        _ strings: StringColumn, entry: Int, view: EncodedStrings.View, rows: Range<Int>, header out: ByteWriter,
        body: ExportFrameBody
    ) throws {
        var local = slots[entry] ?? [Int32](repeating: 0, count: strings.dictionary.count + 1)
        slots[entry] = nil
        var order: [Int32] = []
        let nullSlot = strings.dictionary.count
        let codes = [UInt32](unsafeUninitializedCapacity: rows.count) { codes, initialized in
            strings.codes.withUnsafeBufferPointer { source in
                local.withUnsafeMutableBufferPointer { local in
                    for (index, row) in rows.enumerated() {
                        let code = source[row]
                        let slot = code < 0 ? nullSlot : Int(code)
                        var assigned = local[slot]
                        if assigned == 0 {
                            order.append(code)
                            assigned = Int32(order.count)
                            local[slot] = assigned
                        }
                        codes[index] = UInt32(assigned - 1)
                    }
                }
            }
            initialized = rows.count
        }
        try out.ascii("{\"form\":\"dictionary\",\"dictionary\":[")
        for (index, code) in order.enumerated() {
            if index > 0 { try out.byte(UInt8(ascii: ",")) }
            if code < 0 { try out.ascii("null") } else { try view.write(code, to: out) }
        }
        try out.byte(UInt8(ascii: "]"))
        try writeCodes(codes, distinct: order.count, header: out, body: body)
        for code in order { local[code < 0 ? nullSlot : Int(code)] = 0 }
        slots[entry] = local
    }

    /// A column of doubles: the values (NaN where null), the null mask when a row is null, and with
    /// ``numberText`` the text of each value. A value that is not finite is null, as in JSON.
    private func writeFloat64(
        _ values: [Double], validity: [Bool]?, rows: Range<Int>, header out: ByteWriter, body: ExportFrameBody
    ) throws {
        // The null mask, worked out once: 1 where the row is null.
        var hasNull = false
        let nulls = [UInt8](unsafeUninitializedCapacity: rows.count) { mask, initialized in
            values.withUnsafeBufferPointer { values in
                var any: UInt8 = 0
                if let validity {
                    validity.withUnsafeBufferPointer { validity in
                        for (index, row) in rows.enumerated() {
                            let null: UInt8 = values[row].isFinite && validity[row] ? 0 : 1
                            mask[index] = null
                            any |= null
                        }
                    }
                } else {
                    for (index, row) in rows.enumerated() {
                        let null: UInt8 = values[row].isFinite ? 0 : 1
                        mask[index] = null
                        any |= null
                    }
                }
                hasNull = any != 0
            }
            initialized = rows.count
        }
        let offset = body.align()
        try out.ascii("{\"form\":\"float64\",\"offset\":")
        try NumberText.appendInteger(Int64(offset), to: out)
        values.withUnsafeBufferPointer { values in
            #if _endian(little)
                if !hasNull {
                    // The doubles as they are in memory: little-endian already.
                    body.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: values[rows])))
                    return
                }
            #endif
            body.append(UInt64.self, count: rows.count) { target in
                for (index, row) in rows.enumerated() {
                    target[index] = (nulls[index] != 0 ? Double.nan : values[row]).bitPattern.littleEndian
                }
            }
        }
        if hasNull {
            try out.ascii(",\"nulls\":")
            try NumberText.appendInteger(Int64(body.align()), to: out)
            nulls.withUnsafeBytes { body.append($0) }
        }
        if numberText {
            let start = body.align()
            let text = ByteWriter(body)
            try values.withUnsafeBufferPointer { values in
                for (index, row) in rows.enumerated() {
                    if nulls[index] == 0 { try NumberText.append(values[row], to: text) }
                    try text.byte(10)
                }
            }
            try text.flush()
            try out.ascii(",\"text\":[")
            try NumberText.appendInteger(Int64(start), to: out)
            try out.byte(UInt8(ascii: ","))
            try NumberText.appendInteger(Int64(body.bytes.count), to: out)
            try out.byte(UInt8(ascii: "]"))
        }
        try out.byte(UInt8(ascii: "}"))
    }
}
