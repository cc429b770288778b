import ALQRuntime
import ALQSyntax

/// The builtins that take quantities apart or make them, keeping kind, bound and sources.
enum QuantityFunctions {
    /// `number(x)`: a quantity's value in its base unit as a plain number, a percentage or
    /// percentage points as the ratio they stand for (`number(20 %)` is 0.2). The number keeps the
    /// quantity's sources, kind and bound.
    static func number(_ quantity: Quantity) -> Value {
        var result = quantity
        let ratio = quantity.dimension == .percent || quantity.dimension == .points
        result.value = ratio ? quantity.value / 100 : quantity.value
        result.dimension = .none
        result.displayUnit = nil
        return Arithmetic.result(result)
    }

    /// `quantity(value, unit)`: a number in the base unit of `symbol` (as in a facts row) made a
    /// quantity. A plain number that carries sources keeps them; a quantity already in that unit is
    /// returned as it is.
    static func quantity(_ value: Value, symbol: String) throws(Diagnostic) -> Value {
        guard let unit = Unit.resolve(UnitSpelling.words(symbol)) else {
            throw Diagnostic(
                .invalidArgument, "'\(symbol)' is not a unit",
                help: "units are CNY, t, kt, Mt, kWh, a, %, pp, count, rank, x, and compounds such as CNY/t")
        }
        switch value {
        case .null:
            return .null
        case .number(let number):
            try FiniteCheck.one(number * unit.scale, span: nil, file: nil)
            return Arithmetic.result(Quantity(value: number * unit.scale, dimension: unit.dimension))
        case .quantity(var quantity) where quantity.dimension == .none:
            try FiniteCheck.one(quantity.value * unit.scale, span: nil, file: nil)
            quantity.value *= unit.scale
            quantity.dimension = unit.dimension
            quantity.displayUnit = nil
            return Arithmetic.result(quantity)
        case .quantity(let quantity) where quantity.dimension == unit.dimension:
            return value
        case .quantity(let quantity):
            throw Arithmetic.mismatch(
                "cannot make \(Arithmetic.unitName(quantity)) a quantity in \(unit.symbol)", expected: unit.dimension,
                found: quantity.dimension)
        default:
            throw Diagnostic(.typeMismatch, "quantity needs a number, found a \(value.typeName)")
        }
    }

    /// `growth(new, old)`: the change from `old` to `new` in percent, of the least certain kind of the
    /// two and with the bound that theirs allow (a growth of an expectation over an actual is an
    /// expected growth).
    static func growth(_ new: Value, _ old: Value) throws(Diagnostic) -> Value {
        let ratio = try Arithmetic.apply(.divide, new, old)
        guard let quantity = Arithmetic.quantity(ratio) else { return .null }
        guard quantity.dimension == .none else {
            let a = Arithmetic.quantity(new).map(Arithmetic.unitName) ?? "a value"
            let b = Arithmetic.quantity(old).map(Arithmetic.unitName) ?? "a value"
            throw Diagnostic(
                .unitMismatch, "growth compares like with like: cannot divide \(a) by \(b)",
                help: "give both values the same unit")
        }
        var result = Quantity(value: (quantity.value - 1) * 100, dimension: .percent)
        result.annotate(
            from: [quantity], interval: (quantity.interval + Interval(-1, .exact)) * Interval(100, .exact))
        return .quantity(result)
    }
}

/// How a unit written as one string (`"bn CNY"`, `"CNY/t"`) splits into the words of a unit.
enum UnitSpelling {
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        for part in text.split(separator: " ") {
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index > 0 { words.append("/") }
                if !piece.isEmpty { words.append(String(piece)) }
            }
        }
        return words
    }
}
