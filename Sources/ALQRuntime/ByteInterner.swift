#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Dictionary-encodes strings straight from bytes: each distinct byte sequence gets a code, and a
/// `String` is made once per distinct value, not once per field.
public struct ByteInterner: Sendable {
    private var arena: [UInt8] = []
    private var offsets: [Int] = [0]
    private var hashes: [UInt64] = []
    private var slots: [Int32] = [Int32](repeating: -1, count: 64)

    public init() {}

    /// How many distinct strings were interned.
    public var count: Int { hashes.count }

    /// The code of a byte sequence, interning it if it is new.
    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = ByteInterner.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let code = slots[slot]
            if code < 0 { break }
            if hashes[Int(code)] == hash, equals(Int(code), bytes) { return code }
            slot = (slot + 1) & mask
        }
        let code = Int32(hashes.count)
        hashes.append(hash)
        arena.append(contentsOf: bytes)
        offsets.append(arena.count)
        slots[slot] = code
        if hashes.count * 2 > slots.count { grow() }
        return code
    }

    /// Interns every string of `other`, in its code order; returns each one's code here, indexed by
    /// its code in `other` (merging dictionaries built apart, such as a file's chunks').
    public mutating func intern(contentsOf other: ByteInterner) -> [Int32] {
        other.arena.withUnsafeBufferPointer { stored in
            (0..<other.count).map { code in
                intern(UnsafeBufferPointer(rebasing: stored[other.offsets[code]..<other.offsets[code + 1]]))
            }
        }
    }

    private func equals(_ code: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = offsets[code]
        let end = offsets[code + 1]
        guard end - start == bytes.count else { return false }
        guard let base = bytes.baseAddress, bytes.count > 0 else { return true }
        return arena.withUnsafeBufferPointer { stored in
            ByteInterner.same(UnsafeRawPointer(stored.baseAddress! + start), UnsafeRawPointer(base), bytes.count)
        }
    }

    /// Whether `count` bytes at `a` and `b` are equal: short runs (most dictionary strings) compared
    /// in place, eight bytes at a time, rather than through a `memcmp` call.
    @inline(__always)
    private static func same(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
        guard count <= 32 else { return memcmp(a, b, count) == 0 }
        var i = 0
        while i + 8 <= count {
            if a.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                != b.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            {
                return false
            }
            i += 8
        }
        while i < count {
            if a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
            i += 1
        }
        return true
    }

    /// A 64-bit hash of bytes, eight at a time.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            i += 8
        }
        // The last 0–7 bytes as a little-endian word, read four, two and one at a time.
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        if i + 4 <= bytes.count {
            tail = UInt64(raw.loadUnaligned(fromByteOffset: i, as: UInt32.self))
            shift = 32
            i += 4
        }
        if i + 2 <= bytes.count {
            tail |= UInt64(raw.loadUnaligned(fromByteOffset: i, as: UInt16.self)) << shift
            shift += 16
            i += 2
        }
        if i < bytes.count { tail |= UInt64(base[i]) << shift }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 29)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (code, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(code)
        }
    }

    /// The distinct strings in code order, or the code of the first that is not valid UTF-8.
    public func strings() -> Result<[String], InvalidUTF8> {
        var result: [String] = []
        result.reserveCapacity(count)
        return arena.withUnsafeBufferPointer { stored in
            for code in 0..<count {
                let slice = UnsafeBufferPointer(rebasing: stored[offsets[code]..<offsets[code + 1]])
                guard let text = String(validating: slice, as: UTF8.self) else {
                    return .failure(InvalidUTF8(code: Int32(code)))
                }
                result.append(text)
            }
            return .success(result)
        }
    }

    /// The distinct strings in code order; with `repairing`, bytes that are not UTF-8 become U+FFFD,
    /// otherwise such a string makes the result `nil`.
    public func strings(repairing: Bool) -> [String]? {
        switch strings() {
        case .success(let strings): return strings
        case .failure where repairing:
            return arena.withUnsafeBufferPointer { stored in
                (0..<count).map { code in
                    String(
                        decoding: UnsafeBufferPointer(rebasing: stored[offsets[code]..<offsets[code + 1]]),
                        as: UTF8.self)
                }
            }
        case .failure: return nil
        }
    }

    /// The code of a string that is not valid UTF-8.
    public struct InvalidUTF8: Error, Sendable {
        /// The string's code.
        public var code: Int32
    }
}
