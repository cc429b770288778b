import ALQRuntime
import ALQSyntax

extension VectorEvaluator {
    /// `column in [list]` over a whole column: the list is evaluated once and held as a hash set over the
    /// column's kind, so each row costs one lookup (strings: one lookup per distinct string of the dictionary).
    ///
    /// Returns nil when the fast path does not apply (the haystack depends on the row, fails or is not a list, or the
    /// needle is not a string, number, quantity or bool column); the caller then evaluates row by row. The
    /// answers are those of `Comparison.equal`: numbers match dimensionless numbers, quantities match
    /// quantities of the same dimension by base value, and a null row is in the list when the list holds null.
    func membership(_ needle: Expr, _ haystack: Expr) throws(Diagnostic) -> Vector? {
        guard !references(haystack), case .column(let column) = try eval(needle) else { return nil }
        guard case .list(let elements) = try? interpreter.eval(haystack) else { return nil }
        let nullIsMember: UInt8 = elements.contains(where: \.isNull) ? 1 : 0
        switch column {
        case .string(let strings):
            var wanted = Set<String>()
            for case .string(let text) in elements { wanted.insert(text) }
            let perEntry: [UInt8] = strings.dictionary.map { wanted.contains($0) ? 1 : 0 }
            var result = [UInt8](repeating: 0, count: strings.codes.count)
            strings.codes.withUnsafeBufferPointer { codes in
                perEntry.withUnsafeBufferPointer { perEntry in
                    result.withUnsafeMutableBufferPointer { result in
                        for row in 0..<codes.count {
                            let code = codes[row]
                            result[row] = code < 0 ? nullIsMember : perEntry[Int(code)]
                        }
                    }
                }
            }
            return .column(.bool(BoolColumn(values: result)))
        case .number(let numbers):
            let wanted = Self.baseValues(of: elements, dimension: .none)
            return .column(.bool(Self.members(numbers.values, numbers.validity, wanted, nullIsMember)))
        case .quantity(let quantities):
            let wanted = Self.baseValues(of: elements, dimension: quantities.dimension)
            return .column(.bool(Self.members(quantities.values, quantities.validity, wanted, nullIsMember)))
        case .bool(let flags):
            var perFlag: [UInt8] = [0, 0, nullIsMember]
            for case .bool(let flag) in elements { perFlag[flag ? 1 : 0] = 1 }
            return .column(.bool(BoolColumn(values: flags.values.map { perFlag[Int(min($0, BoolColumn.null))] })))
        default:
            return nil
        }
    }

    /// The base values of the list's numbers and quantities that have the dimension.
    private static func baseValues(of elements: [Value], dimension: Dimension) -> Set<Double> {
        var values = Set<Double>()
        for element in elements {
            guard let quantity = Arithmetic.quantity(element), quantity.dimension == dimension else { continue }
            values.insert(quantity.value)
        }
        return values
    }

    private static func members(
        _ values: [Double], _ validity: [Bool]?, _ wanted: Set<Double>, _ nullIsMember: UInt8
    ) -> BoolColumn {
        var result = [UInt8](repeating: 0, count: values.count)
        if !wanted.isEmpty {
            values.withUnsafeBufferPointer { values in
                result.withUnsafeMutableBufferPointer { result in
                    for row in 0..<values.count where wanted.contains(values[row]) { result[row] = 1 }
                }
            }
        }
        if let validity {
            for row in 0..<values.count where !validity[row] { result[row] = nullIsMember }
        }
        return BoolColumn(values: result)
    }
}
