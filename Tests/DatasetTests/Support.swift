// Shared helpers for the dataset tests: the seeds, the packs, whitespace-normalised text and
// the numbers written in it.

import ALQPluginAPI
import ALQRegionPack
import ALQTestSupport
import BuiltinRegions
import Foundation
import Testing

enum SeedError: Error, CustomStringConvertible {
    case missing(String)
    var description: String {
        switch self {
        case .missing(let m): return m
        }
    }
}

/// The trait of the tests that read the seeds: skipped, saying why, when the folder is absent (unless
/// `ALQ_REQUIRE_SEEDS=1`, which makes them run and fail).
let needsSeeds = Testing.ConditionTrait.enabled(if: Seeds.shouldRun, Comment(rawValue: Seeds.skipReason))

enum Dataset {
    /// The package root.
    static var packageRoot: URL { PackageLayout.root }

    /// `$ALQ_SEEDS`, else `../shared/seeds` relative to the package root (see ``Seeds``).
    static var seedsDirectory: URL { Seeds.directory }

    /// The built-in packs with the files they were embedded from.
    static let embedded: [(file: String, bytes: [UInt8])] = BuiltinRegions.packs.map { ($0.file, $0.bytes) }

    /// The decoded built-in packs (the pack-validation test reports decoding problems in detail).
    static let packs: [RegionPack] = embedded.compactMap { try? RegionPack.decode($0.bytes, file: $0.file) }

    /// Reads a seed file; a missing seeds folder or file is an error (the tests that call this are
    /// skipped beforehand when the folder is absent, see ``Seeds/shouldRun``).
    static func seed(_ file: String, in seedsDirectory: URL = Dataset.seedsDirectory) throws -> String {
        let url = seedsDirectory.appendingPathComponent(file)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: seedsDirectory.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw SeedError.missing(
                """
                The seed documents are missing: expected the folder \(seedsDirectory.standardizedFileURL.path) \
                (ALQ_SEEDS, by default ../shared/seeds beside the package root \(packageRoot.path)).
                """)
        }
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8)
        else {
            throw SeedError.missing("The seed file \(url.path) is missing or not UTF-8.")
        }
        return text
    }

    /// Every source the packs declare, by id (the same id in two packs must name the same file).
    static var sources: [String: RegionPack.Source] {
        var all: [String: RegionPack.Source] = [:]
        for pack in packs { for s in pack.sources { all[s.id] = s } }
        return all
    }
}

// MARK: - Normalised text

/// Text with every run of whitespace collapsed to one space, as Unicode scalars (so positions do
/// not depend on how Telugu graphemes cluster).
struct NormalText {
    let scalars: [Unicode.Scalar]

    init(_ text: String) {
        var out: [Unicode.Scalar] = []
        var pendingSpace = false
        for s in text.unicodeScalars {
            if s.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(s)
            }
        }
        scalars = out
    }

    var string: String { String(String.UnicodeScalarView(scalars)) }

    func slice(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[r])) }

    /// The text around a range, for messages.
    func context(_ r: Range<Int>, radius: Int = 30) -> String {
        slice(max(0, r.lowerBound - radius)..<min(scalars.count, r.upperBound + radius))
    }

    /// Every occurrence of `needle`.
    func ranges(of needle: NormalText) -> [Range<Int>] {
        let n = needle.scalars
        guard !n.isEmpty, n.count <= scalars.count else { return [] }
        var found: [Range<Int>] = []
        var i = 0
        while i + n.count <= scalars.count {
            if scalars[i] == n[0] && scalars[i..<(i + n.count)].elementsEqual(n) { found.append(i..<(i + n.count)) }
            i += 1
        }
        return found
    }
}

// MARK: - Numbers written in text

/// A number written in a text: digits or a word the tests treat as a number.
struct WrittenNumber {
    var range: Range<Int>
    var text: String
    var value: Double
    var isWord: Bool
}

enum NumberReader {
    static func digitValue(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x30...0x39: return Int(s.value - 0x30)
        case 0x0C66...0x0C6F: return Int(s.value - 0x0C66)  // Telugu digits
        default: return nil
        }
    }

    /// Digit numbers. Separators follow the document's language: in Indonesian `.` groups
    /// thousands (`615.000`) and `,` is the decimal separator (`41,9`); in English and Telugu the
    /// reverse (`14.543`, `1,000`). A separator counts only between digits.
    static func digits(in text: NormalText, language: String) -> [WrittenNumber] {
        let s = text.scalars
        let thousands: Unicode.Scalar = language == "id" ? "." : ","
        let decimal: Unicode.Scalar = language == "id" ? "," : "."
        var out: [WrittenNumber] = []
        var i = 0
        while i < s.count {
            guard digitValue(s[i]) != nil else {
                i += 1
                continue
            }
            let start = i
            var literal = ""
            func digitRun() -> Int {
                var n = 0
                while i < s.count, let d = digitValue(s[i]) {
                    literal += String(d)
                    i += 1
                    n += 1
                }
                return n
            }
            _ = digitRun()
            var sawDecimal = false
            while i + 1 < s.count, s[i] == thousands || s[i] == decimal, digitValue(s[i + 1]) != nil {
                let separator = s[i]
                var j = i + 1
                while j < s.count, digitValue(s[j]) != nil { j += 1 }
                let groupLength = j - i - 1
                if separator == thousands && groupLength == 3 && !sawDecimal {
                    i += 1
                    _ = digitRun()
                } else if separator == decimal && !sawDecimal {
                    sawDecimal = true
                    literal += "."
                    i += 1
                    _ = digitRun()
                } else {
                    break
                }
            }
            out.append(
                WrittenNumber(range: start..<i, text: text.slice(start..<i), value: Double(literal)!, isWord: false))
        }
        return out
    }

    /// Words the tests read as numbers, per language (ordinals, multiplicatives, fractions).
    static let words: [String: [(word: String, value: Double)]] = [
        "en": [
            ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8),
            ("nine", 9), ("ten", 10), ("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("fifth", 5),
            ("twin", 2), ("dual", 2), ("double", 2), ("doubled", 2), ("doubling", 2), ("half", 0.5), ("tenth", 0.1),
            ("II", 2),
        ],
        "id": [
            ("satu", 1), ("dua", 2), ("tiga", 3), ("ketiga", 3), ("empat", 4), ("lima", 5), ("enam", 6), ("tujuh", 7),
            ("delapan", 8), ("sembilan", 9), ("sepuluh", 10), ("pertama", 1), ("kedua", 2), ("sepersepuluh", 0.1),
            ("menggandakan", 2), ("setengah", 0.5),
        ],
        // Telugu is matched as a substring (words take suffixes): ఒకటి 1, రెండు 2, మూడు 3, నాలుగు 4, ఐదు 5,
        // మొదటి first, రెండవ second, పదో వంతు a tenth, రెట్టింపు double, సగం half.
        "te": [
            ("ఒకటి", 1), ("రెండు", 2), ("మూడు", 3), ("నాలుగు", 4), ("ఐదు", 5), ("మొదటి", 1), ("రెండవ", 2),
            ("పదో వంతు", 0.1), ("రెట్టింపు", 2), ("సగం", 0.5),
        ],
    ]

    static func lower(_ s: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(s) ? Unicode.Scalar(s.value + 32)! : s
    }

    /// Number words: whole words (case-insensitive, except the numeral `II`) in English and Indonesian,
    /// substrings in Telugu.
    static func words(in text: NormalText, language: String) -> [WrittenNumber] {
        let s = text.scalars
        var out: [WrittenNumber] = []
        for (word, value) in words[language] ?? [] {
            let w = Array(word.unicodeScalars)
            let caseSensitive = word == "II"
            let wholeWord = language != "te"
            var i = 0
            while i + w.count <= s.count {
                var match = true
                for k in 0..<w.count {
                    let a = caseSensitive ? s[i + k] : lower(s[i + k])
                    let b = caseSensitive ? w[k] : lower(w[k])
                    if a != b {
                        match = false
                        break
                    }
                }
                if match && wholeWord {
                    if i > 0 && s[i - 1].properties.isAlphabetic { match = false }
                    if i + w.count < s.count && s[i + w.count].properties.isAlphabetic { match = false }
                }
                if match { out.append(WrittenNumber(range: i..<(i + w.count), text: word, value: value, isWord: true)) }
                i += 1
            }
        }
        return out
    }

    static func all(in text: NormalText, language: String) -> [WrittenNumber] {
        (digits(in: text, language: language) + words(in: text, language: language)).sorted {
            $0.range.lowerBound < $1.range.lowerBound
        }
    }

    /// Scales a written number may carry (thousand, 万, million, 亿, billion, trillion; ×100 for a fraction as %).
    static let scales: [Double] = [1, 1e3, 1e4, 1e6, 1e8, 1e9, 1e12]

    static func matches(_ written: Double, _ value: Double, unit: RegionPack.Unit) -> Bool {
        let candidates = unit == .percent ? scales + [100] : scales
        return candidates.contains { abs(written * $0 - value) <= 1e-9 * max(1, abs(value)) }
    }
}
