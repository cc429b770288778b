import ALQRuntime
import ALQSyntax

/// The column type an expression gives inside a table stage, told from the expression alone and the
/// schema of the stage's input; `nil` where only running it would tell.
struct ExpressionType {
    /// The columns bare names refer to.
    let scope: TableSchema

    func type(of expr: Expr) -> ColumnType? {
        switch expr.kind {
        case .string: return .string
        case .bool: return .bool
        case .number(let number): return number == number.rounded() ? .integer : .number
        case .quantity(_, let spec), .convert(_, let spec):
            return Unit.resolve(spec.words).map { .quantity($0.dimension) }
        case .name(let name): return scope.column(name)?.type
        case .unary(.not, _), .membership: return .bool
        case .unary(.negate, let operand): return type(of: operand)
        case .binary(let op, let left, let right):
            switch op {
            case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .and, .or: return .bool
            case .add, .subtract:
                // Numbers may become fractional or whole; only a sum of one dimension is certain.
                guard case .quantity(let dimension)? = type(of: left), type(of: right) == .quantity(dimension) else {
                    return nil
                }
                return .quantity(dimension)
            case .multiply, .divide: return nil
            }
        case .conditional(_, let value, let alternative):
            let type = type(of: value)
            return type == self.type(of: alternative) ? type : nil
        case .null, .list, .record, .member, .index, .call, .pipeline, .namedArgument: return nil
        }
    }

    /// The type of an aggregate binding (`sum(value)`, `count()`) over the scope's rows.
    func aggregateType(of expr: Expr) -> ColumnType? {
        guard case .call(let name, _, let arguments) = expr.kind else { return nil }
        let argument = arguments.first.flatMap { type(of: $0) }
        switch name {
        case "count", "count_distinct": return .integer
        case "first", "last", "min", "max": return argument
        case "sum": return argument == .bool || argument == .string ? nil : argument
        case "avg", "median":
            if argument == .integer { return .number }
            return argument == .bool || argument == .string ? nil : argument
        default: return nil
        }
    }
}
