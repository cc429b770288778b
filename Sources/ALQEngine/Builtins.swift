import ALQPluginAPI
import ALQRuntime
import ALQSyntax

/// Every built-in function, in one explicit list.
public enum Builtins {
    /// The functions by name.
    public static let catalog: [String: Builtin] = Dictionary(
        uniqueKeysWithValues: (math + maths + statistics + text + patterns + dates + environment + lists + types + data
            + charts).map { ($0.name, $0) })

    static func builtin(
        _ name: String, _ signature: String, _ summary: String, example: String, arity: ClosedRange<Int>,
        _ body: @escaping @Sendable (BuiltinCall) throws(Diagnostic) -> Value
    ) -> Builtin {
        Builtin(name: name, signature: signature, summary: summary, example: example, arity: arity, body: body)
    }

    // MARK: Numbers

    static let math: [Builtin] = [
        builtin("abs", "abs(x)", "The absolute value of a number or quantity.", example: "abs(-3.5)", arity: 1...1) {
            call throws(Diagnostic) in
            try mapNumber(call[0]) { abs($0) }
        },
        builtin(
            "round", "round(x, digits = 0)",
            "Rounds to a number of decimal places (of the unit the value is shown in).",
            example: "round(3.14159, 2)", arity: 1...2
        ) { call throws(Diagnostic) in
            let digits = call.arguments.count > 1 ? try call.number(1) : 0
            guard digits >= 0, digits <= 15, digits == digits.rounded() else {
                throw Diagnostic(.invalidArgument, "round takes 0 to 15 digits, given \(NumberFormat.plain(digits))")
            }
            let factor = Rounding.factor(places: digits)
            func rounded(_ x: Double) -> Double { Rounding.rounded(x, factor: factor) }
            if case .quantity(var quantity) = call[0] {
                let scale = quantity.shownUnit.scale
                quantity.value = rounded(quantity.value / scale) * scale
                quantity.provenance = quantity.provenance.asDerived
                return .quantity(quantity)
            }
            return try mapNumber(call[0], rounded)
        },
        builtin("floor", "floor(x)", "The largest whole number not above x.", example: "floor(2.7)", arity: 1...1) {
            call throws(Diagnostic) in
            try mapNumber(call[0]) { $0.rounded(.down) }
        },
        builtin("ceil", "ceil(x)", "The smallest whole number not below x.", example: "ceil(2.1)", arity: 1...1) {
            call throws(Diagnostic) in
            try mapNumber(call[0]) { $0.rounded(.up) }
        },
        builtin("mod", "mod(x, y)", "The remainder of x divided by y.", example: "mod(17, 5)", arity: 2...2) {
            call throws(Diagnostic) in
            let y = try call.number(1)
            guard y != 0 else { throw Arithmetic.divisionByZero() }
            return .number(try call.number(0).truncatingRemainder(dividingBy: y))
        },
        builtin(
            "growth", "growth(new, old)", "The change from old to new as a percentage.",
            example: "growth(205 bn CNY, 100 bn CNY)", arity: 2...2
        ) { call throws(Diagnostic) in
            try QuantityFunctions.growth(call[0], call[1])
        },
    ]

    static func mapNumber(_ value: Value, _ transform: (Double) -> Double) throws(Diagnostic) -> Value {
        switch value {
        case .null: return .null
        case .number(let number): return .number(transform(number))
        case .quantity(var quantity):
            quantity.value = transform(quantity.value)
            quantity.provenance = quantity.provenance.asDerived
            return .quantity(quantity)
        default: throw Diagnostic(.typeMismatch, "expected a number, found a \(value.typeName)")
        }
    }

    // MARK: Text

    static let text: [Builtin] = [
        builtin(
            "len", "len(x)", "The length of a string, list or record, or the rows of a table.", example: "len(\"百色\")",
            arity: 1...1
        ) { call throws(Diagnostic) in
            if call[0].isNull { return .null }
            switch call[0] {
            case .string(let text): return .number(Double(text.count))
            case .list(let values): return .number(Double(values.count))
            case .record(let record): return .number(Double(record.keys.count))
            case .table(let table): return .number(Double(table.rowCount))
            default: throw call.mistyped(0, "a string, list, record or table")
            }
        },
        builtin("lower", "lower(s)", "The string in lower case.", example: "lower(\"Guangxi\")", arity: 1...1) {
            call throws(Diagnostic) in
            if call[0].isNull { return .null }
            return .string(try call.string(0).lowercased())
        },
        builtin("upper", "upper(s)", "The string in upper case.", example: "upper(\"cny\")", arity: 1...1) {
            call throws(Diagnostic) in
            if call[0].isNull { return .null }
            return .string(try call.string(0).uppercased())
        },
        builtin(
            "trim", "trim(s)", "The string without leading and trailing white space.", example: "trim(\"  Baise \")",
            arity: 1...1
        ) { call throws(Diagnostic) in
            if call[0].isNull { return .null }
            let text = try call.string(0)
            return .string(TextOperations.trimmed(text))
        },
        builtin(
            "contains", "contains(s, part)", "Whether a string contains a part, or a list an element.",
            example: "contains(\"aluminium\", \"lum\")", arity: 2...2
        ) { call throws(Diagnostic) in
            switch call[0] {
            case .string(let text): return .bool(text.contains(try call.string(1)))
            case .list(let values): return .bool(values.contains { Comparison.equal($0, call[1]) })
            case .null: return .bool(false)
            default: throw call.mistyped(0, "a string or list")
            }
        },
        builtin(
            "starts_with", "starts_with(s, prefix)", "Whether a string starts with a prefix.",
            example: "starts_with(\"Guangyuan\", \"Guang\")", arity: 2...2
        ) { call throws(Diagnostic) in
            if call[0].isNull { return .bool(false) }
            return .bool(try call.string(0).hasPrefix(try call.string(1)))
        },
        builtin(
            "ends_with", "ends_with(s, suffix)", "Whether a string ends with a suffix.",
            example: "ends_with(\"report.alq\", \".alq\")", arity: 2...2
        ) { call throws(Diagnostic) in
            if call[0].isNull { return .bool(false) }
            return .bool(try call.string(0).hasSuffix(try call.string(1)))
        },
        builtin(
            "replace", "replace(s, old, new)", "The string with every occurrence of old replaced by new.",
            example: "replace(\"a-b-c\", \"-\", \"/\")", arity: 3...3
        ) { call throws(Diagnostic) in
            if call[0].isNull { return .null }
            let text = try call.string(0)
            let old = try call.string(1)
            guard !old.isEmpty else {
                throw Diagnostic(.invalidArgument, "replace needs a non-empty string to replace")
            }
            return .string(
                text.split(separator: old, omittingEmptySubsequences: false).joined(separator: try call.string(2)))
        },
        builtin(
            "split", "split(s, separator)", "The parts of a string between separators.",
            example: "split(\"a,b,c\", \",\")", arity: 2...2
        ) { call throws(Diagnostic) in
            if call[0].isNull { return .null }
            let separator = try call.string(1)
            guard !separator.isEmpty else { throw Diagnostic(.invalidArgument, "split needs a non-empty separator") }
            return .list(
                try call.string(0).split(separator: separator, omittingEmptySubsequences: false).map {
                    .string(String($0))
                })
        },
        builtin(
            "join", "join(list, separator)", "The elements of a list joined into one string.",
            example: "join([\"Guangxi\", \"Baise\"], \" / \")", arity: 2...2
        ) { call throws(Diagnostic) in
            .string(try call.list(0).map(\.displayText).joined(separator: try call.string(1)))
        },
        builtin(
            "substr", "substr(s, start, length = rest)", "Part of a string, counting characters from 0.",
            example: "substr(\"Guangyuan\", 0, 5)", arity: 2...3
        ) { call throws(Diagnostic) in
            if call[0].isNull { return .null }
            let characters = Array(try call.string(0))
            let count = Double(characters.count)
            let start = Int(max(0, min(count, try call.number(1).rounded(.down))))
            let length =
                call.arguments.count > 2 ? Int(max(0, min(count, try call.number(2).rounded(.down)))) : characters.count
            return .string(String(characters[start..<min(characters.count, start + length)]))
        },
    ]

    // MARK: Lists and aggregates

    static let lists: [Builtin] =
        ["sum", "avg", "min", "max", "count", "first", "last", "count_distinct", "median"].map { name in
            let summaries = [
                "sum": "The sum of a list (nulls skipped); in agg, of a column per group.",
                "avg": "The mean of a list (nulls skipped); in agg, of a column per group.",
                "min": "The smallest of a list, or of its arguments; in agg, per group.",
                "max": "The largest of a list, or of its arguments; in agg, per group.",
                "count": "The number of non-null elements of a list, or rows of a table; count() in agg counts rows.",
                "first": "The first element of a list, or row of a table; in agg, per group.",
                "last": "The last element of a list, or row of a table; in agg, per group.",
                "count_distinct": "The number of distinct non-null elements; in agg, per group.",
                "median": "The middle value of a list; in agg, per group.",
            ]
            let examples = [
                "sum": "sum([1, 2, 3])", "avg": "avg([2, 4])", "min": "min(3, 1, 2)", "max": "max([1 Mt, 615 kt])",
                "count": "count([1, null, 3])", "first": "first([5, 6])", "last": "last([5, 6])",
                "count_distinct": "count_distinct([1, 1, 2])", "median": "median([3, 1, 2])",
            ]
            return builtin(name, "\(name)(list)", summaries[name]!, example: examples[name]!, arity: 0...Int.max) {
                call throws(Diagnostic) in
                var values: [Value]
                if call.arguments.count == 1 {
                    switch call[0] {
                    case .list(let list): values = list
                    case .table(let table):
                        if name == "count" { return .number(Double(table.rowCount)) }
                        if name == "first" || name == "last" {
                            guard table.rowCount > 0 else { return .null }
                            return .record(table.row(name == "first" ? 0 : table.rowCount - 1))
                        }
                        values = try call.list(0)
                    default: values = [call[0]]
                    }
                } else if call.arguments.isEmpty {
                    throw Diagnostic(
                        .wrongArgumentCount, "\(name)() needs a list outside 'agg'",
                        help: "write \(name)(list), or use it in a group: | agg n = \(name)(…)")
                } else {
                    values = call.arguments
                }
                return try ListAggregates.apply(name, values)
            }
        } + [
            builtin(
                "range", "range(start, end)", "The whole numbers from start up to, not including, end.",
                example: "range(1, 4)", arity: 1...2
            ) { call throws(Diagnostic) in
                let start = call.arguments.count > 1 ? try call.number(0) : 0
                let end = try call.number(call.arguments.count - 1)
                guard end - start <= 10_000_000 else {
                    throw Diagnostic(.invalidArgument, "range is limited to 10,000,000 elements")
                }
                guard start < end else { return .list([]) }
                return .list(stride(from: start, to: end, by: 1).map { .number($0) })
            },
            builtin(
                "keys", "keys(record)", "The field names of a record, or the column names of a table.",
                example: "keys({a: 1, b: 2})", arity: 1...1
            ) { call throws(Diagnostic) in
                switch call[0] {
                case .record(let record): return .list(record.keys.map { .string($0) })
                case .table(let table): return .list(table.columnNames.map { .string($0) })
                default: throw call.mistyped(0, "a record or table")
                }
            },
            builtin(
                "columns", "columns(table)", "The columns of a table with their types.",
                example: "columns(open(\"Examples/data/capacity.csv\"))", arity: 1...1
            ) { call throws(Diagnostic) in
                guard case .table(let table) = call[0] else { throw call.mistyped(0, "a table") }
                return .table(
                    Table(
                        records: zip(table.columnNames, table.columns).map { name, column in
                            Record([("column", .string(name)), ("type", .string(column.typeName))])
                        }))
            },
            builtin(
                "reverse", "reverse(x)", "A list or string in reverse order, or a table's rows.",
                example: "reverse([1, 2, 3])", arity: 1...1
            ) { call throws(Diagnostic) in
                switch call[0] {
                case .list(let values): return .list(values.reversed())
                case .string(let text): return .string(TextOperations.reversed(text))
                case .table(let table): return .table(try table.gather(Array((0..<table.rowCount).reversed())))
                default: throw call.mistyped(0, "a list, string or table")
                }
            },
        ]

    // MARK: Types

    static let types: [Builtin] = [
        builtin("type", "type(x)", "The type of a value.", example: "type(14.543 Mt)", arity: 1...1) {
            call throws(Diagnostic) in
            .string(call[0].typeName)
        },
        builtin(
            "number", "number(x)",
            "A string read as a number, or a quantity's value in its base unit (a percentage as its ratio: 20 % is 0.2).",
            example: "number(\"41.9\")", arity: 1...1
        ) { call throws(Diagnostic) in
            switch call[0] {
            case .number, .null: return call[0]
            case .quantity(let quantity): return QuantityFunctions.number(quantity)
            case .bool(let flag): return .number(flag ? 1 : 0)
            case .string(let text):
                guard let number = Double(text.filter { $0 != "," && $0 != "_" && !$0.isWhitespace }), number.isFinite
                else {
                    throw Diagnostic(.invalidArgument, "'\(text)' is not a number")
                }
                return .number(number)
            default: throw call.mistyped(0, "a string, number or quantity")
            }
        },
        builtin(
            "string", "string(x)", "A value as text, the way alq shows it.", example: "string(205 bn CNY)", arity: 1...1
        ) { call throws(Diagnostic) in
            .string(call[0].displayText)
        },
        builtin(
            "unit", "unit(q)", "The base unit of a quantity (CNY, t, %, count, rank, x), or null for a plain number.",
            example: "unit(14.543 Mt)", arity: 1...1
        ) { call throws(Diagnostic) in
            guard case .quantity(let quantity) = call[0], quantity.dimension != .none else { return .null }
            return .string(quantity.dimension.symbol)
        },
        builtin(
            "quantity", "quantity(value, unit)",
            "A quantity from a number in a base unit and the unit's name, as in the facts table.",
            example: "quantity(205000000000, \"CNY\")", arity: 2...2
        ) { call throws(Diagnostic) in
            try QuantityFunctions.quantity(call[0], symbol: try call.string(1))
        },
        builtin("is_null", "is_null(x)", "Whether a value is null.", example: "is_null(null)", arity: 1...1) {
            call throws(Diagnostic) in
            .bool(call[0].isNull)
        },
        builtin(
            "coalesce", "coalesce(a, b, …)", "The first argument that is not null.", example: "coalesce(null, 2024)",
            arity: 1...Int.max
        ) { call throws(Diagnostic) in
            call.arguments.first { !$0.isNull } ?? .null
        },
    ]

    // MARK: Data

    static let data: [Builtin] = [
        builtin(
            "open", "open(path, format = null, delimiter = null, header = true, sheet = null, options = null)",
            "A CSV, TSV or JSON file, a file a plugin reads (or standard input, \"-\") as a table, with column types inferred.",
            example: "open(\"Examples/data/capacity.csv\")", arity: 1...6
        ) { call throws(Diagnostic) in
            try OpenArguments.open(call)
        },
        builtin(
            "source", "source(x)", "The quotes, files, dates and languages behind a value from the dataset.",
            example: "source(Guangxi.alumina_output[2024])", arity: 1...1
        ) { call throws(Diagnostic) in
            try Sources.table(for: call[0], registry: call.session.registry)
        },
        builtin(
            "with_fact_ids", "with_fact_ids(t)",
            "The table with a column fact_ids: a list of the ids of the facts behind each row (export … with fact_ids writes it).",
            example: "with_fact_ids(Guangxi.output_value) | select year, fact_ids", arity: 1...1
        ) { call throws(Diagnostic) in
            guard let table = Table(rowsOf: call[0]) else { throw call.mistyped(0, "a table") }
            return .table(table.withFactIDs())
        },
        builtin(
            "region", "region(name)", "A region module by any of its names.", example: "region(\"百色\").level",
            arity: 1...1
        ) { call throws(Diagnostic) in
            let name = try call.string(0)
            guard let module = call.session.registry.region(named: name) else {
                throw Diagnostic(
                    .unknownName, "unknown region '\(name)'",
                    help: Suggestion.didYouMean(name, among: call.session.registry.regions.map(\.module.info.name)))
            }
            return .module(module.info.id)
        },
    ]
}
