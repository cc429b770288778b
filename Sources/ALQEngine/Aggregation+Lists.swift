import ALQRuntime
import ALQSyntax

/// The aggregates of `agg` that collect rather than compute: `list(x)`, `join(x, separator)` and
/// `count_if(condition)`.
extension Aggregation {
    /// The aggregate functions this file implements.
    static let collectingFunctions: Set<String> = ["list", "join", "count_if"]

    /// The values of one of the collecting aggregates per group, or nil for another function.
    func collectingAggregate(_ name: String, _ arguments: [Expr], span: Span, ids: [Int32], groupCount: Int)
        throws(Diagnostic) -> Column?
    {
        guard Aggregation.collectingFunctions.contains(name) else { return nil }
        let expected = name == "join" ? 2 : 1
        guard arguments.count == expected else {
            throw Diagnostic(
                .wrongArgumentCount,
                "\(name) takes \(expected) argument\(expected == 1 ? "" : "s") in 'agg', given \(arguments.count)",
                span: span, file: interpreter.file,
                help: name == "join"
                    ? "for example: names = join(name, \"; \")"
                    : name == "list" ? "for example: years = list(year)" : "for example: n = count_if(year >= 2024)")
        }
        let column = try VectorEvaluator(interpreter: interpreter, table: table).eval(arguments[0]).column(
            count: table.rowCount)
        switch name {
        case "count_if":
            return try countIf(column, span: arguments[0].span, ids: ids, groupCount: groupCount)
        case "list":
            var lists = [[Value]](repeating: [], count: groupCount)
            for (row, id) in ids.enumerated() { lists[Int(id)].append(column[row]) }
            let values = lists.map(Value.list)
            for value in values { _ = try ValueNesting.checked(value, span: span) }
            return .mixed(values)
        default:
            guard case .string(let separator) = try interpreter.eval(arguments[1]) else {
                throw Diagnostic(
                    .typeMismatch, "join needs a separator string as its second argument", span: arguments[1].span,
                    file: interpreter.file, help: "for example: names = join(name, \"; \")")
            }
            var parts = [[String]](repeating: [], count: groupCount)
            for (row, id) in ids.enumerated() {
                let value = column[row]
                if !value.isNull { parts[Int(id)].append(value.displayText) }
            }
            return .string(
                StringColumn(parts.map { $0.isEmpty ? nil : $0.joined(separator: separator) }))
        }
    }

    private func countIf(_ column: Column, span: Span, ids: [Int32], groupCount: Int) throws(Diagnostic) -> Column {
        var counts = [Double](repeating: 0, count: groupCount)
        switch column {
        case .bool(let flags):
            for (row, id) in ids.enumerated() where flags.values[row] == 1 { counts[Int(id)] += 1 }
        case .mixed(let values) where values.allSatisfy({ $0.isNull }):
            break
        default:
            throw Diagnostic(
                .typeMismatch, "count_if needs a true/false condition, found a \(column.typeName) column", span: span,
                file: interpreter.file, help: "for example: n = count_if(year >= 2024)")
        }
        return .number(NumberColumn(values: counts, isInteger: true))
    }
}
