import ALQRuntime

/// Values as JSON text (RFC 8259), written to a ``ByteWriter``.
///
/// Strings are escaped minimally (`"`, `\`, control characters); other characters are written as
/// UTF-8. Non-finite numbers become `null`. A quantity nested in a list or record becomes
/// `{"value": <number in the base unit>, "unit": "<base unit>"}`; a table becomes an array of objects.
public enum JSONText {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends a quoted, escaped JSON string.
    public static func appendString(_ text: String, to out: ByteWriter) throws {
        var text = text
        try text.withUTF8 { try appendString(bytes: $0, to: out) }
    }

    /// Appends UTF-8 bytes as a quoted, escaped JSON string.
    public static func appendString(bytes: UnsafeBufferPointer<UInt8>, to out: ByteWriter) throws {
        try out.byte(UInt8(ascii: "\""))
        var runStart = 0
        for i in 0..<bytes.count {
            let byte = bytes[i]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if i > runStart {
                try out.bytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[runStart..<i])))
            }
            runStart = i + 1
            switch byte {
            case UInt8(ascii: "\""): try out.ascii("\\\"")
            case UInt8(ascii: "\\"): try out.ascii("\\\\")
            case UInt8(ascii: "\n"): try out.ascii("\\n")
            case UInt8(ascii: "\r"): try out.ascii("\\r")
            case UInt8(ascii: "\t"): try out.ascii("\\t")
            case 0x08: try out.ascii("\\b")
            case 0x0C: try out.ascii("\\f")
            default:
                try out.ascii("\\u00")
                try out.byte(hex[Int(byte >> 4)])
                try out.byte(hex[Int(byte & 15)])
            }
        }
        if bytes.count > runStart {
            try out.bytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[runStart...])))
        }
        try out.byte(UInt8(ascii: "\""))
    }

    /// The bytes of a quoted, escaped JSON string.
    public static func encodedString(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 2)
        appendEncodedString(text, to: &result)
        return result
    }

    /// Appends the bytes of a quoted, escaped JSON string.
    public static func appendEncodedString(_ text: String, to result: inout [UInt8]) {
        result.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): result += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "\\"): result += [byte, byte]
            case UInt8(ascii: "\n"): result += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): result += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): result += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: result += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: result += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case ..<0x20: result += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            default: result.append(byte)
            }
        }
        result.append(UInt8(ascii: "\""))
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
