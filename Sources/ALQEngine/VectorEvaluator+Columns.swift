import ALQRuntime
import ALQSyntax

extension VectorEvaluator {
    /// The rows at `rows` of only the columns `expr` can read, for evaluating `expr` over some rows (the
    /// right side of `and`/`or`, a branch of `if`): gathering the other columns would be wasted work.
    ///
    /// Only the columns the expression names are kept, and only when every name it uses is a column
    /// and it holds no pipeline (whose stages read their own tables): a name that is not a column is
    /// looked up elsewhere, or fails with an error listing the table's columns, so then the whole
    /// table is gathered and every message stays as it was.
    func rows(_ rows: [Int], readBy expr: Expr) throws(Diagnostic) -> Table {
        var names: Set<String> = []
        guard Self.collectNames(expr, into: &names), names.count < table.columnNames.count,
            names.allSatisfy({ table.columnIndex($0) != nil })
        else { return try table.gather(rows) }
        var kept: [String] = []
        var columns: [Column] = []
        for (name, column) in zip(table.columnNames, table.columns) where names.contains(name) {
            kept.append(name)
            columns.append(try column.gather(rows))
        }
        let key = table.keyColumn.flatMap { names.contains($0) ? $0 : nil }
        return Table(columnNames: kept, columns: columns, rowCount: rows.count, keyColumn: key)
    }

    /// Adds the bare names `expr` mentions; false when it holds a pipeline.
    private static func collectNames(_ expr: Expr, into names: inout Set<String>) -> Bool {
        switch expr.kind {
        case .number, .string, .bool, .null, .quantity:
            return true
        case .name(let name):
            names.insert(name)
            return true
        case .pipeline:
            return false
        case .list(let elements):
            return elements.allSatisfy { collectNames($0, into: &names) }
        case .record(let fields):
            return fields.allSatisfy { collectNames($0.value, into: &names) }
        case .call(_, _, let arguments):
            return arguments.allSatisfy { collectNames($0, into: &names) }
        case .member(let base, _, _), .unary(_, let base), .convert(let base, _), .namedArgument(_, _, let base):
            return collectNames(base, into: &names)
        case .index(let base, let other), .binary(_, let base, let other), .membership(let base, let other):
            return collectNames(base, into: &names) && collectNames(other, into: &names)
        case .conditional(let condition, let value, let alternative):
            return collectNames(condition, into: &names) && collectNames(value, into: &names)
                && collectNames(alternative, into: &names)
        }
    }
}
