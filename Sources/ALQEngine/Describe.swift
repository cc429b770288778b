import ALQRuntime
import ALQSyntax

/// `describe`: one row per column of the input (as DuckDB's SUMMARIZE): its name, type, unit(s), how
/// many values and nulls and distinct values it holds, its minimum, maximum and mean.
///
/// `min` and `max` are given for numbers, quantities of one dimension, strings and booleans, and show
/// cells of the column (quantities with the provenance of every value compared, as in `agg`); `mean`
/// for numbers and quantities of one dimension. Where a statistic does not apply it is null.
struct Describe {
    let interpreter: Interpreter

    /// The columns of the result.
    static let columnNames = ["column", "type", "units", "count", "nulls", "distinct", "min", "max", "mean"]

    func described(_ table: Table) throws(Diagnostic) -> Table {
        var rows: [[Value]] = []
        for (name, column) in zip(table.columnNames, table.columns) {
            try interpreter.session.checkCancellation()
            let summary = summarize(column)
            rows.append([
                .string(name), .string(summary.type), summary.units.map(Value.string) ?? .null,
                .number(Double(summary.count)), .number(Double(column.count - summary.count)),
                .number(Double(summary.distinct)), summary.min, summary.max, summary.mean,
            ])
        }
        let columns = Describe.columnNames.indices.map { index in ColumnBuilder.column(rows.lazy.map { $0[index] }) }
        return Table(columnNames: Describe.columnNames, columns: columns, rowCount: rows.count)
    }

    private struct Summary {
        var type: String
        var units: String?
        var count = 0
        var distinct = 0
        var min = Value.null
        var max = Value.null
        var mean = Value.null
    }

    private func summarize(_ column: Column) -> Summary {
        switch column {
        case .number(let numbers):
            return numeric(column, numbers.values, numbers.validity, type: column.typeName, units: nil) {
                .number($0)
            }
        case .quantity(let quantities):
            return numeric(
                column, quantities.values, quantities.validity, type: "quantity", units: quantities.dimension.symbol
            ) {
                .quantity(Quantity(value: $0, dimension: quantities.dimension, displayUnit: quantities.displayUnit))
            }
        case .string(let strings):
            var used = [Bool](repeating: false, count: strings.dictionary.count)
            var summary = Summary(type: "string")
            for code in strings.codes where code >= 0 {
                used[Int(code)] = true
                summary.count += 1
            }
            let present = Set(strings.dictionary.indices.filter { used[$0] }.map { strings.dictionary[$0] })
            summary.distinct = present.count
            summary.min = present.min().map(Value.string) ?? .null
            summary.max = present.max().map(Value.string) ?? .null
            return summary
        case .bool(let flags):
            var summary = Summary(type: "bool")
            let falses = flags.values.count(where: { $0 == 0 })
            let trues = flags.values.count(where: { $0 == 1 })
            summary.count = falses + trues
            summary.distinct = (falses > 0 ? 1 : 0) + (trues > 0 ? 1 : 0)
            if summary.count > 0 {
                summary.min = .bool(falses == 0)
                summary.max = .bool(trues > 0)
            }
            return summary
        case .mixed(let values):
            return mixed(values)
        }
    }

    private func numeric(
        _ column: Column, _ values: [Double], _ validity: [Bool]?, type: String, units: String?,
        make: (Double) -> Value
    ) -> Summary {
        var summary = Summary(type: type, units: units)
        var distinct: Set<Double> = []
        var total = 0.0
        var low: Int?
        var high: Int?
        for row in values.indices where validity?[row] ?? true {
            summary.count += 1
            total += values[row]
            distinct.insert(values[row])
            if low.map({ values[row] < values[$0] }) ?? true { low = row }
            if high.map({ values[row] > values[$0] }) ?? true { high = row }
        }
        summary.distinct = distinct.count
        if let low, let high {
            summary.min = column[low]
            summary.max = column[high]
            summary.mean = make(total / Double(summary.count))
        }
        return summary
    }

    /// Statistics of boxed values: min, max and mean only when the values are mutually comparable.
    private func mixed(_ values: [Value]) -> Summary {
        let present = values.filter { !$0.isNull }
        let types = Set(present.map(\.typeName))
        var summary = Summary(type: types.count == 1 ? types.first! : (types.isEmpty ? "null" : "any"))
        let units = Set(
            present.compactMap { value -> String? in
                guard case .quantity(let quantity) = value, quantity.dimension != .none else { return nil }
                return quantity.dimension.symbol
            })
        summary.units = units.isEmpty ? nil : units.sorted().joined(separator: ", ")
        summary.count = present.count
        summary.distinct = Set(present.map { "\($0.typeName):\($0.literalText)" }).count
        guard let first = present.first,
            present.allSatisfy({ (try? Comparison.order(first, $0)) != nil })
        else { return summary }
        summary.min = (try? ListAggregates.apply("min", present)) ?? .null
        summary.max = (try? ListAggregates.apply("max", present)) ?? .null
        if present.allSatisfy({ Arithmetic.quantity($0) != nil }) {
            summary.mean = (try? ListAggregates.apply("avg", present)) ?? .null
        }
        return summary
    }
}
