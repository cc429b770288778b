import ALQRuntime
import ALQSyntax

/// Sample statistics — `stddev`, `variance`, `percentile` — over lists and, per group, over columns.
///
/// Nulls are skipped. Quantities must share one dimension; the result keeps it (variance excepted, whose
/// unit would be a square) and, as any value computed from several, takes the least certain kind, the
/// shared period and the sources of every value it summarises, with an unknown bound where any of them
/// is bounded (``ALQRuntime/Quantity/annotate(from:interval:)``).
enum Statistics {
    /// The statistics `agg` and the list functions know, and whether they take a parameter (`p`).
    static let functions: [String: Bool] = ["stddev": false, "variance": false, "percentile": true]

    // MARK: Numbers

    /// The sample variance (divided by n − 1); `nil` for fewer than two values.
    static func variance(_ values: [Double]) -> Double? {
        guard values.count >= 2 else { return nil }
        var mean = 0.0
        var squares = 0.0
        // Welford's method: stable for large values with small spread.
        for (index, value) in values.enumerated() {
            let delta = value - mean
            mean += delta / Double(index + 1)
            squares += delta * (value - mean)
        }
        return max(0, squares / Double(values.count - 1))
    }

    /// The sample standard deviation; `nil` for fewer than two values.
    static func standardDeviation(_ values: [Double]) -> Double? {
        variance(values).map { $0.squareRoot() }
    }

    /// The `p`-th percentile (0 to 100) of values, interpolating linearly between the closest ranks
    /// (as Excel's PERCENTILE.INC and NumPy's default); `nil` for no values.
    static func percentile(_ values: [Double], _ p: Double) throws(Diagnostic) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = try values.sortedStoppingOnInterruption()
        let rank = p / 100 * Double(sorted.count - 1)
        let lower = Int(rank.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = rank - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }

    // MARK: Values

    /// `name` over a list of values; `parameter` is `p` for `percentile`.
    static func apply(_ name: String, _ values: [Value], parameter: Value?) throws(Diagnostic) -> Value {
        let p = try percentileParameter(name, parameter)
        var numbers: [Double] = []
        var sample: Quantity?
        var inputs: [Quantity] = []
        for value in values where !value.isNull {
            guard let quantity = Arithmetic.quantity(value) else {
                throw Diagnostic(.typeMismatch, "\(name) needs numbers or quantities, found a \(value.typeName)")
            }
            if let first = sample, first.dimension != quantity.dimension {
                throw Diagnostic(
                    .unitMismatch,
                    "\(name) over mixed units: \(Arithmetic.unitName(first)) and \(Arithmetic.unitName(quantity))",
                    help: "filter the values to one unit first, e.g. where unit == \"t\"")
            }
            sample = sample ?? quantity
            inputs.append(quantity)
            numbers.append(quantity.value)
        }
        return try result(name, of: numbers, p: p, like: sample, inputs: inputs)
    }

    /// `name` per group over a column: `ids` gives each row's group.
    static func perGroup(_ name: String, _ column: Column, parameter: Value?, ids: [Int32], groupCount: Int)
        throws(Diagnostic) -> Column
    {
        let p = try percentileParameter(name, parameter)
        var builder = ColumnBuilder()
        switch column {
        case .number(let numbers):
            let groups = try grouped(numbers.values, numbers.validity, ids: ids, groupCount: groupCount)
            for group in groups { builder.append(try result(name, of: group, p: p, like: nil, inputs: [])) }
        case .quantity(let quantities):
            let groups = try grouped(quantities.values, quantities.validity, ids: ids, groupCount: groupCount)
            let like = Quantity(
                value: 0, dimension: quantities.dimension, displayUnit: quantities.displayUnit)
            for group in groups { builder.append(try result(name, of: group, p: p, like: like, inputs: [])) }
        default:
            var members = [[Value]](repeating: [], count: groupCount)
            for (row, id) in ids.enumerated() {
                try Interruption.check(atRow: row)
                members[Int(id)].append(column[row])
            }
            for values in members { builder.append(try apply(name, values, parameter: parameter)) }
        }
        return builder.build()
    }

    private static func grouped(_ values: [Double], _ validity: [Bool]?, ids: [Int32], groupCount: Int)
        throws(Diagnostic) -> [[Double]]
    {
        var groups = [[Double]](repeating: [], count: groupCount)
        for batch in Interruption.batches(values.count) {
            try Interruption.check()
            for row in batch where validity?[row] ?? true { groups[Int(ids[row])].append(values[row]) }
        }
        return groups
    }

    private static func percentileParameter(_ name: String, _ parameter: Value?) throws(Diagnostic) -> Double {
        guard name == "percentile" else { return 0 }
        let p: Double?
        switch parameter {
        case .quantity(let quantity) where quantity.dimension == .percent: p = quantity.value
        default: p = parameter?.plainNumber
        }
        guard let p, p >= 0, p <= 100 else {
            throw Diagnostic(
                .invalidArgument, "percentile takes p from 0 to 100, given \(parameter?.literalText ?? "none")",
                help: "for example percentile(values, 90) for the 90th percentile")
        }
        return p
    }

    private static func result(
        _ name: String, of numbers: [Double], p: Double, like sample: Quantity?, inputs: [Quantity]
    )
        throws(Diagnostic) -> Value
    {
        let number: Double?
        switch name {
        case "variance":
            if let sample, sample.dimension != .none {
                throw Diagnostic(
                    .unitMismatch,
                    "the variance of values in \(Arithmetic.unitName(sample)) would be in a squared unit",
                    help: "use stddev, which keeps the unit, or variance(…) of plain numbers")
            }
            number = variance(numbers)
        case "stddev": number = standardDeviation(numbers)
        default: number = try percentile(numbers, p)
        }
        guard let number else { return .null }
        guard number.isFinite else { throw Arithmetic.overflow() }
        guard var quantity = sample else { return .number(number) }
        quantity.value = number
        quantity.annotate(from: inputs, interval: nil)
        return Arithmetic.result(quantity)
    }
}
