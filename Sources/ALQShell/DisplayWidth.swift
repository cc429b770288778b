/// How many terminal columns text takes, measured per grapheme cluster: East Asian wide characters
/// and emoji take two; combining marks, Indic vowel signs, viramas, joiners and variation selectors
/// take none.
public enum DisplayWidth {
    /// The width of a string in terminal columns.
    public static func of(_ text: String) -> Int {
        // Plain ASCII, the common case, needs no grapheme segmentation.
        var printable = 0
        var ascii = true
        for byte in text.utf8 {
            if byte >= 0x80 {
                ascii = false
                break
            }
            if byte >= 0x20 && byte != 0x7F { printable += 1 }
        }
        if ascii { return printable }
        var width = 0
        for character in text { width += of(character) }
        return width
    }

    /// The width of one grapheme cluster: two for emoji (flags, ZWJ sequences, a symbol with
    /// VS16), else the sum of its scalars' widths.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        if let first = scalars.first, first.value < 0x7F {
            return scalars.count == 1 && first.value >= 0x20 ? 1 : scalars.reduce(0) { $0 + of($1) }
        }
        if isEmoji(scalars) { return 2 }
        return scalars.reduce(0) { $0 + of($1) }
    }

    /// The width of one scalar on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark, .format: return 0
        default: break
        }
        // Hangul medial vowels and final consonants join the initial consonant's two columns.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        if (0xFE00...0xFE0F).contains(value) || value == 0x200B { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return isWide(value) ? 2 : 1
    }

    private static func isEmoji(_ scalars: Character.UnicodeScalarView) -> Bool {
        var regionalIndicators = 0
        for scalar in scalars {
            if scalar.properties.isEmojiPresentation { return true }
            if scalar.value == 0xFE0F || scalar.value == 0x200D { return scalars.first?.properties.isEmoji ?? false }
            if (0x1F1E6...0x1F1FF).contains(scalar.value) { regionalIndicators += 1 }
        }
        return regionalIndicators > 0
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD,
            0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix of `text` that fits in `width` columns, with `…` when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 1 else { return width == 1 ? "…" : "" }
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = of(character)
            if used + characterWidth > width - 1 { break }
            result.append(character)
            used += characterWidth
        }
        return result + "…"
    }

    /// `text` padded with spaces to `width` columns, on the right or (for numbers) the left.
    public static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - of(text)))
        return right ? padding + text : text + padding
    }

    /// `text` as lines no wider than `width`: broken at spaces, after hyphens and slashes, and between
    /// two wide (CJK) characters; a word wider than the line is broken between grapheme clusters.
    /// Line breaks in the text are kept.
    public static func wrap(_ text: String, to width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            wrapParagraph(String(paragraph), width: width, into: &lines)
        }
        return lines.isEmpty ? [""] : lines
    }

    private static func wrapParagraph(_ text: String, width: Int, into lines: inout [String]) {
        guard of(text) > width else {
            lines.append(text)
            return
        }
        var line = ""
        var lineWidth = 0
        for piece in breakPieces(text) {
            let pieceWidth = of(piece)
            if lineWidth + pieceWidth <= width {
                line += piece
                lineWidth += pieceWidth
                continue
            }
            let trimmed = piece.drop { $0 == " " }
            if lineWidth > 0 {
                lines.append(trimmedTrailingSpaces(line))
                line = ""
                lineWidth = 0
            }
            // A piece wider than a whole line is broken between grapheme clusters.
            for character in trimmed {
                let characterWidth = of(character)
                if lineWidth + characterWidth > width, lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                line.append(character)
                lineWidth += characterWidth
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(trimmedTrailingSpaces(line)) }
    }

    /// The text cut after each break opportunity; each piece keeps its leading spaces.
    private static func breakPieces(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var previous: Character?
        for character in text {
            if let previous, !current.isEmpty {
                let afterBreakable =
                    previous == "-" || previous == "_" || previous == "/" || previous == "—" || previous == "、"
                let wideBoundary = (of(previous) == 2 || of(character) == 2) && character != " "
                let spaceStarts = character == " " && previous != " "
                if spaceStarts || afterBreakable || wideBoundary {
                    pieces.append(current)
                    current = ""
                }
            }
            current.append(character)
            previous = character
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    private static func trimmedTrailingSpaces(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }

    /// Every line of `text` wrapped to `width` at word boundaries; continuation lines keep the line's
    /// indentation plus two spaces. For help and messages.
    public static func wrapLines(_ text: String, to width: Int) -> String {
        var result = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            let body = String(line.dropFirst(indent))
            guard of(String(line)) > width, width > indent + 12 else {
                result += line + "\n"
                continue
            }
            let first = wrap(body, to: width - indent).first ?? ""
            let rest = wrap(String(body.dropFirst(first.count).drop { $0 == " " }), to: width - indent - 2)
            result += String(repeating: " ", count: indent) + first + "\n"
            for piece in rest where !piece.isEmpty {
                result += String(repeating: " ", count: indent + 2) + piece + "\n"
            }
        }
        return String(result.dropLast())
    }

    /// Text from data made safe for a terminal: control characters (escape, carriage return, bell, C1
    /// controls, DEL) become visible escapes such as `\x1B`; tabs become a space. Line breaks are
    /// kept when `keepNewlines`, else shown as `↵`.
    public static func escapingControls(_ text: String, keepNewlines: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += keepNewlines ? "\n" : "↵"
            case "\t": result += " "
            case _ where isControl(scalar):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
