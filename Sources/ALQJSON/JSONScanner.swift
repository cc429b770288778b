/// The byte-level JSON reader (RFC 8259): a pull parser over UTF-8 bytes that hands out strings as
/// byte slices (no `String` unless the caller makes one) and numbers without allocating.
///
/// The tree parser (``JSONParser``) and streaming readers (the JSON table reader) are built on it,
/// so every reader applies the same grammar and the same policy (docs/plugins.md, "JSON"): strict
/// numbers, no control characters in strings, no lone surrogates, nesting at most
/// ``maximumDepth`` deep. Whitespace is skipped by ``peek()``.
public struct JSONScanner: ~Copyable {
    /// The deepest nesting of arrays and objects accepted, everywhere.
    public static let maximumDepth = 512

    /// The bytes being read.
    public let data: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    public var position: Int
    @usableFromInline var scratch: [UInt8] = []

    /// A scanner at `position`; a UTF-8 byte order mark there is skipped.
    public init(_ data: UnsafeBufferPointer<UInt8>, from position: Int = 0) {
        self.data = data
        self.position = position
        if data.count - position >= 3, data[position] == 0xEF, data[position + 1] == 0xBB,
            data[position + 2] == 0xBF
        {
            self.position += 3
        }
    }

    /// The byte at the position after whitespace, or `nil` at the end.
    @inlinable @inline(__always)
    public mutating func peek() -> UInt8? {
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

    /// Skips whitespace and consumes `byte`, or fails with "expected `expected`, found …".
    @inlinable @inline(__always)
    public mutating func expect(_ byte: UInt8, _ expected: String) throws(JSONError) {
        guard peek() == byte else { throw failure(expected) }
        position += 1
    }

    /// Fails unless only whitespace is left.
    public mutating func expectEnd() throws(JSONError) {
        if peek() != nil { throw failure("the end of the input") }
    }

    /// "expected `expected`, found …" at the position.
    public func failure(_ expected: String) -> JSONError {
        guard position < data.count else {
            return error("expected \(expected), found the end of the input", at: position)
        }
        let byte = data[position]
        let found: String
        if byte >= 0x20 && byte < 0x7F {
            found = "'\(Character(Unicode.Scalar(byte)))'"
        } else {
            let digits = Array("0123456789ABCDEF")
            found = "byte 0x\(digits[Int(byte >> 4)])\(digits[Int(byte & 15)])"
        }
        return error("expected \(expected), found \(found)", at: position)
    }

    /// An error at `offset`.
    public func error(_ message: String, at offset: Int) -> JSONError {
        JSONError(message, at: offset, in: data)
    }

    // MARK: Strings

    /// Reads a string (the position is at its opening quote) and calls `body` with its unescaped
    /// bytes. The bytes are not checked to be UTF-8: the caller does that once per distinct string
    /// (``isValidUTF8(_:)``, `String(validating:)`).
    @inlinable @inline(__always)
    public mutating func string<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) throws(JSONError) -> R {
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
            if byte < 0x20 { throw controlCharacter() }
            position += 1
        }
        guard position < data.count else { throw error("a string is never closed", at: start - 1) }
        try unescape(from: start)
        return scratch.withUnsafeBufferPointer(body)
    }

    @usableFromInline
    func controlCharacter() -> JSONError {
        error("a control character must be escaped inside a string", at: position)
    }

    /// Unescapes the rest of a string whose plain bytes run from `start` to the position (a backslash)
    /// into `scratch`.
    @usableFromInline
    mutating func unescape(from start: Int) throws(JSONError) {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: data[start..<position]))
        while position < data.count {
            let byte = data[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return
            }
            if byte < 0x20 { throw controlCharacter() }
            guard byte == UInt8(ascii: "\\") else {
                // A run of plain bytes is copied at once.
                let run = position
                position += 1
                while position < data.count {
                    let next = data[position]
                    if next < 0x20 || next == UInt8(ascii: "\"") || next == UInt8(ascii: "\\") { break }
                    position += 1
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: data[run..<position]))
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
                let escapeStart = position - 2
                var scalar = try hex4()
                if scalar & 0xFC00 == 0xDC00 {
                    throw error("a lone UTF-16 surrogate (\\u\(hex(scalar))) is not a character", at: escapeStart)
                }
                if scalar & 0xFC00 == 0xD800 {
                    guard position + 1 < data.count, data[position] == UInt8(ascii: "\\"),
                        data[position + 1] == UInt8(ascii: "u")
                    else {
                        throw error("a lone UTF-16 surrogate (\\u\(hex(scalar))) is not a character", at: escapeStart)
                    }
                    position += 2
                    let low = try hex4()
                    guard low & 0xFC00 == 0xDC00 else {
                        throw error("a lone UTF-16 surrogate (\\u\(hex(scalar))) is not a character", at: escapeStart)
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                appendUTF8(scalar)
            default:
                throw error("'\\\(Character(Unicode.Scalar(escape)))' is not a JSON escape", at: position - 2)
            }
        }
        throw error("a string is never closed", at: start - 1)
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case ..<0x80:
            scratch.append(UInt8(scalar))
        case ..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    private func hex(_ value: UInt32) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }

    private mutating func hex4() throws(JSONError) -> UInt32 {
        guard position + 4 <= data.count else { throw error("expected four hex digits after \\u", at: position) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = data[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - 48
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - 87
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - 55
            default: throw error("expected four hex digits after \\u", at: position)
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// Whether bytes are well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
    public static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            if byte < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return false
            }
            guard i + length <= n, bytes[i + 1] >= lower, bytes[i + 1] <= upper else { return false }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }

    // MARK: Numbers and literals

    /// Reads a number (the position is at its first byte, `-` or a digit).
    @inlinable @inline(__always)
    public mutating func number() throws(JSONError) -> JSONNumber.Parsed {
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
        guard let parsed = JSONNumber.parse(UnsafeBufferPointer(rebasing: data[start..<position])) else {
            throw malformedNumber(from: start)
        }
        return parsed
    }

    @usableFromInline
    func malformedNumber(from start: Int) -> JSONError {
        let text = String(decoding: UnsafeBufferPointer(rebasing: data[start..<position]), as: UTF8.self)
        if let value = Double(text), value.isInfinite {
            return error("number out of range (larger than a double can hold)", at: start)
        }
        return error("malformed number", at: start)
    }

    /// What ``literal()`` read.
    public enum Literal: Sendable {
        case `true`, `false`, null
    }

    /// Reads `true`, `false` or `null` (the position is at its first byte).
    public mutating func literal() throws(JSONError) -> Literal {
        func matches(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard position + n <= data.count else { return false }
            for i in 0..<n where data[position + i] != word.utf8Start[i] { return false }
            return true
        }
        if matches("true") {
            position += 4
            return .true
        }
        if matches("false") {
            position += 5
            return .false
        }
        if matches("null") {
            position += 4
            return .null
        }
        throw failure("a value")
    }

    // MARK: Whole values

    /// Reads any value into a tree; `depth` is the number of arrays and objects around it.
    public mutating func value(depth: Int = 0) throws(JSONError) -> JSONValue {
        switch peek() {
        case UInt8(ascii: "\"")?:
            return .string(try validatedString())
        case UInt8(ascii: "[")?:
            try enter(depth)
            position += 1
            var items: [JSONValue] = []
            if peek() == UInt8(ascii: "]") {
                position += 1
                return .array(items)
            }
            while true {
                items.append(try value(depth: depth + 1))
                if peek() == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                try expect(UInt8(ascii: "]"), "',' or ']'")
                return .array(items)
            }
        case UInt8(ascii: "{")?:
            try enter(depth)
            position += 1
            var object = JSONObject()
            if peek() == UInt8(ascii: "}") {
                position += 1
                return .object(object)
            }
            while true {
                let (key, keyStart) = try key()
                let item = try value(depth: depth + 1)
                guard object.insertNew(key, item) else { throw duplicateKey(key, at: keyStart) }
                if peek() == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                try expect(UInt8(ascii: "}"), "',' or '}'")
                return .object(object)
            }
        case let byte? where byte == UInt8(ascii: "-") || byte &- 48 < 10:
            let start = position
            let parsed = try number()
            let text = String(decoding: UnsafeBufferPointer(rebasing: data[start..<position]), as: UTF8.self)
            return .number(
                JSONNumber(text: text, double: parsed.value, isExactInteger: parsed.isInteger && parsed.isExact))
        case UInt8(ascii: "t")?, UInt8(ascii: "f")?, UInt8(ascii: "n")?:
            switch try literal() {
            case .true: return .bool(true)
            case .false: return .bool(false)
            case .null: return .null
            }
        default:
            throw failure("a value")
        }
    }

    /// Moves past one value, checking it as strictly as ``value(depth:)`` does but building nothing
    /// (duplicate keys included).
    public mutating func skipValue(depth: Int = 0) throws(JSONError) {
        switch peek() {
        case UInt8(ascii: "\"")?:
            let start = position
            guard try string({ JSONScanner.isValidUTF8($0) }) else { throw invalidUTF8(at: start) }
        case UInt8(ascii: "[")?:
            try enter(depth)
            position += 1
            if peek() == UInt8(ascii: "]") {
                position += 1
                return
            }
            while true {
                try skipValue(depth: depth + 1)
                if peek() == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                try expect(UInt8(ascii: "]"), "',' or ']'")
                return
            }
        case UInt8(ascii: "{")?:
            try enter(depth)
            position += 1
            if peek() == UInt8(ascii: "}") {
                position += 1
                return
            }
            var keys = Set<String>()
            while true {
                let (key, keyStart) = try key()
                guard keys.insert(key).inserted else { throw duplicateKey(key, at: keyStart) }
                try skipValue(depth: depth + 1)
                if peek() == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                try expect(UInt8(ascii: "}"), "',' or '}'")
                return
            }
        case let byte? where byte == UInt8(ascii: "-") || byte &- 48 < 10:
            _ = try number()
        case UInt8(ascii: "t")?, UInt8(ascii: "f")?, UInt8(ascii: "n")?:
            _ = try literal()
        default:
            throw failure("a value")
        }
    }

    /// Reads an object's key and the `:` after it; returns the key and where it starts.
    public mutating func key() throws(JSONError) -> (String, Int) {
        guard peek() == UInt8(ascii: "\"") else { throw failure("a key in quotes") }
        let start = position
        let key = try validatedString()
        try expect(UInt8(ascii: ":"), "':'")
        return (key, start)
    }

    /// Reads a string that must be UTF-8.
    public mutating func validatedString() throws(JSONError) -> String {
        let start = position
        // The scanner's own check, then `String(decoding:)`: `String(validating:as:)` is generic and looked up
        // its type metadata on every call (6 % of a plugin's time reading batches).
        let text = try string { bytes in JSONScanner.isValidUTF8(bytes) ? String(decoding: bytes, as: UTF8.self) : nil }
        guard let text else { throw invalidUTF8(at: start) }
        return text
    }

    /// "a string is not valid UTF-8" at `offset`.
    public func invalidUTF8(at offset: Int) -> JSONError {
        error("a string is not valid UTF-8", at: offset)
    }

    /// "the key … appears twice in one object" at `offset`.
    public func duplicateKey(_ key: String, at offset: Int) -> JSONError {
        error("the key \"\(key)\" appears twice in one object", at: offset)
    }

    /// Fails when opening one more array or object inside `depth` would nest too deep.
    @inlinable
    public func enter(_ depth: Int) throws(JSONError) {
        if depth >= JSONScanner.maximumDepth {
            throw error("nesting deeper than \(JSONScanner.maximumDepth) levels", at: position)
        }
    }
}
