/// A number with a dimension, stored in the dimension's base unit, with what is known about it:
/// the kind of figure (actual, expected, plan, target), its bound (exact, at least, at most), the
/// part of the year it covers and the facts it came from.
public struct Quantity: Sendable, Hashable {
    /// The value in the base unit (CNY, t, %, count, rank, x, CNY/t, …).
    public var value: Double
    public var dimension: Dimension
    /// The unit the user asked for with `in`; `nil` shows the value in a human scale.
    public var displayUnit: Unit?
    public var provenance: Provenance
    /// What kind of figure the value is; `nil` for a value typed by the user.
    public var kind: FactKind?
    /// Whether the value is exact or a bound.
    public var bound: Bound
    /// The part of the year the value covers (`Jan–Jul`); `nil` for a whole year or no year.
    public var period: String?

    public init(
        value: Double, dimension: Dimension, displayUnit: Unit? = nil, provenance: Provenance = .none,
        kind: FactKind? = nil, bound: Bound = .exact, period: String? = nil
    ) {
        self.value = value
        self.dimension = dimension
        self.displayUnit = displayUnit
        self.provenance = provenance
        self.kind = kind
        self.bound = bound
        self.period = period
    }

    /// A quantity written as a number in a unit, for example 14.543 in `Mt`.
    public init(_ number: Double, _ unit: Unit, provenance: Provenance = .none) {
        self.init(
            value: number * unit.scale, dimension: unit.dimension,
            displayUnit: unit.scale == 1 ? nil : unit, provenance: provenance)
    }

    /// The unit the quantity is shown in.
    public var shownUnit: Unit {
        displayUnit ?? Unit.humanScale(for: value, dimension: dimension)
    }

    /// The value expressed in the unit it is shown in.
    public var shownValue: Double { value / shownUnit.scale }

    /// Whether the quantity carries nothing but a number and a unit: no source, kind, bound or period.
    /// Only such quantities are stored in a typed ``QuantityColumn``.
    public var isPlain: Bool {
        provenance.isEmpty && kind == nil && bound == .exact && period == nil
    }
}
