import ALQSyntax

/// A compact text form of the syntax tree, so that tests can state a parse in one line:
/// `1 + 2 * 3` is `(+ 1 (* 2 3))`.
enum SExpression {
    static func of(_ statement: Statement) -> String {
        switch statement {
        case .let(let name, _, let value): "(let \(name) \(of(value)))"
        case .load(let path, _): "(load \(of(path)))"
        case .expression(let expr): of(expr)
        case .function(let definition):
            "(fn \(definition.name) ("
                + definition.parameters.map { p in p.defaultValue.map { "(= \(p.name) \(of($0)))" } ?? p.name }
                .joined(separator: " ") + ") \(of(definition.body)))"
        }
    }

    static func of(_ expr: Expr) -> String {
        switch expr.kind {
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
        case .string(let text): "\"\(text)\""
        case .bool(let flag): "\(flag)"
        case .null: "null"
        case .quantity(let number, let unit):
            "(quantity \(of(Expr(.number(number), expr.span))) \(unit.words.joined(separator: " ")))"
        case .list(let elements): "[" + elements.map(of).joined(separator: " ") + "]"
        case .record(let fields): "{" + fields.map { "\($0.name): \(of($0.value))" }.joined(separator: " ") + "}"
        case .name(let name): name
        case .member(let base, let name, _): "(. \(of(base)) \(name))"
        case .index(let base, let index): "([] \(of(base)) \(of(index)))"
        case .call(let name, _, let arguments): "(\(name)" + arguments.map { " " + of($0) }.joined() + ")"
        case .unary(let op, let operand): "(\(op.rawValue) \(of(operand)))"
        case .binary(let op, let left, let right): "(\(op.rawValue) \(of(left)) \(of(right)))"
        case .convert(let operand, let unit): "(in \(of(operand)) \(unit.words.joined(separator: " ")))"
        case .membership(let needle, let haystack): "(member \(of(needle)) \(of(haystack)))"
        case .pipeline(let input, let stages): "(| \(of(input))" + stages.map { " " + of($0) }.joined() + ")"
        case .conditional(let condition, let value, let alternative):
            "(if \(of(condition)) \(of(value)) \(of(alternative)))"
        case .namedArgument(let name, _, let value): "(= \(name) \(of(value)))"
        }
    }

    static func of(_ stage: Stage) -> String {
        switch stage.kind {
        case .filter(let predicate): "(where \(of(predicate)))"
        case .select(let bindings): "(select\(of(bindings)))"
        case .derive(let bindings): "(derive\(of(bindings)))"
        case .sort(let keys): "(sort" + keys.map { " \(of($0.value))\($0.descending ? " desc" : "")" }.joined() + ")"
        case .take(let count): "(take \(of(count)))"
        case .distinct(let bindings): "(distinct\(of(bindings)))"
        case .group(let keys, let aggregates): "(group\(of(keys)) agg\(of(aggregates)))"
        case .aggregate(let aggregates): "(agg\(of(aggregates)))"
        case .export(let format, _, let path, let factIDs):
            "(export \(format ?? "-")\(path.map { " to " + of($0) } ?? "")\(factIDs ? " with fact_ids" : ""))"
        case .call(let name, _, let arguments): "(stage \(name)" + arguments.map { " " + of($0) }.joined() + ")"
        case .join(let clause):
            "(join \(clause.kind.rawValue) \(of(clause.table))"
                + clause.keys.map { " \($0.left.name)==\($0.right.name)" }.joined() + ")"
        case .rename(let renames): "(rename" + renames.map { " \($0.new.name)=\($0.old.name)" }.joined() + ")"
        case .drop(let columns): "(drop" + columns.map { " " + $0.name }.joined() + ")"
        case .window(let bindings, let partitions):
            "(derive\(of(bindings)) by" + partitions.map { " " + $0.name }.joined() + ")"
        case .pivot(let names, let values): "(pivot \(names.name) values \(values.name))"
        case .unpivot(let columns, let name, let value):
            "(unpivot" + columns.map { " " + $0.name }.joined() + " into \(name.name) \(value.name))"
        case .describe: "(describe)"
        case .chart(let spec):
            "(chart \(spec.kind) \(of(spec.x)) \(of(spec.y))" + (spec.series.map { " by " + of($0) } ?? "")
                + (spec.title.map { " title " + of($0) } ?? "") + ")"
        }
    }

    private static func of(_ bindings: [Binding]) -> String {
        bindings.map { " \($0.name)=\(of($0.value))" }.joined()
    }
}
