/// A version-4 frame header as the kit reads it (docs/plugins.md, "Protocol version 4"): each column's
/// buffers (``ExportFrame/Layout``, checked as the host's own definition checks them) with the values the
/// header carries already typed, so that ``batch(bytes:)`` turns the frame's bytes into a ``TypedBatch``
/// with no `JSONValue` per cell: codes straight into a dictionary's codes, doubles copied, number texts
/// left in the frame's bytes.
public struct TypedFrame: Sendable {
    /// One column of the header.
    enum Column: Sendable {
        /// A dictionary's entries, typed (strings, bools, …), and where its codes are.
        case dictionary(TypedColumn, codes: ExportFrame.CodeWidth, offset: Int)
        /// Where a float64 column's doubles, null mask and number texts are.
        case float64(offset: Int, nulls: Int?, text: Range<Int>?)
        /// A column whose values are in the header.
        case values(TypedColumn)
    }

    /// The number of rows.
    public let length: Int
    /// The number of bytes that follow the request's newline (before the newline that ends them).
    public let byteCount: Int
    let columns: [Column]
    /// The columns' types in `export.begin`: they decide a column of nulls only.
    let types: [ColumnDescription.ColumnType]

    init(length: Int, byteCount: Int, columns: [Column], types: [ColumnDescription.ColumnType]) {
        self.length = length
        self.byteCount = byteCount
        self.columns = columns
        self.types = types
    }

    /// The header of `frame` (read by the general decoder), its dictionaries and values typed.
    public init(_ frame: ExportFrame, types: [ColumnDescription.ColumnType]) {
        self.init(
            length: frame.length, byteCount: frame.byteCount,
            columns: frame.columns.enumerated().map { index, column in
                let type = index < types.count ? types[index] : .any
                switch column {
                case .dictionary(let entries, let width, let offset):
                    return .dictionary(TypedColumn(entries, type: type), codes: width, offset: offset)
                case .float64(let offset, let nulls, let text):
                    return .float64(offset: offset, nulls: nulls, text: text)
                case .values(let values): return .values(TypedColumn(values, type: type))
                }
            }, types: types)
    }

    /// The frame's rows, from the `byteCount` bytes that followed the request's newline. A code outside its
    /// dictionary, a null mask byte other than 0 and 1, or number text that is not one number per row (empty
    /// for a null) is an error.
    public func batch(bytes: [UInt8]) throws(PluginProtocolError) -> TypedBatch {
        guard bytes.count == byteCount else {
            throw PluginProtocolError("a frame of \(bytes.count) bytes; its header says \(byteCount)")
        }
        let decoded = bytes.withUnsafeBytes { buffer in
            Result { () throws(PluginProtocolError) in try self.columns(bytes: bytes, in: buffer) }
        }
        return TypedBatch(length: length, columns: try decoded.get())
    }

    private func columns(bytes: [UInt8], in buffer: UnsafeRawBufferPointer) throws(PluginProtocolError)
        -> [TypedColumn]
    {
        var result: [TypedColumn] = []
        result.reserveCapacity(columns.count)
        for (index, column) in columns.enumerated() {
            let context = "frame column \(index + 1)"
            var typed: TypedColumn
            switch column {
            case .dictionary(let entries, let width, let offset):
                typed = try Self.decode(entries, width: width, offset: offset, length: length, in: buffer, context)
            case .float64(let offset, let nulls, let text):
                typed = .numbers(
                    try Self.numbers(
                        offset: offset, nulls: nulls, text: text, length: length, bytes: bytes, in: buffer, context))
            case .values(let values):
                typed = values
            }
            // A column of nulls only (or of no rows) takes the case of its type, as in a JSON batch.
            if index < types.count, typed.isNullsOnly { typed = TypedColumn.nulls(length, type: types[index]) }
            result.append(typed)
        }
        return result
    }

    /// A dictionary column: strings keep their entries as the dictionary, bools become flags, anything else
    /// the values the codes point at.
    private static func decode(
        _ entries: TypedColumn, width: ExportFrame.CodeWidth, offset: Int, length: Int,
        in bytes: UnsafeRawBufferPointer, _ context: String
    ) throws(PluginProtocolError) -> TypedColumn {
        switch entries {
        case .strings(let strings):
            let codes = strings.codes.withUnsafeBufferPointer { entry in
                Result { () throws(PluginProtocolError) in
                    try ExportFrame.codes(
                        bytes, width: width, offset: offset, length: length, count: entry.count, context: context
                    ) { entry[$0] }
                }
            }
            return .strings(.init(uncheckedDictionary: strings.dictionary, codes: try codes.get()))
        case .bools(let bools):
            return .bools(
                .init(
                    try ExportFrame.codes(
                        bytes, width: width, offset: offset, length: length, count: bools.count, context: context
                    ) { bools.values[$0] }))
        default:
            let values = try ExportFrame.codes(
                bytes, width: width, offset: offset, length: length, count: entries.count, context: context
            ) { entries[$0] }
            return TypedColumn(values)
        }
    }

    /// A float64 column: the doubles (0 where null), null where the mask says so or the double is not
    /// finite, and each number's text where it is in `bytes` (or, without text, written from its double).
    private static func numbers(
        offset: Int, nulls: Int?, text: Range<Int>?, length: Int, bytes: [UInt8], in buffer: UnsafeRawBufferPointer,
        _ context: String
    ) throws(PluginProtocolError) -> TypedColumn.Numbers {
        var values = ExportFrame.doubles(buffer, offset: offset, length: length)
        var mask = try nulls.map { (nulls) throws(PluginProtocolError) in
            try ExportFrame.nulls(buffer, offset: nulls, length: length, context: context)
        }
        var isInteger = true
        for row in 0..<length {
            let value = values[row]
            if !value.isFinite || mask?[row] == true {
                if mask == nil { mask = Array(repeating: false, count: length) }
                mask![row] = true
                values[row] = 0
            } else if !(value.rounded(.towardZero) == value && value.magnitude <= 9_007_199_254_740_992) {
                isInteger = false
            }
        }
        let nulls = mask.flatMap { $0.contains(true) ? $0 : nil } ?? []
        guard let text else {
            var builder = NumbersBuilder(textBytes: [], capacity: length)
            for row in 0..<length {
                if !nulls.isEmpty, nulls[row] { builder.appendNull() } else { builder.append(JSONNumber(values[row])!) }
            }
            return builder.column
        }
        // Every byte of the texts is one a number is written with (or a newline): one pass over all of them.
        let (isNumberText, isPlainInteger) = Self.classify(UnsafeRawBufferPointer(rebasing: buffer[text]))
        guard isNumberText else { throw PluginProtocolError("\(context) whose text is not numbers, one a line") }
        if !isPlainInteger { isInteger = false }
        var starts = [Int32](repeating: 0, count: length)
        var ends = [Int32](repeating: 0, count: length)
        try ExportFrame.textLines(buffer, range: text, length: length, context: context) {
            (row, start, end) throws(PluginProtocolError) in
            let isNull = !nulls.isEmpty && nulls[row]
            guard isNull == (start == end) else {
                throw PluginProtocolError(
                    "\(context) whose text of row \(row + 1) is not \(isNull ? "empty for a null" : "a number")")
            }
            starts[row] = Int32(truncatingIfNeeded: start)
            ends[row] = Int32(truncatingIfNeeded: end)
        }
        return TypedColumn.Numbers(
            values: values, nulls: nulls, textBytes: bytes, textStarts: starts, textEnds: ends, isInteger: isInteger)
    }

    /// Whether every byte of `text` is a newline or one a number is written with (digits, `-`, `.`, `e`,
    /// `E`, `+`), and whether none is one of a fraction or an exponent; a loop without branches, so that
    /// it runs many bytes at a time.
    private static func classify(_ text: UnsafeRawBufferPointer) -> (isNumberText: Bool, isPlainInteger: Bool) {
        var other: UInt8 = 0
        var fraction: UInt8 = 0
        for byte in text {
            let plain = (byte &- 48 < 10) || byte == 10 || byte == UInt8(ascii: "-")
            let marks = byte == UInt8(ascii: ".") || byte | 0x20 == UInt8(ascii: "e") || byte == UInt8(ascii: "+")
            other |= (plain || marks) ? 0 : 1
            fraction |= marks ? 1 : 0
        }
        return (other == 0, fraction == 0)
    }
}
