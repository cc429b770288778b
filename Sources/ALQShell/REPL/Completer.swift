import ALQSyntax

/// Tab completion that knows the language and the data.
///
/// Given the statement typed so far (up to the cursor), it finds what kind of word is being typed —
/// a meta-command, a stage, a column of the table flowing into the stage, a member of a region, a
/// string value of a column, a file path — and offers the matching candidates.
struct Completer {
    let source: any CompletionSource

    /// The meta-commands and what their argument is.
    static let metaCommands = [
        ":help", ":modules", ":format", ":timer", ":load", ":history", ":clear", ":quit", ":mode",
        ":pager",
    ]

    /// The completions for `text`, the statement before the cursor.
    func complete(_ text: String) -> CompletionResult {
        let leading = text.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        if leading.hasPrefix(":") { return completeMetaCommand(String(leading)) }
        if let topic = helpArgument(String(leading)) {
            return CompletionResult.matching(topic, among: source.helpTopics.map { CompletionCandidate($0) })
        }
        let context = CompletionContext(text: text)
        switch context.kind {
        case .string(let partial, let quote, let placement):
            return completeString(partial, quote: quote, placement: placement, context: context)
        case .word(let word):
            return completeWord(word, context: context)
        case .none:
            return .none
        }
    }

    private func helpArgument(_ text: String) -> String? {
        guard text.hasPrefix("help ") || text.hasPrefix("help\t") else { return nil }
        let argument = text.dropFirst(5).drop { $0 == " " || $0 == "\t" }
        return argument.contains(where: { $0 == " " || $0 == "\n" }) ? nil : String(argument)
    }

    // MARK: Meta-commands

    private func completeMetaCommand(_ text: String) -> CompletionResult {
        guard let space = text.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
            return CompletionResult.matching(
                text, among: Completer.metaCommands.map { CompletionCandidate($0, suffix: " ") })
        }
        let command = String(text[..<space])
        let argument = String(text[space...].drop { $0 == " " || $0 == "\t" })
        let options: [String]
        switch command {
        case ":help": options = source.helpTopics
        case ":format":
            options = OutputFormat.shellFormats + source.formatNames.filter { !OutputFormat.shellFormats.contains($0) }
        case ":timer": options = ["on", "off"]
        case ":mode": options = ["table", "line", "auto", "emacs", "vi"]
        case ":pager": options = ["on", "off", "auto"]
        case ":load": return PathCompletion.complete(argument, closing: "")
        default: return .none
        }
        return CompletionResult.matching(argument, among: options.map { CompletionCandidate($0) })
    }

    // MARK: Strings

    private func completeString(
        _ partial: String, quote: Character, placement: CompletionContext.StringPlacement, context: CompletionContext
    ) -> CompletionResult {
        switch placement {
        case .openArgument:
            return PathCompletion.complete(partial, closing: "\(quote))")
        case .path:
            return PathCompletion.complete(partial, closing: String(quote))
        case .comparedWith(let column):
            let values = source.values(ofColumn: column, flowingOutOf: context.pipelineInput ?? "") ?? []
            return CompletionResult.matching(
                partial, among: values.sorted().map { CompletionCandidate($0, suffix: String(quote)) })
        case .other:
            return .none
        }
    }

    // MARK: Words

    private func completeWord(_ word: String, context: CompletionContext) -> CompletionResult {
        if let base = context.memberBase {
            let members = source.members(of: base) ?? []
            return CompletionResult.matching(word, among: members.map { CompletionCandidate($0) })
        }
        if let column = context.comparedColumn, word.isEmpty {
            let values = source.values(ofColumn: column, flowingOutOf: context.pipelineInput ?? "") ?? []
            return CompletionResult.matching(word, among: values.sorted().map { CompletionCandidate("\"\($0)\"") })
        }
        switch context.stage {
        case .naming:
            let stages = Parser.stageNames.map { CompletionCandidate($0, suffix: " ") }
            return CompletionResult.matching(word, among: stages + functions)
        case .inside(let stage):
            let columns = (context.pipelineInput.flatMap(source.columns(flowingOutOf:)) ?? [])
                .map { CompletionCandidate(Completer.quotedName($0), suffix: "") }
            var extra: [CompletionCandidate] = []
            switch stage {
            case "sort": extra = ["desc", "asc"].map { CompletionCandidate($0) }
            case "export":
                return CompletionResult.matching(
                    word, among: (source.formatNames + ["to"]).map { CompletionCandidate($0, suffix: " ") })
            default: break
            }
            let keywords = ["and", "or", "not", "in", "true", "false", "null"].map {
                CompletionCandidate($0, suffix: " ")
            }
            return CompletionResult.matching(word, among: columns + extra + functions + keywords)
        case .none:
            let names = (source.variableNames + source.tableNames + source.regionNames).map { CompletionCandidate($0) }
            let keywords = (Keyword.allCases.map(\.rawValue) + (context.atStatementStart ? ["help"] : []))
                .map { CompletionCandidate($0, suffix: " ") }
            return CompletionResult.matching(word, among: names + functions + keywords)
        }
    }

    /// A name as it must be written: in backticks when it is not a plain identifier (`capacity [kt]`).
    static func quotedName(_ name: String) -> String {
        let plain =
            !name.isEmpty && !(name.first?.isNumber ?? true)
            && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        return plain ? name : "`\(name)`"
    }

    private var functions: [CompletionCandidate] {
        source.functionNames.map { CompletionCandidate($0, suffix: "(") }
    }
}
