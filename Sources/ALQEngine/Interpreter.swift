import ALQPluginAPI
import ALQRuntime
import ALQSyntax

/// The row a table stage is evaluating an expression for.
struct RowContext {
    let table: Table
    let row: Int
}

/// Evaluates expressions of one source file in a session.
struct Interpreter {
    let session: Session
    let file: SourceFile
    /// The parameters of the user-defined function being evaluated.
    var locals: [String: Value] = [:]
    /// How deeply the user-defined function calls that enclose this evaluation recurse, in expression levels.
    var callNesting = 0

    // MARK: Expressions

    /// Evaluates an expression, for one row of a table when `row` is given.
    ///
    /// Each case delegates to a small function: this one recurses once per level of the tree, so its
    /// stack frame is kept small (the parser bounds the depth, see `Parser.maximumDepth`).
    func eval(_ expr: Expr, row: RowContext? = nil) throws(Diagnostic) -> Value {
        switch expr.kind {
        case .number(let number): return .number(number)
        case .string(let text): return .string(text)
        case .bool(let flag): return .bool(flag)
        case .null: return .null
        case .quantity(let number, let spec): return try quantity(number, spec, span: expr.span)
        case .list(let elements): return try ValueNesting.checked(try list(elements, row: row), span: expr.span)
        case .record(let fields): return try ValueNesting.checked(try record(fields, row: row), span: expr.span)
        case .name(let name): return try lookup(name, span: expr.span, row: row)
        case .member(let base, let name, let nameSpan):
            return try member(of: try eval(base, row: row), name: name, span: nameSpan)
        case .index(let base, let subscriptExpr): return try index(base, subscriptExpr, row: row)
        case .call(let name, let nameSpan, let arguments):
            return try call(name, nameSpan: nameSpan, arguments: arguments, span: expr.span, row: row)
        case .unary(let op, let operand): return try unary(op, operand, span: expr.span, row: row)
        case .binary(let op, let left, let right): return try binary(op, left, right, span: expr.span, row: row)
        case .convert(let operand, let spec): return try convert(try eval(operand, row: row), to: spec, span: expr.span)
        case .membership(let needle, let haystack): return try membership(needle, haystack, row: row)
        case .pipeline(let input, let stages): return try pipeline(input, stages, row: row)
        case .conditional(let condition, let value, let alternative):
            return try conditional(condition, value, alternative, row: row)
        case .namedArgument(let name, let nameSpan, _):
            throw Diagnostic(
                .unexpectedToken, "'\(name) = …' names an argument and belongs inside a call", span: nameSpan,
                file: file)
        }
    }

    private func quantity(_ number: Double, _ spec: UnitSpec, span: Span) throws(Diagnostic) -> Value {
        let quantity = Quantity(number, try resolve(spec))
        guard quantity.value.isFinite else { throw located(Arithmetic.overflow(), span) }
        return Arithmetic.result(quantity)
    }

    private func list(_ elements: [Expr], row: RowContext?) throws(Diagnostic) -> Value {
        var values: [Value] = []
        values.reserveCapacity(elements.count)
        for element in elements { values.append(try eval(element, row: row)) }
        return .list(values)
    }

    private func record(_ fields: [RecordField], row: RowContext?) throws(Diagnostic) -> Value {
        var record = Record()
        for field in fields { record[field.name] = try eval(field.value, row: row) }
        return .record(record)
    }

    private func index(_ base: Expr, _ index: Expr, row: RowContext?) throws(Diagnostic) -> Value {
        let container = try eval(base, row: row)
        return try subscripted(container, by: try eval(index, row: row), span: index.span)
    }

    private func call(_ name: String, nameSpan: Span, arguments: [Expr], span: Span, row: RowContext?)
        throws(Diagnostic) -> Value
    {
        try call(name, nameSpan: nameSpan, arguments: try self.arguments(arguments, row: row), span: span)
    }

    private func unary(_ op: UnaryOperator, _ operand: Expr, span: Span, row: RowContext?) throws(Diagnostic) -> Value {
        let value = try eval(operand, row: row)
        switch op {
        case .not:
            return .bool(!(try truth(value, operand.span)))
        case .negate:
            do throws(Diagnostic) { return try Arithmetic.negate(value) } catch { throw located(error, span) }
        }
    }

    private func binary(_ op: BinaryOperator, _ left: Expr, _ right: Expr, span: Span, row: RowContext?)
        throws(Diagnostic) -> Value
    {
        switch op {
        case .and:
            guard try truth(try eval(left, row: row), left.span) else { return .bool(false) }
            return .bool(try truth(try eval(right, row: row), right.span))
        case .or:
            if try truth(try eval(left, row: row), left.span) { return .bool(true) }
            return .bool(try truth(try eval(right, row: row), right.span))
        default:
            let a = try eval(left, row: row)
            let b = try eval(right, row: row)
            do throws(Diagnostic) { return try Arithmetic.apply(op, a, b) } catch { throw located(error, span) }
        }
    }

    private func membership(_ needle: Expr, _ haystack: Expr, row: RowContext?) throws(Diagnostic) -> Value {
        let value = try eval(needle, row: row)
        return try membership(value, in: try eval(haystack, row: row), span: haystack.span)
    }

    private func pipeline(_ input: Expr, _ stages: [Stage], row: RowContext?) throws(Diagnostic) -> Value {
        if row == nil, let streamed = try streamedPipeline(input, stages) { return streamed }
        return try run(stages[...], on: try eval(input, row: row))
    }

    /// Applies stages one after another to a value.
    func run(_ stages: ArraySlice<Stage>, on input: Value) throws(Diagnostic) -> Value {
        var value = input
        var position = stages.startIndex
        while position < stages.endIndex {
            try session.checkCancellation()
            let step = PipelineStage(interpreter: self, stage: stages[position])
            if position + 1 < stages.endIndex, let top = try step.sortedPrefix(taking: stages[position + 1], of: value)
            {
                value = top
                position += 2
                continue
            }
            value = try step.apply(to: value)
            position += 1
        }
        return value
    }

    func truth(_ value: Value, _ span: Span) throws(Diagnostic) -> Bool {
        guard let flag = value.truthiness else {
            throw Diagnostic(
                .typeMismatch, "expected true or false, found a \(value.typeName)", span: span, file: file)
        }
        return flag
    }

    func located(_ diagnostic: Diagnostic, _ span: Span) -> Diagnostic {
        diagnostic.at(span).located(in: file)
    }

    // MARK: Names

    func lookup(_ name: String, span: Span, row: RowContext?) throws(Diagnostic) -> Value {
        if let row, let column = row.table.column(name) {
            return column[row.row]
        }
        if let value = locals[name] ?? session.variables[name] { return value }
        if let table = session.registry.table(named: name) { return .table(table) }
        if let region = session.registry.region(named: name) { return .module(region.info.id) }
        if let row {
            throw Diagnostic(
                .unknownColumn, "unknown column '\(name)'", span: span, file: file,
                help: Suggestion.didYouMean(name, among: row.table.columnNames)
                    ?? "the columns are \(row.table.columnNames.joined(separator: ", "))")
        }
        throw unknownName(name, span: span)
    }

    func unknownName(_ name: String, span: Span) -> Diagnostic {
        let candidates =
            Array(session.variables.keys) + Array(locals.keys) + session.registry.tableNames
            + session.registry.regions.map(\.module.info.name)
        let help: String?
        if Builtins.catalog[name] != nil || session.userFunctions[name] != nil {
            help = "'\(name)' is a function: call it as \(name)(…)"
        } else if name == "help" {
            help = "help is a command of the prompt: type help NAME or :help there"
        } else if Parser.stageNames.contains(name) {
            help = "'\(name)' is a pipeline stage: write it after a '|', as in facts | \(name) …"
        } else {
            help = Suggestion.didYouMean(name, among: candidates)
        }
        return Diagnostic(.unknownName, "unknown name '\(name)'", span: span, file: file, help: help)
    }

    // MARK: Members and indexing

    func member(of base: Value, name: String, span: Span) throws(Diagnostic) -> Value {
        switch base {
        case .record(let record):
            if let value = record[name] { return value }
            throw Diagnostic(
                .unknownMember, "the record has no field '\(name)'", span: span, file: file,
                help: Suggestion.didYouMean(name, among: record.keys))
        case .table(let table):
            if let column = table.column(name) {
                return .list((0..<table.rowCount).map { column[$0] })
            }
            throw Diagnostic(
                .unknownColumn, "unknown column '\(name)'", span: span, file: file,
                help: Suggestion.didYouMean(name, among: table.columnNames))
        case .date(let date):
            if let value = DateArithmetic.member(date, name) { return value }
            throw Diagnostic(
                .unknownMember, "a date has no field '\(name)'", span: span, file: file,
                help: Suggestion.didYouMean(name, among: ["year", "month", "day", "iso"])
                    ?? "its fields are year, month, day and iso")
        case .module(let id):
            guard let module = session.registry.region(id: id) else {
                throw Diagnostic(.unknownName, "region '\(id)' is no longer registered", span: span, file: file)
            }
            return try RegionNamespace(module: module, registry: session.registry).member(name, span: span, file: file)
        default:
            throw Diagnostic(
                .typeMismatch, "a \(base.typeName) has no members ('.\(name)')", span: span, file: file)
        }
    }

    func subscripted(_ container: Value, by index: Value, span: Span) throws(Diagnostic) -> Value {
        switch (container, index) {
        case (.list(let values), _):
            let position = try integerIndex(index, count: values.count, span: span)
            return values[position]
        case (.string(let text), _):
            let characters = Array(text)
            return .string(String(characters[try integerIndex(index, count: characters.count, span: span)]))
        case (.record(let record), .string(let key)):
            if let value = record[key] { return value }
            throw Diagnostic(
                .keyNotFound, "the record has no field '\(key)'", span: span, file: file,
                help: Suggestion.didYouMean(key, among: record.keys))
        case (.table(let table), _):
            if let key = table.keyColumn {
                return try SeriesLookup(table: table, keyColumn: key).value(at: index, span: span, file: file)
            }
            return .record(table.row(try integerIndex(index, count: table.rowCount, span: span)))
        case (.module, _):
            throw Diagnostic(
                .typeMismatch, "a region cannot be indexed; index one of its series, e.g. Guangxi.output_value[2024]",
                span: span, file: file)
        default:
            throw Diagnostic(
                .typeMismatch, "cannot index a \(container.typeName) with a \(index.typeName)", span: span, file: file)
        }
    }

    private func integerIndex(_ index: Value, count: Int, span: Span) throws(Diagnostic) -> Int {
        guard let number = index.plainNumber, number == number.rounded(), abs(number) < 1e15 else {
            throw Diagnostic(
                .typeMismatch, "an index must be a whole number, found \(index.literalText)", span: span, file: file)
        }
        let position = number < 0 ? count + Int(number) : Int(number)
        guard position >= 0 && position < count else {
            throw Diagnostic(
                .indexOutOfRange, "index \(Int(number)) is out of range: there are \(count) elements", span: span,
                file: file, help: count > 0 ? "indexes run from 0 to \(count - 1), or -1 for the last" : nil)
        }
        return position
    }

    // MARK: Units and membership

    func resolve(_ spec: UnitSpec) throws(Diagnostic) -> Unit {
        guard let unit = Unit.resolve(spec.words) else {
            throw Diagnostic(
                .unknownUnit, "'\(spec.words.joined(separator: " "))' is not a unit", span: spec.span, file: file,
                help: "write a scale word before a unit: bn CNY, 万 t, k count")
        }
        return unit
    }

    func convert(_ value: Value, to spec: UnitSpec, span: Span) throws(Diagnostic) -> Value {
        let unit = try resolve(spec)
        switch value {
        case .null:
            return .null
        case .quantity(var quantity) where quantity.dimension == unit.dimension:
            quantity.displayUnit = unit
            return .quantity(quantity)
        case .number(let number) where unit.dimension == .none:
            return .quantity(Quantity(value: number, dimension: .none, displayUnit: unit))
        case .number(let number) where unit.dimension == .percent:
            try FiniteCheck.one(number * 100, span: span, file: file)
            return .quantity(Quantity(value: number * 100, dimension: .percent))
        case .quantity(let quantity) where quantity.dimension == .none && unit.dimension == .percent:
            try FiniteCheck.one(quantity.value * 100, span: span, file: file)
            var percent = quantity
            percent.value = quantity.value * 100
            percent.dimension = .percent
            percent.displayUnit = nil
            percent.annotate(from: [quantity], interval: quantity.interval * Interval(100, .exact))
            return .quantity(percent)
        case .quantity(let quantity):
            throw Arithmetic.mismatch(
                "cannot convert \(Arithmetic.unitName(quantity)) to \(unit.symbol)", expected: unit.dimension,
                found: quantity.dimension
            ).at(span).located(in: file)
        case .number:
            throw Diagnostic(
                .unitMismatch, "cannot convert a plain number to \(unit.symbol)", span: span, file: file,
                help: "give the number a unit first, for example 5 t in kt")
        default:
            throw Diagnostic(.typeMismatch, "cannot convert a \(value.typeName) to a unit", span: span, file: file)
        }
    }

    private func membership(_ needle: Value, in haystack: Value, span: Span) throws(Diagnostic) -> Value {
        switch haystack {
        case .list(let values): return .bool(values.contains { Comparison.equal($0, needle) })
        case .string(let text):
            guard case .string(let part) = needle else { break }
            return .bool(text.contains(part))
        case .record(let record):
            guard case .string(let key) = needle else { break }
            return .bool(record[key] != nil)
        default: break
        }
        throw Diagnostic(
            .typeMismatch, "'in' needs a list, string or record on its right, found a \(haystack.typeName)",
            span: span, file: file)
    }

    // MARK: Calls

    func call(_ name: String, nameSpan: Span, arguments: [Value], span: Span, argumentSpans: [Span] = [])
        throws(Diagnostic) -> Value
    {
        if let function = session.userFunctions[name] {
            return try call(function, arguments: arguments, span: span)
        }
        guard let function = Builtins.catalog[name] else {
            do throws(Diagnostic) {
                if let value = try session.host.callFunction(name, arguments: arguments) { return value }
            } catch {
                throw located(error, span)
            }
            throw Diagnostic(
                .unknownFunction, "unknown function '\(name)'", span: nameSpan, file: file,
                help: Window.functions.contains(name)
                    ? "\(name) is a window function: use it in derive, e.g. derive prev = lag(value) by region"
                    : ForeignWords.functionHint(name) ?? Suggestion.didYouMean(name, among: session.functionNames))
        }
        guard function.arity.contains(arguments.count) else {
            throw Diagnostic(
                .wrongArgumentCount, "\(name) takes \(Interpreter.describe(function.arity)), given \(arguments.count)",
                span: span, file: file, help: "usage: \(function.signature)")
        }
        do throws(Diagnostic) {
            return try function.body(
                BuiltinCall(interpreter: self, arguments: arguments, span: span, argumentSpans: argumentSpans))
        } catch {
            throw located(error, span)
        }
    }
}
