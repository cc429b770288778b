/// A problem found in source text or while evaluating it: a code, a message, and where.
///
/// The model is separate from its rendering (see `DiagnosticRenderer` in the shell).
public struct Diagnostic: Error, Sendable {
    public var code: DiagnosticCode
    public var message: String
    /// Where the problem is; `nil` for problems that have no place in the text (a missing file).
    public var span: Span?
    /// The text the span points into.
    public var file: SourceFile?
    /// A suggestion shown after the message, such as `did you mean 'year'?`.
    public var help: String?

    public init(
        _ code: DiagnosticCode, _ message: String, span: Span? = nil, file: SourceFile? = nil,
        help: String? = nil
    ) {
        self.code = code
        self.message = message
        self.span = span
        self.file = file
        self.help = help
    }

    /// The same diagnostic, pointing into `file` if it had no file yet.
    public func located(in file: SourceFile) -> Diagnostic {
        var copy = self
        if copy.file == nil { copy.file = file }
        return copy
    }

    /// The same diagnostic with a span, if it had none yet.
    public func at(_ span: Span) -> Diagnostic {
        var copy = self
        if copy.span == nil { copy.span = span }
        return copy
    }
}

/// Suggests the closest of `candidates` to a misspelt `name`.
public enum Suggestion {
    /// The closest candidate, as `did you mean 'x'?`, or `nil` when none is close enough.
    public static func didYouMean(_ name: String, among candidates: some Sequence<String>) -> String? {
        ranked(name, among: candidates).first.map { "did you mean '\($0)'?" }
    }

    /// The candidates close enough to `name`, best first.
    ///
    /// Closeness is the edit distance counting a swap of neighbours as one edit. The distance allowed
    /// grows with the length of the name (1 up to 4 characters, 2 up to 7, then 3) and never reaches
    /// the length of the shorter word, so that short names do not match everything. Ties go to the
    /// candidate with the same first letter, then the one closest in length, then alphabetical order.
    public static func ranked(_ name: String, among candidates: some Sequence<String>) -> [String] {
        let lowered = Array(name.lowercased())
        let limit = lowered.count <= 4 ? 1 : lowered.count <= 7 ? 2 : 3
        var scored: [(candidate: String, distance: Int, sameStart: Bool, lengthGap: Int)] = []
        for candidate in Set(candidates) where candidate != name {
            let other = Array(candidate.lowercased())
            let distance = editDistance(lowered, other)
            guard distance <= limit, distance < min(lowered.count, other.count) || distance == 0 else { continue }
            scored.append((candidate, distance, other.first == lowered.first, abs(other.count - lowered.count)))
        }
        scored.sort { a, b in
            if a.distance != b.distance { return a.distance < b.distance }
            if a.sameStart != b.sameStart { return a.sameStart }
            if a.lengthGap != b.lengthGap { return a.lengthGap < b.lengthGap }
            return a.candidate < b.candidate
        }
        return scored.map(\.candidate)
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        editDistance(Array(a), Array(b))
    }

    /// The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
