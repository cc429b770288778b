import ALQSyntax

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A run of whole CSV records: where it starts in the input and its bytes.
struct CSVChunk: Sendable {
    /// The chunk's place in the input, from 0.
    var index: Int
    /// The input offset of `bytes[0]`.
    var offset: Int
    var bytes: [UInt8]
}

/// Cuts the input into chunks of about `chunkSize` bytes, each ending where a record ends, so that
/// each can be parsed on its own.
///
/// A record may hold line breaks inside quotes, so where a record ends depends on the quotes before it:
/// a chunk without any `"` ends after its last line break; one with quotes is followed byte by byte
/// through the scanner's own states (field start, unquoted, quoted, quote inside quotes) from its
/// first byte, which starts a record. A chunk never ends between the CR and LF of a CRLF. A record
/// longer than a chunk makes the chunk longer; a quote never closed makes the rest of the input one
/// chunk, whose parse reports it.
struct CSVChunker {
    let chunkSize: Int
    let delimiter: UInt8
    private var carry: [UInt8] = []
    private var carryOffset = 0
    private var readOffset = 0
    private var count = 0

    init(chunkSize: Int, delimiter: UInt8) {
        self.chunkSize = max(1, chunkSize)
        self.delimiter = delimiter
    }

    /// The next chunk, or `nil` at the end of the input.
    mutating func next(from input: CSVInput) throws(Diagnostic) -> CSVChunk? {
        while true {
            let size = input.size
            guard readOffset < size else {
                guard !carry.isEmpty else { return nil }
                defer { carry = [] }
                return emit(carry)
            }
            var buffer = try input.read(chunkSize, at: readOffset, after: carry)
            readOffset += buffer.count - carry.count
            if buffer.count == carry.count { readOffset = size }  // the file became shorter
            if readOffset >= size {
                carry = []
                return emit(buffer)
            }
            guard let cut = CSVChunker.lastRecordEnd(in: buffer, delimiter: delimiter) else {
                carry = buffer
                continue
            }
            carry = Array(buffer[cut...])
            buffer.removeSubrange(cut...)  // in place: the chunk's bytes are not copied again
            return emit(buffer)
        }
    }

    private mutating func emit(_ bytes: [UInt8]) -> CSVChunk {
        defer {
            carryOffset += bytes.count
            count += 1
        }
        return CSVChunk(index: count, offset: carryOffset, bytes: bytes)
    }

    /// The offset just past the last record end in `bytes`, which start a record; `nil` when no
    /// record ends there (or only at a CR that may be followed by an LF not yet read).
    static func lastRecordEnd(in bytes: [UInt8], delimiter: UInt8) -> Int? {
        bytes.withUnsafeBufferPointer { data -> Int? in
            guard let base = data.baseAddress, !data.isEmpty else { return nil }
            if memchr(base, Int32(UInt8(ascii: "\"")), data.count) == nil {
                var i = data.count - 1
                while i >= 0 {
                    let byte = data[i]
                    if byte == 10 { return i + 1 }
                    if byte == 13, i + 1 < data.count { return i + 1 }
                    i -= 1
                }
                return nil
            }
            return lastRecordEndFollowingQuotes(data, delimiter: delimiter)
        }
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    private static func lastRecordEndFollowingQuotes(_ data: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> Int? {
        var state = State.fieldStart
        var last: Int?
        let quote = UInt8(ascii: "\"")
        for i in 0..<data.count {
            let byte = data[i]
            switch state {
            case .quoted:
                if byte == quote { state = .quoteInQuoted }
                continue
            case .quoteInQuoted:
                if byte == quote {
                    state = .quoted
                    continue
                }
            // A closing quote: the byte is read as after an unquoted field (anything but a separator or
            // a line end is an error the parse reports).
            case .fieldStart:
                if byte == quote {
                    state = .quoted
                    continue
                }
            case .unquoted: break
            }
            if byte == delimiter {
                state = .fieldStart
            } else if byte == 10 || byte == 13 {
                state = .fieldStart
                if byte == 10 || i + 1 < data.count { last = i + 1 }
            } else {
                state = .unquoted
            }
        }
        return last
    }
}
