import ALQRuntime

/// A region of the dataset: its names, its tables, and the sources behind its facts.
///
/// Built-in regions, region packs loaded at run time and regions served by external plugins all
/// conform, and all register in the same ``Registry``.
public protocol RegionModule: AnyObject, Sendable {
    /// Names, level, parent and summary.
    var info: RegionInfo { get }
    /// The module's version, shown in the `modules` table.
    var version: String { get }
    /// The tables the module offers: at least `facts`; usually also `companies`, `projects`, `people`,
    /// `events`, `sources` and `metrics`.
    var tableNames: [String] { get }
    /// A table by name. The `facts` table has the columns of ``FactColumns``.
    func table(named name: String) -> Table?
    /// The quotes behind a fact, one per source that states it.
    func quotes(forFact id: String) -> [SourceQuote]
}

/// The names and place of a region.
public struct RegionInfo: Sendable, Hashable {
    /// A stable lower-case identifier, such as `guangxi`.
    public var id: String
    /// The English name, such as `Guangxi`.
    public var name: String
    /// The Chinese name, such as `广西`.
    public var chinese: String
    /// The pinyin name with tone marks, such as `Guǎngxī`.
    public var pinyin: String
    /// Other names the module answers to.
    public var aliases: [String]
    /// `autonomous region`, `prefecture-level city`, `municipality`, …
    public var level: String
    /// The region this one is part of, by id when it is a module, else by name.
    public var parent: String?
    public var summary: String

    public init(
        id: String, name: String, chinese: String, pinyin: String, aliases: [String] = [], level: String,
        parent: String?, summary: String
    ) {
        self.id = id
        self.name = name
        self.chinese = chinese
        self.pinyin = pinyin
        self.aliases = aliases
        self.level = level
        self.parent = parent
        self.summary = summary
    }

    /// Every name the module answers to.
    public var allNames: [String] {
        [name, id, chinese, pinyin, pinyin.asciiFolded] + aliases
    }
}

/// One source's statement of a fact.
public struct SourceQuote: Sendable, Hashable {
    public var sourceID: String
    /// The source document's file name.
    public var file: String
    /// The document's date, `YYYY-MM-DD`.
    public var date: String
    /// The document's language as a BCP 47 code (`en`, `id`, `te`).
    public var language: String
    /// The clause that states the fact, verbatim.
    public var text: String
    /// How this quote reads the fact where the sources differ (`more than 5 times`).
    public var reading: String?
    /// Whether the fact's translations disagree (each quote's ``reading`` says how).
    public var translationsDisagree: Bool

    public init(
        sourceID: String, file: String, date: String, language: String, text: String, reading: String? = nil,
        translationsDisagree: Bool = false
    ) {
        self.sourceID = sourceID
        self.file = file
        self.date = date
        self.language = language
        self.text = text
        self.reading = reading
        self.translationsDisagree = translationsDisagree
    }
}

/// The columns of every region's `facts` table, in order.
public enum FactColumns {
    public static let names = [
        "id", "region", "metric", "year", "period", "value", "unit", "kind", "bound", "scope", "subject", "source",
    ]
}

extension String {
    /// The string without diacritics on Latin letters (`Guǎngxī` becomes `Guangxi`).
    public var asciiFolded: String {
        guard utf8.contains(where: { $0 >= 0x80 }) else { return self }
        return String(map(foldedLetter))
    }
}

/// Pinyin's vowels with tone marks, and `ü`, each with the letter it folds to.
private let tonedVowels: [(toned: Unicode.Scalar, plain: Character)] = [
    ("ā", "a"), ("á", "a"), ("ǎ", "a"), ("à", "a"), ("ē", "e"), ("é", "e"), ("ě", "e"), ("è", "e"),
    ("ī", "i"), ("í", "i"), ("ǐ", "i"), ("ì", "i"), ("ō", "o"), ("ó", "o"), ("ǒ", "o"), ("ò", "o"),
    ("ū", "u"), ("ú", "u"), ("ǔ", "u"), ("ù", "u"), ("ǖ", "u"), ("ǘ", "u"), ("ǚ", "u"), ("ǜ", "u"), ("ü", "u"),
]

/// The letter without its tone mark; any other character unchanged. A letter of one scalar is looked up
/// by its scalar (no other scalar is canonically equivalent to one of these); a decomposed spelling
/// (`a` and U+030C) is compared as `Character`s compare, canonically. (Neither a `[Character: Character]`
/// nor a `switch` over `Character`s: the first has its generic metadata built at every start, the second
/// compares every Chinese character of every region name with 25 strings.)
private func foldedLetter(_ letter: Character) -> Character {
    let scalars = letter.unicodeScalars
    guard let first = scalars.first else { return letter }
    if scalars.index(after: scalars.startIndex) == scalars.endIndex {
        if first.isASCII { return letter }
        return tonedVowels.first { $0.toned == first }?.plain ?? letter
    }
    return tonedVowels.first { Character($0.toned) == letter }?.plain ?? letter
}
