import ALQRuntime
import ALQSyntax

/// Equality and ordering of values.
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

    /// -1, 0 or 1; an error for values that have no order between them.
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
                throw Diagnostic(
                    .unitMismatch,
                    "cannot compare \(Arithmetic.unitName(a)) with \(Arithmetic.unitName(b))",
                    help: a.dimension == .none || b.dimension == .none
                        ? "give both sides a unit, e.g. 100 bn CNY, or compare plain numbers" : nil)
            }
            return a.value < b.value ? -1 : (a.value == b.value ? 0 : 1)
        }
    }

    /// A total order for sorting: nulls last, then by type, then by value.
    static func sortOrder(_ left: Value, _ right: Value) -> Int {
        switch (left.isNull, right.isNull) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        default: break
        }
        if case .date(let a) = left, case .date(let b) = right { return a.sortOrder(comparedWith: b) }
        if let order = try? order(left, right) { return order }
        return left.typeName < right.typeName ? -1 : (left.typeName == right.typeName ? 0 : 1)
    }
}
