import ALQRuntime
import ALQSyntax

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Powers, roots, logarithms, growth rates and statistics.
extension Builtins {
    static let maths: [Builtin] = [
        builtin(
            "pow", "pow(x, y)", "x raised to the power y; fractional powers of plain numbers are roots.",
            example: "pow(8, 1 / 3)", arity: 2...2
        ) { call throws(Diagnostic) in
            let exponent = try call.number(1)
            if case .quantity(let quantity) = call[0], quantity.dimension != .none, exponent != 1 {
                throw Diagnostic(
                    .unitMismatch, "pow of a quantity in \(quantity.dimension.symbol) would need a unit to the power",
                    help: "raise a plain number or a ratio: pow(b / a, 1 / 3)")
            }
            return try realFunction(call, "pow") { power($0, exponent) }
        },
        builtin(
            "sqrt", "sqrt(x)", "The square root of a number, or of a quantity whose unit is a square.",
            example: "sqrt(16)", arity: 1...1
        ) { call throws(Diagnostic) in
            if case .quantity(var quantity) = call[0], quantity.dimension != .none {
                guard let root = squareRoot(of: quantity.dimension) else {
                    throw Diagnostic(
                        .unitMismatch, "sqrt of a quantity in \(quantity.dimension.symbol): that unit is not a square",
                        help: "take the root of the plain number: sqrt(number(x))")
                }
                guard quantity.value >= 0 else { throw Diagnostic(.invalidArgument, "sqrt of a negative number") }
                quantity.value = quantity.value.squareRoot()
                quantity.dimension = root
                quantity.displayUnit = nil
                quantity.provenance = quantity.provenance.asDerived
                return .quantity(quantity)
            }
            return try realFunction(call, "sqrt") { $0 < 0 ? .nan : $0.squareRoot() }
        },
        builtin("exp", "exp(x)", "e raised to the power x.", example: "exp(1)", arity: 1...1) {
            call throws(Diagnostic) in
            try realFunction(call, "exp") { exp($0) }
        },
        builtin("ln", "ln(x)", "The natural logarithm of a positive number.", example: "ln(exp(2))", arity: 1...1) {
            call throws(Diagnostic) in
            try realFunction(call, "ln") { $0 <= 0 ? .nan : log($0) }
        },
        builtin(
            "log10", "log10(x)", "The base-10 logarithm of a positive number.", example: "log10(1000)", arity: 1...1
        ) { call throws(Diagnostic) in
            try realFunction(call, "log10") { $0 <= 0 ? .nan : log10($0) }
        },
        builtin(
            "log", "log(x, base)", "The logarithm of a positive number to a base.", example: "log(8, 2)", arity: 2...2
        ) { call throws(Diagnostic) in
            let base = try call.number(1)
            guard base > 0, base != 1 else {
                throw Diagnostic(
                    .invalidArgument, "log needs a positive base other than 1, given \(NumberFormat.plain(base))")
            }
            return try realFunction(call, "log") { $0 <= 0 ? .nan : log($0) / log(base) }
        },
        builtin(
            "cagr", "cagr(start, end, years)",
            "The compound annual growth rate from start to end over years, as a percentage.",
            example: "cagr(Guangyuan.output_value[2024], Guangyuan.output_value[2027], 3)", arity: 3...3
        ) { call throws(Diagnostic) in
            if call[0].isNull || call[1].isNull { return .null }
            let years = try call.number(2)
            guard years > 0 else {
                throw Diagnostic(
                    .invalidArgument, "cagr needs a positive number of years, given \(NumberFormat.plain(years))")
            }
            if let start = Arithmetic.quantity(call[0]), let end = Arithmetic.quantity(call[1]),
                start.dimension != end.dimension
            {
                throw Diagnostic(
                    .unitMismatch,
                    "cagr needs a start and an end in one unit: cannot divide \(end.formatted) by \(start.formatted)",
                    help: "convert one of them, or compare values of the same metric")
            }
            guard case let ratio? = Arithmetic.quantity(try Arithmetic.apply(.divide, call[1], call[0])) else {
                throw call.mistyped(0, "a number or quantity")
            }
            guard ratio.value > 0 else {
                throw Diagnostic(
                    .invalidArgument, "cagr needs a start and an end of the same sign",
                    help: "a growth rate between a negative and a positive value is not defined")
            }
            return try growthRate(ratio, years: years)
        },
    ]

    static let statistics: [Builtin] = [
        builtin(
            "stddev", "stddev(list)", "The sample standard deviation (n − 1) of a list; in agg, per group.",
            example: "stddev([2, 4, 4, 4, 5, 5, 7, 9])", arity: 1...1
        ) { call throws(Diagnostic) in
            try Statistics.apply("stddev", try call.list(0), parameter: nil)
        },
        builtin(
            "variance", "variance(list)", "The sample variance (n − 1) of a list of numbers; in agg, per group.",
            example: "variance([1, 2, 3, 4])", arity: 1...1
        ) { call throws(Diagnostic) in
            try Statistics.apply("variance", try call.list(0), parameter: nil)
        },
        builtin(
            "percentile", "percentile(list, p)",
            "The p-th percentile (0 to 100) of a list, interpolated between ranks; in agg, per group.",
            example: "percentile([1, 2, 3, 4, 5], 90)", arity: 2...2
        ) { call throws(Diagnostic) in
            try Statistics.apply("percentile", try call.list(0), parameter: call[1])
        },
    ]

    /// Applies a real function to a plain number or a dimensionless quantity (keeping its provenance,
    /// marked derived). A result that is not a real number is E0204; one beyond ±1.8e308 is E0305; one
    /// too small to represent is the nearest representable number (possibly 0), not an error.
    private static func realFunction(_ call: BuiltinCall, _ name: String, _ function: (Double) -> Double)
        throws(Diagnostic) -> Value
    {
        if call[0].isNull { return .null }
        let x = try call.number(0)
        let result = function(x)
        if result.isNaN {
            throw Diagnostic(
                .invalidArgument, "\(name) of \(NumberFormat.plain(x)) is not a real number",
                help: name == "pow" ? "a negative number has no real fractional power" : nil)
        }
        guard result.isFinite else { throw Arithmetic.overflow() }
        if case .quantity(var quantity) = call[0] {
            quantity.value = result
            quantity.provenance = quantity.provenance.asDerived
            return Arithmetic.result(quantity)
        }
        return .number(result)
    }

    /// `base` to the power `exponent`: exact for whole exponents of any size (`pow(1, 1e9)` is 1), and
    /// underflowing to a tiny number or 0 rather than failing (`pow(2, -1030)`).
    static func power(_ base: Double, _ exponent: Double) -> Double {
        pow(base, exponent)
    }

    /// The growth rate per year that turns 1 into `ratio` over `years`, as a percentage.
    ///
    /// The result is a copy of the ratio with a new value and unit, so that whatever the ratio carries
    /// about its inputs travels on: today the facts of start and end, united and marked derived.
    /// Kind and bound: the ratio's kind is the least certain of start's and end's, and a bound on the
    /// ratio holds for the rate too, since x^(1/years) − 1 grows with x; see `growthQualifiers`.
    static func growthRate(_ ratio: Quantity, years: Double) throws(Diagnostic) -> Value {
        var rate = growthQualifiers(of: ratio)
        rate.value = (power(ratio.value, 1 / years) - 1) * 100
        guard rate.value.isFinite else { throw Arithmetic.overflow() }
        rate.dimension = .percent
        rate.displayUnit = nil
        return .quantity(rate)
    }

    /// The qualifiers a growth rate takes from the ratio of end to start: its provenance, marked derived.
    /// The kind/bound hook: when quantities carry a kind and a bound, they are copied here unchanged.
    static func growthQualifiers(of ratio: Quantity) -> Quantity {
        var rate = ratio
        rate.provenance = ratio.provenance.asDerived
        return rate
    }

    /// The dimension whose square is `dimension`, if there is one. No base dimension is a square; the
    /// hook for compound units (t² → t).
    static func squareRoot(of dimension: Dimension) -> Dimension? {
        dimension == .none ? Dimension.none : nil
    }
}
