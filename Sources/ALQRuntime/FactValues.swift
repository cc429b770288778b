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
