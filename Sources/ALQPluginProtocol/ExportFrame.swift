import ALQJSON

/// A batch of rows as a binary frame (version 4, docs/plugins.md "Protocol version 4"): `export.rows`
/// carries `{"frame": {"length": N, "bytes": B, "columns": […]}}`, and the request's newline is followed
/// by exactly B bytes of buffers and one more newline. The header says where each column's buffers are
/// in those bytes; the buffers are little-endian, each starting at a multiple of ``alignment``.
public struct ExportFrame: Sendable, Equatable {
    /// The unsigned integer type of a dictionary column's codes.
    public enum CodeWidth: String, Sendable, CaseIterable {
        case uint8, uint16, uint32

        /// Bytes per code.
        public var size: Int {
            switch self {
            case .uint8: 1
            case .uint16: 2
            case .uint32: 4
            }
        }

        /// The narrowest width that indexes a dictionary of `count` entries.
        public static func fitting(_ count: Int) -> CodeWidth {
            count <= 1 << 8 ? .uint8 : count <= 1 << 16 ? .uint16 : .uint32
        }
    }

    /// How one column of the batch travels.
    public enum Column: Sendable, Equatable {
        /// `{"form": "dictionary", "dictionary": [v…], "codes": "uint8", "offset": O}`: the distinct
        /// values, and `length` codes of the given width at byte `O`, row `i`'s value being
        /// `dictionary[code i]`. String, bool and unit columns travel this way.
        case dictionary([JSONValue], codes: CodeWidth, offset: Int)
        /// `{"form": "float64", "offset": O, "nulls": M, "text": [S, E]}`: `length` doubles at byte `O`
        /// (NaN where a row is null); optional `nulls`, `length` bytes at `M`, 1 where a row is null and 0
        /// elsewhere (absent when no row is); optional `text`, bytes `S..<E` holding each row's number as
        /// alq writes it (empty for null), each text followed by a newline.
        case float64(offset: Int, nulls: Int?, text: Range<Int>?)
        /// `{"form": "values", "values": [v…]}`: `length` JSON values, as in a version-2 batch.
        case values([JSONValue])
    }

    /// The number of rows.
    public var length: Int
    /// The number of bytes after the request's newline (the buffers, padding included).
    public var byteCount: Int
    /// One entry per column of `export.begin`.
    public var columns: [Column]

    /// Every buffer starts at a multiple of this many bytes from the start of the frame's bytes.
    public static let alignment = 8

    /// A frame header.
    public init(length: Int, byteCount: Int, columns: [Column]) {
        self.length = length
        self.byteCount = byteCount
        self.columns = columns
    }

    /// Reads a header (the object under `frame`) and checks that every buffer it names is aligned and
    /// lies within `bytes`.
    public init(_ value: JSONValue) throws(PluginProtocolError) {
        guard let object = value.objectValue else { throw PluginProtocolError("a 'frame' that is not an object") }
        guard let length = object["length"]?.numberValue?.int, length >= 0 else {
            throw PluginProtocolError("a frame without a 'length' (a whole number, 0 or more)")
        }
        guard let byteCount = object["bytes"]?.numberValue?.int, byteCount >= 0 else {
            throw PluginProtocolError("a frame without 'bytes' (a whole number, 0 or more)")
        }
        guard let items = object["columns"]?.arrayValue else {
            throw PluginProtocolError("a frame without 'columns' (an array of objects)")
        }
        self.init(length: length, byteCount: byteCount, columns: [])
        for (index, item) in items.enumerated() {
            columns.append(try Self.column(item, number: index + 1, length: length, byteCount: byteCount))
        }
    }

    private static func column(
        _ item: JSONValue, number: Int, length: Int, byteCount: Int
    ) throws(PluginProtocolError) -> Column {
        let context = "frame column \(number)"
        guard let object = item.objectValue else { throw PluginProtocolError("\(context) that is not an object") }
        switch try layout(object, number: number, length: length, byteCount: byteCount) {
        case .dictionary(let width, let offset):
            guard let dictionary = object["dictionary"]?.arrayValue else {
                throw PluginProtocolError("\(context) without a 'dictionary' (an array)")
            }
            return .dictionary(dictionary, codes: width, offset: offset)
        case .float64(let offset, let nulls, let text):
            return .float64(offset: offset, nulls: nulls, text: text)
        case .values:
            guard let values = object["values"]?.arrayValue, values.count == length else {
                throw PluginProtocolError("\(context) whose 'values' is not an array of \(length) values")
            }
            return .values(values)
        }
    }

    /// The header as JSON (the object under `frame`).
    public var json: JSONValue {
        .object(
            JSONObject([
                ("length", .number(JSONNumber(length))), ("bytes", .number(JSONNumber(byteCount))),
                ("columns", .array(columns.map(Self.json))),
            ]))
    }

    private static func json(_ column: Column) -> JSONValue {
        switch column {
        case .dictionary(let values, let width, let offset):
            return .object(
                JSONObject([
                    ("form", .string("dictionary")), ("dictionary", .array(values)), ("codes", .string(width.rawValue)),
                    ("offset", .number(JSONNumber(offset))),
                ]))
        case .float64(let offset, let nulls, let text):
            var members: [(String, JSONValue)] = [
                ("form", .string("float64")), ("offset", .number(JSONNumber(offset))),
            ]
            if let nulls { members.append(("nulls", .number(JSONNumber(nulls)))) }
            if let text {
                members.append(
                    ("text", .array([.number(JSONNumber(text.lowerBound)), .number(JSONNumber(text.upperBound))])))
            }
            return .object(JSONObject(members))
        case .values(let values):
            return .object(JSONObject([("form", .string("values")), ("values", .array(values))]))
        }
    }

    /// The frame's values as a batch, read from its bytes: a number from its text when the column has
    /// text, else from its double (NaN and infinities as null). A code outside its dictionary, a null
    /// mask byte other than 0 and 1, or text that is not one number per row is an error.
    public func batch(bytes: [UInt8]) throws(PluginProtocolError) -> ColumnBatch {
        guard bytes.count == byteCount else {
            throw PluginProtocolError("a frame of \(bytes.count) bytes; its header says \(byteCount)")
        }
        // A header built in code is checked as one read from JSON is: every buffer within the bytes.
        _ = try ExportFrame(json)
        let columns = bytes.withUnsafeBytes { bytes in
            Result { () throws(PluginProtocolError) in
                try self.columns.enumerated().map { (index, column) throws(PluginProtocolError) in
                    try values(of: column, context: "frame column \(index + 1)", in: bytes)
                }
            }
        }
        return ColumnBatch(length: length, columns: try columns.get())
    }

    private func values(of column: Column, context: String, in bytes: UnsafeRawBufferPointer)
        throws(PluginProtocolError) -> [JSONValue]
    {
        switch column {
        case .dictionary(let dictionary, let width, let offset):
            return try Self.codes(
                bytes, width: width, offset: offset, length: length, count: dictionary.count, context: context
            ) { dictionary[$0] }
        case .float64(let offset, let nulls, let text):
            let mask = try nulls.map { (nulls) throws(PluginProtocolError) in
                try Self.nulls(bytes, offset: nulls, length: length, context: context)
            }
            var values: [JSONValue]
            if let text {
                values = Array(repeating: .null, count: length)
                try Self.textLines(bytes, range: text, length: length, context: context) {
                    (row, start, end) throws(PluginProtocolError) in
                    if let mask, mask[row] { return }
                    let line = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    guard let number = JSONNumber(text: line) else {
                        throw PluginProtocolError("\(context) whose text of row \(row + 1) is not a number")
                    }
                    values[row] = .number(number)
                }
            } else {
                values = Self.doubles(bytes, offset: offset, length: length).enumerated().map { row, double in
                    if let mask, mask[row] { return .null }
                    return JSONNumber(double).map { .number($0) } ?? .null
                }
            }
            return values
        case .values(let values):
            return values
        }
    }
}
