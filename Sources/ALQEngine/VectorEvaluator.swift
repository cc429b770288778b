import ALQPluginAPI
import ALQRuntime
import ALQSyntax

/// Evaluates an expression over all rows of a table at once, column by column.
///
/// Comparisons, logic and arithmetic on typed columns run as tight loops over arrays; anything else
/// falls back to evaluating the expression row by row.
struct VectorEvaluator {
    let interpreter: Interpreter
    let table: Table
    /// Whether conditions that cannot fail run as a ``PredicateKernel`` (tests turn it off to compare).
    var usesPredicateKernels = true

    func eval(_ expr: Expr) throws(Diagnostic) -> Vector {
        switch expr.kind {
        case .number, .string, .bool, .null, .quantity:
            return .scalar(try interpreter.eval(expr))
        case .name(let name):
            if let column = table.column(name) { return .column(column) }
            return .scalar(try interpreter.lookup(name, span: expr.span, row: RowContext(table: table, row: 0)))
        case .binary(let op, let left, let right) where op == .and || op == .or:
            if usesPredicateKernels, let kernel = predicateKernel(expr) {
                return .column(.bool(BoolColumn(values: try kernel.mask(rowCount: table.rowCount))))
            }
            return try logical(op, left, right)
        case .binary(let op, let left, let right):
            let a = try eval(left)
            let b = try eval(right)
            if case .scalar(let x) = a, case .scalar(let y) = b {
                return .scalar(try scalarBinary(op, x, y, left: left.span, right: right.span, span: expr.span))
            }
            if let fast = try binary(op, a, b, span: expr.span) { return .column(fast) }
            return try rowByRow(expr)
        case .conditional(let condition, let value, let alternative):
            return try conditional(condition, value, alternative)
        case .unary(.not, let operand):
            if case .column(.bool(let column)) = try eval(operand) {
                return .column(.bool(BoolColumn(values: column.values.map { $0 == 1 ? 0 : 1 })))
            }
            return try rowByRow(expr)
        case .call(let name, let nameSpan, let arguments) where references(expr):
            if let fast = try call(name, nameSpan: nameSpan, arguments, span: expr.span) { return fast }
            return try rowByRow(expr)
        case .index(let base, let index) where references(expr):
            if let fast = try lookup(base, index) { return fast }
            return try rowByRow(expr)
        case .membership(let needle, let haystack) where references(expr):
            if let fast = try membership(needle, haystack) { return fast }
            return try rowByRow(expr)
        default:
            if !references(expr) { return .scalar(try interpreter.eval(expr)) }
            return try rowByRow(expr)
        }
    }

    /// Whether an expression mentions any column of the table.
    func references(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .name(let name): return table.columnIndex(name) != nil
        case .number, .string, .bool, .null, .quantity: return false
        case .list(let elements): return elements.contains(where: references)
        case .record(let fields): return fields.contains { references($0.value) }
        case .member(let base, _, _): return references(base)
        case .index(let base, let index): return references(base) || references(index)
        case .call(_, _, let arguments): return arguments.contains(where: references)
        case .unary(_, let operand): return references(operand)
        case .binary(_, let left, let right): return references(left) || references(right)
        case .convert(let operand, _): return references(operand)
        case .membership(let needle, let haystack): return references(needle) || references(haystack)
        case .pipeline(let input, _): return references(input)
        case .conditional(let condition, let value, let alternative):
            return references(condition) || references(value) || references(alternative)
        case .namedArgument(_, _, let value): return references(value)
        }
    }

    /// `if … then … else …` over a table: the condition as a column, then each branch over only the rows
    /// that take it (so that `if x == 0 then 0 else 1 / x` never divides by zero).
    private func conditional(_ condition: Expr, _ value: Expr, _ alternative: Expr) throws(Diagnostic) -> Vector {
        let test = try eval(condition)
        switch test {
        case .scalar(let flag):
            return try interpreter.truth(flag, condition.span) ? try eval(value) : try eval(alternative)
        case .column(.bool(let flags)):
            var taken: [Int] = []
            var other: [Int] = []
            for row in 0..<table.rowCount {
                if flags.values[row] == 1 { taken.append(row) } else { other.append(row) }
            }
            if other.isEmpty { return try eval(value) }
            if taken.isEmpty { return try eval(alternative) }
            let thenRows = try rows(taken, readBy: value)
            let elseRows = try rows(other, readBy: alternative)
            let thenValues = try VectorEvaluator(interpreter: interpreter, table: thenRows).eval(value)
            let elseValues = try VectorEvaluator(interpreter: interpreter, table: elseRows).eval(alternative)
            var builder = ColumnBuilder()
            var (nextTaken, nextOther) = (0, 0)
            for row in 0..<table.rowCount {
                if flags.values[row] == 1 {
                    builder.append(thenValues[nextTaken])
                    nextTaken += 1
                } else {
                    builder.append(elseValues[nextOther])
                    nextOther += 1
                }
            }
            return .column(builder.build())
        case .column:
            return try rowByRow(
                Expr(.conditional(condition: condition, then: value, else: alternative), condition.span))
        }
    }

    private func scalarBinary(
        _ op: BinaryOperator, _ x: Value, _ y: Value, left: Span, right: Span, span: Span
    ) throws(Diagnostic) -> Value {
        switch op {
        case .and, .or:
            let p = try interpreter.truth(x, left)
            let q = try interpreter.truth(y, right)
            return .bool(op == .and ? p && q : p || q)
        default:
            do throws(Diagnostic) { return try Arithmetic.apply(op, x, y) } catch {
                throw interpreter.located(error, span)
            }
        }
    }

    private func rowByRow(_ expr: Expr) throws(Diagnostic) -> Vector {
        var builder = ColumnBuilder()
        for row in 0..<table.rowCount {
            // Every 4,096 rows: evaluating an expression for one row can take microseconds.
            if row & 0xFFF == 0xFFF { try interpreter.session.checkCancellation() }
            builder.append(try interpreter.eval(expr, row: RowContext(table: table, row: row)))
        }
        return .column(builder.build())
    }

    // MARK: Logic

    /// `and` and `or`, row by row short-circuiting as in a single expression: the right side is
    /// evaluated only for the rows the left side does not decide, so that
    /// `where unit == "t" and value > 1 Mt` never compares a value in CNY with one in t.
    private func logical(_ op: BinaryOperator, _ left: Expr, _ right: Expr) throws(Diagnostic) -> Vector {
        let a = try eval(left)
        if case .scalar(let value) = a {
            let flag = try interpreter.truth(value, left.span)
            if flag == (op == .or) { return .scalar(.bool(flag)) }
            let b = try eval(right)
            if case .scalar(let other) = b { return .scalar(.bool(try interpreter.truth(other, right.span))) }
            return .column(.bool(try truths(b, count: table.rowCount, span: right.span)))
        }
        let decided = try truths(a, count: table.rowCount, span: left.span)
        let undecided = (0..<table.rowCount).filter { (decided.values[$0] == 1) == (op == .and) }
        var result = decided.values.map { $0 == 1 ? UInt8(1) : 0 }
        if !undecided.isEmpty {
            let rest = try VectorEvaluator(
                interpreter: interpreter, table: try rows(undecided, readBy: right),
                usesPredicateKernels: usesPredicateKernels
            ).eval(right)
            let flags = try truths(rest, count: undecided.count, span: right.span)
            for (index, row) in undecided.enumerated() { result[row] = flags.values[index] == 1 ? 1 : 0 }
        }
        return .column(.bool(BoolColumn(values: result)))
    }

    /// A vector as bools (nulls false), or an error naming the first value that is not true or false.
    private func truths(_ vector: Vector, count: Int, span: Span) throws(Diagnostic) -> BoolColumn {
        switch vector {
        case .column(.bool(let column)):
            return BoolColumn(values: column.values.map { $0 == 1 ? 1 : 0 })
        case .scalar(let value):
            let flag = try interpreter.truth(value, span)
            return BoolColumn(values: [UInt8](repeating: flag ? 1 : 0, count: count))
        case .column(let column):
            var flags = [UInt8](repeating: 0, count: count)
            for row in 0..<count {
                if try interpreter.truth(column[row], span) { flags[row] = 1 }
            }
            return BoolColumn(values: flags)
        }
    }

    // MARK: Kernels

    private func binary(_ op: BinaryOperator, _ a: Vector, _ b: Vector, span: Span) throws(Diagnostic) -> Column? {
        switch op {
        case .and, .or:
            return nil
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            return try compare(op, a, b, span: span)
        case .add, .subtract, .multiply, .divide:
            if op == .add, let joined = concatenation(a, b) { return joined }
            return try arithmetic(op, a, b, span: span)
        }
    }

    private func compare(_ op: BinaryOperator, _ a: Vector, _ b: Vector, span: Span) throws(Diagnostic) -> Column? {
        switch (a, b) {
        case (.column(.string(let column)), .scalar(.string(let text))):
            return .bool(BoolColumn(values: stringCompare(op, column, text, flipped: false)))
        case (.scalar(.string(let text)), .column(.string(let column))):
            return .bool(BoolColumn(values: stringCompare(op, column, text, flipped: true)))
        case (.column(.number(let column)), .scalar(let value)):
            guard let number = Self.exactNumber(value) else { return try mismatch(op, a, b, span: span) }
            return .bool(numberCompare(op, column.values, column.validity, number, flipped: false))
        case (.scalar(let value), .column(.number(let column))):
            guard let number = Self.exactNumber(value) else { return try mismatch(op, a, b, span: span) }
            return .bool(numberCompare(op, column.values, column.validity, number, flipped: true))
        case (.column(.quantity(let column)), .scalar(.quantity(let quantity)))
        where quantity.dimension == column.dimension && quantity.bound == .exact:
            return .bool(numberCompare(op, column.values, column.validity, quantity.value, flipped: false))
        case (.scalar(.quantity(let quantity)), .column(.quantity(let column)))
        where quantity.dimension == column.dimension && quantity.bound == .exact:
            return .bool(numberCompare(op, column.values, column.validity, quantity.value, flipped: true))
        case (.column(.number(let x)), .column(.number(let y))):
            var result = [UInt8](repeating: 0, count: table.rowCount)
            for row in 0..<result.count {
                if x.isNull(row) || y.isNull(row) {
                    result[row] =
                        op == .notEqual
                        ? ((x.isNull(row) && y.isNull(row)) ? 0 : 1)
                        : (op == .equal && x.isNull(row) && y.isNull(row) ? 1 : 0)
                } else {
                    result[row] = Self.holds(op, x.values[row], y.values[row]) ? 1 : 0
                }
            }
            return .bool(BoolColumn(values: result))
        default:
            return nil
        }
    }

    /// A plain number, or a dimensionless quantity that is exact: what a number column compares with.
    static func exactNumber(_ value: Value) -> Double? {
        if case .quantity(let quantity) = value, quantity.bound != .exact { return nil }
        return value.plainNumber
    }

    private func mismatch(_ op: BinaryOperator, _ a: Vector, _ b: Vector, span: Span) throws(Diagnostic) -> Column? {
        if op == .equal || op == .notEqual { return nil }
        let sample = (0..<table.rowCount).first { !a[$0].isNull && !b[$0].isNull }
        guard let sample else { return nil }
        do throws(Diagnostic) {
            _ = try Arithmetic.apply(op, a[sample], b[sample])
        } catch {
            throw interpreter.located(error, span)
        }
        return nil
    }

    private static func holds(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Bool {
        switch op {
        case .equal: x == y
        case .notEqual: x != y
        case .less: x < y
        case .lessEqual: x <= y
        case .greater: x > y
        default: x >= y
        }
    }

    private func numberCompare(
        _ op: BinaryOperator, _ values: [Double], _ validity: [Bool]?, _ scalar: Double, flipped: Bool
    ) -> BoolColumn {
        var result = [UInt8](repeating: 0, count: values.count)
        values.withUnsafeBufferPointer { values in
            result.withUnsafeMutableBufferPointer { result in
                for row in 0..<values.count {
                    let holds = flipped ? Self.holds(op, scalar, values[row]) : Self.holds(op, values[row], scalar)
                    result[row] = holds ? 1 : 0
                }
            }
        }
        if let validity {
            for row in 0..<values.count where !validity[row] { result[row] = op == .notEqual ? 1 : 0 }
        }
        return BoolColumn(values: result)
    }

    /// `entry op text` (`text op entry` when flipped) for each entry of a dictionary, 1 or 0.
    static func entryTruths(_ op: BinaryOperator, _ dictionary: [String], _ text: String, flipped: Bool) -> [UInt8] {
        dictionary.map { entry in
            let order = entry < text ? -1 : (entry == text ? 0 : 1)
            let signed = flipped ? -order : order
            let holds: Bool
            switch op {
            case .equal: holds = signed == 0
            case .notEqual: holds = signed != 0
            case .less: holds = signed < 0
            case .lessEqual: holds = signed <= 0
            case .greater: holds = signed > 0
            default: holds = signed >= 0
            }
            return holds ? 1 : 0
        }
    }

    private func stringCompare(_ op: BinaryOperator, _ column: StringColumn, _ text: String, flipped: Bool) -> [UInt8] {
        let perEntry = Self.entryTruths(op, column.dictionary, text, flipped: flipped)
        let nullResult: UInt8 = op == .notEqual ? 1 : 0
        var result = [UInt8](repeating: 0, count: column.codes.count)
        column.codes.withUnsafeBufferPointer { codes in
            perEntry.withUnsafeBufferPointer { perEntry in
                result.withUnsafeMutableBufferPointer { result in
                    for row in 0..<codes.count {
                        let code = codes[row]
                        result[row] = code < 0 ? nullResult : perEntry[Int(code)]
                    }
                }
            }
        }
        return result
    }

    private func arithmetic(_ op: BinaryOperator, _ a: Vector, _ b: Vector, span: Span) throws(Diagnostic) -> Column? {
        guard let (x, xValidity, xDimension, xUnit) = numeric(a), let (y, yValidity, yDimension, yUnit) = numeric(b)
        else {
            return nil
        }
        let dimension: Dimension
        switch op {
        case .add, .subtract:
            guard xDimension == yDimension, xDimension != .percent else { return nil }
            dimension = xDimension
        case .multiply:
            guard xDimension == .none || yDimension == .none else { return nil }
            dimension = xDimension == .none ? yDimension : xDimension
        case .divide:
            guard yDimension == .none || xDimension == yDimension else { return nil }
            dimension = yDimension == .none ? xDimension : .none
        default:
            return nil
        }
        let count = table.rowCount
        var result: [Double]
        if op != .divide {
            result = Self.elementwise(op, x, y, count: count)
            if !result.allSatisfy(\.isFinite) { throw interpreter.located(Arithmetic.overflow(), span) }
        } else {
            result = [Double](repeating: 0, count: count)
        }
        for row in 0..<count where op == .divide {
            let p = x.count == 1 ? x[0] : x[row]
            let q = y.count == 1 ? y[0] : y[row]
            if q == 0, yValidity?[row] ?? true, xValidity?[row] ?? true {
                throw interpreter.located(Arithmetic.divisionByZero(), span)
            }
            result[row] = q == 0 ? 0 : p / q
            if !result[row].isFinite { throw interpreter.located(Arithmetic.overflow(), span) }
        }
        var validity: [Bool]?
        if xValidity != nil || yValidity != nil {
            validity = (0..<count).map { (xValidity?[$0] ?? true) && (yValidity?[$0] ?? true) }
        }
        if dimension == .none {
            let integral = result.allSatisfy { $0 == $0.rounded() }
            return .number(NumberColumn(values: result, validity: validity, isInteger: integral))
        }
        let unit = xDimension == dimension ? xUnit : yUnit
        return .quantity(QuantityColumn(values: result, dimension: dimension, displayUnit: unit, validity: validity))
    }

    /// `x op y` row by row for `+`, `-` and `*` (which cannot fail before the result is checked for
    /// overflow), one operand possibly a single value for every row: tight loops the compiler vectorises.
    private static func elementwise(_ op: BinaryOperator, _ x: [Double], _ y: [Double], count: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { result, initialized in
            x.withUnsafeBufferPointer { x in
                y.withUnsafeBufferPointer { y in
                    func fill(_ combine: (Double, Double) -> Double) {
                        if x.count == 1 {
                            let p = x[0]
                            for row in 0..<count { result[row] = combine(p, y[row]) }
                        } else if y.count == 1 {
                            let q = y[0]
                            for row in 0..<count { result[row] = combine(x[row], q) }
                        } else {
                            for row in 0..<count { result[row] = combine(x[row], y[row]) }
                        }
                    }
                    switch op {
                    case .add: fill(+)
                    case .subtract: fill(-)
                    default: fill(*)
                    }
                }
            }
            initialized = count
        }
    }

    private func numeric(_ vector: Vector) -> ([Double], [Bool]?, Dimension, Unit?)? {
        switch vector {
        case .column(.number(let column)): (column.values, column.validity, .none, nil)
        case .column(.quantity(let column)): (column.values, column.validity, column.dimension, column.displayUnit)
        case .scalar(.number(let number)): ([number], nil, .none, nil)
        case .scalar(.quantity(let quantity)) where quantity.isPlain:
            ([quantity.value], nil, quantity.dimension, quantity.displayUnit)
        default: nil
        }
    }
}
