/// The bytes an export writes while answering one request; the kit sends them to alq, which writes them
/// to the destination in order. Text output travels as text, anything else as base64.
public struct PluginOutput {
    /// The bytes written so far in this answer.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: storage.start, count: count)) }
    @usableFromInline var storage: OutputStorage
    /// How many bytes of `storage` are written.
    @usableFromInline var count = 0

    /// An empty output.
    public init() { self.init(capacity: 0) }

    init(capacity: Int) { storage = OutputStorage(capacity: capacity) }

    /// Appends text as UTF-8.
    @inlinable
    public mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { write(bytes: $0) }
    }

    /// Appends bytes.
    @inlinable
    public mutating func write(bytes more: some Sequence<UInt8>) {
        let done: Void? = more.withContiguousStorageIfAvailable { write(bytes: $0) }
        if done == nil { for byte in more { write(byte: byte) } }
    }

    /// Appends bytes.
    @inlinable
    public mutating func write(bytes more: UnsafeBufferPointer<UInt8>) {
        guard let source = more.baseAddress else { return }
        let target = reserve(more.count)
        // Short pieces (most cells) are copied byte by byte: cheaper than a call to memcpy.
        if more.count <= 16 {
            for index in 0..<more.count { target[index] = source[index] }
        } else {
            target.update(from: source, count: more.count)
        }
        count += more.count
    }

    /// Appends one byte.
    @inlinable
    public mutating func write(byte: UInt8) {
        reserve(1).pointee = byte
        count += 1
    }

    /// Where the next `needed` bytes go, with room for them; the caller writes exactly `needed` bytes there.
    ///
    /// Bytes are only ever appended, so a copy of this output may share its storage until one of the two
    /// appends where the other has appended already: only the output whose end is the storage's end writes
    /// in place (a check cheaper than asking whether the storage is referenced once).
    @inlinable
    mutating func reserve(_ needed: Int) -> UnsafeMutablePointer<UInt8> {
        if storage.capacity - count < needed || storage.end.pointee != count {
            var capacity = storage.capacity
            while capacity - count < needed { capacity *= 2 }
            storage = storage.copy(count, capacity: capacity)
        }
        storage.end.pointee = count + needed
        return storage.start + count
    }
}

/// The memory of a ``PluginOutput``: one fixed buffer, replaced by a larger copy as it fills (and copied
/// when an output that shares it appends behind its end, so that ``PluginOutput`` stays a value). Its
/// properties never change, so reading them costs no exclusivity check.
@usableFromInline
final class OutputStorage {
    @usableFromInline let start: UnsafeMutablePointer<UInt8>
    @usableFromInline let capacity: Int
    /// How many bytes of the buffer an output has claimed: only the output whose count is this appends.
    @usableFromInline let end: UnsafeMutablePointer<Int>

    @usableFromInline
    init(capacity: Int) {
        self.capacity = max(capacity, 256)
        start = .allocate(capacity: self.capacity)
        end = .allocate(capacity: 1)
        end.initialize(to: 0)
    }

    deinit {
        start.deallocate()
        end.deallocate()
    }

    /// A buffer of `capacity` bytes holding the first `count` bytes of this one.
    @usableFromInline
    func copy(_ count: Int, capacity: Int) -> OutputStorage {
        let copy = OutputStorage(capacity: capacity)
        copy.start.update(from: start, count: count)
        copy.end.pointee = count
        return copy
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
