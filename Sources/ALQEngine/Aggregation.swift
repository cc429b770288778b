import ALQRuntime
import ALQSyntax

/// Grouping, aggregation and distinct rows over column vectors.
struct Aggregation {
    let interpreter: Interpreter
    let table: Table

    /// The aggregate functions `agg` knows.
    static let functions: Set<String> = Set([
        "count", "sum", "avg", "min", "max", "first", "last", "count_distinct", "median", "spark",
    ]).union(collectingFunctions).union(Statistics.functions.keys)

    // MARK: Groups

    /// A group id for every row (in order of first appearance) and the first row of each group.
    func groups(of keys: [Column]) throws(Diagnostic) -> (ids: [Int32], firstRows: [Int]) {
        let count = table.rowCount
        if keys.isEmpty { return ([Int32](repeating: 0, count: count), count == 0 ? [] : [0]) }
        var codes: [([Int32], Int)] = []
        for key in keys { codes.append(try localCodes(key)) }
        if codes.count == 1 {
            let (column, cardinality) = codes[0]
            return try GroupKeys.dense(column, keyCount: cardinality)
        }
        let session = interpreter.session
        return try GroupKeys.groups(codes, rowCount: count) { () throws(Diagnostic) in
            try session.checkCancellation()
        }
    }

    /// Dense codes for a column's distinct values (null included) and how many there are.
    private func localCodes(_ column: Column) throws(Diagnostic) -> ([Int32], Int) {
        switch column {
        case .string(let strings):
            let nullCode = Int32(strings.dictionary.count)
            let canonical = CanonicalStrings.codes(strings.dictionary)
            return (strings.codes.map { $0 < 0 ? nullCode : canonical[Int($0)] }, strings.dictionary.count + 1)
        case .bool(let flags):
            return (flags.values.map { Int32($0) }, 3)
        case .number(let numbers):
            return try GroupKeys.numberCodes(numbers.values, numbers.validity)
        case .quantity(let quantities):
            return try GroupKeys.numberCodes(quantities.values, quantities.validity)
        case .mixed(let values):
            var texts: [String?] = []
            texts.reserveCapacity(values.count)
            for (row, value) in values.enumerated() {
                try Interruption.check(atRow: row)
                texts.append(value.isNull ? nil : "\(value.typeName):\(value.literalText)")
            }
            return try intern(texts)
        }
    }

    private func intern<Key: Hashable>(_ keys: [Key?]) throws(Diagnostic) -> ([Int32], Int) {
        var lookup: [Key: Int32] = [:]
        var codes = [Int32](repeating: 0, count: keys.count)
        for (row, key) in keys.enumerated() {
            if row & (Interruption.rowsBetweenChecks - 1) == 0 {
                try Interruption.check()
                lookup.reserveForManyKeys(upTo: keys.count)
            }
            guard let key else { continue }
            if let code = lookup[key] {
                codes[row] = code + 1
            } else {
                let code = Int32(lookup.count)
                lookup[key] = code
                codes[row] = code + 1
            }
        }
        return (codes, lookup.count + 1)
    }

    // MARK: group … | agg …

    func grouped(by keys: [Binding], aggregates: [Binding]) throws(Diagnostic) -> Table {
        let evaluator = VectorEvaluator(interpreter: interpreter, table: table)
        var keyColumns: [Column] = []
        for key in keys { keyColumns.append(try evaluator.eval(key.value).column(count: table.rowCount)) }
        let (ids, firstRows) = try groups(of: keyColumns)
        let groupCount = keys.isEmpty ? 1 : firstRows.count
        var names = keys.map(\.name)
        var columns: [Column] = []
        for column in keyColumns { columns.append(try column.gather(firstRows)) }
        let bindings =
            aggregates.isEmpty
            ? [
                Binding(
                    name: "count",
                    value: Expr(
                        .call(name: "count", nameSpan: Span(start: 0, end: 0), arguments: []), Span(start: 0, end: 0)))
            ]
            : aggregates
        var keyValues: [String: Column] = [:]
        for (name, column) in zip(names, columns) { keyValues[name] = column }
        for binding in bindings {
            let values = try evaluatePerGroup(binding.value, ids: ids, groupCount: groupCount, keys: keyValues)
            names.append(binding.name)
            columns.append(values)
            keyValues[binding.name] = values
        }
        return Table(columnNames: names, columns: columns, rowCount: groupCount)
    }

    /// Evaluates an aggregate expression once per group: aggregate calls over the group's rows,
    /// everything around them on the results.
    private func evaluatePerGroup(_ expr: Expr, ids: [Int32], groupCount: Int, keys: [String: Column])
        throws(Diagnostic) -> Column
    {
        if case .call(let name, let nameSpan, let arguments) = expr.kind, Aggregation.functions.contains(name) {
            return try aggregate(name, arguments, nameSpan: nameSpan, span: expr.span, ids: ids, groupCount: groupCount)
        }
        guard
            containsAggregate(expr)
                || names(in: expr).allSatisfy({
                    keys[$0] != nil || interpreter.locals[$0] != nil || interpreter.session.variables[$0] != nil
                })
        else {
            throw Diagnostic(
                .invalidArgument, "an aggregate must use an aggregate function", span: expr.span,
                file: interpreter.file,
                help: "use one of \(Aggregation.functions.sorted().joined(separator: ", ")), e.g. total = sum(value)")
        }
        var parts: [Int: Column] = [:]
        try collectAggregates(expr, into: &parts, ids: ids, groupCount: groupCount)
        var builder = ColumnBuilder()
        for group in 0..<groupCount {
            builder.append(try evaluate(expr, group: group, parts: parts, keys: keys))
        }
        return builder.build()
    }

    /// The bare names an expression mentions.
    private func names(in expr: Expr) -> [String] {
        switch expr.kind {
        case .name(let name): return [name]
        case .call(_, _, let arguments): return arguments.flatMap(names)
        case .binary(_, let left, let right): return names(in: left) + names(in: right)
        case .unary(_, let operand), .convert(let operand, _), .namedArgument(_, _, let operand):
            return names(in: operand)
        case .conditional(let condition, let value, let alternative):
            return names(in: condition) + names(in: value) + names(in: alternative)
        default: return []
        }
    }

    private func containsAggregate(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .call(let name, _, let arguments):
            return Aggregation.functions.contains(name) || arguments.contains(where: containsAggregate)
        case .binary(_, let left, let right): return containsAggregate(left) || containsAggregate(right)
        case .unary(_, let operand), .convert(let operand, _), .namedArgument(_, _, let operand):
            return containsAggregate(operand)
        case .conditional(let condition, let value, let alternative):
            return [condition, value, alternative].contains(where: containsAggregate)
        default: return false
        }
    }

    private func collectAggregates(_ expr: Expr, into parts: inout [Int: Column], ids: [Int32], groupCount: Int)
        throws(Diagnostic)
    {
        switch expr.kind {
        case .call(let name, let nameSpan, let arguments):
            if Aggregation.functions.contains(name) {
                parts[expr.span.start] = try aggregate(
                    name, arguments, nameSpan: nameSpan, span: expr.span, ids: ids, groupCount: groupCount)
            } else {
                for argument in arguments {
                    try collectAggregates(argument, into: &parts, ids: ids, groupCount: groupCount)
                }
            }
        case .binary(_, let left, let right):
            try collectAggregates(left, into: &parts, ids: ids, groupCount: groupCount)
            try collectAggregates(right, into: &parts, ids: ids, groupCount: groupCount)
        case .unary(_, let operand), .convert(let operand, _), .namedArgument(_, _, let operand):
            try collectAggregates(operand, into: &parts, ids: ids, groupCount: groupCount)
        case .conditional(let condition, let value, let alternative):
            for part in [condition, value, alternative] {
                try collectAggregates(part, into: &parts, ids: ids, groupCount: groupCount)
            }
        default:
            break
        }
    }

    private func evaluate(_ expr: Expr, group: Int, parts: [Int: Column], keys: [String: Column]) throws(Diagnostic)
        -> Value
    {
        switch expr.kind {
        case .call(let name, let nameSpan, let arguments):
            if let part = parts[expr.span.start], Aggregation.functions.contains(name) { return part[group] }
            var values = CallArguments(positional: [])
            for argument in arguments {
                if case .namedArgument(let label, let labelSpan, let value) = argument.kind {
                    values.named.append((label, labelSpan, try evaluate(value, group: group, parts: parts, keys: keys)))
                } else {
                    values.positional.append(try evaluate(argument, group: group, parts: parts, keys: keys))
                }
            }
            return try interpreter.call(name, nameSpan: nameSpan, arguments: values, span: expr.span)
        case .binary(let op, let left, let right):
            let a = try evaluate(left, group: group, parts: parts, keys: keys)
            let b = try evaluate(right, group: group, parts: parts, keys: keys)
            switch op {
            case .and, .or:
                let p = try interpreter.truth(a, left.span)
                let q = try interpreter.truth(b, right.span)
                return .bool(op == .and ? p && q : p || q)
            default:
                do throws(Diagnostic) { return try Arithmetic.apply(op, a, b) } catch {
                    throw interpreter.located(error, expr.span)
                }
            }
        case .unary(.negate, let operand):
            do throws(Diagnostic) {
                return try Arithmetic.negate(try evaluate(operand, group: group, parts: parts, keys: keys))
            } catch {
                throw interpreter.located(error, expr.span)
            }
        case .name(let name):
            if let column = keys[name] { return column[group] }
            return try interpreter.eval(expr)
        case .convert(let operand, let spec):
            return try interpreter.convert(
                try evaluate(operand, group: group, parts: parts, keys: keys), to: spec, span: expr.span)
        case .conditional(let condition, let value, let alternative):
            let test = try evaluate(condition, group: group, parts: parts, keys: keys)
            return try evaluate(
                try interpreter.truth(test, condition.span) ? value : alternative, group: group, parts: parts,
                keys: keys)
        default:
            return try interpreter.eval(expr)
        }
    }

    // MARK: Aggregate functions

    private func aggregate(
        _ name: String, _ arguments: [Expr], nameSpan: Span, span: Span, ids: [Int32], groupCount: Int
    ) throws(Diagnostic) -> Column {
        if name == "count" && arguments.isEmpty {
            return .number(NumberColumn(values: try GroupKeys.sizes(ids, groupCount: groupCount), isInteger: true))
        }
        if let column = try collectingAggregate(name, arguments, span: span, ids: ids, groupCount: groupCount) {
            return column
        }
        let takesParameter = Statistics.functions[name] == true
        guard arguments.count == (takesParameter ? 2 : 1) else {
            throw Diagnostic(
                .wrongArgumentCount,
                "\(name) takes \(takesParameter ? "two arguments" : "one argument") in 'agg', given \(arguments.count)",
                span: span, file: interpreter.file,
                help: "for example: \(takesParameter ? "p90 = \(name)(value, 90)" : "total = \(name)(value)")")
        }
        let column = try VectorEvaluator(interpreter: interpreter, table: table).eval(arguments[0]).column(
            count: table.rowCount)
        try interpreter.session.checkCancellation()
        if Statistics.functions[name] != nil {
            let parameter = arguments.count > 1 ? try interpreter.eval(arguments[1]) : nil
            do throws(Diagnostic) {
                return try Statistics.perGroup(name, column, parameter: parameter, ids: ids, groupCount: groupCount)
            } catch {
                throw interpreter.located(error, span)
            }
        }
        switch (name, column) {
        case ("sum", .number(let numbers)), ("avg", .number(let numbers)):
            let (sums, counts) = sumNumbers(numbers.values, numbers.validity, ids: ids, groupCount: groupCount)
            try FiniteCheck.all(sums, in: name, span: span, file: interpreter.file)
            if name == "sum" { return .number(NumberColumn(values: sums, isInteger: numbers.isInteger)) }
            return average(sums, counts, dimension: .none, unit: nil)
        case ("sum", .quantity(let quantities)), ("avg", .quantity(let quantities)):
            let (sums, counts) = sumNumbers(quantities.values, quantities.validity, ids: ids, groupCount: groupCount)
            try FiniteCheck.all(sums, in: name, span: span, file: interpreter.file)
            if name == "sum" {
                return .quantity(
                    QuantityColumn(values: sums, dimension: quantities.dimension, displayUnit: quantities.displayUnit))
            }
            return average(sums, counts, dimension: quantities.dimension, unit: quantities.displayUnit)
        default:
            do throws(Diagnostic) {
                if let typed = try typedAggregate(name, column, ids: ids, groupCount: groupCount) { return typed }
            } catch {
                throw error.code == .interrupted ? error : interpreter.located(error, span)
            }
            return try genericAggregate(name, column, span: span, ids: ids, groupCount: groupCount)
        }
    }

    private func sumNumbers(_ values: [Double], _ validity: [Bool]?, ids: [Int32], groupCount: Int) -> ([Double], [Int])
    {
        var sums = [Double](repeating: 0, count: groupCount)
        var counts = [Int](repeating: 0, count: groupCount)
        values.withUnsafeBufferPointer { values in
            ids.withUnsafeBufferPointer { ids in
                sums.withUnsafeMutableBufferPointer { sums in
                    counts.withUnsafeMutableBufferPointer { counts in
                        if let validity {
                            for row in 0..<values.count where validity[row] {
                                sums[Int(ids[row])] += values[row]
                                counts[Int(ids[row])] += 1
                            }
                        } else {
                            for row in 0..<values.count {
                                sums[Int(ids[row])] += values[row]
                                counts[Int(ids[row])] += 1
                            }
                        }
                    }
                }
            }
        }
        return (sums, counts)
    }

    private func average(_ sums: [Double], _ counts: [Int], dimension: Dimension, unit: Unit?) -> Column {
        let values = zip(sums, counts).map { $1 == 0 ? 0 : $0 / Double($1) }
        let validity = counts.map { $0 > 0 }
        let mask = validity.allSatisfy { $0 } ? nil : validity
        if dimension == .none { return .number(NumberColumn(values: values, validity: mask)) }
        return .quantity(QuantityColumn(values: values, dimension: dimension, displayUnit: unit, validity: mask))
    }

    func genericAggregate(_ name: String, _ column: Column, span: Span, ids: [Int32], groupCount: Int)
        throws(Diagnostic) -> Column
    {
        var members = [[Int]](repeating: [], count: groupCount)
        for (row, id) in ids.enumerated() { members[Int(id)].append(row) }
        var builder = ColumnBuilder()
        var sinceCheck = 0
        for rows in members {
            sinceCheck += rows.count
            if sinceCheck >= 0x10000 {
                sinceCheck = 0
                try interpreter.session.checkCancellation()
            }
            let values = rows.map { column[$0] }
            do throws(Diagnostic) {
                builder.append(try ListAggregates.apply(name, values))
            } catch {
                throw interpreter.located(error, span)
            }
        }
        return builder.build()
    }

    // MARK: distinct

    /// The table without repeated rows, keeping the first of each.
    func distinct() throws(Diagnostic) -> Table {
        let (_, firstRows) = try groups(of: table.columns)
        return firstRows.count == table.rowCount ? table : try table.gather(firstRows)
    }
}

/// Aggregate functions over a list of values, shared by `agg` and the list builtins.
///
/// Sums and averages go through ``Arithmetic``, so kind, bound and sources propagate as for `+`;
/// `min`, `max` and `median` pick a stated figure and give it the kind, sources and period of
/// everything they compared, and the bound the inputs' ranges allow (``picked(_:from:interval:)``), which other aggregates
/// (`cagr`, `percentile`, window functions) can reuse, with ``Arithmetic/combine`` and
/// ``ALQRuntime/Quantity/annotate(from:interval:)`` for values they compute.
enum ListAggregates {
    /// The aggregates that need one dimension across their values.
    static let numeric: Set<String> = ["sum", "avg", "min", "max", "median"]

    static func apply(_ name: String, _ values: [Value]) throws(Diagnostic) -> Value {
        let present = values.filter { !$0.isNull }
        if numeric.contains(name) { try requireOneUnit(name, present) }
        switch name {
        case "count": return .number(Double(present.count))
        case "count_distinct": return .number(Double(countDistinct(present)))
        case "spark": return .string(try Sparkline.text(values))
        case "first": return values.first ?? .null
        case "last": return values.last ?? .null
        case "sum":
            if let other = present.first(where: { Arithmetic.quantity($0) == nil }) {
                throw Diagnostic(.typeMismatch, "sum needs numbers or quantities, found a \(other.typeName)")
            }
            guard var total = present.first else { return .number(0) }
            for value in present.dropFirst() { total = try Arithmetic.apply(.add, total, value) }
            return total
        case "avg":
            guard !present.isEmpty else { return .null }
            return try Arithmetic.apply(.divide, try apply("sum", present), .number(Double(present.count)))
        case "min", "max":
            guard var best = present.first else { return .null }
            for value in present.dropFirst() {
                let order = try Comparison.order(value, best)
                if name == "min" ? order < 0 : order > 0 { best = value }
            }
            let intervals = present.compactMap { Arithmetic.quantity($0)?.interval }
            let interval = intervals.dropFirst().reduce(intervals.first) { range, next in
                guard let range else { return next }
                return name == "min"
                    ? Interval(lower: Swift.min(range.lower, next.lower), upper: Swift.min(range.upper, next.upper))
                    : Interval(lower: Swift.max(range.lower, next.lower), upper: Swift.max(range.upper, next.upper))
            }
            return picked(best, from: present, interval: interval)
        case "median":
            guard !present.isEmpty else { return .null }
            var sorted = present
            var failure: Diagnostic?
            var comparisons = 0
            sorted.sort { a, b in
                comparisons += 1
                if comparisons & 0x3FFF == 0, failure == nil, Interruption.isRequested {
                    failure = Interruption.diagnostic
                }
                if failure != nil { return false }
                do throws(Diagnostic) { return try Comparison.order(a, b) < 0 } catch {
                    failure = error
                    return false
                }
            }
            if let failure { throw failure }
            let middle = sorted.count / 2
            if sorted.count % 2 == 1 || Arithmetic.quantity(sorted[middle]) == nil {
                return picked(sorted[middle - (sorted.count % 2 == 0 ? 1 : 0)], from: present, interval: nil)
            }
            let median = try Arithmetic.apply(
                .divide, try Arithmetic.apply(.add, sorted[middle - 1], sorted[middle]), .number(2))
            return picked(median, from: present, interval: nil)
        default:
            throw Diagnostic(.unknownFunction, "unknown aggregate '\(name)'")
        }
    }

    /// A value an aggregate chose among `inputs` (a minimum, a median), annotated as computed from all
    /// of them: their least certain kind, their sources (marked derived), their shared period, and the
    /// bound that `interval` (the range the true result lies in) gives, or unknown when no range is
    /// given and any input is bounded.
    ///
    /// The choice depends on every input (a minimum is the minimum because of all the others), so the
    /// result names every fact compared, not only the one whose figure it shows. Only a value chosen
    /// from a single input is returned as it is: nothing was compared.
    static func picked(_ value: Value, from inputs: [Value], interval: Interval?) -> Value {
        guard case .quantity(let chosen) = value else { return value }
        let quantities = inputs.compactMap(Arithmetic.quantity)
        if quantities.count <= 1 { return value }
        var result = chosen
        result.annotate(from: quantities, interval: interval)
        return .quantity(result)
    }

    /// Throws when `values` mix dimensions, naming the units found.
    static func requireOneUnit(_ name: String, _ values: [Value]) throws(Diagnostic) {
        var dimensions: [Dimension] = []
        for value in values {
            guard let quantity = Arithmetic.quantity(value) else { continue }
            if !dimensions.contains(quantity.dimension) { dimensions.append(quantity.dimension) }
        }
        guard dimensions.count > 1 else { return }
        let names = dimensions.map { $0 == .none ? "plain numbers" : $0.symbol }
        throw Diagnostic(
            .unitMismatch,
            "\(name) over values in different units: \(names.joined(separator: ", ")); the result would mean nothing",
            help: "keep one unit first, e.g. | where unit == \"\(dimensions.first { $0 != .none }?.symbol ?? "t")\", "
                + "or group by unit: | group unit | agg …")
    }
}
