/// The encoded bytes of a string column's dictionary, in one buffer: each distinct string is escaped
/// once, and each row copies its bytes.
public final class EncodedStrings {
    private let bytes: UnsafeMutableRawBufferPointer
    private let offsets: [Int]

    /// Encodes every string of `dictionary` with `encode`.
    public init(_ dictionary: [String], encode: (String) -> [UInt8]) {
        var arena: [UInt8] = []
        var offsets = [0]
        offsets.reserveCapacity(dictionary.count + 1)
        for text in dictionary {
            arena += encode(text)
            offsets.append(arena.count)
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(arena.count, 1), alignment: 1)
        arena.withUnsafeBytes { buffer.copyMemory(from: $0) }
        bytes = buffer
        self.offsets = offsets
    }

    deinit { bytes.deallocate() }

    /// Appends the encoded string with dictionary code `code`.
    @inline(__always)
    public func write(_ code: Int32, to out: ByteWriter) throws {
        let index = Int(code)
        let start = offsets[index]
        try out.bytes(UnsafeRawBufferPointer(rebasing: bytes[start..<offsets[index + 1]]))
    }
}
