import ALQSyntax

/// Where the cursor is in a statement, as far as completion cares: the partial word or string, and
/// the tokens before it (the stage it is in, a `base.` before it, a column it is compared with).
struct CompletionContext {
    /// What is being typed.
    enum Kind: Equatable {
        /// A name, possibly empty.
        case word(String)
        /// The inside of an unclosed string.
        case string(partial: String, quote: Character, placement: StringPlacement)
        /// Nothing completable (a number, say).
        case none
    }

    /// What an unclosed string is for.
    enum StringPlacement: Equatable {
        /// `open("…`: a file path, closed with `")`.
        case openArgument
        /// `load "…` or `export … to "…`: a file path.
        case path
        /// `column == "…` or `column in ["…`: a value of the column.
        case comparedWith(String)
        case other
    }

    /// Which pipeline stage the cursor is in.
    enum StagePosition: Equatable {
        /// Not in a pipeline stage.
        case none
        /// Right after `|`: the stage's name is being typed.
        case naming
        /// Inside the named stage.
        case inside(String)
    }

    private(set) var kind: Kind = .none
    /// The name before `.` when a member is being typed.
    private(set) var memberBase: String?
    /// The column before a comparison operator when its right-hand side is being typed.
    private(set) var comparedColumn: String?
    private(set) var stage: StagePosition = .none
    /// The pipeline's text before the current stage's `|`: what flows into the stage.
    private(set) var pipelineInput: String?
    /// Whether the word being typed is the statement's first.
    private(set) var atStatementStart = false

    init(text: String) {
        let file = SourceFile(name: "<completion>", text: text)
        let (lexed, diagnostics) = Lexer.tokenize(file)
        let all = lexed.filter { $0.kind != .endOfFile }
        let statementStart = all.lastIndex { $0.kind == .separator }.map { $0 + 1 } ?? 0
        let statement = Array(all[statementStart...])
        let end = file.bytes.count
        var before = statement

        if let last = statement.last, last.span.end == end {
            switch last.kind {
            case .string
            where diagnostics.contains(where: { $0.code == .unterminatedString && $0.span?.start == last.span.start }):
                before.removeLast()
                let quote = Character(Unicode.Scalar(file.bytes[last.span.start]))
                let partial = file.text(of: Span(start: last.span.start + 1, end: end))
                kind = .string(partial: partial, quote: quote, placement: CompletionContext.placement(before))
            case .identifier, .keyword:
                before.removeLast()
                kind = .word(file.text(of: last.span))
            case .symbol:
                kind = .word("")
            default:
                kind = .none
            }
        } else {
            kind = .word("")
        }
        atStatementStart = before.isEmpty

        if let dot = before.last, dot.kind == .symbol(.dot), before.count >= 2,
            case .identifier(let base) = before[before.count - 2].kind,
            before[before.count - 2].span.end == dot.span.start
        {
            memberBase = base
        }
        if before.count >= 2, case .symbol(let symbol) = before[before.count - 1].kind,
            [.equalEqual, .bangEqual, .less, .lessEqual, .greater, .greaterEqual].contains(symbol),
            case .identifier(let column) = before[before.count - 2].kind
        {
            comparedColumn = column
        }
        locateStage(before, in: file, statement: statement)
    }

    private mutating func locateStage(_ tokens: [Token], in file: SourceFile, statement: [Token]) {
        struct Level {
            var open: Int?
            var lastPipe: Int?
        }
        var levels = [Level(open: nil, lastPipe: nil)]
        for (index, token) in tokens.enumerated() {
            guard case .symbol(let symbol) = token.kind else { continue }
            switch symbol {
            case .leftParen, .leftBracket, .leftBrace: levels.append(Level(open: index, lastPipe: nil))
            case .rightParen, .rightBracket, .rightBrace: if levels.count > 1 { levels.removeLast() }
            case .pipe: levels[levels.count - 1].lastPipe = index
            default: break
            }
        }
        let level = levels[levels.count - 1]
        guard let pipe = level.lastPipe else { return }
        if pipe == tokens.count - 1 {
            stage = .naming
        } else if case .identifier(let name) = tokens[pipe + 1].kind {
            stage = .inside(name)
        }
        var start = level.open.map { tokens[$0].span.end } ?? statement.first?.span.start ?? 0
        if level.open == nil, statement.count >= 3, statement[0].kind == .keyword(.let),
            statement[2].kind == .symbol(.equal)
        {
            start = statement[2].span.end
        }
        pipelineInput = file.text(of: Span(start: start, end: tokens[pipe].span.start)).trimmingWhitespace
    }

    private static func placement(_ before: [Token]) -> StringPlacement {
        guard let previous = before.last else { return .other }
        let earlier = before.count >= 2 ? before[before.count - 2] : nil
        switch previous.kind {
        case .symbol(.leftParen):
            if case .identifier("open") = earlier?.kind { return .openArgument }
        case .keyword(.load):
            return .path
        case .identifier("to"):
            if before.contains(where: { $0.kind == .identifier("export") }) { return .path }
        case .symbol(let symbol)
        where [.equalEqual, .bangEqual, .less, .lessEqual, .greater, .greaterEqual].contains(symbol):
            if case .identifier(let column) = earlier?.kind { return .comparedWith(column) }
        default:
            break
        }
        // `column in ["a", "…`
        var index = before.count - 1
        while index >= 0,
            before[index].kind == .symbol(.comma) || { if case .string = before[index].kind { true } else { false } }()
        {
            index -= 1
        }
        if index >= 2, before[index].kind == .symbol(.leftBracket), before[index - 1].kind == .keyword(.in),
            case .identifier(let column) = before[index - 2].kind
        {
            return .comparedWith(column)
        }
        return .other
    }
}
