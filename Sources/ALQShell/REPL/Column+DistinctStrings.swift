import ALQRuntime

extension Column {
    /// The distinct strings in the column, at most `limit` of them.
    func distinctStrings(limit: Int = 5000) -> [String] {
        switch self {
        case .string(let column):
            return Array(column.dictionary.prefix(limit))
        case .mixed(let values):
            var seen: Set<String> = []
            for case .string(let string) in values where seen.count < limit { seen.insert(string) }
            return Array(seen)
        default:
            return []
        }
    }
}
