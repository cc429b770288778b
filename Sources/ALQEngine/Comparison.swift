import ALQRuntime
import ALQSyntax

/// Equality and ordering of values.
///
/// Equality compares the stated figures (a value `≥ 240 bn CNY` equals `240 bn CNY`), so that
/// lookups, `in`, `distinct` and grouping treat a fact's figure as written. The ordering operators
/// `<`, `<=`, `>`, `>=` respect bounds: they are `true` when the comparison holds for every figure a
/// bound allows, `false` when it holds for none, and `null` otherwise (see ``ordered(_:_:_:)``).
enum Comparison {
    /// Whether two values are equal; numbers compare by value, quantities by base value and dimension.
    static func equal(_ left: Value, _ right: Value) -> Bool {
        switch (left, right) {
        case (.null, .null): return true
        case (.null, _), (_, .null): return false
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.list(let a), .list(let b)): return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case (.record(let a), .record(let b)):
            return a.keys == b.keys && zip(a.values, b.values).allSatisfy { equal($0, $1) }
        case (.module(let a), .module(let b)): return a == b
        case (.date(let a), .date(let b)): return a == b
        default:
            if let a = Arithmetic.quantity(left), let b = Arithmetic.quantity(right) {
                return a.dimension == b.dimension && a.value == b.value
            }
            return false
        }
    }

    /// -1, 0 or 1 between the stated figures; an error for values that have no order between them.
    static func order(_ left: Value, _ right: Value) throws(Diagnostic) -> Int {
        switch (left, right) {
        case (.string(let a), .string(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
        case (.date(let a), .date(let b)):
            guard let order = a.order(comparedWith: b) else {
                throw Diagnostic(
                    .typeMismatch, "cannot order \(a.displayText) and \(b.displayText): one states less of the date",
                    help: "compare dates of the same precision, or their .year")
            }
            return order
        default:
            guard let a = Arithmetic.quantity(left), let b = Arithmetic.quantity(right) else {
                throw Diagnostic(.typeMismatch, "cannot compare a \(left.typeName) with a \(right.typeName)")
            }
            guard a.dimension == b.dimension else {
                throw Arithmetic.mismatch(
                    "cannot compare \(Arithmetic.unitName(a)) with \(Arithmetic.unitName(b))", expected: a.dimension,
                    found: b.dimension)
            }
            return a.value < b.value ? -1 : (a.value == b.value ? 0 : 1)
        }
    }

    /// `<`, `<=`, `>`, `>=`: `true` or `false` where the bounds decide, `null` where they do not
    /// (`≥ 240 bn CNY > 250 bn CNY` may or may not hold).
    static func ordered(_ op: BinaryOperator, _ left: Value, _ right: Value) throws(Diagnostic) -> Value {
        let order = try order(left, right)
        if let a = Arithmetic.quantity(left), let b = Arithmetic.quantity(right),
            a.bound != .exact || b.bound != .exact
        {
            let x = a.interval
            let y = b.interval
            let always: Bool
            let never: Bool
            switch op {
            case .less: (always, never) = (x.upper < y.lower, x.lower >= y.upper)
            case .lessEqual: (always, never) = (x.upper <= y.lower, x.lower > y.upper)
            case .greater: (always, never) = (x.lower > y.upper, x.upper <= y.lower)
            default: (always, never) = (x.lower >= y.upper, x.upper < y.lower)
            }
            return always ? .bool(true) : (never ? .bool(false) : .null)
        }
        switch op {
        case .less: return .bool(order < 0)
        case .lessEqual: return .bool(order <= 0)
        case .greater: return .bool(order > 0)
        default: return .bool(order >= 0)
        }
    }

    /// A total order for sorting: nulls last, then by type; quantities of different units grouped by
    /// unit (in the order of the unit symbols), each group by value.
    static func sortOrder(_ left: Value, _ right: Value) -> Int {
        switch (left.isNull, right.isNull) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        default: break
        }
        if case .date(let a) = left, case .date(let b) = right { return a.sortOrder(comparedWith: b) }
        if let a = Arithmetic.quantity(left), let b = Arithmetic.quantity(right), a.dimension != b.dimension {
            return a.dimension.symbol < b.dimension.symbol ? -1 : 1
        }
        if let order = try? order(left, right) { return order }
        return left.typeName < right.typeName ? -1 : (left.typeName == right.typeName ? 0 : 1)
    }
}
