/// A JSON document as a tree.
enum JSONTree {
    case object([String: JSONTree])
    case array([JSONTree])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
}

/// A small, fast JSON parser (RFC 8259) producing a ``JSONTree``, so that reading a region pack
/// costs a few instructions per byte rather than a general-purpose decoder's hundreds.
struct JSONTreeParser {
    private let bytes: [UInt8]
    private var offset = 0
    private var depth = 0

    /// The deepest nesting a pack may have.
    static let maximumDepth = 256

    /// Parses a whole document; throws `DecodingError.dataCorrupted` with the line and column.
    static func parse(_ bytes: [UInt8]) throws -> JSONTree {
        var parser = JSONTreeParser(bytes: bytes)
        if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.offset = 3 }
        let tree = try parser.value()
        parser.skipWhitespace()
        guard parser.offset == parser.bytes.count else { throw parser.failure("unexpected text after the document") }
        return tree
    }

    /// Parses only some fields of a top-level object, skipping the other values without building them.
    static func parseFields(_ bytes: [UInt8], _ wanted: Set<String>) throws -> JSONTree {
        var parser = JSONTreeParser(bytes: bytes)
        if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.offset = 3 }
        parser.skipWhitespace()
        guard parser.peek == UInt8(ascii: "{") else { return try parser.value() }
        parser.offset += 1
        var fields: [String: JSONTree] = [:]
        parser.skipWhitespace()
        if parser.peek == UInt8(ascii: "}") { return .object(fields) }
        while true {
            parser.skipWhitespace()
            guard parser.peek == UInt8(ascii: "\"") else { throw parser.failure("expected a field name in quotes") }
            let key = try parser.string()
            parser.skipWhitespace()
            guard parser.peek == UInt8(ascii: ":") else { throw parser.failure("expected ':' after the field name") }
            parser.offset += 1
            if wanted.contains(key) {
                fields[key] = try parser.value()
            } else {
                try parser.skipValue()
            }
            parser.skipWhitespace()
            if parser.peek == UInt8(ascii: ",") {
                parser.offset += 1
            } else if parser.peek == UInt8(ascii: "}") {
                return .object(fields)
            } else {
                throw parser.failure("expected ',' or '}'")
            }
        }
    }

    /// Moves past one value, checking only its brackets and strings.
    private mutating func skipValue() throws {
        skipWhitespace()
        var nesting = 0
        repeat {
            guard offset < bytes.count else { throw failure("unexpected end of input") }
            switch bytes[offset] {
            case UInt8(ascii: "\""):
                offset += 1
                while offset < bytes.count, bytes[offset] != UInt8(ascii: "\"") {
                    offset += bytes[offset] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard offset < bytes.count else { throw failure("unterminated string") }
                offset += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                nesting += 1
                offset += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                nesting -= 1
                offset += 1
            case UInt8(ascii: ","), UInt8(ascii: ":"), 0x20, 0x09, 0x0A, 0x0D:
                offset += 1
            default:
                offset += 1
                if nesting == 0 {
                    while offset < bytes.count, !JSONTreeParser.isDelimiter(bytes[offset]) { offset += 1 }
                }
            }
        } while nesting > 0
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D: true
        default: false
        }
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func value() throws -> JSONTree {
        skipWhitespace()
        guard offset < bytes.count else { throw failure("unexpected end of input") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default: return .number(try number())
        }
    }

    private mutating func object() throws -> JSONTree {
        try enter()
        defer { depth -= 1 }
        offset += 1
        var fields: [String: JSONTree] = [:]
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            offset += 1
            return .object(fields)
        }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else { throw failure("expected a field name in quotes") }
            let key = try string()
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else { throw failure("expected ':' after the field name") }
            offset += 1
            fields[key] = try value()
            skipWhitespace()
            if peek == UInt8(ascii: ",") {
                offset += 1
            } else if peek == UInt8(ascii: "}") {
                offset += 1
                return .object(fields)
            } else {
                throw failure("expected ',' or '}'")
            }
        }
    }

    private mutating func array() throws -> JSONTree {
        try enter()
        defer { depth -= 1 }
        offset += 1
        var items: [JSONTree] = []
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            offset += 1
            return .array(items)
        }
        while true {
            items.append(try value())
            skipWhitespace()
            if peek == UInt8(ascii: ",") {
                offset += 1
            } else if peek == UInt8(ascii: "]") {
                offset += 1
                return .array(items)
            } else {
                throw failure("expected ',' or ']'")
            }
        }
    }

    private mutating func string() throws -> String {
        offset += 1
        let start = offset
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "\""), bytes[offset] != UInt8(ascii: "\\") {
            if bytes[offset] < 0x20 { throw failure("control character in a string") }
            offset += 1
        }
        guard offset < bytes.count else { throw failure("unterminated string") }
        if bytes[offset] == UInt8(ascii: "\"") {
            offset += 1
            return try validated(bytes[start..<(offset - 1)])
        }
        var buffer = Array(bytes[start..<offset])
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                return try validated(buffer[...])
            }
            if byte < 0x20 { throw failure("control character in a string") }
            if byte == UInt8(ascii: "\\") {
                offset += 1
                guard offset < bytes.count else { break }
                let escape = bytes[offset]
                offset += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), peek == UInt8(ascii: "\\"), offset + 1 < bytes.count,
                        bytes[offset + 1] == UInt8(ascii: "u")
                    {
                        offset += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw failure("invalid surrogate pair") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw failure("invalid \\u escape") }
                    buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw failure("invalid escape '\\\(Character(Unicode.Scalar(escape)))'")
                }
            } else {
                buffer.append(byte)
                offset += 1
            }
        }
        throw failure("unterminated string")
    }

    private func validated(_ slice: ArraySlice<UInt8>) throws -> String {
        guard let text = String(validating: slice, as: UTF8.self) else { throw failure("invalid UTF-8 in a string") }
        return text
    }

    private mutating func hex4() throws -> UInt32 {
        guard offset + 4 <= bytes.count else { throw failure("incomplete \\u escape") }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw failure("invalid \\u escape")
            }
            code = code * 16 + digit
            offset += 1
        }
        return code
    }

    private mutating func number() throws -> Double {
        let start = offset
        if peek == UInt8(ascii: "-") { offset += 1 }
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"),
                UInt8(ascii: "+"), UInt8(ascii: "-"):
                offset += 1
            default:
                break
            }
            if offset < bytes.count, !isNumberByte(bytes[offset]) { break }
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard offset > start, let value = Double(text), value.isFinite else {
            offset = start
            throw failure(
                offset < bytes.count
                    ? "unexpected character '\(Character(Unicode.Scalar(bytes[offset])))'" : "expected a value")
        }
        return value
    }

    private func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "e")
            || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    private mutating func literal(_ word: String) throws {
        let expected = Array(word.utf8)
        guard bytes.count - offset >= expected.count, Array(bytes[offset..<(offset + expected.count)]) == expected
        else {
            throw failure("unexpected character '\(Character(Unicode.Scalar(bytes[offset])))'")
        }
        offset += expected.count
    }

    private mutating func enter() throws {
        depth += 1
        if depth > Self.maximumDepth { throw failure("nested more than \(Self.maximumDepth) levels deep") }
    }

    private var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    private func failure(_ message: String) -> DecodingError {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return DecodingError.dataCorrupted(
            DecodingError.Context(
                codingPath: [], debugDescription: "\(message) at line \(line), column \(column)"))
    }
}
