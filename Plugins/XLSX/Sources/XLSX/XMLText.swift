/// XML 1.0 text for the parts of a workbook: escaping for content and attributes, and Excel's
/// `_xHHHH_` escape for the characters XML cannot carry.
public enum XMLText {
    /// Appends `text` as element content: `&`, `<`, `>` as entities; CR as `&#13;` (a raw CR would
    /// be read back as LF); the characters XML 1.0 forbids (controls other than tab, LF and CR, and
    /// U+FFFE, U+FFFF) as Excel's `_xHHHH_`; and the `_` of a literal `_xHHHH_` as `_x005F_`, so that
    /// Excel and alq read the text back as it was.
    public static func appendContent(_ text: String, to out: inout [UInt8]) {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case 13: out.append(contentsOf: "&#13;".utf8)
            case 9, 10: out.append(byte)
            case 0..<32: appendEscape(UInt32(byte), to: &out)
            case UInt8(ascii: "_") where isEscapeSequence(bytes, at: index): appendEscape(0x5F, to: &out)
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE:
                // U+FFFE and U+FFFF.
                appendEscape(bytes[index + 2] == 0xBE ? 0xFFFE : 0xFFFF, to: &out)
                index += 2
            default: out.append(byte)
            }
            index += 1
        }
    }

    /// Appends `text` as an attribute value in double quotes (without the quotes): as content, and `"` as `&quot;`.
    public static func appendAttribute(_ text: String, to out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case 9, 10, 13: out.append(contentsOf: "&#\(byte);".utf8)
            case 0..<32: break
            default: out.append(byte)
            }
        }
    }

    /// Whether content needs `xml:space="preserve"`: it starts or ends with whitespace, or holds a line break or tab.
    public static func needsPreserve(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        return first == 32 || last == 32 || text.utf8.contains { $0 == 9 || $0 == 10 || $0 == 13 }
    }

    /// Undoes Excel's `_xHHHH_` escapes in text read from a workbook.
    public static func unescapeExcel(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "_")) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "_"), isEscapeSequence(bytes, at: index),
                let scalar = Unicode.Scalar(hexValue(bytes[(index + 2)..<(index + 6)]))
            {
                out.append(contentsOf: String(Character(scalar)).utf8)
                index += 7
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendEscape(_ value: UInt32, to out: inout [UInt8]) {
        let digits = Array("0123456789ABCDEF".utf8)
        out.append(contentsOf: "_x".utf8)
        for shift in stride(from: 12, through: 0, by: -4) { out.append(digits[Int((value >> UInt32(shift)) & 0xF)]) }
        out.append(UInt8(ascii: "_"))
    }

    /// Whether `_xHHHH_` (four hex digits) starts at `index`.
    private static func isEscapeSequence(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index + 6 < bytes.count, bytes[index + 1] == UInt8(ascii: "x"), bytes[index + 6] == UInt8(ascii: "_")
        else { return false }
        return bytes[(index + 2)..<(index + 6)].allSatisfy(isHexDigit)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        byte &- 48 < 10 || (byte | 0x20) &- 97 < 6
    }

    private static func hexValue(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.reduce(0) { value, byte in
            value << 4 | UInt32(byte &- 48 < 10 ? byte &- 48 : (byte | 0x20) &- 87)
        }
    }
}
