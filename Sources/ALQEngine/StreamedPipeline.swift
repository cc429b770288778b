import ALQPluginAPI
import ALQRuntime
import ALQSyntax

/// A pipeline over a file run a chunk of records at a time (docs/architecture.md, "Streamed
/// pipelines"): `open(…) | where … | derive … | select … | group … | agg …`.
///
/// The row-wise stages at the head of the pipeline (`where`, `select`, `derive` without window
/// functions, `rename`, `drop`, with expressions that look at one row at a time) run on each chunk as
/// the reader hands it over, and only their result is kept; when a `group` or `agg` follows, only the
/// columns it names are kept. The kept rows are joined in file order and the rest of the pipeline runs
/// on them as it would on the whole table, so every result is the one the whole table gives: the same
/// rows in the same order, the same column types, and sums added in the same order. Whenever that
/// cannot be promised (a chunk reads a column with another type than the first, a stage fails, chunks'
/// results differ in type), the pipeline runs again on the whole file, which also gives any error.
struct StreamedPipeline {
    let interpreter: Interpreter

    /// Builtins that compute each row's value from that row alone.
    static let rowFunctions: Set<String> = [
        "abs", "cagr", "ceil", "coalesce", "contains", "date", "ends_with", "equals_ignore_case", "exp", "extract",
        "floor", "growth", "is_null", "len", "ln", "log", "log10", "lower", "matches", "mod", "number", "pow",
        "quantity", "replace", "replace_regex", "round", "sqrt", "starts_with", "string", "substr", "trim", "type",
        "unit", "upper",
    ]

    /// The pipeline's value, or `nil` when it is not streamed (then the caller runs it as usual).
    func run(_ input: Expr, _ stages: [Stage]) throws(Diagnostic) -> Value? {
        guard case .call("open", _, let arguments) = input.kind, interpreter.session.userFunctions["open"] == nil,
            let open = Builtins.catalog["open"], open.arity.contains(arguments.count)
        else { return nil }
        let head = stages.prefix { isRowWise($0) }
        let rest = stages[head.endIndex...]
        let grouping = rest.first.flatMap(groupingNames)
        guard grouping != nil || head.contains(where: reducesRows) else { return nil }
        guard let request = try? openRequest(arguments, span: input.span) else { return nil }
        let columns = grouping.flatMap { names in fileColumns(head, then: names) }

        var kept: [Table] = []
        var failed = false
        let complete: Bool
        do throws(Diagnostic) {
            complete = try interpreter.session.host.openChunks(
                path: request.path, format: request.format, options: request.options, columns: columns,
                registry: interpreter.session.registry
            ) { chunk throws(Diagnostic) in
                try interpreter.session.checkCancellation()
                do throws(Diagnostic) {
                    var table = try interpreter.run(head, on: .table(chunk))
                    if let names = grouping, case .table(let whole) = table {
                        table = .table(Self.keeping(names, of: whole))
                    }
                    guard case .table(let result) = table else { throw Diagnostic(.typeMismatch, "not a table") }
                    kept.append(result)
                    return true
                } catch  where error.code != .interrupted {
                    failed = true
                    return false
                }
            }
        } catch  where error.code != .interrupted {
            return nil
        }
        guard complete, !failed, let table = Self.joined(kept) else { return nil }
        kept = []
        guard let next = rest.first else { return .table(table) }
        let value: Value
        do throws(Diagnostic) {
            value = try PipelineStage(interpreter: interpreter, stage: next).apply(to: .table(table))
        } catch  where error.code != .interrupted {
            return nil
        }
        return try interpreter.run(rest.dropFirst(), on: value)
    }

    /// `open`'s path, format and options, as the call would take them.
    private func openRequest(_ arguments: [Expr], span: Span) throws(Diagnostic) -> (
        path: String, format: String?, options: ReadOptions
    ) {
        let values = try interpreter.arguments(arguments, row: nil)
        let parameters = CallArguments.parameterNames(inSignature: Builtins.catalog["open"]!.signature)
        let resolved = try values.resolved(against: parameters, function: "open", file: interpreter.file)
        let call = BuiltinCall(interpreter: interpreter, arguments: resolved.map { $0 ?? .null }, span: span)
        return try OpenArguments.request(call)
    }

    /// Whether a stage keeps fewer rows or columns than it is given.
    private func reducesRows(_ stage: Stage) -> Bool {
        switch stage.kind {
        case .filter, .select, .drop: true
        default: false
        }
    }

    /// Whether a stage gives each row's result from that row alone, so that it may run chunk by chunk.
    private func isRowWise(_ stage: Stage) -> Bool {
        switch stage.kind {
        case .filter(let predicate): isRowWise(predicate)
        case .select(let bindings): bindings.allSatisfy { isRowWise($0.value) }
        case .derive(let bindings): bindings.allSatisfy { !Window.contains($0.value) && isRowWise($0.value) }
        case .rename, .drop: true
        default: false
        }
    }

    private func isRowWise(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .number, .string, .bool, .null, .quantity, .name: true
        case .list(let elements): elements.allSatisfy(isRowWise)
        case .record(let fields): fields.allSatisfy { isRowWise($0.value) }
        case .member(let base, _, _): isRowWise(base)
        case .index(let base, let index): isRowWise(base) && isRowWise(index)
        case .call(let name, _, let arguments):
            interpreter.session.userFunctions[name] == nil && Self.rowFunctions.contains(name)
                && Builtins.catalog[name] != nil && arguments.allSatisfy(isRowWise)
        case .namedArgument(_, _, let value): isRowWise(value)
        case .unary(_, let operand), .convert(let operand, _): isRowWise(operand)
        case .binary(_, let left, let right), .membership(let left, let right): isRowWise(left) && isRowWise(right)
        case .conditional(let condition, let value, let alternative):
            isRowWise(condition) && isRowWise(value) && isRowWise(alternative)
        case .pipeline: false
        }
    }

    /// The file columns the streamed stages and the `group` or `agg` after them can look at: every name
    /// they mention (`grouping`: the stage's), and the names they bind, rename or drop; `nil` when
    /// that cannot be told (a user-defined function or a pipeline in an expression). The reader need
    /// not build the values of the file's other columns (projection pushdown).
    private func fileColumns(_ head: ArraySlice<Stage>, then grouping: Set<String>) -> Set<String>? {
        var names = grouping
        for stage in head {
            switch stage.kind {
            case .filter(let predicate):
                guard collectNames(predicate, into: &names) else { return nil }
            case .select(let bindings), .derive(let bindings):
                for binding in bindings {
                    names.insert(binding.name)
                    guard collectNames(binding.value, into: &names) else { return nil }
                }
            case .rename(let renames):
                for rename in renames {
                    names.insert(rename.old.name)
                    names.insert(rename.new.name)
                }
            case .drop(let dropped): names.formUnion(dropped.map(\.name))
            default: return nil
            }
        }
        return names
    }

    /// The names a `group` or `agg` stage mentions, when those are all the columns it can look at
    /// (no user-defined function, whose body might name others, and no pipeline); `nil` otherwise.
    private func groupingNames(_ stage: Stage) -> Set<String>? {
        let bindings: [Binding]
        switch stage.kind {
        case .group(let keys, let aggregates): bindings = keys + aggregates
        case .aggregate(let aggregates): bindings = aggregates
        default: return nil
        }
        var names: Set<String> = []
        for binding in bindings {
            guard collectNames(binding.value, into: &names) else { return nil }
        }
        return names
    }

    private func collectNames(_ expr: Expr, into names: inout Set<String>) -> Bool {
        switch expr.kind {
        case .number, .string, .bool, .null, .quantity: return true
        case .name(let name):
            names.insert(name)
            return true
        case .list(let elements): return elements.allSatisfy { collectNames($0, into: &names) }
        case .record(let fields): return fields.allSatisfy { collectNames($0.value, into: &names) }
        case .member(let base, _, _): return collectNames(base, into: &names)
        case .index(let base, let index): return collectNames(base, into: &names) && collectNames(index, into: &names)
        case .call(let name, _, let arguments):
            return interpreter.session.userFunctions[name] == nil
                && arguments.allSatisfy { collectNames($0, into: &names) }
        case .namedArgument(_, _, let value): return collectNames(value, into: &names)
        case .unary(_, let operand), .convert(let operand, _): return collectNames(operand, into: &names)
        case .binary(_, let left, let right), .membership(let left, let right):
            return collectNames(left, into: &names) && collectNames(right, into: &names)
        case .conditional(let condition, let value, let alternative):
            return collectNames(condition, into: &names) && collectNames(value, into: &names)
                && collectNames(alternative, into: &names)
        case .pipeline: return false
        }
    }

    /// The table with only the columns named, in its own order.
    static func keeping(_ names: Set<String>, of table: Table) -> Table {
        let indices = table.columnNames.indices.filter { names.contains(table.columnNames[$0]) }
        guard indices.count < table.columnNames.count else { return table }
        return Table(
            columnNames: indices.map { table.columnNames[$0] }, columns: indices.map { table.columns[$0] },
            rowCount: table.rowCount, keyColumn: table.keyColumn.flatMap { names.contains($0) ? $0 : nil })
    }

    /// The chunks' results one after another, or `nil` when they differ in columns or column types
    /// (then the whole table's result might differ from theirs).
    static func joined(_ parts: [Table]) -> Table? {
        guard let first = parts.first else { return nil }
        if parts.count == 1 { return first }
        for part in parts.dropFirst() {
            guard part.columnNames == first.columnNames, part.keyColumn == first.keyColumn,
                zip(part.columns, first.columns).allSatisfy({ storesAlike($0, $1) })
            else { return nil }
        }
        var columns: [Column] = []
        columns.reserveCapacity(first.columns.count)
        for index in first.columns.indices {
            guard let column = try? Column.concatenate(parts.map { $0.columns[index] }) else { return nil }
            columns.append(column)
        }
        return Table(
            columnNames: first.columnNames, columns: columns, rowCount: parts.reduce(0) { $0 + $1.rowCount },
            keyColumn: first.keyColumn)
    }

    /// Whether two columns hold values the same way: numbers, strings, bools, quantities of one unit,
    /// or values of any kind.
    private static func storesAlike(_ a: Column, _ b: Column) -> Bool {
        switch (a, b) {
        case (.number, .number), (.string, .string), (.bool, .bool), (.mixed, .mixed): true
        case (.quantity(let x), .quantity(let y)): x.dimension == y.dimension && x.displayUnit == y.displayUnit
        default: false
        }
    }
}

extension Interpreter {
    /// The pipeline's value when it is streamed chunk by chunk from a file (see ``StreamedPipeline``).
    func streamedPipeline(_ input: Expr, _ stages: [Stage]) throws(Diagnostic) -> Value? {
        try StreamedPipeline(interpreter: self).run(input, stages)
    }
}
