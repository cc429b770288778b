import ALQRuntime

/// The columns an export writes, and where quantities' units go.
///
/// A quantity is written as a plain number in its dimension's base unit (CNY, t, %, count, rank, x).
/// Its unit goes either into the header (`value [CNY]`, CSV only, for a column of one dimension) or
/// into a companion column named `<column>_unit`, written right after it. Neither is added when the
/// table already has its unit column: a column `<column>_unit`, or, for a column named `value`, a
/// column `unit` (as in the `facts` table and a single quantity's row), so a unit is written once.
public struct ExportColumn: Sendable {
    /// What a written column holds.
    public enum Role: Sendable {
        /// The source column's values (quantities as base-unit numbers).
        case values
        /// The unit symbol of each quantity of the source column, `null` elsewhere.
        case units
    }

    /// The header or key.
    public var name: String
    /// The index of the source column in the table.
    public var source: Int
    /// Values or units.
    public var role: Role
}

/// Plans the columns of an export.
public enum ExportLayout {
    /// The columns to write for `table`. With `unitInHeader`, a column of quantities of one
    /// dimension is written as `name [unit]` instead of getting a companion column (unless the table
    /// has its unit column already).
    public static func columns(of table: Table, unitInHeader: Bool) -> [ExportColumn] {
        let names = Set(table.columnNames)
        var result: [ExportColumn] = []
        for (index, (name, column)) in zip(table.columnNames, table.columns).enumerated() {
            let hasUnitColumn = names.contains(name + "_unit") || (name == "value" && names.contains("unit"))
            switch column {
            case .quantity(let quantities) where quantities.dimension != .none:
                if unitInHeader && !hasUnitColumn {
                    result.append(
                        ExportColumn(name: "\(name) [\(quantities.dimension.symbol)]", source: index, role: .values))
                } else {
                    result.append(ExportColumn(name: name, source: index, role: .values))
                    if !hasUnitColumn { result.append(ExportColumn(name: name + "_unit", source: index, role: .units)) }
                }
            case .mixed(let values) where !hasUnitColumn && values.contains(where: isDimensioned):
                result.append(ExportColumn(name: name, source: index, role: .values))
                result.append(ExportColumn(name: name + "_unit", source: index, role: .units))
            default:
                result.append(ExportColumn(name: name, source: index, role: .values))
            }
        }
        return result
    }

    private static func isDimensioned(_ value: Value) -> Bool {
        if case .quantity(let quantity) = value { return quantity.dimension != .none }
        return false
    }

    /// The name and unit of a CSV header written as `name [unit]`, when the unit is a base unit.
    public static func splitHeader(_ header: String) -> (name: String, dimension: Dimension)? {
        guard header.hasSuffix("]"), let open = header.lastIndex(of: "["), open > header.startIndex else { return nil }
        let before = header.index(before: open)
        guard header[before] == " " else { return nil }
        let symbol = header[header.index(after: open)..<header.index(before: header.endIndex)]
        guard let dimension = Dimension(symbol: String(symbol)) else { return nil }
        return (String(header[..<before]), dimension)
    }
}
