/// How deeply lists, records and tables nest inside a value, and the bound on it.
///
/// Values nest no deeper than ``Value/maximumDepth``, as syntax nests no deeper than the parser's bound:
/// comparing, printing, exporting, tracing sources and freeing a value each walk it recursively, so the
/// bound keeps every walk far from the end of the stack. The evaluator checks it wherever a value is
/// wrapped in another (list and record literals); the JSON reader and the plugin protocol stop at their
/// own, smaller bound.
extension Value {
    /// The deepest nesting a value may have: a scalar is 0, `[1]` is 1, `[[1]]` is 2.
    public static let maximumDepth = 256

    /// The value's nesting depth, or `nil` once it exceeds `limit` (the walk stops there).
    public func nestingDepth(limit: Int = Value.maximumDepth) -> Int? {
        guard limit >= 0 else { return nil }
        switch self {
        case .null, .bool, .number, .string, .date, .quantity, .module, .chart:
            return 0
        case .list(let values):
            return Self.deepest(values, limit: limit)
        case .record(let record):
            return Self.deepest(record.values, limit: limit)
        case .table(let table):
            var deepest = 1
            for case .mixed(let values) in table.columns {
                guard let depth = Self.deepest(values, limit: limit) else { return nil }
                deepest = max(deepest, depth)
            }
            return deepest
        }
    }

    /// One more than the deepest of `values`, or `nil` beyond `limit`.
    private static func deepest(_ values: [Value], limit: Int) -> Int? {
        var deepest = 0
        for value in values {
            switch value {
            case .null, .bool, .number, .string, .date, .quantity, .module, .chart: continue
            default:
                guard let depth = value.nestingDepth(limit: limit - 1) else { return nil }
                deepest = max(deepest, depth)
            }
        }
        return deepest + 1 <= limit ? deepest + 1 : nil
    }
}
