/// Writes JSON text (RFC 8259): compact, members in order, numbers as their text, strings escaped
/// minimally (`"`, `\` and control characters; everything else stays UTF-8).
///
/// ``escape(_:_:)`` is the one string-escaping rule; streaming writers (the `json` and `ndjson`
/// formats) call it with their own output instead of building a ``JSONValue``.
public struct JSONWriter: Sendable {
    /// The text written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer.
    public init() {}

    /// The compact text of a value.
    public static func encode(_ value: JSONValue) -> [UInt8] {
        var writer = JSONWriter()
        writer.write(value)
        return writer.bytes
    }

    /// Appends a value.
    public mutating func write(_ value: JSONValue) {
        switch value {
        case .null: bytes += "null".utf8
        case .bool(let flag): bytes += (flag ? "true" : "false").utf8
        case .number(let number): bytes += number.text.utf8
        case .string(let text): write(string: text)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            bytes.append(UInt8(ascii: "{"))
            for (index, member) in object.members.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(string: member.key)
                bytes.append(UInt8(ascii: ":"))
                write(member.value)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Appends a quoted, escaped string.
    public mutating func write(string text: String) {
        JSONWriter.appendString(text, to: &bytes)
    }

    /// Appends text that is already JSON (a value written earlier).
    public mutating func write(raw: some Sequence<UInt8>) {
        bytes += raw
    }

    /// Appends a quoted, escaped string to `bytes`.
    public static func appendString(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        bytes.append(UInt8(ascii: "\""))
        text.withUTF8 { utf8 in escape(utf8) { bytes += $0 } }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The bytes of a quoted, escaped string.
    public static func encodedString(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        appendString(text, to: &bytes)
        return bytes
    }

    /// The escape sequence of each byte that needs one (`"`, `\`, U+0000 to U+001F), empty otherwise.
    @usableFromInline
    static let escapes: [[UInt8]] = (0..<0x60).map { byte in
        switch byte {
        case 0x22: return Array("\\\"".utf8)
        case 0x5C: return Array("\\\\".utf8)
        case 0x0A: return Array("\\n".utf8)
        case 0x0D: return Array("\\r".utf8)
        case 0x09: return Array("\\t".utf8)
        case 0x08: return Array("\\b".utf8)
        case 0x0C: return Array("\\f".utf8)
        case ..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            return Array("\\u00".utf8) + [hex[byte >> 4], hex[byte & 15]]
        default: return []
        }
    }

    /// Escapes a string's UTF-8 bytes (without the quotes): hands `emit` runs of bytes that need no
    /// escape and the escape sequences between them, in order.
    @inlinable
    public static func escape(
        _ bytes: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows {
        var runStart = 0
        for i in 0..<bytes.count {
            let byte = bytes[i]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if i > runStart { try emit(UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
            runStart = i + 1
            try escapes[Int(byte)].withUnsafeBufferPointer(emit)
        }
        if bytes.count > runStart { try emit(UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }
}
