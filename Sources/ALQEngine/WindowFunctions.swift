import ALQRuntime
import ALQSyntax

/// One window function call, computed over every partition at once.
struct WindowCall {
    let interpreter: Interpreter
    /// The table the arguments are evaluated over (with the columns computed before the call).
    let scope: Table
    let partitions: Partitions
    let name: String
    let arguments: [Expr]
    let span: Span

    private var file: SourceFile { interpreter.file }
    private var rowCount: Int { scope.rowCount }

    func evaluate() throws(Diagnostic) -> Column {
        switch name {
        case "row_number":
            try arity(0...0, "row_number()")
            return rowNumbers()
        case "lag", "lead":
            try arity(1...2, "\(name)(x, n = 1)")
            let offset = arguments.count > 1 ? try count(arguments[1], minimum: 0) : 1
            return try argument(0).gather(orNull: shifted(by: name == "lag" ? offset : -offset))
        case "first_value", "last_value":
            try arity(1...1, "\(name)(x)")
            return try argument(0).gather(edges(first: name == "first_value"))
        case "rank":
            try arity(1...1, "rank(x)")
            return try ranks(argument(0))
        case "cumsum":
            try arity(1...1, "cumsum(x)")
            return try cumulativeSum(argument(0))
        default:
            try arity(2...2, "rolling_avg(x, n)")
            let width = try count(arguments[1], minimum: 1)
            return try rollingAverage(argument(0), width: width)
        }
    }

    // MARK: Arguments

    private func arity(_ range: ClosedRange<Int>, _ usage: String) throws(Diagnostic) {
        guard !range.contains(arguments.count) else { return }
        let expected =
            range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) or \(range.upperBound)"
        throw Diagnostic(
            .wrongArgumentCount,
            "\(name) takes \(expected) argument\(expected == "1" ? "" : "s"), given \(arguments.count)", span: span,
            file: file, help: "usage: \(usage)")
    }

    private func argument(_ index: Int) throws(Diagnostic) -> Column {
        try VectorEvaluator(interpreter: interpreter, table: scope).eval(arguments[index]).column(count: rowCount)
    }

    /// A whole number of rows given as an argument (the same for every row).
    private func count(_ expr: Expr, minimum: Int) throws(Diagnostic) -> Int {
        let value = try interpreter.eval(expr)
        guard let number = value.plainNumber, number == number.rounded(), number >= Double(minimum), number < 1e15
        else {
            throw Diagnostic(
                .invalidArgument, "\(name) needs a whole number of rows ≥ \(minimum), found \(value.literalText)",
                span: expr.span, file: file)
        }
        return Int(number)
    }

    private func located(_ error: Diagnostic) -> Diagnostic { interpreter.located(error, span) }

    // MARK: Moving rows

    private func rowNumbers() -> Column {
        var numbers = [Double](repeating: 0, count: rowCount)
        for partition in 0..<partitions.count {
            for (position, row) in partitions.rows(of: partition).enumerated() { numbers[row] = Double(position + 1) }
        }
        return .number(NumberColumn(values: numbers, isInteger: true))
    }

    /// For each row, the row `offset` places before it in its partition (after it when negative), or -1.
    private func shifted(by offset: Int) -> [Int] {
        var indices = [Int](repeating: -1, count: rowCount)
        for partition in 0..<partitions.count {
            let rows = partitions.rows(of: partition)
            let base = rows.startIndex
            for position in 0..<rows.count {
                let source = position - offset
                if source >= 0 && source < rows.count { indices[rows[base + position]] = rows[base + source] }
            }
        }
        return indices
    }

    private func edges(first: Bool) -> [Int] {
        var indices = [Int](repeating: 0, count: rowCount)
        for partition in 0..<partitions.count {
            let rows = partitions.rows(of: partition)
            guard let edge = first ? rows.first : rows.last else { continue }
            for row in rows { indices[row] = edge }
        }
        return indices
    }

    // MARK: Ranks

    /// Competition ranks (1, 2, 2, 4) in ascending order within each partition; null for null values.
    private func ranks(_ column: Column) throws(Diagnostic) -> Column {
        let order = try RowOrder(column, interpreter: interpreter, span: span)
        var ranks = [Double](repeating: 0, count: rowCount)
        var validity = [Bool](repeating: false, count: rowCount)
        var ranked = 0
        for partition in 0..<partitions.count {
            ranked += partitions.rows(of: partition).count
            if ranked >= Interruption.rowsBetweenChecks {
                ranked = 0
                try Interruption.check()
            }
            let rows = try partitions.rows(of: partition).filter { !order.isNull($0) }.sortedStoppingOnInterruption(
                runLength: 4096, by: order.less)
            for (position, row) in rows.enumerated() {
                if position > 0, !order.less(rows[position - 1], row) {
                    ranks[row] = ranks[rows[position - 1]]
                } else {
                    ranks[row] = Double(position + 1)
                }
                validity[row] = true
            }
        }
        return .number(
            NumberColumn(values: ranks, validity: validity.allSatisfy { $0 } ? nil : validity, isInteger: true))
    }

    // MARK: Sums and averages

    private func numeric(_ column: Column) throws(Diagnostic) -> (values: [Double], validity: [Bool]?)? {
        switch column {
        case .number(let numbers): return (numbers.values, numbers.validity)
        case .quantity(let quantities): return (quantities.values, quantities.validity)
        case .mixed: return nil
        default:
            throw Diagnostic(
                .typeMismatch, "\(name) needs numbers or quantities, found a \(column.typeName) column", span: span,
                file: file)
        }
    }

    /// A column of computed numbers, typed like the input (a quantity keeps its dimension and unit).
    private func typed(like column: Column, _ values: [Double], _ validity: [Bool], integral: Bool) -> Column {
        let mask = validity.allSatisfy { $0 } ? nil : validity
        if case .quantity(let quantities) = column {
            return .quantity(
                QuantityColumn(
                    values: values, dimension: quantities.dimension, displayUnit: quantities.displayUnit, validity: mask
                ))
        }
        return .number(NumberColumn(values: values, validity: mask, isInteger: integral))
    }

    /// The running total within each partition; nulls add nothing, and rows before the first value are null.
    private func cumulativeSum(_ column: Column) throws(Diagnostic) -> Column {
        guard let (values, validity) = try numeric(column) else {
            return try boxed(column) { (window: [Value]) throws(Diagnostic) -> Value in
                let present = window.filter { !$0.isNull }
                return present.isEmpty ? .null : try ListAggregates.apply("sum", present)
            } window: { rows, position in
                rows[rows.startIndex...(rows.startIndex + position)]
            }
        }
        var sums = [Double](repeating: 0, count: rowCount)
        var valid = [Bool](repeating: false, count: rowCount)
        for partition in 0..<partitions.count {
            var total = 0.0
            var seen = false
            for row in partitions.rows(of: partition) {
                if validity?[row] ?? true {
                    total += values[row]
                    seen = true
                }
                guard total.isFinite else { throw located(Arithmetic.overflow()) }
                sums[row] = total
                valid[row] = seen
            }
        }
        let integral: Bool
        if case .number(let numbers) = column { integral = numbers.isInteger } else { integral = false }
        return typed(like: column, sums, valid, integral: integral)
    }

    /// The average of the non-null values among each row and the `width - 1` rows before it in its
    /// partition (fewer at the start of a partition); null where all of them are null.
    private func rollingAverage(_ column: Column, width: Int) throws(Diagnostic) -> Column {
        guard let (values, validity) = try numeric(column) else {
            return try boxed(column) { (window: [Value]) throws(Diagnostic) -> Value in
                try ListAggregates.apply("avg", window)
            } window: { rows, position in
                rows[(rows.startIndex + Swift.max(0, position - width + 1))...(rows.startIndex + position)]
            }
        }
        var averages = [Double](repeating: 0, count: rowCount)
        var valid = [Bool](repeating: false, count: rowCount)
        var visited = 0
        for partition in 0..<partitions.count {
            let rows = partitions.rows(of: partition)
            let base = rows.startIndex
            for position in 0..<rows.count {
                visited += 1
                try Interruption.check(atRow: visited)
                var total = 0.0
                var count = 0
                for source in Swift.max(0, position - width + 1)...position where validity?[rows[base + source]] ?? true
                {
                    total += values[rows[base + source]]
                    count += 1
                }
                averages[rows[base + position]] = count == 0 ? 0 : total / Double(count)
                valid[rows[base + position]] = count > 0
            }
        }
        return typed(like: column, averages, valid, integral: false)
    }

    /// A window aggregate over boxed values (a column of mixed values, such as quantities that carry
    /// provenance), so that the result unites what its inputs carry.
    private func boxed(
        _ column: Column, _ aggregate: ([Value]) throws(Diagnostic) -> Value,
        window: (ArraySlice<Int>, Int) -> ArraySlice<Int>
    ) throws(Diagnostic) -> Column {
        var results = [Value](repeating: .null, count: rowCount)
        var visited = 0
        for partition in 0..<partitions.count {
            let rows = partitions.rows(of: partition)
            for position in 0..<rows.count {
                visited += 1
                if visited & 0xFFF == 0 { try interpreter.session.checkCancellation() }
                do throws(Diagnostic) {
                    results[rows[rows.startIndex + position]] = try aggregate(
                        window(rows, position).map { column[$0] })
                } catch {
                    throw located(error)
                }
            }
        }
        return ColumnBuilder.column(results)
    }
}

/// A strict order on the rows of a column, for ranking: numbers, quantities, strings and booleans by
/// value; mixed values when they are comparable (else the comparison's error).
private struct RowOrder {
    let less: (Int, Int) -> Bool
    let isNull: (Int) -> Bool

    init(_ column: Column, interpreter: Interpreter, span: Span) throws(Diagnostic) {
        switch column {
        case .number(let numbers):
            less = { numbers.values[$0] < numbers.values[$1] }
            isNull = numbers.isNull
        case .quantity(let quantities):
            less = { quantities.values[$0] < quantities.values[$1] }
            isNull = quantities.isNull
        case .string(let strings):
            let sorted = strings.dictionary.indices.sorted { strings.dictionary[$0] < strings.dictionary[$1] }
            var rank = [Int32](repeating: 0, count: strings.dictionary.count)
            for (position, code) in sorted.enumerated() { rank[code] = Int32(position) }
            less = { rank[Int(strings.codes[$0])] < rank[Int(strings.codes[$1])] }
            isNull = { strings.codes[$0] < 0 }
        case .bool(let flags):
            less = { flags.values[$0] < flags.values[$1] }
            isNull = { flags.values[$0] == BoolColumn.null }
        case .mixed(let values):
            if let first = values.first(where: { !$0.isNull }) {
                for value in values where !value.isNull {
                    do throws(Diagnostic) { _ = try Comparison.order(first, value) } catch {
                        throw interpreter.located(error, span)
                    }
                }
            }
            less = { Comparison.sortOrder(values[$0], values[$1]) < 0 }
            isNull = { values[$0].isNull }
        }
    }
}
