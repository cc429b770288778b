import ALQBuiltinModules
import ALQRuntime
import ALQSyntax
import Testing

@testable import ALQEngine

/// The column kernels for lookups, grouping keys, `median` and `count_distinct` give exactly what the paths
/// they replace give: the same column (type, dictionary order, display unit, validity, provenance) or the
/// same error, on tables with nulls, mixed units, facts' quantities and strings with combining marks.
@Suite struct KernelEquivalenceTests {
    private static let rows = """
        let t = [
          {r: "A", n: 1, i: 0, q: 2 kt, k: "é", b: true},
          {r: "B", n: -0, i: 2, q: null, k: "e\\u{301}", b: false},
          {r: null, n: 0, i: -1, q: 615 kt, k: "తెలుగు", b: null},
          {r: "A", n: 2.5, i: 1, q: 3 t, k: "é", b: true},
          {r: "C", n: null, i: 0, q: 2000 t, k: null, b: false},
          {r: "B", n: 1, i: 2, q: 2 kt, k: "e\\u{301}", b: true},
          {r: "A", n: 2.5, i: 1, q: 1 Mt, k: "百色", b: false},
        ]
        let w = {A: 1.5, B: 2 kt, C: Guangxi.output_value[2024], é: "acute"}
        let wn = {A: 1.5, B: 2, C: null}
        let ws = {A: "x", B: "é", C: "e\\u{301}"}
        let l = [10, 20 kt, "thirty"]
        """

    private func session() throws -> Session {
        let session = Session(registry: try BuiltinModules.registry(), host: TestHost())
        _ = try session.evaluate(Self.rows)
        return session
    }

    /// The column an expression gives over a table, or the error, as text that shows everything it holds.
    private func outcome(_ compute: () throws(Diagnostic) -> Column) -> String {
        do throws(Diagnostic) { return Self.contents(try compute()) } catch {
            return "error \(error.code.rawValue) \(error.message) at \(String(describing: error.span))"
        }
    }

    /// Everything a column holds that a user can see: its type, string dictionary, display unit, whether
    /// it is integral, and each row's value with all it carries (a mask of all `true` and no mask are alike).
    private static func contents(_ column: Column) -> String {
        let rows = (0..<column.count).map { String(reflecting: column[$0]) }.joined(separator: "; ")
        switch column {
        case .string(let strings): return "string \(strings.dictionary) \(strings.codes)"
        case .number(let numbers): return "number integer=\(numbers.isInteger) \(rows)"
        case .quantity(let quantities): return "quantity \(String(reflecting: quantities.displayUnit)) \(rows)"
        case .bool: return "bool \(rows)"
        case .mixed: return "mixed \(rows)"
        }
    }

    private func compare(_ text: String, table tableName: String, in session: Session) throws {
        let table = try table(tableName, session)
        let interpreter = Interpreter(session: session, file: SourceFile(name: "e", text: text))
        let expr = parsedExpression(text)
        let fast = outcome { () throws(Diagnostic) in
            try VectorEvaluator(interpreter: interpreter, table: table).eval(expr).column(count: table.rowCount)
        }
        let slow = outcome { () throws(Diagnostic) in
            var builder = ColumnBuilder()
            for row in 0..<table.rowCount {
                builder.append(try interpreter.eval(expr, row: RowContext(table: table, row: row)))
            }
            return builder.build()
        }
        #expect(fast == slow, "\(text)")
    }

    @Test(arguments: [
        "w[r]", "wn[r]", "ws[r]", "wn[r] * n", "n * wn[r]", "l[i]", "l[n]", "ws[k]", "w[k]", "wn[r] + n",
        "[1, 2][b]", "{é: 1}[k]", "l[i] == 10",
    ])
    func lookupsMatchRowByRow(_ text: String) throws {
        let session = try session()
        try compare(text, table: "t", in: session)
        try compare(text, table: "t | where r != null", in: session)
        try compare(text, table: "t | where r == \"A\"", in: session)
    }

    @Test(arguments: [
        "Guangxi.output_value[year]", "{Guangxi: 1, Chongqing: value}[region]", "[value, 2][0]",
        "{Guangxi: \"g\"}[region]",
    ])
    func lookupsOverFactsMatchRowByRow(_ text: String) throws {
        let session = try session()
        try compare(text, table: "facts", in: session)
        try compare(text, table: "facts | where region == \"Guangxi\"", in: session)
        try compare(text, table: "facts | where region == \"Guangxi\" and metric == \"output_value\"", in: session)
    }

    /// The table an expression gives; a list of records becomes one in a pipeline.
    private func table(_ text: String, _ session: Session) throws -> Table {
        guard case .table(let table) = try session.evaluate("\(text) | take 1000000") else {
            throw Diagnostic(.typeMismatch, "not a table: \(text)")
        }
        return table
    }

    /// Group ids through the typed keys against a dictionary keyed by each row's values, as before.
    @Test(arguments: [
        ["r", "n"], ["r", "q", "b"], ["k", "n", "i"], ["region", "metric", "year"], ["value", "year"],
    ])
    func groupKeysMatchADictionaryOfValues(_ keys: [String]) throws {
        let session = try session()
        for name in ["t", "facts"] {
            let table = try table(name, session)
            let columns = keys.compactMap { table.column($0) }
            guard columns.count == keys.count else { continue }
            let interpreter = Interpreter(session: session, file: SourceFile(name: "e", text: ""))
            let (ids, firstRows) = try Aggregation(interpreter: interpreter, table: table).groups(of: columns)
            var seen: [[String]: Int32] = [:]
            var expectedIds: [Int32] = []
            var expectedFirst: [Int] = []
            for row in 0..<table.rowCount {
                let key = columns.map { column in Self.groupKey(column, row) }
                if let id = seen[key] {
                    expectedIds.append(id)
                } else {
                    seen[key] = Int32(expectedFirst.count)
                    expectedIds.append(Int32(expectedFirst.count))
                    expectedFirst.append(row)
                }
            }
            #expect(ids == expectedIds, "\(keys) over \(name)")
            #expect(firstRows == expectedFirst, "\(keys) over \(name)")
        }
    }

    /// What told rows apart before the typed keys: a string's dictionary code, a number's value, a
    /// value's type and text in a column of mixed values.
    private static func groupKey(_ column: Column, _ row: Int) -> String {
        switch column {
        case .string(let strings): return "\(strings.codes[row])"
        case .bool(let flags): return "\(flags.values[row])"
        case .number(let numbers):
            return numbers.isNull(row) ? "null" : "\(numbers.values[row] == 0 ? 0 : numbers.values[row])"
        case .quantity(let quantities):
            return quantities.isNull(row) ? "null" : "\(quantities.values[row] == 0 ? 0 : quantities.values[row])"
        case .mixed(let values):
            return values[row].isNull ? "null" : "\(values[row].typeName):\(values[row].literalText)"
        }
    }

    @Test(arguments: ["count_distinct", "median"])
    func typedAggregatesMatchTheListAggregates(_ name: String) throws {
        let session = try session()
        for (tableName, keyNames, valueNames) in [
            ("t", ["r"], ["n", "q", "k", "b", "r"]), ("t", ["b"], ["n", "q", "k"]),
            ("facts", ["region", "metric"], ["value", "year", "unit"]),
            ("facts | where unit == \"CNY\"", ["region"], ["value"]),
        ] {
            let table = try table(tableName, session)
            let interpreter = Interpreter(session: session, file: SourceFile(name: "e", text: ""))
            let aggregation = Aggregation(interpreter: interpreter, table: table)
            let (ids, firstRows) = try aggregation.groups(of: keyNames.compactMap { table.column($0) })
            for valueName in valueNames {
                guard let column = table.column(valueName) else { continue }
                let typed = outcome { () throws(Diagnostic) in
                    if let typed = try aggregation.typedAggregate(name, column, ids: ids, groupCount: firstRows.count) {
                        return typed
                    }
                    return try aggregation.genericAggregate(
                        name, column, span: Span(start: 0, end: 0), ids: ids, groupCount: firstRows.count)
                }
                let generic = outcome { () throws(Diagnostic) in
                    try aggregation.genericAggregate(
                        name, column, span: Span(start: 0, end: 0), ids: ids, groupCount: firstRows.count)
                }
                #expect(typed == generic, "\(name)(\(valueName)) by \(keyNames) over \(tableName)")
            }
        }
    }

    /// `median` and `count_distinct` stop at a requested cancellation, on the typed and the generic path
    /// (the session bound as the statement's interruption source, as when a statement runs).
    @Test(arguments: ["count_distinct", "median"])
    func aggregatesPerGroupAreCancellable(_ name: String) throws {
        let session = try session()
        let count = 70_000
        let numbers = Column.number(NumberColumn(values: (0..<count).map(Double.init), isInteger: true))
        let mixed = Column.mixed((0..<count).map { .number(Double($0)) })
        let groups = Column.number(NumberColumn(values: [Double](repeating: 1, count: count), isInteger: true))
        let table = Table(columnNames: ["g", "n", "m"], columns: [groups, numbers, mixed], rowCount: count)
        let interpreter = Interpreter(session: session, file: SourceFile(name: "e", text: ""))
        let aggregation = Aggregation(interpreter: interpreter, table: table)
        let (ids, firstRows) = try aggregation.groups(of: [groups])
        for column in [numbers, mixed] {
            session.cancel()
            let result = Interruption.$source.withValue(session) {
                outcome { () throws(Diagnostic) in
                    if let typed = try aggregation.typedAggregate(name, column, ids: ids, groupCount: firstRows.count) {
                        return typed
                    }
                    return try aggregation.genericAggregate(
                        name, column, span: Span(start: 0, end: 0), ids: ids, groupCount: firstRows.count)
                }
            }
            #expect(result.hasPrefix("error E0306"), "\(name) over \(column.typeName)")
        }
    }

    /// The hashed `count_distinct` counts what comparing each value with every distinct one found so far counts.
    @Test func countDistinctMatchesPairwiseComparison() throws {
        let session = try session()
        guard
            case .list(let values) = try session.evaluate(
                """
                [1, 1 x, -0, 0, 2 kt, 2000 t, 2 kt in t, "é", "e\\u{301}", "E", true, true, false, [1, 2], [1, 2], [1],
                 {a: 1}, {a: 1 x}, Guangxi.output_value[2024], 205 bn CNY, 0 %, 0 x, 0.5, 50 %]
                """)
        else {
            Issue.record("not a list")
            return
        }
        for count in 0...values.count {
            let prefix = Array(values.prefix(count))
            var seen: [Value] = []
            for value in prefix where !seen.contains(where: { Comparison.equal($0, value) }) { seen.append(value) }
            #expect(ListAggregates.countDistinct(prefix) == seen.count, "first \(count)")
        }
    }
}
