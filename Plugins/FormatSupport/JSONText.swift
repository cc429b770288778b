import ALQJSON
import ALQRuntime

/// Values as JSON text (RFC 8259), written to a ``ByteWriter``.
///
/// Strings are escaped minimally (`"`, `\`, control characters); other characters are written as
/// UTF-8. Non-finite numbers become `null`. A quantity nested in a list or record becomes
/// `{"value": <number in the base unit>, "unit": "<base unit>"}`; a table becomes an array of objects.
public enum JSONText {
    /// Appends a quoted, escaped JSON string.
    public static func appendString(_ text: String, to out: ByteWriter) throws {
        var text = text
        try text.withUTF8 { try appendString(bytes: $0, to: out) }
    }

    /// Appends UTF-8 bytes as a quoted, escaped JSON string (escaped by `JSONWriter.escape`).
    public static func appendString(bytes: UnsafeBufferPointer<UInt8>, to out: ByteWriter) throws {
        try out.byte(UInt8(ascii: "\""))
        try JSONWriter.escape(bytes) { try out.bytes(UnsafeRawBufferPointer($0)) }
        try out.byte(UInt8(ascii: "\""))
    }

    /// The bytes of a quoted, escaped JSON string.
    public static func encodedString(_ text: String) -> [UInt8] { JSONWriter.encodedString(text) }

    /// Appends the bytes of a quoted, escaped JSON string.
    public static func appendEncodedString(_ text: String, to result: inout [UInt8]) {
        JSONWriter.appendString(text, to: &result)
    }

    /// Appends a number, or `null` when it is not finite.
    @inline(__always)
    public static func appendNumber(_ value: Double, to out: ByteWriter) throws {
        if value.isFinite { try NumberText.append(value, to: out) } else { try out.ascii("null") }
    }

    /// Appends any value.
    public static func appendValue(_ value: Value, to out: ByteWriter) throws {
        switch value {
        case .null: try out.ascii("null")
        case .bool(let flag): try flag ? out.ascii("true") : out.ascii("false")
        case .number(let number): try appendNumber(number, to: out)
        case .string(let text): try appendString(text, to: out)
        case .quantity(let quantity):
            if quantity.dimension == .none {
                try appendNumber(quantity.value, to: out)
            } else {
                try out.ascii("{\"value\":")
                try appendNumber(quantity.value, to: out)
                try out.ascii(",\"unit\":")
                try appendString(quantity.dimension.symbol, to: out)
                try out.byte(UInt8(ascii: "}"))
            }
        case .list(let items):
            try out.byte(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { try out.byte(UInt8(ascii: ",")) }
                try appendValue(item, to: out)
            }
            try out.byte(UInt8(ascii: "]"))
        case .record(let record):
            try out.byte(UInt8(ascii: "{"))
            for (index, (key, item)) in record.fields.enumerated() {
                if index > 0 { try out.byte(UInt8(ascii: ",")) }
                try appendString(key, to: out)
                try out.byte(UInt8(ascii: ":"))
                try appendValue(item, to: out)
            }
            try out.byte(UInt8(ascii: "}"))
        case .table(let table):
            try out.byte(UInt8(ascii: "["))
            for row in 0..<table.rowCount {
                if row > 0 { try out.byte(UInt8(ascii: ",")) }
                try appendValue(.record(table.row(row)), to: out)
            }
            try out.byte(UInt8(ascii: "]"))
        case .module(let id): try appendString(id, to: out)
        case .date(let date): try appendString(date.iso8601, to: out)
        case .chart(let chart): try appendValue(.table(chart.dataTable), to: out)
        }
    }

    /// A value as compact JSON text.
    public static func text(_ value: Value) -> String {
        let sink = CollectingSink()
        let out = ByteWriter(sink, capacity: 256)
        try? appendValue(value, to: out)
        try? out.flush()
        return String(decoding: sink.bytes, as: UTF8.self)
    }
}
