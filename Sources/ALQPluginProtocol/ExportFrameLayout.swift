import ALQJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ExportFrame {
    /// Where one column's buffers are in a frame's bytes, without the values its header carries (a
    /// dictionary's entries, a `values` column's values): what every reader of a frame checks before it
    /// touches the bytes, whatever it decodes the header's values into.
    public enum Layout: Sendable, Equatable {
        /// `length` codes of this width at `offset`.
        case dictionary(codes: CodeWidth, offset: Int)
        /// `length` doubles at `offset`, the null mask at `nulls` and the number texts in `text`, when
        /// present.
        case float64(offset: Int, nulls: Int?, text: Range<Int>?)
        /// No buffers: the values are in the header.
        case values
    }

    /// The layout of frame column `number` (from 1), read from its header object (only `form`, `codes`,
    /// `offset`, `nulls` and `text` are looked at); every buffer must be aligned and lie within a frame of
    /// `length` rows and `byteCount` bytes.
    public static func layout(_ object: JSONObject, number: Int, length: Int, byteCount: Int)
        throws(PluginProtocolError) -> Layout
    {
        let context = "frame column \(number)"
        func buffer(_ key: String, bytes: Int, required: Bool = true) throws(PluginProtocolError) -> Int? {
            guard let value = object[key] else {
                if required { throw PluginProtocolError("\(context) without '\(key)'") }
                return nil
            }
            guard let offset = value.numberValue?.int, offset >= 0, offset % alignment == 0,
                bytes <= byteCount, offset <= byteCount - bytes
            else {
                throw PluginProtocolError(
                    "\(context) whose '\(key)' is not an offset, a multiple of \(alignment), of \(bytes) bytes within the frame's \(byteCount)"
                )
            }
            return offset
        }
        switch object.string("form") {
        case "dictionary":
            guard let width = object.string("codes").flatMap(CodeWidth.init(rawValue:)) else {
                throw PluginProtocolError("\(context) whose 'codes' is not uint8, uint16 or uint32")
            }
            let (bytes, overflow) = length.multipliedReportingOverflow(by: width.size)
            guard !overflow else { throw PluginProtocolError("\(context) whose codes overflow") }
            return .dictionary(codes: width, offset: try buffer("offset", bytes: bytes)!)
        case "float64":
            let (bytes, overflow) = length.multipliedReportingOverflow(by: 8)
            guard !overflow else { throw PluginProtocolError("\(context) whose values overflow") }
            let offset = try buffer("offset", bytes: bytes)!
            let nulls = try buffer("nulls", bytes: length, required: false)
            var text: Range<Int>?
            if let range = object["text"] {
                guard let bounds = range.arrayValue, bounds.count == 2, let start = bounds[0].numberValue?.int,
                    let end = bounds[1].numberValue?.int, start >= 0, start % alignment == 0, start <= end,
                    end <= byteCount
                else {
                    throw PluginProtocolError(
                        "\(context) whose 'text' is not [start, end] within the frame's \(byteCount) bytes, start a multiple of \(alignment)"
                    )
                }
                text = start..<end
            }
            return .float64(offset: offset, nulls: nulls, text: text)
        case "values":
            return .values
        default:
            throw PluginProtocolError("\(context) whose 'form' is not dictionary, float64 or values")
        }
    }

    /// The `length` codes of `width` at `offset` in `bytes` (little-endian), each turned into `entry(code)`;
    /// a code not below `count` (the dictionary's size) is an error naming `context`.
    @inlinable
    public static func codes<Entry>(
        _ bytes: UnsafeRawBufferPointer, width: CodeWidth, offset: Int, length: Int, count: Int, context: String,
        entry: (Int) -> Entry
    ) throws(PluginProtocolError) -> [Entry] {
        precondition(offset >= 0 && length >= 0 && offset + length * width.size <= bytes.count, "codes outside a frame")
        var result: [Entry] = []
        result.reserveCapacity(length)
        var bad = -1
        switch width {
        case .uint8:
            for row in 0..<length {
                let code = Int(bytes[offset + row])
                if code >= count {
                    bad = code
                    break
                }
                result.append(entry(code))
            }
        case .uint16:
            for row in 0..<length {
                let code = Int(
                    UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 2 * row, as: UInt16.self)))
                if code >= count {
                    bad = code
                    break
                }
                result.append(entry(code))
            }
        case .uint32:
            for row in 0..<length {
                let code = Int(
                    UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4 * row, as: UInt32.self)))
                if code >= count {
                    bad = code
                    break
                }
                result.append(entry(code))
            }
        }
        if bad >= 0 { throw PluginProtocolError("\(context) with code \(bad) in a dictionary of \(count)") }
        return result
    }

    /// The `length` doubles at `offset` in `bytes` (little-endian).
    public static func doubles(_ bytes: UnsafeRawBufferPointer, offset: Int, length: Int) -> [Double] {
        precondition(offset >= 0 && length >= 0 && offset + 8 * length <= bytes.count, "doubles outside a frame")
        return [Double](unsafeUninitializedCapacity: length) { buffer, initialized in
            #if _endian(little)
                if length > 0 {
                    UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(
                        from: bytes.baseAddress! + offset, byteCount: 8 * length)
                }
            #else
                for row in 0..<length {
                    buffer[row] = Double(
                        bitPattern: UInt64(
                            littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8 * row, as: UInt64.self)))
                }
            #endif
            initialized = length
        }
    }

    /// The null mask of `length` bytes at `offset` in `bytes`, `true` where a row is null; a byte other than
    /// 0 and 1 is an error naming `context`.
    public static func nulls(_ bytes: UnsafeRawBufferPointer, offset: Int, length: Int, context: String)
        throws(PluginProtocolError) -> [Bool]
    {
        precondition(offset >= 0 && length >= 0 && offset + length <= bytes.count, "a null mask outside a frame")
        var mask: [Bool] = []
        mask.reserveCapacity(length)
        var other = false
        for row in 0..<length {
            let byte = bytes[offset + row]
            other = other || byte > 1
            mask.append(byte == 1)
        }
        if other { throw PluginProtocolError("\(context) with a null mask byte other than 0 and 1") }
        return mask
    }

    /// Calls `line` with each row's number text in `range` of `bytes` (its start and end, the newline after
    /// it left out); the text must be exactly `length` lines, each ended by a newline, or it is an error
    /// naming `context`.
    @inlinable
    public static func textLines(
        _ bytes: UnsafeRawBufferPointer, range: Range<Int>, length: Int, context: String,
        line: (_ row: Int, _ start: Int, _ end: Int) throws(PluginProtocolError) -> Void
    ) throws(PluginProtocolError) {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "text outside a frame")
        var start = range.lowerBound
        var row = 0
        let base = bytes.baseAddress
        while start < range.upperBound {
            guard row < length, let found = memchrNewline(base!, from: start, to: range.upperBound) else {
                throw PluginProtocolError("\(context) whose text is not \(length) lines, each ended by a newline")
            }
            try line(row, start, found)
            row += 1
            start = found + 1
        }
        guard row == length else {
            throw PluginProtocolError("\(context) whose text is not \(length) lines, each ended by a newline")
        }
    }

    /// The index of the first newline in `base[start..<end]`, or `nil`.
    @inlinable
    static func memchrNewline(_ base: UnsafeRawPointer, from start: Int, to end: Int) -> Int? {
        guard start < end, let found = memchr(base + start, 10, end - start) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }
}
