/// The facts a value came from: the ids of dataset facts, and whether the value was computed.
///
/// Every quantity read from the dataset carries the id of its fact; arithmetic unites the
/// provenance of its operands and marks the result as derived.
public struct Provenance: Sendable, Hashable {
    /// Fact ids, sorted and unique.
    public private(set) var factIDs: [String]
    /// Whether the value was computed from facts rather than read from one.
    public var derived: Bool

    /// No provenance: a value the user typed.
    public static let none = Provenance(factIDs: [], derived: false)

    public init(factIDs: [String], derived: Bool) {
        self.factIDs = Array(Set(factIDs)).sorted()
        self.derived = derived
    }

    /// The provenance of a single fact.
    public init(fact id: String) {
        self.factIDs = [id]
        self.derived = false
    }

    public var isEmpty: Bool { factIDs.isEmpty }

    /// The provenance of a value computed from two values.
    public func combined(with other: Provenance) -> Provenance {
        if isEmpty && other.isEmpty { return .none }
        if other.isEmpty { return Provenance(factIDs: factIDs, derived: true) }
        if isEmpty { return Provenance(factIDs: other.factIDs, derived: true) }
        return Provenance(factIDs: factIDs + other.factIDs, derived: true)
    }

    /// The same provenance, marked as derived when it names any fact.
    public var asDerived: Provenance {
        isEmpty ? self : Provenance(factIDs: factIDs, derived: true)
    }
}
