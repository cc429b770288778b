import ALQRuntime
import FormatSupport

/// A hand-written JSON (RFC 8259) scanner over bytes: strings without escapes are handed out as
/// slices of the input, numbers are parsed without allocating.
struct JSONScanner: ~Copyable {
    /// What went wrong, and at which byte.
    struct Failure: Error {
        var offset: Int
        var message: String
    }

    /// The deepest nesting of arrays and objects accepted.
    static let maximumDepth = 512

    let data: UnsafeBufferPointer<UInt8>
    var position: Int
    private var scratch: [UInt8] = []

    init(_ data: UnsafeBufferPointer<UInt8>, from position: Int = 0) {
        self.data = data
        self.position = position
    }

    /// The byte at the position after whitespace, or `nil` at the end.
    @inline(__always)
    mutating func peek() -> UInt8? {
        while position < data.count {
            let byte = data[position]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                position += 1
            } else {
                return byte
            }
        }
        return nil
    }

    /// Skips whitespace and consumes `byte`, or fails with `expected`.
    @inline(__always)
    mutating func expect(_ byte: UInt8, _ expected: String) throws(Failure) {
        guard peek() == byte else { throw failure(expected) }
        position += 1
    }

    func failure(_ expected: String) -> Failure {
        if position >= data.count {
            return Failure(offset: position, message: "expected \(expected), found the end of the input")
        }
        let byte = data[position]
        let found = byte >= 0x20 && byte < 0x7F ? "'\(Character(UnicodeScalar(byte)))'" : String(format: byte)
        return Failure(offset: position, message: "expected \(expected), found \(found)")
    }

    /// Reads a string (the position is at its opening quote); calls `body` with its unescaped UTF-8.
    @inline(__always)
    mutating func string<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) throws(Failure) -> R {
        position += 1
        let start = position
        while position < data.count {
            let byte = data[position]
            if byte == UInt8(ascii: "\"") {
                let result = body(UnsafeBufferPointer(rebasing: data[start..<position]))
                position += 1
                return result
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 {
                throw Failure(offset: position, message: "a control character must be escaped inside a string")
            }
            position += 1
        }
        guard position < data.count else { throw Failure(offset: start - 1, message: "a string is never closed") }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: data[start..<position]))
        try unescapeRest(stringStart: start - 1)
        return scratch.withUnsafeBufferPointer(body)
    }

    private mutating func unescapeRest(stringStart: Int) throws(Failure) {
        while position < data.count {
            let byte = data[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return
            }
            if byte < 0x20 {
                throw Failure(offset: position, message: "a control character must be escaped inside a string")
            }
            guard byte == UInt8(ascii: "\\") else {
                scratch.append(byte)
                position += 1
                continue
            }
            guard position + 1 < data.count else { break }
            let escape = data[position + 1]
            position += 2
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escape)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if scalar & 0xFC00 == 0xD800, position + 1 < data.count, data[position] == UInt8(ascii: "\\"),
                    data[position + 1] == UInt8(ascii: "u")
                {
                    let save = position
                    position += 2
                    let low = try hex4()
                    if low & 0xFC00 == 0xDC00 {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        position = save
                    }
                }
                let unicode = UnicodeScalar(scalar) ?? "\u{FFFD}"
                scratch.append(contentsOf: String(unicode).utf8)
            default:
                throw Failure(
                    offset: position - 2, message: "'\\\(Character(UnicodeScalar(escape)))' is not a JSON escape")
            }
        }
        throw Failure(offset: stringStart, message: "a string is never closed")
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard position + 4 <= data.count else {
            throw Failure(offset: position, message: "expected four hex digits after \\u")
        }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = data[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - 48
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - 87
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - 55
            default: throw Failure(offset: position, message: "expected four hex digits after \\u")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// Reads a number (the position is at its first byte).
    @inline(__always)
    mutating func number() throws(Failure) -> (value: Double, isInteger: Bool) {
        let start = position
        while position < data.count {
            let byte = data[position]
            if byte &- 48 < 10 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
                || byte | 0x20 == UInt8(ascii: "e")
            {
                position += 1
            } else {
                break
            }
        }
        let text = UnsafeBufferPointer(rebasing: data[start..<position])
        guard let parsed = NumberText.parse(text) else {
            if let value = Double(String(decoding: text, as: UTF8.self)), value.isInfinite {
                throw Failure(offset: start, message: "number out of range (larger than a double can hold)")
            }
            throw Failure(offset: start, message: "malformed number")
        }
        return parsed
    }

    /// Reads `true`, `false` or `null` (the position is at its first byte).
    mutating func literal() throws(Failure) -> Value {
        func matches(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard position + n <= data.count else { return false }
            for i in 0..<n where data[position + i] != word.utf8Start[i] { return false }
            return true
        }
        if matches("true") {
            position += 4
            return .bool(true)
        }
        if matches("false") {
            position += 5
            return .bool(false)
        }
        if matches("null") {
            position += 4
            return .null
        }
        throw failure("a value")
    }

    /// Reads any value.
    mutating func value(depth: Int = 0) throws(Failure) -> Value {
        guard depth < JSONScanner.maximumDepth else {
            throw Failure(offset: position, message: "nesting deeper than \(JSONScanner.maximumDepth) levels")
        }
        switch peek() {
        case UInt8(ascii: "\""):
            let start = position
            let text = try string { String(validating: $0, as: UTF8.self) }
            guard let text else { throw Failure(offset: start, message: "a string is not valid UTF-8") }
            return .string(text)
        case UInt8(ascii: "["):
            position += 1
            var items: [Value] = []
            if peek() == UInt8(ascii: "]") {
                position += 1
                return .list(items)
            }
            while true {
                items.append(try value(depth: depth + 1))
                if peek() == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                try expect(UInt8(ascii: "]"), "',' or ']'")
                return .list(items)
            }
        case UInt8(ascii: "{"):
            position += 1
            var fields: [(String, Value)] = []
            if peek() == UInt8(ascii: "}") {
                position += 1
                return .record(Record())
            }
            while true {
                guard peek() == UInt8(ascii: "\"") else { throw failure("a key in quotes") }
                let key = try string { String(decoding: $0, as: UTF8.self) }
                try expect(UInt8(ascii: ":"), "':'")
                fields.append((key, try value(depth: depth + 1)))
                if peek() == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                try expect(UInt8(ascii: "}"), "',' or '}'")
                return .record(Record(fields))
            }
        case let byte? where byte == UInt8(ascii: "-") || byte &- 48 < 10:
            return .number(try number().value)
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            return try literal()
        default:
            throw failure("a value")
        }
    }

    /// The 1-based line and column of a byte offset.
    static func lineAndColumn(of offset: Int, in data: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for i in 0..<min(offset, data.count) where data[i] == 10 {
            line += 1
            lineStart = i + 1
        }
        return (line, offset - lineStart + 1)
    }
}

extension String {
    fileprivate init(format byte: UInt8) {
        let digits = Array("0123456789ABCDEF")
        self = "byte 0x\(digits[Int(byte >> 4)])\(digits[Int(byte & 15)])"
    }
}
