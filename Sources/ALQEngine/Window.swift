import ALQRuntime
import ALQSyntax

/// `derive name = expr, … by key, …`: window functions, evaluated within partitions of the rows.
///
/// The rows are grouped once by the partition keys (all rows form one partition without `by`); within
/// a partition they keep the table's current order. Each window call in a binding is computed as a
/// column over the whole table, and the expression around it is then evaluated column-wise as in any
/// `derive`. Functions that move cells (`lag`, `lead`, `first_value`, `last_value`) gather them by row,
/// so a moved quantity keeps its unit and provenance.
struct Window {
    let interpreter: Interpreter
    let table: Table

    /// The window functions `derive` knows.
    static let functions: Set<String> = [
        "lag", "lead", "row_number", "rank", "cumsum", "rolling_avg", "first_value", "last_value",
    ]

    /// Whether an expression calls a window function anywhere.
    static func contains(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .call(let name, _, let arguments): return functions.contains(name) || arguments.contains(where: contains)
        case .binary(_, let left, let right): return contains(left) || contains(right)
        case .unary(_, let operand), .convert(let operand, _): return contains(operand)
        case .list(let elements): return elements.contains(where: contains)
        case .record(let fields): return fields.contains { contains($0.value) }
        case .member(let base, _, _): return contains(base)
        case .index(let base, let index): return contains(base) || contains(index)
        case .membership(let needle, let haystack): return contains(needle) || contains(haystack)
        default: return false
        }
    }

    private var file: SourceFile { interpreter.file }

    func derived(_ bindings: [Binding], partitions keys: [ColumnName]) throws(Diagnostic) -> Table {
        var keyColumns: [Column] = []
        for key in keys {
            guard let column = table.column(key.name) else {
                throw Diagnostic(
                    .unknownColumn, "unknown column '\(key.name)'", span: key.span, file: file,
                    help: Suggestion.didYouMean(key.name, among: table.columnNames)
                        ?? "the columns are \(table.columnNames.joined(separator: ", "))")
            }
            keyColumns.append(column)
        }
        var ids: [Int32]?
        if !keyColumns.isEmpty {
            ids = try Aggregation(interpreter: interpreter, table: table).groups(of: keyColumns).ids
        }
        let partitions = Partitions(ids: ids, rowCount: table.rowCount)
        var result = table
        var hidden = 0
        for binding in bindings {
            var scope = result
            let rewritten = try rewrite(binding.value, scope: &scope, partitions: partitions, hidden: &hidden)
            let column: Column
            do throws(Diagnostic) {
                column = try VectorEvaluator(interpreter: interpreter, table: scope).eval(rewritten).column(
                    count: table.rowCount)
            } catch {
                throw withoutHiddenColumns(error, visible: result.columnNames)
            }
            result = result.setting(binding.name, to: column)
        }
        return result
    }

    /// An unknown-column error whose hint lists only the columns the user can see.
    private func withoutHiddenColumns(_ error: Diagnostic, visible: [String]) -> Diagnostic {
        guard error.code == .unknownColumn, error.help?.contains("\u{1}") == true else { return error }
        var cleaned = error
        let name = error.message.split(separator: "'").dropFirst().first.map(String.init) ?? ""
        cleaned.help =
            Suggestion.didYouMean(name, among: visible) ?? "the columns are \(visible.joined(separator: ", "))"
        return cleaned
    }

    /// The expression with each window call replaced by a hidden column of `scope` holding its values.
    private func rewrite(_ expr: Expr, scope: inout Table, partitions: Partitions, hidden: inout Int)
        throws(Diagnostic) -> Expr
    {
        func again(_ expr: Expr, _ scope: inout Table) throws(Diagnostic) -> Expr {
            try rewrite(expr, scope: &scope, partitions: partitions, hidden: &hidden)
        }
        switch expr.kind {
        case .call(let name, let nameSpan, let arguments):
            var rewritten: [Expr] = []
            for argument in arguments { rewritten.append(try again(argument, &scope)) }
            guard Window.functions.contains(name) else {
                return Expr(.call(name: name, nameSpan: nameSpan, arguments: rewritten), expr.span)
            }
            let column = try WindowCall(
                interpreter: interpreter, scope: scope, partitions: partitions, name: name, arguments: rewritten,
                span: expr.span
            ).evaluate()
            hidden += 1
            let name = "\u{1}window \(hidden)"
            scope = scope.setting(name, to: column)
            return Expr(.name(name), expr.span)
        case .binary(let op, let left, let right):
            return Expr(.binary(op, try again(left, &scope), try again(right, &scope)), expr.span)
        case .unary(let op, let operand):
            return Expr(.unary(op, try again(operand, &scope)), expr.span)
        case .convert(let operand, let spec):
            return Expr(.convert(try again(operand, &scope), spec), expr.span)
        case .list(let elements):
            var rewritten: [Expr] = []
            for element in elements { rewritten.append(try again(element, &scope)) }
            return Expr(.list(rewritten), expr.span)
        case .record(let fields):
            var rewritten: [RecordField] = []
            for field in fields {
                rewritten.append(RecordField(name: field.name, value: try again(field.value, &scope)))
            }
            return Expr(.record(rewritten), expr.span)
        case .member(let base, let name, let nameSpan):
            return Expr(.member(try again(base, &scope), name: name, nameSpan: nameSpan), expr.span)
        case .index(let base, let index):
            return Expr(.index(try again(base, &scope), try again(index, &scope)), expr.span)
        case .membership(let needle, let haystack):
            return Expr(.membership(try again(needle, &scope), try again(haystack, &scope)), expr.span)
        default:
            return expr
        }
    }
}

/// The rows of each partition, in table order, found in one pass over the partition ids.
struct Partitions {
    /// The rows of partition `p` are `rows[bounds[p]..<bounds[p + 1]]`.
    let rows: [Int]
    let bounds: [Int]

    /// Partitions from a partition id per row (ids 0..<n in order of first appearance); `nil` makes
    /// all rows one partition.
    init(ids: [Int32]?, rowCount: Int) {
        guard let ids else {
            rows = Array(0..<rowCount)
            bounds = [0, rowCount]
            return
        }
        let count = Int(ids.max().map { $0 + 1 } ?? 0)
        var sizes = [Int](repeating: 0, count: count + 1)
        for id in ids { sizes[Int(id) + 1] += 1 }
        for index in 1..<sizes.count { sizes[index] += sizes[index - 1] }
        bounds = sizes
        var next = Array(sizes.dropLast())
        var rows = [Int](repeating: 0, count: rowCount)
        for (row, id) in ids.enumerated() {
            rows[next[Int(id)]] = row
            next[Int(id)] += 1
        }
        self.rows = rows
    }

    var count: Int { bounds.count - 1 }

    /// The rows of one partition.
    func rows(of partition: Int) -> ArraySlice<Int> { rows[bounds[partition]..<bounds[partition + 1]] }
}
