/// The bytes an export writes while answering one request; the kit sends them to alq, which writes them
/// to the destination in order. Text output travels as text, anything else as base64.
public struct PluginOutput {
    /// The bytes written so far in this answer.
    public var bytes: [UInt8] { storage }
    @usableFromInline var storage: [UInt8] = []

    init() {}

    /// Output with room for `capacity` bytes (the size of the last batch's, so that a batch's output
    /// grows without copies).
    init(capacity: Int) { storage.reserveCapacity(capacity) }

    /// Appends text as UTF-8.
    @inlinable
    public mutating func write(_ text: String) {
        storage.append(contentsOf: text.utf8)
    }

    /// Appends bytes.
    @inlinable
    public mutating func write(bytes more: some Sequence<UInt8>) {
        storage.append(contentsOf: more)
    }

    /// Appends one byte.
    @inlinable
    public mutating func write(byte: UInt8) {
        storage.append(byte)
    }
}

extension JSONValue {
    /// The value as plain text: nothing for null, `true`/`false`, a number as written, a string as it is,
    /// arrays and objects as compact JSON.
    public var plainText: String {
        switch self {
        case .null: ""
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): number.text
        case .string(let text): text
        case .array, .object: String(decoding: JSONWriter.encode(self), as: UTF8.self)
        }
    }
}
