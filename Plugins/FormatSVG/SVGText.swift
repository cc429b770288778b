/// Text in an SVG document: escaped for XML, and measured roughly for layout.
enum SVGText {
    /// `text` safe inside an XML element or attribute; characters XML 1.0 forbids become U+FFFD.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                let forbidden = value < 0x20 || value == 0xFFFE || value == 0xFFFF || (0x7F...0x9F).contains(value)
                result.unicodeScalars.append(forbidden ? "\u{FFFD}" : scalar)
            }
        }
        return result
    }

    /// The approximate width of text in pixels at a font size: wide (CJK) characters count double,
    /// combining marks nothing.
    static func width(_ text: String, fontSize: Double = 12) -> Double {
        var units = 0.0
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: continue
            default: units += scalar.value >= 0x2E80 ? 1.0 : 0.58
            }
        }
        return units * fontSize
    }

    /// A number in SVG coordinates: at most two decimals.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }
}
