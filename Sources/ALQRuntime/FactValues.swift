/// The `value` column of a facts table as quantities that carry their fact.
///
/// A facts table arrives with `value` as a plain number in the base unit of its `unit` column (the
/// export contract). In alq each value becomes a quantity with that unit, the fact's `id` as its
/// source and the row's `kind`, `bound` and `period`, so that it shows as `≥ 240 bn CNY (expected)`
/// and keeps all of that through every operation. Exports write it back as the plain number.
public enum FactValues {
    /// The table with its `value` column made of quantities; unchanged when it has no `value` and
    /// `unit` columns or its values are already quantities.
    public static func withQuantities(_ facts: Table) -> Table {
        guard let values = facts.column("value"), let units = facts.column("unit") else { return facts }
        if case .mixed(let cells) = values, cells.contains(where: { if case .quantity = $0 { true } else { false } }) {
            return facts
        }
        let ids = facts.column("id")
        let kinds = facts.column("kind")
        let bounds = facts.column("bound")
        let periods = facts.column("period")
        let cells = (0..<facts.rowCount).map { row -> Value in
            guard let number = values[row].plainNumber else { return values[row] }
            var quantity = Quantity(value: number, dimension: .none)
            if case .string(let symbol) = units[row], let dimension = Dimension(symbol: symbol) {
                quantity.dimension = dimension
            }
            if case .string(let id)? = ids?[row] { quantity.provenance = Provenance(fact: id) }
            if case .string(let kind)? = kinds?[row] { quantity.kind = FactKind(rawValue: kind) }
            if case .string(let bound)? = bounds?[row] { quantity.bound = Bound(rawValue: bound) ?? .exact }
            if case .string(let period)? = periods?[row] { quantity.period = period }
            return .quantity(quantity)
        }
        return facts.setting("value", to: .mixed(cells))
    }
}

extension Quantity {
    /// The quantity as an export row: `value` (the plain number in the base unit, as the export
    /// contract has it), `unit`, `kind`, `bound`, `period`, `sources` (fact ids) and `derived`.
    public var exportRecord: Record {
        var plain = self
        plain.provenance = .none
        plain.kind = nil
        plain.bound = .exact
        plain.period = nil
        return Record([
            ("value", .quantity(plain)), ("unit", dimension == .none ? .null : .string(dimension.symbol)),
            ("kind", kind.map { .string($0.rawValue) } ?? .null), ("bound", .string(bound.rawValue)),
            ("period", period.map(Value.string) ?? .null),
            ("sources", .list(provenance.factIDs.map(Value.string))), ("derived", .bool(provenance.derived)),
        ])
    }
}

extension Table {
    /// The fact ids behind each row: every id in a quantity cell's sources and, in a facts table, the
    /// row's own `id`; for exports that carry a per-row list of fact ids.
    public func factIDsPerRow() -> [[String]] {
        var result = [[String]](repeating: [], count: rowCount)
        for (name, column) in zip(columnNames, columns) {
            for row in 0..<rowCount {
                switch column[row] {
                case .quantity(let quantity):
                    for id in quantity.provenance.factIDs where !result[row].contains(id) { result[row].append(id) }
                case .string(let id) where name == "id" && id.contains("."):
                    if !result[row].contains(id) { result[row].append(id) }
                default:
                    break
                }
            }
        }
        return result
    }

    /// The table with a column `fact_ids` (replacing one it has): each row's ``factIDsPerRow()``, as a
    /// list of strings, or, with a `separator`, as one string of the ids joined by it (null for a row
    /// without facts). `with_fact_ids(t)` and `export … with fact_ids` both use it.
    public func withFactIDs(joinedBy separator: String? = nil) -> Table {
        let ids = factIDsPerRow()
        guard let separator else { return setting("fact_ids", to: .mixed(ids.map { .list($0.map(Value.string)) })) }
        return setting(
            "fact_ids", to: .string(StringColumn(ids.map { $0.isEmpty ? nil : $0.joined(separator: separator) })))
    }
}
