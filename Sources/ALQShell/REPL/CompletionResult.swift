import ALQPluginAPI

/// One thing Tab may insert.
struct CompletionCandidate: Sendable, Equatable {
    /// The word that replaces the one being typed.
    var text: String
    /// What follows the word when it is the only match: a closing quote, `/`, `(`, a space or nothing.
    var suffix: String = ""
    /// How the candidate is listed (a file's name without its folder).
    var display: String

    init(_ text: String, suffix: String = "", display: String? = nil) {
        self.text = text
        self.suffix = suffix
        self.display = display ?? text
    }
}

/// The completions for the text before the cursor.
struct CompletionResult: Sendable, Equatable {
    /// The partial word before the cursor that a candidate replaces.
    var word: String
    /// The matching candidates, best first.
    var candidates: [CompletionCandidate]

    static let none = CompletionResult(word: "", candidates: [])

    /// What Tab does.
    enum Action: Equatable {
        /// Nothing matches.
        case none
        /// Replace the partial word with this text.
        case replace(String)
        /// List these candidates.
        case list([String])
    }

    /// One match is inserted with its suffix; several are completed to their longest common prefix,
    /// and listed when that adds nothing.
    var action: Action {
        guard let first = candidates.first else { return .none }
        if candidates.count == 1 { return .replace(first.text + first.suffix) }
        let common = candidates.dropFirst().reduce(first.text) { prefix, candidate in
            String(zip(prefix, candidate.text).prefix { $0 == $1 }.map(\.0))
        }
        if common.count > word.count, common.lowercased().hasPrefix(word.lowercased()) || word.isEmpty {
            return .replace(common)
        }
        return .list(candidates.map(\.display))
    }

    /// Keeps the candidates that start with `word`: exact-case matches when there are any, else
    /// matches ignoring case and tone marks; duplicates (ignoring case) are dropped.
    static func matching(_ word: String, among candidates: [CompletionCandidate]) -> CompletionResult {
        var seen: Set<String> = []
        let unique = candidates.filter { seen.insert($0.text.lowercased()).inserted }
        // A name in backticks matches what is typed with or without the opening backtick.
        let bare = { (text: String) in text.hasPrefix("`") ? String(text.dropFirst()) : text }
        let exact = unique.filter { $0.text.hasPrefix(word) || bare($0.text).hasPrefix(bare(word)) }
        if !exact.isEmpty { return CompletionResult(word: word, candidates: exact) }
        let folded = bare(word).lowercased().asciiFolded
        let loose = unique.filter { bare($0.text).lowercased().asciiFolded.hasPrefix(folded) }
        return CompletionResult(word: word, candidates: loose)
    }
}
