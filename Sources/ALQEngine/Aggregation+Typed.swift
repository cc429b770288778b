import ALQRuntime
import ALQSyntax

/// `count_distinct` and `median` per group over typed columns, without a `Value` per row.
///
/// Each gives what ``ListAggregates/apply(_:_:)`` gives for the group's values: `count_distinct` counts
/// values that ``Comparison/equal(_:_:)`` tells apart (strings by Swift's `==`, which treats canonically
/// equivalent text as equal; numbers by `Double`'s `==`, so a NaN is distinct from everything), `median`
/// gives the middle value, or the mean of the two middle ones, of a sort of the present values
/// (`Aggregation+Median.swift`). The work is checked for cancellation every 65,536 rows.
extension Aggregation {
    /// The aggregate per group, or nil when the column's type has no typed path here.
    func typedAggregate(_ name: String, _ column: Column, ids: [Int32], groupCount: Int) throws(Diagnostic) -> Column? {
        switch name {
        case "count_distinct":
            switch column {
            case .number(let numbers):
                return try Self.countDistinctNumbers(numbers.values, numbers.validity, ids: ids, groupCount: groupCount)
            case .quantity(let quantities):
                return try Self.countDistinctNumbers(
                    quantities.values, quantities.validity, ids: ids, groupCount: groupCount)
            default: break
            }
            guard let (codes, cardinality) = Self.equalityCodes(column) else { return nil }
            return try countDistinct(codes, cardinality: cardinality, ids: ids, groupCount: groupCount)
        case "median":
            switch column {
            case .number(let numbers):
                return try typedMedian(column, numbers.values, numbers.validity, ids: ids, groupCount: groupCount)
            case .quantity(let quantities):
                return try typedMedian(column, quantities.values, quantities.validity, ids: ids, groupCount: groupCount)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// The rows of each group, in row order, as one array of rows and each group's start in it.
    private static func members(_ ids: [Int32], groupCount: Int) throws(Diagnostic) -> (rows: [Int32], starts: [Int]) {
        var starts = [Int](repeating: 0, count: groupCount + 1)
        for id in ids { starts[Int(id) + 1] += 1 }
        for group in 0..<groupCount { starts[group + 1] += starts[group] }
        var next = Array(starts.dropLast())
        var rows = [Int32](repeating: 0, count: ids.count)
        for (row, id) in ids.enumerated() {
            try Interruption.check(atRow: row)
            rows[next[Int(id)]] = Int32(row)
            next[Int(id)] += 1
        }
        return (rows, starts)
    }

    /// A code per row such that two rows share one exactly when their values are equal; -1 for null.
    private static func equalityCodes(_ column: Column) -> ([Int32], Int)? {
        switch column {
        case .string(let strings):
            var canonical: [String: Int32] = [:]
            let mapping: [Int32] = strings.dictionary.map { text in
                if let code = canonical[text] { return code }
                let code = Int32(canonical.count)
                canonical[text] = code
                return code
            }
            return (strings.codes.map { $0 < 0 ? -1 : mapping[Int($0)] }, canonical.count)
        case .bool(let flags):
            return (flags.values.map { $0 == BoolColumn.null ? -1 : Int32($0) }, 2)
        case .number, .quantity, .mixed:
            // Numbers and quantities: Aggregation+CountDistinct.swift.
            return nil
        }
    }

    private func countDistinct(_ codes: [Int32], cardinality: Int, ids: [Int32], groupCount: Int)
        throws(Diagnostic) -> Column
    {
        let (rows, starts) = try Self.members(ids, groupCount: groupCount)
        var seenIn = [Int32](repeating: -1, count: cardinality)
        var counts = [Double](repeating: 0, count: groupCount)
        var sinceCheck = 0
        for group in 0..<groupCount {
            sinceCheck += starts[group + 1] - starts[group]
            if sinceCheck >= 0x10000 {
                sinceCheck = 0
                try interpreter.session.checkCancellation()
            }
            var distinct = 0
            for position in starts[group]..<starts[group + 1] {
                try Interruption.check(atRow: position)
                let code = codes[Int(rows[position])]
                if code >= 0 && seenIn[Int(code)] != Int32(group) {
                    seenIn[Int(code)] = Int32(group)
                    distinct += 1
                }
            }
            counts[group] = Double(distinct)
        }
        return .number(NumberColumn(values: counts, isInteger: true))
    }
}

extension ListAggregates {
    /// How many of `values` (none null) ``Comparison/equal(_:_:)`` tells apart: bools, strings, numbers and
    /// quantities through one hash set (a number and a dimensionless quantity of the same value are one key),
    /// lists, records, dates and regions by comparing each with the distinct ones of its kind found so far.
    static func countDistinct(_ values: [Value]) -> Int {
        var keys = Set<DistinctKey>()
        var unequalToThemselves = 0
        var others: [Value] = []
        for value in values {
            switch value {
            case .bool(let flag): keys.insert(.bool(flag))
            case .string(let text): keys.insert(.string(text))
            default:
                if let quantity = Arithmetic.quantity(value) {
                    if quantity.value.isNaN {
                        unequalToThemselves += 1
                    } else {
                        keys.insert(.quantity(quantity.dimension, quantity.value))
                    }
                } else if !others.contains(where: { Comparison.equal($0, value) }) {
                    others.append(value)
                }
            }
        }
        return keys.count + unequalToThemselves + others.count
    }

    private enum DistinctKey: Hashable {
        case bool(Bool)
        case string(String)
        case quantity(Dimension, Double)
    }
}
