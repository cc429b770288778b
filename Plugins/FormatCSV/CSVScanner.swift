/// Splits CSV bytes into fields without copying them, except quoted fields with doubled quotes,
/// which are unescaped into a scratch buffer.
///
/// Records end with LF, CRLF or a lone CR; blank lines are skipped, except in a one-column file.
struct CSVScanner: ~Copyable {
    /// Where a malformed quoted field starts or breaks off.
    struct Failure: Error {
        var offset: Int
        var message: String
    }

    let data: UnsafeBufferPointer<UInt8>
    /// The field separator: a comma, or another byte (a tab for TSV).
    let delimiter: UInt8
    private(set) var position: Int
    /// Whether the field just read was the last of its record.
    private(set) var atRecordEnd = false
    private var scratch: UnsafeMutableBufferPointer<UInt8>

    init(_ data: UnsafeBufferPointer<UInt8>, from position: Int, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.data = data
        self.delimiter = delimiter
        self.position = position
        scratch = .allocate(capacity: 256)
    }

    deinit { scratch.deallocate() }

    /// Skips blank lines, unless `blankLinesAreRecords` (a one-column file, where a blank line is a
    /// null); returns `false` at the end of the input.
    mutating func startRecord(blankLinesAreRecords: Bool = false) -> Bool {
        if !blankLinesAreRecords {
            while position < data.count, data[position] == 10 || data[position] == 13 { position += 1 }
        }
        atRecordEnd = false
        return position < data.count
    }

    /// The next field of the current record and whether it was quoted. The bytes stay valid until
    /// the next call.
    mutating func nextField() throws(Failure) -> (bytes: UnsafeBufferPointer<UInt8>, quoted: Bool) {
        let count = data.count
        var field: UnsafeBufferPointer<UInt8>
        var quoted = false
        if position < count, data[position] == UInt8(ascii: "\"") {
            quoted = true
            let open = position
            position += 1
            let start = position
            var escaped = false
            while true {
                guard position < count else { throw Failure(offset: open, message: "a quoted field is never closed") }
                if data[position] == UInt8(ascii: "\"") {
                    if position + 1 < count, data[position + 1] == UInt8(ascii: "\"") {
                        escaped = true
                        position += 2
                        continue
                    }
                    break
                }
                position += 1
            }
            field = UnsafeBufferPointer(rebasing: data[start..<position])
            position += 1
            if escaped { field = unescape(field) }
            if position < count {
                let next = data[position]
                if next != delimiter, next != 10, next != 13 {
                    throw Failure(
                        offset: position, message: "expected a separator or the end of the line after a closing quote")
                }
            }
        } else {
            let start = position
            position = endOfUnquotedField(from: position)
            field = UnsafeBufferPointer(rebasing: data[start..<position])
        }
        if position >= count {
            atRecordEnd = true
        } else if data[position] == delimiter {
            position += 1
            atRecordEnd = false
        } else {
            if data[position] == 13, position + 1 < count, data[position + 1] == 10 { position += 1 }
            position += 1
            atRecordEnd = true
        }
        return (field, quoted)
    }

    /// The offset of the first separator, LF or CR from `start`, or the input's end: eight bytes at a
    /// time while eight remain (a byte equal to one of the three is found as a zero byte of the word
    /// XORed with it; the lowest such byte, the first in the input on the little-endian machines alq
    /// runs on, is exact), then byte by byte.
    @inline(__always)
    private func endOfUnquotedField(from start: Int) -> Int {
        let count = data.count
        var position = start
        if let base = data.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let separators = UInt64(delimiter) &* ones
            let lineFeeds = UInt64(10) &* ones
            let returns = UInt64(13) &* ones
            let raw = UnsafeRawPointer(base)
            while position + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                let a = word ^ separators
                let b = word ^ lineFeeds
                let c = word ^ returns
                let found = ((a &- ones) & ~a | (b &- ones) & ~b | (c &- ones) & ~c) & highs
                if found != 0 { return position + found.trailingZeroBitCount >> 3 }
                position += 8
            }
        }
        while position < count {
            let byte = data[position]
            if byte == delimiter || byte == 10 || byte == 13 { break }
            position += 1
        }
        return position
    }

    private mutating func unescape(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        if scratch.count < field.count {
            scratch.deallocate()
            scratch = .allocate(capacity: field.count * 2)
        }
        var out = 0
        var i = 0
        while i < field.count {
            scratch[out] = field[i]
            out += 1
            i += field[i] == UInt8(ascii: "\"") ? 2 : 1
        }
        return UnsafeBufferPointer(rebasing: scratch[0..<out])
    }

    /// The 1-based line and column of a byte offset; LF, CRLF and a lone CR each end a line.
    static func lineAndColumn(of offset: Int, in data: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for i in 0..<min(offset, data.count) {
            let endsLine = data[i] == 10 || (data[i] == 13 && (i + 1 == data.count || data[i + 1] != 10))
            if endsLine {
                line += 1
                lineStart = i + 1
            }
        }
        return (line, offset - lineStart + 1)
    }
}
