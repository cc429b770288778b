import ALQRuntime
import ALQSyntax

/// The arithmetic of values: numbers, quantities with units, strings and nulls.
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
            let order = try Comparison.order(left, right)
            switch op {
            case .less: return .bool(order < 0)
            case .lessEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        case .and, .or:
            preconditionFailure("logical operators short-circuit in the evaluator")
        }
    }

    static func negate(_ value: Value) throws(Diagnostic) -> Value {
        switch value {
        case .null: return .null
        case .number(let number): return .number(-number)
        case .quantity(var quantity):
            quantity.value = -quantity.value
            quantity.provenance = quantity.provenance.asDerived
            return .quantity(quantity)
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
            let dimension = try sameDimension(a, b, verb: verb, op: op)
            let value = op == .add ? a.value + b.value : a.value - b.value
            guard value.isFinite else { throw overflow() }
            return result(
                Quantity(
                    value: value, dimension: dimension, displayUnit: a.displayUnit ?? b.displayUnit,
                    provenance: a.provenance.combined(with: b.provenance)))
        }
    }

    private static func sameDimension(_ a: Quantity, _ b: Quantity, verb: String, op: BinaryOperator) throws(Diagnostic)
        -> Dimension
    {
        if a.dimension == b.dimension { return a.dimension }
        if a.dimension == .count && b.dimension == .none { return .count }
        if a.dimension == .none && b.dimension == .count { return .count }
        throw Diagnostic(
            .unitMismatch,
            "cannot \(verb) \(unitName(b)) \(op == .add ? "to" : "from") \(unitName(a)): the units measure different things",
            help: "convert one side, or compare like with like")
    }

    private static func multiply(_ left: Value, _ right: Value) throws(Diagnostic) -> Value {
        switch (left, right) {
        case (.null, _), (_, .null): return .null
        case (.number(let a), .number(let b)): return try checked(a * b)
        default:
            guard var a = quantity(left), let b = quantity(right) else {
                throw Diagnostic(.typeMismatch, "cannot multiply \(describe(left)) by \(describe(right))")
            }
            let provenance = a.provenance.combined(with: b.provenance)
            let value: Double
            let dimension: Dimension
            switch (a.dimension, b.dimension) {
            case (.none, _), (.multiple, .none):
                value = a.value * b.value
                dimension = b.dimension == .none ? a.dimension : b.dimension
                a.displayUnit = b.dimension == .none ? a.displayUnit : b.displayUnit
            case (_, .none):
                value = a.value * b.value
                dimension = a.dimension
            case (_, .multiple) where a.dimension != .multiple:
                value = a.value * b.value
                dimension = a.dimension
            case (.multiple, _):
                value = a.value * b.value
                dimension = b.dimension
                a.displayUnit = b.displayUnit
            case (.percent, let other) where other != .percent:
                value = a.value / 100 * b.value
                dimension = other
                a.displayUnit = b.displayUnit
            case (let other, .percent) where other != .percent:
                value = a.value * b.value / 100
                dimension = other
            default:
                throw Diagnostic(
                    .unitMismatch, "cannot multiply \(unitName(a)) by \(unitName(b))",
                    help: "multiply a quantity by a plain number, a multiple (x) or a percentage")
            }
            guard value.isFinite else { throw overflow() }
            return result(
                Quantity(value: value, dimension: dimension, displayUnit: a.displayUnit, provenance: provenance))
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
            let provenance = a.provenance.combined(with: b.provenance)
            let value = a.value / b.value
            guard value.isFinite else { throw overflow() }
            if b.dimension == .none {
                return result(
                    Quantity(value: value, dimension: a.dimension, displayUnit: a.displayUnit, provenance: provenance))
            }
            if a.dimension == b.dimension {
                return result(Quantity(value: value, dimension: .none, provenance: provenance))
            }
            throw Diagnostic(
                .unitMismatch, "cannot divide \(unitName(a)) by \(unitName(b)): alq has no compound units",
                help: "divide quantities of the same unit for a ratio, or by a plain number")
        }
    }

    /// A quantity view of a number or quantity.
    static func quantity(_ value: Value) -> Quantity? {
        switch value {
        case .number(let number): Quantity(value: number, dimension: .none)
        case .quantity(let quantity): quantity
        default: nil
        }
    }

    /// A dimensionless quantity without provenance is a plain number.
    static func result(_ quantity: Quantity) -> Value {
        if quantity.dimension == .none && quantity.provenance.isEmpty && quantity.displayUnit == nil {
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
