/// One thing an XML document holds, in document order.
enum XMLEvent: Equatable {
    /// A start tag (or an empty-element tag, then `isEmpty`), by local name (`x:c` is `c`), with its
    /// attributes by local name, values decoded.
    case start(name: String, attributes: [(name: String, value: String)], isEmpty: Bool)
    /// An end tag (also sent after an empty-element tag), by local name.
    case end(name: String)
    /// Character data, entities and character references decoded, CDATA as it is.
    case text(String)

    static func == (lhs: XMLEvent, rhs: XMLEvent) -> Bool {
        switch (lhs, rhs) {
        case (.start(let a, let x, let e), .start(let b, let y, let f)):
            a == b && e == f && x.map(\.name) == y.map(\.name) && x.map(\.value) == y.map(\.value)
        case (.end(let a), .end(let b)): a == b
        case (.text(let a), .text(let b)): a == b
        default: false
        }
    }
}

/// A small pull parser for the XML in workbooks (UTF-8): elements, attributes, text, the five
/// predefined entities and character references, CDATA; comments and processing instructions are
/// skipped. A document type declaration is refused, so no entity can expand (no "billion laughs").
/// Namespaces are not resolved: names are taken by their local part.
struct XMLPullParser {
    private let bytes: [UInt8]
    private var index = 0
    private var pendingEnd: String?
    /// The elements open at this point, so that a cut or mis-nested part is an error, not fewer rows.
    private var open: [String] = []
    /// The part being read, for messages.
    let part: String

    init(_ bytes: [UInt8], part: String) {
        self.bytes = bytes
        self.part = part
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// The next event; `nil` at the end of the document.
    mutating func next() throws(XLSXError) -> XMLEvent? {
        if let name = pendingEnd {
            pendingEnd = nil
            return .end(name: name)
        }
        while index < bytes.count {
            if bytes[index] != UInt8(ascii: "<") { return .text(try readText()) }
            if starts(with: "<?") {
                try skip(past: "?>")
            } else if starts(with: "<!--") {
                try skip(past: "-->")
            } else if starts(with: "<![CDATA[") {
                index += 9
                let start = index
                try skip(past: "]]>")
                return .text(String(decoding: bytes[start..<(index - 3)], as: UTF8.self))
            } else if starts(with: "<!") {
                throw error("a document type declaration, which a workbook never has")
            } else if starts(with: "</") {
                index += 2
                let name = readName()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { throw error("an unclosed end tag") }
                guard open.popLast() == name else { throw error("an end tag </\(name)> that closes no open element") }
                index += 1
                return .end(name: name)
            } else {
                return try readStartTag()
            }
        }
        if let name = open.last { throw error("the end of the part inside <\(name)>") }
        return nil
    }

    private mutating func readStartTag() throws(XLSXError) -> XMLEvent {
        index += 1
        let name = readName()
        guard !name.isEmpty else { throw error("'<' that starts no tag") }
        var attributes: [(name: String, value: String)] = []
        while true {
            skipSpace()
            guard index < bytes.count else { throw error("a tag that never ends") }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                open.append(name)
                return .start(name: name, attributes: attributes, isEmpty: false)
            }
            if starts(with: "/>") {
                index += 2
                pendingEnd = name
                return .start(name: name, attributes: attributes, isEmpty: true)
            }
            let attribute = readName()
            skipSpace()
            guard !attribute.isEmpty, index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                throw error("a malformed attribute in <\(name)>")
            }
            index += 1
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                throw error("an attribute value without quotes in <\(name)>")
            }
            let quote = bytes[index]
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != quote { index += 1 }
            guard index < bytes.count else { throw error("an attribute value that never ends") }
            let value = try decode(bytes[start..<index])
            index += 1
            attributes.append((attribute, value))
        }
    }

    /// A name, without its namespace prefix.
    private mutating func readName() -> String {
        let start = index
        var local = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=") || byte <= 32 {
                break
            }
            if byte == UInt8(ascii: ":") { local = index + 1 }
            index += 1
        }
        return index > start ? String(decoding: bytes[local..<index], as: UTF8.self) : ""
    }

    private mutating func readText() throws(XLSXError) -> String {
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
        return try decode(bytes[start..<index])
    }

    /// Text with its entities and character references replaced.
    private func decode(_ slice: ArraySlice<UInt8>) throws(XLSXError) -> String {
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var position = slice.startIndex
        while position < slice.endIndex {
            let byte = slice[position]
            guard byte == UInt8(ascii: "&") else {
                out.append(byte)
                position += 1
                continue
            }
            guard let semicolon = slice[position...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                throw error("an '&' that starts no entity")
            }
            let entity = String(decoding: slice[(position + 1)..<semicolon], as: UTF8.self)
            switch entity {
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "amp": out.append(UInt8(ascii: "&"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                let value: UInt32?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    value = UInt32(entity.dropFirst(2), radix: 16)
                } else if entity.hasPrefix("#") {
                    value = UInt32(entity.dropFirst(), radix: 10)
                } else {
                    value = nil
                }
                guard let value, let scalar = Unicode.Scalar(value) else {
                    throw error("an unknown entity '&\(entity);'")
                }
                out.append(contentsOf: String(Character(scalar)).utf8)
            }
            position = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func starts(with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let pointer = text.utf8Start
        for offset in 0..<count where bytes[index + offset] != pointer[offset] { return false }
        return true
    }

    private mutating func skip(past text: StaticString) throws(XLSXError) {
        while index < bytes.count {
            if starts(with: text) {
                index += text.utf8CodeUnitCount
                return
            }
            index += 1
        }
        throw error("a comment, CDATA section or processing instruction that never ends")
    }

    private mutating func skipSpace() {
        while index < bytes.count, bytes[index] <= 32 { index += 1 }
    }

    private func error(_ what: String) -> XLSXError {
        XLSXError("\(part) is not well-formed XML: \(what) at byte \(index)")
    }
}

extension [(name: String, value: String)] {
    /// The value of the attribute with this local name.
    func value(_ name: String) -> String? {
        first { $0.name == name }?.value
    }
}
