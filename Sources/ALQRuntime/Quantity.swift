/// A number with a dimension, stored in the dimension's base unit, and the facts it came from.
public struct Quantity: Sendable, Hashable {
    /// The value in the base unit (CNY, t, %, count, rank, x).
    public var value: Double
    public var dimension: Dimension
    /// The unit the user asked for with `in`; `nil` shows the value in a human scale.
    public var displayUnit: Unit?
    public var provenance: Provenance

    public init(value: Double, dimension: Dimension, displayUnit: Unit? = nil, provenance: Provenance = .none) {
        self.value = value
        self.dimension = dimension
        self.displayUnit = displayUnit
        self.provenance = provenance
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
}
