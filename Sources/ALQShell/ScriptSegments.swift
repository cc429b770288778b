import ALQSyntax

/// A script cut where meta-commands and `help` lines stand between statements, so that scripts, `-c`
/// text and the start-up file can use `:help`, `:format`, `:mode`, `:timer` and `help NAME` as the
/// prompt does. Statements keep their line numbers: each piece of statements is padded with the
/// lines before it.
enum ScriptSegment: Equatable {
    /// Statements, as a source file whose text keeps the original line numbers.
    case statements(SourceFile)
    /// A meta-command line (`:name argument`) and its line number.
    case meta(MetaCommand, line: Int)
    /// `help` or `help NAME` and its line number; run as a statement when `help` is a variable.
    case help(topic: String, text: String, line: Int)

    static func == (left: ScriptSegment, right: ScriptSegment) -> Bool {
        switch (left, right) {
        case (.statements(let a), .statements(let b)): a.name == b.name && a.text == b.text
        case (.meta(let a, let x), .meta(let b, let y)): a == b && x == y
        case (.help(let a, _, let x), .help(let b, _, let y)): a == b && x == y
        default: false
        }
    }

    /// The segments of a file, in order.
    static func split(_ file: SourceFile) -> [ScriptSegment] {
        var segments: [ScriptSegment] = []
        var chunk: [Substring] = []
        var chunkStart = 1
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        func flush(next: Int) {
            let text = chunk.joined(separator: "\n")
            if !text.trimmingWhitespace.isEmpty {
                let padding = String(repeating: "\n", count: chunkStart - 1)
                segments.append(.statements(SourceFile(name: file.name, text: padding + text)))
            }
            chunk = []
            chunkStart = next
        }
        for (index, line) in lines.enumerated() {
            let number = index + 1
            let trimmed = String(line).trimmingWhitespace
            let topic = helpTopic(trimmed)
            if trimmed.hasPrefix(":") || topic != nil,
                !StatementCompleteness.needsMoreInput(chunk.joined(separator: "\n"))
            {
                flush(next: number + 1)
                if let topic {
                    segments.append(.help(topic: topic, text: trimmed, line: number))
                } else {
                    segments.append(.meta(MetaCommand(trimmed), line: number))
                }
                continue
            }
            if chunk.isEmpty { chunkStart = number }
            chunk.append(line)
        }
        flush(next: lines.count + 1)
        return segments
    }

    /// The topic of `help` (empty) or `help NAME`; `nil` for any other text.
    static func helpTopic(_ text: String) -> String? {
        if text == "help" { return "" }
        guard text.hasPrefix("help ") else { return nil }
        let topic = String(text.dropFirst(5)).trimmingWhitespace
        return topic.contains(" ") || topic.contains("|") || topic.contains("(") ? nil : topic
    }
}
