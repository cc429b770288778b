import ALQRuntime
import ALQSyntax

extension VectorEvaluator {
    /// Functions of one string whose result the dictionary kernel computes once per distinct string.
    private static let perStringFunctions: Set<String> = ["lower", "upper", "trim"]

    /// A function call over a whole column without evaluating it row by row, or nil when no kernel applies:
    /// `lower`, `upper` and `trim` of a string column run once per dictionary entry (the codes are kept),
    /// `round` of a number column with a constant number of digits runs as one loop.
    func call(_ name: String, nameSpan: Span, _ arguments: [Expr], span: Span) throws(Diagnostic) -> Vector? {
        guard table.rowCount > 0, let first = arguments.first else { return nil }
        if Self.perStringFunctions.contains(name), arguments.count == 1,
            case .column(.string(let strings)) = try eval(first)
        {
            var entries: [String?] = []
            entries.reserveCapacity(strings.dictionary.count)
            for entry in strings.dictionary {
                switch try interpreter.call(name, nameSpan: nameSpan, arguments: [.string(entry)], span: span) {
                case .string(let result): entries.append(result)
                case .null: entries.append(nil)
                default: return nil
                }
            }
            return .column(.string(Self.recoded(strings.codes, through: entries)))
        }
        if name == "round", !arguments.dropFirst().contains(where: references),
            case .column(.number(let numbers)) = try eval(first)
        {
            var digits: [Value] = []
            for argument in arguments.dropFirst() { digits.append(try interpreter.eval(argument)) }
            // The builtin checks the digits; one call gives the row path's error, if any.
            _ = try interpreter.call(name, nameSpan: nameSpan, arguments: [.number(0)] + digits, span: span)
            let places = digits.first?.plainNumber ?? 0
            let factor = Rounding.factor(places: places)
            let values = numbers.values.map { Rounding.rounded($0, factor: factor) }
            let whole = places == 0 || values.allSatisfy { $0 == $0.rounded() }
            return .column(.number(NumberColumn(values: values, validity: numbers.validity, isInteger: whole)))
        }
        return nil
    }

    /// `column + "text"`, `"text" + column` and `column + column` over string columns: each distinct
    /// string (or pair of strings) is joined once; a null on either side gives null, as `Arithmetic` does.
    func concatenation(_ a: Vector, _ b: Vector) -> Column? {
        switch (a, b) {
        case (.column(.string(let strings)), .scalar(.string(let suffix))):
            return .string(Self.recoded(strings.codes, through: strings.dictionary.map { $0 + suffix }))
        case (.scalar(.string(let prefix)), .column(.string(let strings))):
            return .string(Self.recoded(strings.codes, through: strings.dictionary.map { prefix + $0 }))
        case (.column(.string(let x)), .column(.string(let y))):
            var pairs: [Int64: Int32] = [:]
            var dictionary: [String] = []
            var lookup: [String: Int32] = [:]
            var codes = [Int32](repeating: -1, count: x.codes.count)
            for row in 0..<codes.count {
                let p = x.codes[row]
                let q = y.codes[row]
                guard p >= 0, q >= 0 else { continue }
                let pair = Int64(p) << 32 | Int64(q)
                if let code = pairs[pair] {
                    codes[row] = code
                    continue
                }
                let joined = x.dictionary[Int(p)] + y.dictionary[Int(q)]
                let code: Int32
                if let known = lookup[joined] {
                    code = known
                } else {
                    code = Int32(dictionary.count)
                    dictionary.append(joined)
                    lookup[joined] = code
                }
                pairs[pair] = code
                codes[row] = code
            }
            return .string(StringColumn(codes: codes, dictionary: dictionary))
        default:
            return nil
        }
    }

    /// Codes mapped through per-entry results, merging entries that became equal (so one string, one code).
    private static func recoded(_ codes: [Int32], through entries: [String?]) -> StringColumn {
        var lookup: [String: Int32] = [:]
        var dictionary: [String] = []
        let remap: [Int32] = entries.map { entry in
            guard let entry else { return -1 }
            if let code = lookup[entry] { return code }
            let code = Int32(dictionary.count)
            lookup[entry] = code
            dictionary.append(entry)
            return code
        }
        return StringColumn(codes: codes.map { $0 < 0 ? -1 : remap[Int($0)] }, dictionary: dictionary)
    }
}
