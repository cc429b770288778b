import ALQRuntime
import ALQSyntax

/// The arithmetic of values: numbers, quantities with units, strings and nulls.
///
/// Every operation on quantities goes through ``combine(_:_:value:dimension:displayUnit:interval:)``,
/// which gives the result the least certain kind of its inputs, a sound bound and the union of
/// their sources; functions that compute new quantities (`growth`, `cagr`, …) use the same
/// ``Quantity/annotate(from:interval:)``. The rules are tabled in docs/language.md.
///
/// Errors carry no span; the evaluator attaches the span of the expression.
enum Arithmetic {
    static func apply(_ op: BinaryOperator, _ left: Value, _ right: Value) throws(Diagnostic) -> Value {
        if left.isDate || right.isDate, let result = try DateArithmetic.apply(op, left, right) { return result }
        switch op {
        case .add, .subtract: return try additive(op, left, right)
        case .multiply: return try multiply(left, right)
        case .divide: return try divide(left, right)
        case .equal: return .bool(Comparison.equal(left, right))
        case .notEqual: return .bool(!Comparison.equal(left, right))
        case .less, .lessEqual, .greater, .greaterEqual:
            if left.isNull || right.isNull { return .bool(false) }
            return try Comparison.ordered(op, left, right)
        case .and, .or:
            preconditionFailure("logical operators short-circuit in the evaluator")
        }
    }

    static func negate(_ value: Value) throws(Diagnostic) -> Value {
        switch value {
        case .null: return .null
        case .number(let number): return .number(-number)
        case .quantity(let quantity):
            var result = quantity
            result.value = -quantity.value
            result.annotate(from: [quantity], interval: -quantity.interval)
            return .quantity(result)
        default:
            throw Diagnostic(.typeMismatch, "cannot negate a \(value.typeName)")
        }
    }

    private static func additive(_ op: BinaryOperator, _ left: Value, _ right: Value) throws(Diagnostic) -> Value {
        let verb = op == .add ? "add" : "subtract"
        switch (left, right) {
        case (.null, _), (_, .null):
            return .null
        case (.number(let a), .number(let b)):
            return try checked(op == .add ? a + b : a - b)
        case (.string(let a), .string(let b)) where op == .add:
            return .string(a + b)
        case (.list(let a), .list(let b)) where op == .add:
            return .list(a + b)
        default:
            guard let a = quantity(left), let b = quantity(right) else {
                throw Diagnostic(
                    .typeMismatch, "cannot \(verb) \(describe(right)) \(op == .add ? "to" : "from") \(describe(left))")
            }
            let dimension = try additiveDimension(a, b, op: op)
            let value = op == .add ? a.value + b.value : a.value - b.value
            let interval = op == .add ? a.interval + b.interval : a.interval + -b.interval
            let unit = [a.displayUnit, b.displayUnit].compactMap { $0 }.first { $0.dimension == dimension }
            return try combine(a, b, value: value, dimension: dimension, displayUnit: unit, interval: interval)
        }
    }

    /// The dimension of a sum or difference: both sides' (`%` − `%` is `pp`; `%` ± `pp` is `%`).
    private static func additiveDimension(_ a: Quantity, _ b: Quantity, op: BinaryOperator) throws(Diagnostic)
        -> Dimension
    {
        switch (a.dimension, b.dimension) {
        case (.percent, .percent): return op == .subtract ? .points : .percent
        case (.percent, .points): return .percent
        case (.points, .percent) where op == .add: return .percent
        case (.count, .none), (.none, .count): return .count
        case (let x, let y) where x == y: return x
        default:
            let verb = op == .add ? "add" : "subtract"
            throw mismatch(
                "cannot \(verb) \(unitName(b)) \(op == .add ? "to" : "from") \(unitName(a))",
                expected: a.dimension, found: b.dimension)
        }
    }

    private static func multiply(_ left: Value, _ right: Value) throws(Diagnostic) -> Value {
        switch (left, right) {
        case (.null, _), (_, .null): return .null
        case (.number(let a), .number(let b)): return try checked(a * b)
        default:
            guard let a = quantity(left), let b = quantity(right) else {
                throw Diagnostic(.typeMismatch, "cannot multiply \(describe(left)) by \(describe(right))")
            }
            let (dimension, factor, unit) = try product(a, b)
            return try combine(
                a, b, value: a.value * b.value * factor, dimension: dimension, displayUnit: unit,
                interval: a.interval * b.interval * Interval(factor, .exact))
        }
    }

    /// The dimension, scale factor and display unit of `a × b`.
    private static func product(_ a: Quantity, _ b: Quantity) throws(Diagnostic) -> (Dimension, Double, Unit?) {
        switch (a.dimension, b.dimension) {
        case (.none, let other): return (other, 1, b.displayUnit)
        case (let other, .none): return (other, 1, a.displayUnit)
        case (.percent, .percent): return (.percent, 0.01, nil)
        case (.percent, .multiple), (.multiple, .percent): return (.percent, 1, nil)
        case (.multiple, .multiple): return (.multiple, 1, nil)
        case (.percent, let other) where !other.isRatio && other != .rank: return (other, 0.01, nil)
        case (let other, .percent) where !other.isRatio && other != .rank: return (other, 0.01, nil)
        case (.multiple, let other) where !other.isRatio && other != .rank: return (other, 1, nil)
        case (let other, .multiple) where !other.isRatio && other != .rank: return (other, 1, nil)
        case (let x, let y) where !x.isRatio && !y.isRatio && x != .rank && y != .rank && x.multiplied(by: y).isUnit:
            return (x.multiplied(by: y), 1, nil)
        default:
            throw Diagnostic(
                .unitMismatch, "cannot multiply \(unitName(a)) by \(unitName(b))",
                help: b.dimension == .points || a.dimension == .points
                    ? "percentage points are a difference of percentages; add them to a percentage instead"
                    : "multiply a quantity by a plain number, a multiple (x), a percentage or another quantity")
        }
    }

    private static func divide(_ left: Value, _ right: Value) throws(Diagnostic) -> Value {
        switch (left, right) {
        case (.null, _), (_, .null): return .null
        case (.number(let a), .number(let b)):
            guard b != 0 else { throw divisionByZero() }
            return try checked(a / b)
        default:
            guard let a = quantity(left), let b = quantity(right) else {
                throw Diagnostic(.typeMismatch, "cannot divide \(describe(left)) by \(describe(right))")
            }
            guard b.value != 0 else { throw divisionByZero() }
            let (dimension, factor, unit) = try quotient(a, b)
            return try combine(
                a, b, value: a.value / b.value * factor, dimension: dimension, displayUnit: unit,
                interval: a.interval * b.interval.reciprocal * Interval(factor, .exact))
        }
    }

    /// The dimension, scale factor and display unit of `a ÷ b`.
    private static func quotient(_ a: Quantity, _ b: Quantity) throws(Diagnostic) -> (Dimension, Double, Unit?) {
        switch (a.dimension, b.dimension) {
        case (let x, .none): return (x, 1, a.displayUnit)
        case (let x, let y) where x == y: return (.none, 1, nil)
        case (let x, .percent) where x != .points && x != .rank: return (x, 100, nil)
        case (let x, .multiple) where x != .points && x != .rank: return (x, 1, nil)
        case (let x, let y) where !x.isRatio && !y.isRatio && x != .rank && y != .rank && x.divided(by: y).isUnit:
            return (x.divided(by: y), 1, nil)
        default:
            throw Diagnostic(
                .unitMismatch, "cannot divide \(unitName(a)) by \(unitName(b))",
                help: "divide by a plain number, a ratio (% or x) or a quantity of another unit (CNY / t is CNY/t)")
        }
    }

    /// The result of an operation on two quantities, with the least certain kind, a sound bound
    /// (from `interval`) and the sources of both.
    ///
    /// Use it for any new binary operation so that kind, bound and provenance propagate the same way.
    static func combine(
        _ a: Quantity, _ b: Quantity, value: Double, dimension: Dimension, displayUnit: Unit?, interval: Interval
    ) throws(Diagnostic) -> Value {
        guard value.isFinite else { throw overflow() }
        var result = Quantity(value: value, dimension: dimension, displayUnit: displayUnit)
        result.annotate(from: [a, b], interval: interval)
        return Self.result(result)
    }

    /// A quantity view of a number or quantity.
    static func quantity(_ value: Value) -> Quantity? {
        switch value {
        case .number(let number): Quantity(value: number, dimension: .none)
        case .quantity(let quantity): quantity
        default: nil
        }
    }

    /// A dimensionless quantity without provenance, kind or bound is a plain number.
    static func result(_ quantity: Quantity) -> Value {
        if quantity.dimension == .none && quantity.isPlain && quantity.displayUnit == nil {
            return .number(quantity.value)
        }
        return .quantity(quantity)
    }

    private static func checked(_ number: Double) throws(Diagnostic) -> Value {
        guard number.isFinite else { throw overflow() }
        return .number(number)
    }

    static func unitName(_ quantity: Quantity) -> String {
        quantity.dimension == .none ? "a plain number" : quantity.dimension.symbol
    }

    /// A dimension error in the manner of Numbat: both dimensions named, and the factor that would
    /// make them agree suggested.
    static func mismatch(_ message: String, expected: Dimension, found: Dimension) -> Diagnostic {
        Diagnostic(
            .unitMismatch, "\(message): expected \(expected.name), found \(found.name)",
            help: dimensionHelp(expected: expected, found: found))
    }

    /// How to turn a quantity of dimension `found` into one of `expected`.
    static func dimensionHelp(expected: Dimension, found: Dimension) -> String {
        if found == .none { return "give the plain number a unit, e.g. 5 \(Unit.base(expected).symbol)" }
        if expected == .none { return "divide by a quantity in \(found.symbol) to get a plain number" }
        if (expected == .percent || expected == .points) && (found == .percent || found == .points) {
            return "the difference of two percentages is in percentage points (pp); add pp to a percentage"
        }
        if expected.isRatio || found.isRatio || expected == .rank || found == .rank {
            return "convert one side, or compare like with like"
        }
        let missing = expected.divided(by: found)
        if missing.powers.allSatisfy({ $0 >= 0 }) {
            return "multiply the \(found.symbol) side by a quantity in \(missing.symbol)"
        }
        let surplus = found.divided(by: expected)
        if surplus.powers.allSatisfy({ $0 >= 0 }) {
            return "divide the \(found.symbol) side by a quantity in \(surplus.symbol)"
        }
        return "multiply the \(found.symbol) side by a quantity in \(missing.symbol)"
    }

    private static func describe(_ value: Value) -> String {
        if case .quantity(let quantity) = value { return unitName(quantity) }
        return "a \(value.typeName)"
    }

    static func divisionByZero() -> Diagnostic {
        Diagnostic(.divisionByZero, "division by zero")
    }

    static func overflow() -> Diagnostic {
        Diagnostic(.numericOverflow, "the result is too large to represent", help: "numbers must lie within ±1.8e308")
    }
}
