/// Parses tokens into statements, recovering at statement boundaries so that every syntax error in
/// a file is reported (`alq --check`).
public struct Parser {
    /// The deepest nesting a program may have: brackets, calls, unary and binary operators, member
    /// access and indexing each count one level, so that evaluating the tree never exhausts the stack.
    public static let maximumDepth = 200

    private let file: SourceFile
    private let tokens: [Token]
    private var position = 0
    private var depth = 0
    private var diagnostics: [Diagnostic] = []
    private var openBrackets: [Token] = []

    /// The statements of a file and every lexical and syntax error in it.
    public static func parse(_ file: SourceFile) -> (statements: [Statement], diagnostics: [Diagnostic]) {
        let (tokens, lexical) = Lexer.tokenize(file)
        var parser = Parser(file: file, tokens: tokens)
        let statements = parser.parseProgram()
        let all = (lexical + parser.diagnostics).sorted { ($0.span?.start ?? 0) < ($1.span?.start ?? 0) }
        return (statements, all)
    }

    private init(file: SourceFile, tokens: [Token]) {
        self.file = file
        self.tokens = tokens
    }

    // MARK: Program and statements

    private mutating func parseProgram() -> [Statement] {
        var statements: [Statement] = []
        while true {
            skipSeparators()
            if peek.kind == .endOfFile { break }
            do throws(Diagnostic) {
                statements.append(try parseStatement())
                if peek.kind != .separator && peek.kind != .endOfFile {
                    throw error(
                        .unexpectedToken, "expected end of statement, found \(peek.kind.description)", at: peek.span,
                        help: ForeignWords.operatorHint(peek.kind))
                }
            } catch let diagnostic {
                diagnostics.append(diagnostic)
                if diagnostic.code == .nestingTooDeep { break }
                synchronize()
            }
        }
        return statements
    }

    private mutating func parseStatement() throws(Diagnostic) -> Statement {
        depth = 0
        openBrackets = []
        switch peek.kind {
        case .keyword(.let):
            let start = advance().span
            guard case .identifier(let name) = peek.kind else {
                throw error(
                    .unexpectedToken, "expected a name after 'let', found \(peek.kind.description)", at: peek.span)
            }
            let nameSpan = advance().span
            try expect(.equal, "expected '=' after the name in 'let'")
            let value = try parsePipeline()
            return .let(name: name, nameSpan: start.merged(with: nameSpan), value: value)
        case .keyword(.load):
            let start = advance().span
            let path = try parseExpression()
            return .load(path: path, span: start.merged(with: path.span))
        case .keyword(.fn):
            return .function(try parseFunctionDefinition())
        default:
            return .expression(try parsePipeline())
        }
    }

    private mutating func skipSeparators() {
        while peek.kind == .separator { position += 1 }
    }

    private mutating func synchronize() {
        while peek.kind != .separator && peek.kind != .endOfFile { position += 1 }
    }

    // MARK: Pipelines and stages

    private mutating func parsePipeline() throws(Diagnostic) -> Expr {
        let input = try parseExpression()
        var stages: [Stage] = []
        while peek.kind == .symbol(.pipe) {
            advance()
            let stage = try parseStage()
            if case .aggregate(let aggregates) = stage.kind, let last = stages.last,
                case .group(let keys, let existing) = last.kind, existing.isEmpty
            {
                stages[stages.count - 1] = Stage(
                    .group(keys: keys, aggregates: aggregates), last.span.merged(with: stage.span))
            } else {
                stages.append(stage)
            }
        }
        if stages.isEmpty { return input }
        return Expr(.pipeline(input, stages), input.span.merged(with: stages.last!.span))
    }

    /// The stage names the parser knows.
    public static let stageNames = [
        "where", "select", "derive", "sort", "take", "distinct", "group", "agg", "export",
        "join", "rename", "drop", "pivot", "unpivot", "describe", "chart",
    ]

    private mutating func parseStage() throws(Diagnostic) -> Stage {
        let head = peek
        guard case .identifier(let name) = head.kind else {
            throw error(
                .invalidStage, "expected a stage after '|', found \(head.kind.description)", at: head.span,
                help: "stages are \(Parser.stageNames.joined(separator: ", ")) or a function name")
        }
        advance()
        let kind: StageKind
        switch name {
        case "where":
            kind = .filter(try parseExpression())
        case "select":
            kind = .select(try parseBindings(requireNames: false))
        case "derive":
            let bindings = try parseBindings(requireNames: true)
            kind = try parseWindowPartitions(bindings)
        case "sort":
            try rejectBy(after: name)
            kind = .sort(try parseSortKeys())
        case "take":
            kind = .take(try parseExpression())
        case "distinct":
            kind = .distinct(atStageEnd ? [] : try parseBindings(requireNames: false))
        case "group":
            try rejectBy(after: name)
            kind = .group(keys: try parseBindings(requireNames: false), aggregates: [])
        case "agg":
            kind = .aggregate(try parseBindings(requireNames: true))
        case "export":
            kind = try parseExport()
        case "chart":
            kind = .chart(try parseChart(after: head))
        case "join" where !(peek.kind == .symbol(.leftParen) && peek.span.start == head.span.end):
            kind = try parseJoin()
        case "rename":
            kind = .rename(try parseRenames())
        case "drop":
            kind = .drop(try parseColumnNames(after: "drop"))
        case "pivot":
            kind = try parsePivot()
        case "unpivot":
            kind = try parseUnpivot()
        case "describe":
            kind = .describe
        default:
            var arguments: [Expr] = []
            if peek.kind == .symbol(.leftParen) && peek.span.start == head.span.end {
                arguments = try parseArguments()
            } else if peek.kind == .symbol(.leftParen) {
                throw error(
                    .invalidStage, "a function's arguments in a stage must follow its name without a space",
                    at: peek.span, help: "write | \(name)(…)")
            }
            if !atStageEnd {
                throw unknownStage(name, at: head.span, next: peek)
            }
            kind = .call(name: name, nameSpan: head.span, arguments: arguments)
        }
        return Stage(kind, head.span.merged(with: previous.span))
    }

    /// E0015 for a word after `|` that is followed by more words, as stages of other tools are.
    private func unknownStage(_ name: String, at span: Span, next: Token) -> Diagnostic {
        var followedBy: String?
        if case .identifier(let word) = next.kind { followedBy = word }
        let help =
            ForeignWords.stageHint(name, followedBy: followedBy)
            ?? Suggestion.didYouMean(name, among: Parser.stageNames).map { "\($0) (the stages are \(stageList))" }
            ?? "the stages are \(stageList); a function used as a stage takes its arguments in brackets: | round(2)"
        return error(.invalidStage, "unknown stage '\(name)'", at: span, help: help)
    }

    private var stageList: String { Parser.stageNames.joined(separator: ", ") }

    /// `group by x` and `sort by x`, as SQL and pandas write them, are E0015 with the alq spelling.
    private func rejectBy(after stage: String) throws(Diagnostic) {
        guard case .identifier("by") = peek.kind, case .identifier = tokens[position + 1].kind else { return }
        throw error(
            .invalidStage, "'\(stage) by' is not a stage", at: previous.span.merged(with: peek.span),
            help: "write the columns right after '\(stage)': | \(stage) region, year")
    }

    private var atStageEnd: Bool {
        switch peek.kind {
        case .symbol(.pipe), .separator, .endOfFile, .symbol(.rightParen), .symbol(.rightBracket), .symbol(.comma):
            true
        default:
            false
        }
    }

    private mutating func parseExport() throws(Diagnostic) -> StageKind {
        var format: String?
        var formatSpan: Span?
        if case .identifier(let word) = peek.kind, word != "to", word != "with" {
            var name = word
            var span = advance().span
            while peek.kind == .symbol(.minus), peek.span.start == span.end,
                case .identifier(let part) = tokens[position + 1].kind, tokens[position + 1].span.start == peek.span.end
            {
                advance()
                name += "-" + part
                span = span.merged(with: advance().span)
            }
            format = name
            formatSpan = span
        } else if case .string(let word) = peek.kind {
            format = word
            formatSpan = advance().span
        }
        var factIDs = try parseExportOption()
        var path: Expr?
        if case .identifier("to") = peek.kind {
            advance()
            path = try parseExpression()
        }
        if !factIDs { factIDs = try parseExportOption() }
        return .export(format: format, formatSpan: formatSpan, path: path, factIDs: factIDs)
    }

    /// `with fact_ids` in an export, before or after `to PATH`; false when there is no `with`.
    private mutating func parseExportOption() throws(Diagnostic) -> Bool {
        guard case .identifier("with") = peek.kind else { return false }
        advance()
        guard case .identifier("fact_ids") = peek.kind else {
            throw error(
                .unexpectedToken, "expected 'fact_ids' after 'with', found \(peek.kind.description)", at: peek.span,
                help: "export … with fact_ids adds each row's fact ids")
        }
        advance()
        return true
    }

    /// `chart KIND X, Y [by SERIES] [title TEXT]`
    private mutating func parseChart(after head: Token) throws(Diagnostic) -> ChartSpec {
        guard case .identifier(let kind) = peek.kind else {
            throw error(
                .invalidStage, "expected a chart kind after 'chart', found \(peek.kind.description)", at: peek.span,
                help: "charts are \(ChartSpec.kinds.joined(separator: ", ")): chart bar year, value")
        }
        let kindToken = advance()
        guard ChartSpec.kinds.contains(kind) else {
            throw error(
                .invalidStage, "unknown chart kind '\(kind)'", at: kindToken.span,
                help: "charts are \(ChartSpec.kinds.joined(separator: ", ")): chart bar year, value")
        }
        let x = try parseExpression()
        try expect(.comma, "expected ', Y' after the x column of a chart: chart \(kind) year, value")
        let y = try parseExpression()
        var series: Expr?
        var title: Expr?
        while case .identifier(let word) = peek.kind, word == "by" || word == "title" {
            advance()
            if word == "by" { series = try parseExpression() } else { title = try parseExpression() }
        }
        return ChartSpec(kind: kind, kindSpan: kindToken.span, x: x, y: y, series: series, title: title)
    }

    private mutating func parseBindings(requireNames: Bool) throws(Diagnostic) -> [Binding] {
        var bindings: [Binding] = []
        repeat {
            if case .identifier(let name) = peek.kind, tokens[position + 1].kind == .symbol(.equal) {
                advance()
                advance()
                bindings.append(Binding(name: name, value: try parseExpression()))
            } else {
                let value = try parseExpression()
                if requireNames {
                    throw error(
                        .unexpectedToken, "expected 'name = expression'", at: value.span,
                        help: "name the computed column, for example: total = sum(value)")
                }
                bindings.append(Binding(name: Parser.columnName(for: value, in: file), value: value))
            }
        } while match(.comma)
        return bindings
    }

    /// The column name a bare expression gets in `select`, `group` and `distinct`.
    public static func columnName(for expr: Expr, in file: SourceFile) -> String {
        switch expr.kind {
        case .name(let name): name
        case .member(_, let name, _): name
        default: file.text(of: expr.span)
        }
    }

    private mutating func parseSortKeys() throws(Diagnostic) -> [SortKey] {
        var keys: [SortKey] = []
        repeat {
            let value = try parseExpression()
            var descending = false
            if case .identifier(let word) = peek.kind, word == "desc" || word == "asc" {
                descending = word == "desc"
                advance()
            }
            keys.append(SortKey(value: value, descending: descending))
        } while match(.comma)
        return keys
    }

    // MARK: Table stages: join, rename, drop, pivot, unpivot, derive … by

    /// `derive … by key, …` makes the bindings window computations within partitions.
    private mutating func parseWindowPartitions(_ bindings: [Binding]) throws(Diagnostic) -> StageKind {
        guard case .identifier("by") = peek.kind else { return .derive(bindings) }
        advance()
        return .window(bindings: bindings, partitions: try parseColumnNames(after: "by"))
    }

    private mutating func parseJoin() throws(Diagnostic) -> StageKind {
        var kind = JoinKind.inner
        if case .identifier(let word) = peek.kind, let named = JoinKind(rawValue: word),
            tokens[position + 1].kind != .identifier("on")
        {
            kind = named
            advance()
        }
        if peek.kind == .identifier("on") || atStageEnd {
            throw error(
                .expectedExpression, "expected the table to join, found \(peek.kind.description)", at: peek.span,
                help: "join [inner|left|full] TABLE on KEY, for example: join left companies on region")
        }
        let table = try parsePostfix()
        guard peek.kind == .identifier("on") else {
            throw error(
                .unexpectedToken, "expected 'on' and the key columns after the table, found \(peek.kind.description)",
                at: peek.span, help: "join on columns of both tables: on region, or on region == name")
        }
        advance()
        var keys: [JoinKey] = []
        repeat {
            let left = try parseColumnName(after: "on")
            if match(.equalEqual) {
                keys.append(JoinKey(left: left, right: try parseColumnName(after: "==")))
            } else {
                keys.append(JoinKey(left: left, right: left))
            }
        } while match(.comma)
        return .join(JoinClause(kind: kind, table: table, keys: keys))
    }

    private mutating func parseRenames() throws(Diagnostic) -> [ColumnRename] {
        var renames: [ColumnRename] = []
        repeat {
            let new = try parseColumnName(after: "rename")
            guard match(.equal) else {
                throw error(
                    .unexpectedToken, "expected '=' after the new name, found \(peek.kind.description)", at: peek.span,
                    help: "rename NEW = OLD, for example: rename amount = value")
            }
            renames.append(ColumnRename(new: new, old: try parseColumnName(after: "=")))
        } while match(.comma)
        return renames
    }

    private mutating func parsePivot() throws(Diagnostic) -> StageKind {
        let names = try parseColumnName(after: "pivot")
        guard peek.kind == .identifier("values") else {
            throw error(
                .unexpectedToken,
                "expected 'values' and the column that fills the cells, found \(peek.kind.description)",
                at: peek.span, help: "pivot NAMES values VALUES, for example: pivot year values value")
        }
        advance()
        return .pivot(names: names, values: try parseColumnName(after: "values"))
    }

    private mutating func parseUnpivot() throws(Diagnostic) -> StageKind {
        let columns = try parseColumnNames(after: "unpivot")
        guard peek.kind == .identifier("into") else {
            throw error(
                .unexpectedToken,
                "expected 'into' and the names of the two new columns, found \(peek.kind.description)",
                at: peek.span,
                help: "unpivot COLUMN, … into NAME, VALUE, for example: unpivot `2023`, `2024` into year, value")
        }
        advance()
        let name = try parseColumnName(after: "into")
        try expect(.comma, "expected ',' and the value column's name after '\(name.name)'")
        return .unpivot(columns: columns, name: name, value: try parseColumnName(after: ","))
    }

    private mutating func parseColumnNames(after word: String) throws(Diagnostic) -> [ColumnName] {
        var names: [ColumnName] = []
        repeat { names.append(try parseColumnName(after: word)) } while match(.comma)
        return names
    }

    /// A column name: an identifier, or any text in backticks (`` `2024` ``).
    private mutating func parseColumnName(after word: String) throws(Diagnostic) -> ColumnName {
        switch peek.kind {
        case .identifier(let name):
            return ColumnName(name: name, span: advance().span)
        case .number:
            throw error(
                .unexpectedToken, "expected a column name after '\(word)', found a number", at: peek.span,
                help: "write a column named by a number in backticks: `\(file.text(of: peek.span))`")
        default:
            throw error(
                .unexpectedToken, "expected a column name after '\(word)', found \(peek.kind.description)",
                at: peek.span)
        }
    }

    // MARK: Expressions

    private mutating func parseExpression() throws(Diagnostic) -> Expr {
        try parseOr()
    }

    private mutating func parseOr() throws(Diagnostic) -> Expr {
        var left = try parseAnd()
        var levels = 0
        defer { depth -= levels }
        while peek.kind == .keyword(.or) {
            try enter(at: advance().span)
            levels += 1
            let right = try parseAnd()
            left = Expr(.binary(.or, left, right), left.span.merged(with: right.span))
        }
        return left
    }

    private mutating func parseAnd() throws(Diagnostic) -> Expr {
        var left = try parseNot()
        var levels = 0
        defer { depth -= levels }
        while peek.kind == .keyword(.and) {
            try enter(at: advance().span)
            levels += 1
            let right = try parseNot()
            left = Expr(.binary(.and, left, right), left.span.merged(with: right.span))
        }
        return left
    }

    private mutating func parseNot() throws(Diagnostic) -> Expr {
        guard peek.kind == .keyword(.not) else { return try parseComparison() }
        let start = advance().span
        try enter(at: start)
        defer { depth -= 1 }
        let operand = try parseNot()
        return Expr(.unary(.not, operand), start.merged(with: operand.span))
    }

    private mutating func parseComparison() throws(Diagnostic) -> Expr {
        let left = try parseIn()
        guard case .symbol(let symbol) = peek.kind, let op = Self.comparison(symbol) else {
            if peek.kind == .symbol(.equal) {
                throw error(.unexpectedToken, "'=' binds names; compare with '=='", at: peek.span)
            }
            return left
        }
        advance()
        let right = try parseIn()
        let result = Expr(.binary(op, left, right), left.span.merged(with: right.span))
        if case .symbol(let next) = peek.kind, Self.comparison(next) != nil {
            throw error(.unexpectedToken, "comparisons cannot be chained; join them with 'and'", at: peek.span)
        }
        return result
    }

    /// The comparison a symbol spells, if it spells one.
    private static func comparison(_ symbol: Symbol) -> BinaryOperator? {
        switch symbol {
        case .equalEqual: .equal
        case .bangEqual: .notEqual
        case .less: .less
        case .lessEqual: .lessEqual
        case .greater: .greater
        case .greaterEqual: .greaterEqual
        default: nil
        }
    }

    private mutating func parseIn() throws(Diagnostic) -> Expr {
        var left = try parseAdditive()
        var levels = 0
        defer { depth -= levels }
        while peek.kind == .keyword(.in) {
            try enter(at: advance().span)
            levels += 1
            if let unit = try parseUnitSpec(afterIn: true) {
                left = Expr(.convert(left, unit), left.span.merged(with: unit.span))
            } else {
                let right = try parseAdditive()
                left = Expr(.membership(left, right), left.span.merged(with: right.span))
            }
        }
        return left
    }

    private mutating func parseAdditive() throws(Diagnostic) -> Expr {
        var left = try parseMultiplicative()
        var levels = 0
        defer { depth -= levels }
        while case .symbol(let symbol) = peek.kind, symbol == .plus || symbol == .minus {
            try enter(at: advance().span)
            levels += 1
            let right = try parseMultiplicative()
            left = Expr(.binary(symbol == .plus ? .add : .subtract, left, right), left.span.merged(with: right.span))
        }
        return left
    }

    private mutating func parseMultiplicative() throws(Diagnostic) -> Expr {
        var left = try parseUnary()
        var levels = 0
        defer { depth -= levels }
        while case .symbol(let symbol) = peek.kind, symbol == .star || symbol == .slash {
            try enter(at: advance().span)
            levels += 1
            let right = try parseUnary()
            left = Expr(.binary(symbol == .star ? .multiply : .divide, left, right), left.span.merged(with: right.span))
        }
        return left
    }

    private mutating func parseUnary() throws(Diagnostic) -> Expr {
        guard peek.kind == .symbol(.minus) || peek.kind == .symbol(.plus) else { return try parsePostfix() }
        let token = advance()
        try enter(at: token.span)
        defer { depth -= 1 }
        let operand = try parseUnary()
        if token.kind == .symbol(.plus) { return operand }
        return Expr(.unary(.negate, operand), token.span.merged(with: operand.span))
    }

    private mutating func parsePostfix() throws(Diagnostic) -> Expr {
        var expr = try parsePrimary()
        var levels = 0
        defer { depth -= levels }
        while true {
            if peek.kind == .symbol(.dot) || peek.kind == .symbol(.leftBracket) {
                try enter(at: peek.span)
                levels += 1
            }
            if peek.kind == .symbol(.dot) {
                advance()
                switch peek.kind {
                case .identifier(let name):
                    let nameSpan = advance().span
                    expr = Expr(.member(expr, name: name, nameSpan: nameSpan), expr.span.merged(with: nameSpan))
                case .keyword(let keyword):
                    let nameSpan = advance().span
                    expr = Expr(
                        .member(expr, name: keyword.rawValue, nameSpan: nameSpan), expr.span.merged(with: nameSpan))
                default:
                    throw error(
                        .unexpectedToken, "expected a name after '.', found \(peek.kind.description)", at: peek.span)
                }
            } else if peek.kind == .symbol(.leftBracket) {
                let open = advance()
                openBrackets.append(open)
                let index = try parsePipeline()
                try close(.rightBracket, opening: open)
                expr = Expr(.index(expr, index), expr.span.merged(with: previous.span))
            } else {
                return expr
            }
        }
    }

    private mutating func parsePrimary() throws(Diagnostic) -> Expr {
        let token = peek
        switch token.kind {
        case .number(let value):
            advance()
            if let unit = try parseUnitSpec() {
                return Expr(.quantity(value, unit), token.span.merged(with: unit.span))
            }
            return Expr(.number(value), token.span)
        case .string(let text):
            advance()
            return Expr(.string(text), token.span)
        case .keyword(.true):
            advance()
            return Expr(.bool(true), token.span)
        case .keyword(.false):
            advance()
            return Expr(.bool(false), token.span)
        case .keyword(.null):
            advance()
            return Expr(.null, token.span)
        case .keyword(.if):
            return try parseConditional()
        case .identifier(let name):
            advance()
            if name.lowercased() == "case", case .identifier(let next) = peek.kind, next.lowercased() == "when" {
                throw error(
                    .unexpectedToken, "'case when' is SQL", at: token.span.merged(with: peek.span),
                    help: "alq writes conditionals as: if condition then value else other")
            }
            if peek.kind == .symbol(.leftParen) {
                let arguments = try parseArguments()
                return Expr(
                    .call(name: name, nameSpan: token.span, arguments: arguments),
                    token.span.merged(with: previous.span))
            }
            return Expr(.name(name), token.span)
        case .symbol(.leftParen):
            advance()
            openBrackets.append(token)
            try enter(at: token.span)
            defer { depth -= 1 }
            let inner = try parsePipeline()
            try close(.rightParen, opening: token)
            return Expr(inner.kind, token.span.merged(with: previous.span))
        case .symbol(.leftBracket):
            advance()
            openBrackets.append(token)
            try enter(at: token.span)
            defer { depth -= 1 }
            var elements: [Expr] = []
            if peek.kind != .symbol(.rightBracket) {
                repeat {
                    if peek.kind == .symbol(.rightBracket) { break }
                    elements.append(try parsePipeline())
                } while match(.comma)
            }
            try close(.rightBracket, opening: token)
            return Expr(.list(elements), token.span.merged(with: previous.span))
        case .symbol(.leftBrace):
            advance()
            openBrackets.append(token)
            try enter(at: token.span)
            defer { depth -= 1 }
            var fields: [RecordField] = []
            if peek.kind != .symbol(.rightBrace) {
                repeat {
                    if peek.kind == .symbol(.rightBrace) { break }
                    let key: String
                    switch peek.kind {
                    case .identifier(let name), .string(let name): key = name
                    case .keyword(let keyword): key = keyword.rawValue
                    default:
                        throw error(
                            .unexpectedToken, "expected a field name, found \(peek.kind.description)", at: peek.span)
                    }
                    advance()
                    try expect(.colon, "expected ':' after the field name")
                    fields.append(RecordField(name: key, value: try parsePipeline()))
                } while match(.comma)
            }
            try close(.rightBrace, opening: token)
            return Expr(.record(fields), token.span.merged(with: previous.span))
        case .endOfFile, .separator:
            if let open = openBrackets.last {
                throw unclosed(open)
            }
            let lineBreak = token.kind == .separator && file.text(of: token.span) == "\n"
            throw error(
                .expectedExpression, "expected an expression, found \(token.kind.description)", at: token.span,
                help: lineBreak ? "a line break ends the statement: continue it inside brackets, or after a '|'" : nil)
        default:
            throw error(.expectedExpression, "expected an expression, found \(token.kind.description)", at: token.span)
        }
    }

    private mutating func parseArguments() throws(Diagnostic) -> [Expr] {
        let open = advance()
        openBrackets.append(open)
        try enter(at: open.span)
        defer { depth -= 1 }
        var arguments: [Expr] = []
        if peek.kind != .symbol(.rightParen) {
            repeat {
                if case .identifier(let name) = peek.kind, tokens[position + 1].kind == .symbol(.equal) {
                    let nameSpan = advance().span
                    advance()
                    let value = try parsePipeline()
                    arguments.append(
                        Expr(
                            .namedArgument(name: name, nameSpan: nameSpan, value: value),
                            nameSpan.merged(with: value.span)))
                } else {
                    arguments.append(try parsePipeline())
                }
            } while match(.comma)
        }
        try close(.rightParen, opening: open)
        return arguments
    }

    /// `if condition then value else alternative`; `else if` nests. The branches reach as far right as
    /// an expression goes, so `if c then 1 else 2 + 3` adds 3 in the else branch.
    private mutating func parseConditional() throws(Diagnostic) -> Expr {
        let start = advance().span
        try enter(at: start)
        defer { depth -= 1 }
        let condition = try parseExpression()
        guard peek.kind == .keyword(.then) else {
            throw error(
                .unexpectedToken, "expected 'then' after the condition of 'if', found \(peek.kind.description)",
                at: endOfLineAware, help: "write: if condition then value else other")
        }
        advance()
        let value = try parseExpression()
        guard peek.kind == .keyword(.else) else {
            throw error(
                .unexpectedToken, "expected 'else' after the 'then' value, found \(peek.kind.description)",
                at: endOfLineAware, help: "every 'if' needs an 'else'; write 'else null' for no value")
        }
        advance()
        let alternative = try parseExpression()
        return Expr(
            .conditional(condition: condition, then: value, else: alternative), start.merged(with: alternative.span))
    }

    /// `fn name(a, b = default) = body`
    private mutating func parseFunctionDefinition() throws(Diagnostic) -> FunctionDefinition {
        let start = advance().span
        guard case .identifier(let name) = peek.kind else {
            throw error(
                .unexpectedToken, "expected a function name after 'fn', found \(peek.kind.description)", at: peek.span,
                help: "for example: fn growth_to(a, b, years = 1) = pow(b / a, 1 / years) - 1")
        }
        let nameSpan = advance().span
        guard peek.kind == .symbol(.leftParen) else {
            throw error(
                .unexpectedToken,
                "expected '(' and the parameters after the function name, found \(peek.kind.description)",
                at: peek.span, help: "a function without parameters is written fn \(name)() = …")
        }
        let open = advance()
        openBrackets.append(open)
        var parameters: [FunctionDefinition.Parameter] = []
        if peek.kind != .symbol(.rightParen) {
            repeat {
                guard case .identifier(let parameter) = peek.kind else {
                    throw error(
                        .unexpectedToken, "expected a parameter name, found \(peek.kind.description)", at: peek.span)
                }
                let span = advance().span
                if parameters.contains(where: { $0.name == parameter }) {
                    throw error(.unexpectedToken, "parameter '\(parameter)' is named twice", at: span)
                }
                var defaultValue: Expr?
                if match(.equal) {
                    defaultValue = try parseExpression()
                } else if parameters.last?.defaultValue != nil {
                    throw error(
                        .unexpectedToken, "parameter '\(parameter)' needs a default: it follows one that has a default",
                        at: span)
                }
                parameters.append(.init(name: parameter, span: span, defaultValue: defaultValue))
            } while match(.comma)
        }
        try close(.rightParen, opening: open)
        try expect(.equal, "expected '=' and the function's body after its parameters")
        let body = try parsePipeline()
        return FunctionDefinition(
            name: name, nameSpan: nameSpan, parameters: parameters, body: body, span: start.merged(with: body.span))
    }

    /// A scale word and/or unit word, if the next tokens are one, then any `/ unit` parts of a
    /// compound unit (`CNY/t`, `万 CNY/t`, `kWh/t`).
    private mutating func parseUnitSpec(afterIn: Bool = false) throws(Diagnostic) -> UnitSpec? {
        if afterIn, case .identifier(let name) = peek.kind, UnitWords.timeWords.contains(name),
            !(position + 2 < tokens.count && tokens[position + 1].kind == .symbol(.slash))
        {
            return nil
        }
        var words: [String] = []
        var span: Span?
        func word(_ token: Token) -> String? {
            switch token.kind {
            case .identifier(let name) where UnitWords.isUnitWord(name): name
            case .symbol(.percent): "%"
            default: nil
            }
        }
        while words.count < 2, let next = word(peek) {
            if !words.isEmpty && !UnitWords.scales.contains(words[0]) { break }
            if words.count == 1 && UnitWords.scales.contains(next) { break }
            words.append(next)
            span = span.map { $0.merged(with: peek.span) } ?? peek.span
            advance()
        }
        guard let span else { return nil }
        if words.count == 2, UnitWords.scaledUnits.contains(words[1]) {
            throw error(
                .unknownUnit, "'\(words.joined(separator: " "))' is not a unit: \(words[1]) already has a scale",
                at: span,
                help: "write the quantity in t with a scale word (\(words[0]) t), or in \(words[1]) alone")
        }
        var compound = span
        while peek.kind == .symbol(.slash), position + 1 < tokens.count,
            case .identifier(let name) = tokens[position + 1].kind, UnitWords.denominators.contains(name),
            position + 2 >= tokens.count || tokens[position + 2].kind != .symbol(.leftParen)
        {
            advance()
            compound = compound.merged(with: peek.span)
            advance()
            words += ["/", name]
        }
        return UnitSpec(words: words, span: compound)
    }

    // MARK: Helpers

    /// Where to point when something is missing: the next token, or the last one when the line ends here.
    private var endOfLineAware: Span {
        peek.kind == .separator || peek.kind == .endOfFile ? previous.span : peek.span
    }

    private var peek: Token { tokens[position] }
    private var previous: Token { tokens[max(0, position - 1)] }

    @discardableResult
    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private mutating func match(_ symbol: Symbol) -> Bool {
        guard peek.kind == .symbol(symbol) else { return false }
        advance()
        return true
    }

    private mutating func expect(_ symbol: Symbol, _ message: String) throws(Diagnostic) {
        guard match(symbol) else {
            throw error(.unexpectedToken, "\(message), found \(peek.kind.description)", at: peek.span)
        }
    }

    private mutating func close(_ symbol: Symbol, opening: Token) throws(Diagnostic) {
        if match(symbol) {
            openBrackets.removeLast()
            return
        }
        if peek.kind == .endOfFile || peek.kind == .separator {
            throw unclosed(openBrackets.last ?? opening)
        }
        throw error(
            .unexpectedToken, "expected '\(symbol.rawValue)', found \(peek.kind.description)", at: peek.span,
            help: "the '\(opening.kind.symbolText)' here is not closed yet")
    }

    private func unclosed(_ open: Token) -> Diagnostic {
        let closing: String
        switch open.kind {
        case .symbol(.leftParen): closing = ")"
        case .symbol(.leftBracket): closing = "]"
        default: closing = "}"
        }
        return error(
            .unclosedBracket, "unclosed '\(open.kind.symbolText)': expected '\(closing)' before the end of input",
            at: open.span)
    }

    private mutating func enter(at span: Span) throws(Diagnostic) {
        depth += 1
        if depth > Parser.maximumDepth {
            throw error(
                .nestingTooDeep, "expression nested too deeply (more than \(Parser.maximumDepth) levels)", at: span,
                help: "split the expression with 'let'")
        }
    }

    private func error(_ code: DiagnosticCode, _ message: String, at span: Span, help: String? = nil) -> Diagnostic {
        Diagnostic(code, message, span: span, file: file, help: help)
    }
}

extension TokenKind {
    fileprivate var symbolText: String {
        if case .symbol(let symbol) = self { return symbol.rawValue }
        return description
    }
}
