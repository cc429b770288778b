// `asciiFolded`, which region names are indexed and looked up by, against the dictionary of `Character`s
// it was written as (whose lookups compare canonically): the same text for every character of the Basic
// Multilingual Plane and for pinyin vowels spelt with combining marks.

import ALQPluginAPI
import Testing

struct RegionNameFoldingTests {
    static let dictionary: [Character: Character] = [
        "ā": "a", "á": "a", "ǎ": "a", "à": "a", "ē": "e", "é": "e", "ě": "e", "è": "e",
        "ī": "i", "í": "i", "ǐ": "i", "ì": "i", "ō": "o", "ó": "o", "ǒ": "o", "ò": "o",
        "ū": "u", "ú": "u", "ǔ": "u", "ù": "u", "ǖ": "u", "ǘ": "u", "ǚ": "u", "ǜ": "u", "ü": "u",
    ]

    static func reference(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        return String(text.map { dictionary[$0] ?? $0 })
    }

    @Test("every character of the Basic Multilingual Plane folds as the dictionary folds it")
    func everyScalar() {
        var differing: [UInt32] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            if text.asciiFolded != Self.reference(text) { differing.append(value) }
        }
        #expect(differing.isEmpty)
    }

    @Test("decomposed spellings fold as their composed letters do")
    func decomposed() {
        let bases = ["a", "e", "i", "o", "u", "ü", "A", "U", "x", "广"]
        let marks: [Unicode.Scalar] = [
            "\u{300}", "\u{301}", "\u{302}", "\u{304}", "\u{308}", "\u{30C}", "\u{323}", "\u{331}", "\u{340}",
            "\u{341}", "\u{344}",
        ]
        for base in bases {
            for first in marks {
                let one = base + String(first)
                #expect(one.asciiFolded == Self.reference(one), "\(Array(one.unicodeScalars))")
                for second in marks {
                    let two = one + String(second)
                    #expect(two.asciiFolded == Self.reference(two), "\(Array(two.unicodeScalars))")
                }
            }
        }
        #expect("Gua\u{30C}ngxi\u{304}".asciiFolded == "Guangxi")
        #expect("Lu\u{308}".asciiFolded == "Lu")
    }

    @Test("region names")
    func names() {
        #expect("Guǎngxī".asciiFolded == "Guangxi")
        #expect("Chóngqìng".asciiFolded == "Chongqing")
        #expect("Lǜ".asciiFolded == "Lu")
        #expect("广西 Bǎisè".asciiFolded == "广西 Baise")
        #expect("Guangxi".asciiFolded == "Guangxi")
    }
}
