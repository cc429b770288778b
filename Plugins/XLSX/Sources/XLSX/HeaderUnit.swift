/// The unit written into a column's header: `value (CNY)`, and `value [CNY]` as alq's CSV writes it.
public enum HeaderUnit {
    /// `name (unit)` for a column whose values share a unit.
    public static func header(name: String, unit: String?) -> String {
        guard let unit, !unit.isEmpty else { return name }
        return "\(name) (\(unit))"
    }

    /// The name and unit of a header `name (unit)` or `name [unit]` whose unit `isUnit` accepts;
    /// `nil` for any other header.
    public static func split(_ header: String, isUnit: (String) -> Bool) -> (name: String, unit: String)? {
        guard let close = header.last, close == ")" || close == "]" else { return nil }
        let open: Character = close == ")" ? "(" : "["
        guard let start = header.lastIndex(of: open) else { return nil }
        let unit = String(header[header.index(after: start)..<header.index(before: header.endIndex)])
        let name = String(header[..<start]).trimmingSpaces
        guard isUnit(unit), !name.isEmpty else { return nil }
        return (name, unit)
    }
}
