/// What kind of figure a value is, from most to least certain.
///
/// A value computed from several inputs gets the least certain kind among them
/// (``FactKind/leastCertain(_:_:)``): an expectation minus an actual is an expectation.
public enum FactKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case actual, expected, plan, target

    /// Orders kinds by certainty: `actual < expected < plan < target`.
    public static func < (a: FactKind, b: FactKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The least certain of two kinds; a value without a kind (typed by the user) does not count.
    public static func leastCertain(_ a: FactKind?, _ b: FactKind?) -> FactKind? {
        switch (a, b) {
        case (nil, let other), (let other, nil): other
        case (let a?, let b?): max(a, b)
        }
    }
}

/// Whether a value is exact or a bound of the true figure.
public enum Bound: String, Sendable, Hashable, CaseIterable {
    case exact
    /// "more than", "at least": the true figure is this or above.
    case atLeast = "at_least"
    /// "up to", "at most": the true figure is this or below.
    case atMost = "at_most"
    /// Computed from bounds that point different ways: the true figure may be anywhere.
    case unknown

    /// The bound of a value whose true figure lies in `interval` and which shows `value`.
    ///
    /// A range closed on the value's side is enough: `[0, v]` gives "at most v".
    /// The ends are compared with a relative tolerance of 1e-9, as the range is computed by other
    /// floating-point steps than the value.
    public static func of(_ value: Double, in interval: Interval) -> Bound {
        func near(_ end: Double) -> Bool { end.isFinite && abs(end - value) <= 1e-9 * max(1, abs(value)) }
        if near(interval.lower) && near(interval.upper) { return .exact }
        if near(interval.lower) { return .atLeast }
        if near(interval.upper) { return .atMost }
        return .unknown
    }
}

/// The range a true figure may lie in, given a stated value and its bound: `[v, v]` when exact,
/// `[v, ∞)` at least, `(-∞, v]` at most, everything when unknown.
///
/// Bounds propagate by interval arithmetic on these ranges, which is sound: the range of a result
/// contains every figure its inputs allow.
public struct Interval: Sendable, Hashable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// The range of a stated value with a bound.
    public init(_ value: Double, _ bound: Bound) {
        switch bound {
        case .exact: self.init(lower: value, upper: value)
        case .atLeast: self.init(lower: value, upper: .infinity)
        case .atMost: self.init(lower: -.infinity, upper: value)
        case .unknown: self.init(lower: -.infinity, upper: .infinity)
        }
    }

    public static func + (a: Interval, b: Interval) -> Interval {
        Interval(lower: a.lower + b.lower, upper: a.upper + b.upper).sanitized
    }

    public static prefix func - (a: Interval) -> Interval {
        Interval(lower: -a.upper, upper: -a.lower)
    }

    public static func * (a: Interval, b: Interval) -> Interval {
        let products = [a.lower * b.lower, a.lower * b.upper, a.upper * b.lower, a.upper * b.upper].map {
            $0.isNaN ? 0 : $0
        }
        return Interval(lower: products.min()!, upper: products.max()!)
    }

    /// The range of `1 / x`; everything when the range contains zero.
    public var reciprocal: Interval {
        if lower <= 0 && upper >= 0 { return Interval(lower: -.infinity, upper: .infinity) }
        return Interval(lower: 1 / upper, upper: 1 / lower)
    }

    /// `∞ - ∞` is not a number: such a range is everything.
    private var sanitized: Interval {
        lower.isNaN || upper.isNaN ? Interval(lower: -.infinity, upper: .infinity) : self
    }
}

extension Quantity {
    /// The range the true figure lies in.
    public var interval: Interval { Interval(value, bound) }

    /// Copies kind, bound and period from what was computed: the public entry point for every
    /// operation that makes a new quantity from others (arithmetic, aggregates, functions such as
    /// `growth` or `cagr`).
    ///
    /// - Parameters:
    ///   - inputs: the quantities the result was computed from, for kind, period and provenance.
    ///   - interval: the range the true result lies in (from ``Interval`` arithmetic on the inputs'
    ///     ``interval``s); `nil` keeps the bound exact when every input is exact, else unknown.
    public mutating func annotate(from inputs: [Quantity], interval: Interval?) {
        kind = inputs.reduce(nil) { FactKind.leastCertain($0, $1.kind) }
        if inputs.allSatisfy({ $0.bound == .exact }) {
            bound = .exact
        } else {
            bound = interval.map { Bound.of(value, in: $0) } ?? .unknown
        }
        period = Quantity.period(of: inputs)
        provenance = inputs.reduce(Provenance.none) { $0.combined(with: $1.provenance) }
        if inputs.count == 1 { provenance = provenance.asDerived }
    }

    /// The period of a result: the one its inputs share, or `mixed periods`.
    public static func period(of inputs: [Quantity]) -> String? {
        var periods: [String?] = []
        for input in inputs where input.kind != nil || input.period != nil || !input.provenance.isEmpty {
            if !periods.contains(input.period) { periods.append(input.period) }
        }
        if periods.count <= 1 { return periods.first ?? nil }
        return "mixed periods"
    }
}
