import ALQSyntax

/// The columns that `join`, `rename`, `drop`, `derive … by`, `pivot`, `unpivot` and `describe` produce,
/// worked out from their input's columns without running anything.
public enum TableStageSchema {
    /// The columns after `stage`, given the columns before it; `columnsOf` gives the columns of a
    /// table expression (the right side of a join) when they can be known without running it.
    ///
    /// A pivot's new columns depend on the data, so only its row keys are known.
    public static func columns(after stage: StageKind, from columns: [String], columnsOf: (Expr) -> [String]?)
        -> [String]
    {
        switch stage {
        case .join(let clause):
            var result = columns
            let shared = Set(clause.keys.filter(\.isShared).map(\.right.name))
            for name in columnsOf(clause.table) ?? [] where !shared.contains(name) {
                var unique = name
                while result.contains(unique) { unique += Join.clashSuffix }
                result.append(unique)
            }
            return result
        case .rename(let renames):
            return columns.map { name in renames.first { $0.old.name == name }?.new.name ?? name }
        case .drop(let drops):
            return columns.filter { name in !drops.contains { $0.name == name } }
        case .derive(let bindings), .window(let bindings, _):
            var result = columns
            for binding in bindings where !result.contains(binding.name) { result.append(binding.name) }
            return result
        case .pivot(let names, let values):
            return columns.filter { $0 != names.name && $0 != values.name }
        case .unpivot(let listed, let name, let value):
            return columns.filter { column in !listed.contains { $0.name == column } } + [name.name, value.name]
        case .describe:
            return Describe.columnNames
        default:
            return columns
        }
    }
}
