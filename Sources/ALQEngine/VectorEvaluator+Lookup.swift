import ALQRuntime
import ALQSyntax

extension VectorEvaluator {
    /// `container[key]` where the container does not depend on the row and the key is a column: `w[region]`
    /// with `w` a record, a list indexed by a number column, a keyed series indexed by `year`.
    ///
    /// The container is evaluated once and indexed once per distinct key, in the order the keys first
    /// appear; the rows then gather the answers. Each key gets the answer (or the error) it gets row by row,
    /// and the first key that fails is the key of the first row that fails, so the error is the same. The
    /// answers are appended to one ``ColumnBuilder`` in order of first appearance, which gives the column
    /// type, string dictionary and display unit that appending every row's answer would give.
    ///
    /// Returns nil when the fast path does not apply (the container depends on the row, the key is not a
    /// string, number, quantity or bool column); the caller then evaluates row by row.
    func lookup(_ base: Expr, _ index: Expr) throws(Diagnostic) -> Vector? {
        guard !references(base), table.rowCount > 0 else { return nil }
        let container = try interpreter.eval(base)
        guard case .column(let keys) = try eval(index), let (distinct, positions) = Self.distinctKeys(keys) else {
            return nil
        }
        var builder = ColumnBuilder()
        for (position, key) in distinct.enumerated() {
            if position & 0xFFF == 0xFFF { try interpreter.session.checkCancellation() }
            builder.append(try interpreter.subscripted(container, by: key, span: index.span))
        }
        return .column(try builder.build().gather(positions))
    }

    /// A column's distinct values in order of first appearance (null included, as a value of its own), and
    /// for each row the position of its value among them; nil for a column of mixed values.
    static func distinctKeys(_ column: Column) -> (values: [Value], positions: [Int])? {
        var values: [Value] = []
        var positions = [Int](repeating: 0, count: column.count)
        switch column {
        case .string(let strings):
            var slot = [Int](repeating: -1, count: strings.dictionary.count + 1)
            let nullSlot = strings.dictionary.count
            for row in 0..<strings.codes.count {
                let code = strings.codes[row]
                let entry = code < 0 ? nullSlot : Int(code)
                if slot[entry] < 0 {
                    slot[entry] = values.count
                    values.append(code < 0 ? .null : .string(strings.dictionary[entry]))
                }
                positions[row] = slot[entry]
            }
        case .number, .quantity:
            var slot: [UInt64: Int] = [:]
            var nullSlot = -1
            let numbers: [Double]
            let validity: [Bool]?
            switch column {
            case .number(let column): (numbers, validity) = (column.values, column.validity)
            case .quantity(let column): (numbers, validity) = (column.values, column.validity)
            default: return nil
            }
            for row in 0..<numbers.count {
                if let validity, !validity[row] {
                    if nullSlot < 0 {
                        nullSlot = values.count
                        values.append(.null)
                    }
                    positions[row] = nullSlot
                    continue
                }
                let bits = numbers[row].bitPattern
                if let known = slot[bits] {
                    positions[row] = known
                } else {
                    slot[bits] = values.count
                    positions[row] = values.count
                    values.append(column[row])
                }
            }
        case .bool(let flags):
            var slot = [-1, -1, -1]
            for row in 0..<flags.values.count {
                let entry = Int(min(flags.values[row], BoolColumn.null))
                if slot[entry] < 0 {
                    slot[entry] = values.count
                    values.append(column[row])
                }
                positions[row] = slot[entry]
            }
        case .mixed:
            return nil
        }
        return (values, positions)
    }
}
