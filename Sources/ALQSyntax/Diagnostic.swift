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
    /// The closest candidate within a small edit distance, as `did you mean 'x'?`.
    public static func didYouMean(_ name: String, among candidates: some Sequence<String>) -> String? {
        let lowered = name.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            let limit = max(1, min(3, candidate.count / 3 + 1))
            if distance <= limit, best == nil || distance < best!.1 {
                best = (candidate, distance)
            }
        }
        return best.map { "did you mean '\($0.0)'?" }
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
