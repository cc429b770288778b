/// The encoded bytes of a string column's dictionary, in one buffer: each distinct string is escaped
/// once, and each row copies its bytes.
public final class EncodedStrings {
    /// The buffer's pointers, valid while the ``EncodedStrings`` lives: no reference counting per cell.
    public struct View {
        fileprivate let bytes: UnsafeRawPointer
        fileprivate let offsets: UnsafePointer<Int>

        /// Appends the encoded string with dictionary code `code`.
        @inline(__always)
        public func write(_ code: Int32, to out: ByteWriter) throws {
            let index = Int(code)
            let start = offsets[index]
            try out.bytes(UnsafeRawBufferPointer(start: bytes + start, count: offsets[index + 1] - start))
        }
    }

    private let bytes: UnsafeMutableRawBufferPointer
    private let offsets: UnsafeMutableBufferPointer<Int>

    /// Encodes every string of `dictionary` with `encode`.
    public convenience init(_ dictionary: [String], encode: (String) -> [UInt8]) {
        self.init(dictionary) { text, arena in arena += encode(text) }
    }

    /// Encodes every string of `dictionary` by appending its bytes with `append`.
    public init(_ dictionary: [String], append: (String, inout [UInt8]) -> Void) {
        var arena: [UInt8] = []
        let offsets = UnsafeMutableBufferPointer<Int>.allocate(capacity: dictionary.count + 1)
        offsets[0] = 0
        for (index, text) in dictionary.enumerated() {
            append(text, &arena)
            offsets[index + 1] = arena.count
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(arena.count, 1), alignment: 1)
        arena.withUnsafeBytes { buffer.copyMemory(from: $0) }
        bytes = buffer
        self.offsets = offsets
    }

    /// Byte strings already encoded.
    public init(encoded pieces: [[UInt8]]) {
        var arena: [UInt8] = []
        let offsets = UnsafeMutableBufferPointer<Int>.allocate(capacity: pieces.count + 1)
        offsets[0] = 0
        for (index, piece) in pieces.enumerated() {
            arena += piece
            offsets[index + 1] = arena.count
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(arena.count, 1), alignment: 1)
        arena.withUnsafeBytes { buffer.copyMemory(from: $0) }
        bytes = buffer
        self.offsets = offsets
    }

    deinit {
        bytes.deallocate()
        offsets.deallocate()
    }

    /// The pointers, for writing many cells.
    public var view: View {
        View(bytes: UnsafeRawPointer(bytes.baseAddress!), offsets: UnsafePointer(offsets.baseAddress!))
    }

    /// Appends the encoded string with dictionary code `code`.
    @inline(__always)
    public func write(_ code: Int32, to out: ByteWriter) throws {
        try view.write(code, to: out)
    }
}
