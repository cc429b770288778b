import ALQBuiltinModules
import ALQRuntime
import ALQSyntax
import ALQTestSupport
import Testing

@testable import ALQEngine

/// The conditions of `where` run as a ``PredicateKernel`` on every core, and the group ids built on every
/// core, give exactly what the one-core paths give: the same mask and rows as `and`/`or` evaluated side
/// by side, the same groups in the same order (first appearance), the same sums and counts; on random
/// tables large enough to be split (nulls, NaN, `-0`, many groups, conditions keeping no row or every
/// row) and on small ones; and every part stops when the statement is interrupted.
@Suite struct ParallelFilterGroupTests {
    /// More rows than one part takes: the work is split (on a machine with more than one core).
    static let largeCount = 3 * Parallel.minimumRowsPerPart + 17

    /// Columns `s` (strings with nulls and canonically equal spellings), `k` (two strings), `n` (numbers
    /// with nulls, `-0`, NaN), `y` (whole years), `q` (tonnes with nulls), `b` (bools with nulls), `g`
    /// (up to 60,000 groups as numbers), `c` (many distinct strings) and `v` (sevenths: sums that round).
    static func randomTable(rows: Int, seed: UInt64) -> Table {
        var random = SplitMix(seed: seed)
        var s: [Int32] = []
        var k: [Int32] = []
        var n: [Double] = []
        var nValid: [Bool] = []
        var y: [Double] = []
        var q: [Double] = []
        var qValid: [Bool] = []
        var b: [UInt8] = []
        var g: [Double] = []
        var c: [Int32] = []
        var v: [Double] = []
        let dictionary = ["b", "é", "e\u{301}", "A", "百色", "a", "Z"]
        let many = (0..<5000).map { "c\($0)" }
        for _ in 0..<rows {
            s.append(random.below(15) == 0 ? -1 : Int32(random.below(dictionary.count)))
            k.append(Int32(random.below(2)))
            let pick = random.below(1000)
            n.append(pick == 0 ? -0.0 : pick == 1 ? 0 : pick == 2 ? .nan : Double(random.below(5000)) - 2500)
            nValid.append(random.below(20) != 0)
            y.append(Double(2010 + random.below(15)))
            q.append(Double(random.below(100_000)) / 4)
            qValid.append(random.below(10) != 0)
            b.append(UInt8(random.below(3)))
            g.append(Double(random.below(60_000)))
            c.append(Int32(random.below(many.count)))
            v.append(Double(random.below(1_000_000)) / 7)
        }
        return Table(
            columnNames: ["s", "k", "n", "y", "q", "b", "g", "c", "v"],
            columns: [
                .string(StringColumn(codes: s, dictionary: dictionary)),
                .string(StringColumn(codes: k, dictionary: ["x", "z"])),
                .number(NumberColumn(values: n, validity: nValid)),
                .number(NumberColumn(values: y, isInteger: true)),
                .quantity(QuantityColumn(values: q, dimension: .mass, displayUnit: nil, validity: qValid)),
                .bool(BoolColumn(values: b)),
                .number(NumberColumn(values: g, isInteger: true)),
                .string(StringColumn(codes: c, dictionary: many)),
                .number(NumberColumn(values: v)),
            ], rowCount: rows)
    }

    private func session() throws -> Session {
        let session = Session(registry: try BuiltinModules.registry(), host: TestHost())
        session.setVariable("big", .table(Self.randomTable(rows: Self.largeCount, seed: 5)))
        session.setVariable("one", .table(Self.randomTable(rows: 1, seed: 9)))
        session.setVariable("none", .table(Self.randomTable(rows: 0, seed: 9)))
        return session
    }

    private func table(_ name: String, _ session: Session) -> Table {
        guard case .table(let table) = session.variables[name] else { return Table(columnNames: [], columns: []) }
        return table
    }

    static let conditions = [
        "s == \"é\"", "s != \"b\"", "s < \"b\"", "\"b\" <= s", "n > 0", "n != 0", "0 >= n", "n == -0", "n < 1e9",
        "y >= 2020", "2020 > y", "q > 10 t", "q <= 2 kt", "q != 25 t", "b", "not b", "not (s == \"A\")",
        "s == \"A\" and k == \"x\" and y >= 2020", "s == \"A\" or n < 0",
        "(s == \"é\" or s == \"Z\") and not (n <= 10)",
        "b and n > 0 or s == \"a\"", "y >= 3000 and k == \"x\"", "y >= 0 or b", "k == \"x\" and k == \"z\"",
        "k == \"x\" or k == \"z\"", "not (y < 2015 and b) or q == null",
    ]

    /// Each condition (but the last, which compares with `null`) is a kernel, and its mask and rows are
    /// those of the general evaluation, which runs the right side of `and`/`or` on the undecided rows only.
    @Test(arguments: conditions)
    func conditionsMatchTheGeneralPath(_ text: String) throws {
        let session = try session()
        let expr = parsedExpression(text)
        for name in ["big", "one", "none"] {
            let table = table(name, session)
            let interpreter = Interpreter(session: session, file: SourceFile(name: "e", text: text))
            let fast = VectorEvaluator(interpreter: interpreter, table: table)
            let general = VectorEvaluator(interpreter: interpreter, table: table, usesPredicateKernels: false)
            guard case .bool(let expected) = try general.eval(expr).column(count: table.rowCount)
            else {
                Issue.record("\(text) over \(name) is not a bool column")
                continue
            }
            let truths = expected.values.map { $0 == 1 ? UInt8(1) : 0 }
            guard let kernel = fast.predicateKernel(expr) else {
                #expect(text.contains("null"), "\(text) is not a kernel")
                continue
            }
            #expect(try kernel.mask(rowCount: table.rowCount) == truths, "\(text) over \(name)")
            let rows = truths.indices.filter { truths[$0] == 1 }
            #expect(try kernel.selectedRows(rowCount: table.rowCount) == rows, "\(text) over \(name)")
        }
    }

    /// Comparisons that can fail or that no kernel covers are left to the general path.
    @Test(arguments: ["s == 1", "n == \"a\"", "q > 3", "n > 3 t", "s == k", "n + 1 > 2", "s in [\"a\"]", "b == true"])
    func otherConditionsAreNotKernels(_ text: String) throws {
        let session = try session()
        let interpreter = Interpreter(session: session, file: SourceFile(name: "e", text: text))
        #expect(
            VectorEvaluator(interpreter: interpreter, table: table("big", session)).predicateKernel(
                parsedExpression(text))
                == nil)
    }

    /// Group ids from dense keys on every core against the one-pass loop, for few and many keys, keys
    /// in runs, and a single key.
    @Test func denseGroupsMatchTheOnePassLoop() throws {
        var random = SplitMix(seed: 21)
        let count = Self.largeCount
        let cases: [(String, [Int32], Int)] = [
            ("few", (0..<count).map { _ in Int32(random.below(7)) }, 7),
            ("many", (0..<count).map { _ in Int32(random.below(150_000)) }, 150_000),
            ("runs", (0..<count).map { Int32($0 / 1000) }, count / 1000 + 1),
            ("late", (0..<count).map { $0 < count - 5 ? 3 : Int32($0 % 5) }, 5),
            ("one", [Int32](repeating: 0, count: count), 1),
            ("empty", [], 1),
        ]
        for (name, keys, keyCount) in cases {
            let parallel = try GroupKeys.dense(keys, keyCount: keyCount)
            let onePass = try GroupKeys.onePass(keys, keyCount: keyCount)
            #expect(parallel.ids == onePass.ids, "\(name)")
            #expect(parallel.firstRows == onePass.firstRows, "\(name)")
            let sizes = try GroupKeys.sizes(parallel.ids, groupCount: parallel.firstRows.count)
            var expected = [Double](repeating: 0, count: parallel.firstRows.count)
            for id in onePass.ids { expected[Int(id)] += 1 }
            #expect(sizes == expected, "\(name)")
        }
    }

    /// `where … | group … | agg …` on both cores against a reference computed row by row in the test:
    /// groups in order of first appearance, sums added in row order (so equal to the last bit), counts.
    @Test(arguments: [
        ("s == \"A\" and k == \"x\" and y >= 2020", "s"), ("n > 0 or b", "g"), ("y >= 2010", "c, k"),
        ("y >= 3000", "s"), ("k == \"x\"", "s, y, k"), ("q > 10 t", "c"),
    ])
    func filteredGroupsMatchARowByRowReference(_ condition: String, _ keys: String) throws {
        let session = try session()
        let text = "big | where \(condition) | group \(keys) | agg total = sum(q), n = count(), m = sum(v)"
        guard case .table(let result) = try session.evaluate(text) else {
            Issue.record("\(text) is not a table")
            return
        }
        let table = table("big", session)
        let interpreter = Interpreter(session: session, file: SourceFile(name: "e", text: condition))
        let general = VectorEvaluator(interpreter: interpreter, table: table, usesPredicateKernels: false)
        guard case .bool(let mask) = try general.eval(parsedExpression(condition)).column(count: table.rowCount)
        else { return }
        let keyNames = keys.split(separator: ",").map { String($0.filter { $0 != " " }) }
        var order: [[String]] = []
        var index: [[String]: Int] = [:]
        var totals: [Double] = []
        var counts: [Double] = []
        var sums: [Double] = []
        let q = table.column("q")!
        let v = table.column("v")!
        for row in 0..<table.rowCount where mask.values[row] == 1 {
            let key = keyNames.map { String(reflecting: table.column($0)![row]) }
            let group: Int
            if let existing = index[key] {
                group = existing
            } else {
                group = order.count
                index[key] = group
                order.append(key)
                totals.append(0)
                counts.append(0)
                sums.append(0)
            }
            if case .quantity(let value) = q[row] { totals[group] += value.value }
            if case .number(let value) = v[row] { sums[group] += value }
            counts[group] += 1
        }
        #expect(result.rowCount == order.count, "\(text)")
        guard result.rowCount == order.count else { return }
        for group in 0..<order.count {
            let key = keyNames.map { String(reflecting: result.column($0)![group]) }
            #expect(key == order[group], "\(text), group \(group)")
            guard case .quantity(let total) = result.column("total")![group],
                case .number(let count) = result.column("n")![group]
            else {
                Issue.record("\(text): group \(group) has no total or count")
                continue
            }
            #expect(total.value.bitPattern == totals[group].bitPattern, "\(text), group \(group)")
            #expect(count == counts[group], "\(text), group \(group)")
            let sum = result.column("m")![group]
            #expect(String(reflecting: sum) == String(reflecting: Value.number(sums[group])), "\(text), group \(group)")
        }
    }

    /// With the statement interrupted, every part stops with E0306; with it not interrupted, the work is whole.
    @Test func partsStopOnInterruption() throws {
        let session = try session()
        let table = table("big", session)
        let interpreter = Interpreter(session: session, file: SourceFile(name: "e", text: ""))
        let kernel = VectorEvaluator(interpreter: interpreter, table: table).predicateKernel(
            parsedExpression("s == \"A\" and y >= 2015 or b"))
        let keys = (0..<Self.largeCount).map { Int32($0 % 1000) }
        let work: [(String, () throws(Diagnostic) -> Void)] = [
            ("mask", { () throws(Diagnostic) in _ = try kernel?.mask(rowCount: table.rowCount) }),
            ("rows", { () throws(Diagnostic) in _ = try kernel?.selectedRows(rowCount: table.rowCount) }),
            ("dense", { () throws(Diagnostic) in _ = try GroupKeys.dense(keys, keyCount: 1000) }),
            ("sizes", { () throws(Diagnostic) in _ = try GroupKeys.sizes(keys, groupCount: 1000) }),
            ("gather", { () throws(Diagnostic) in _ = try table.gather(Array(0..<Self.largeCount)) }),
        ]
        #expect(kernel != nil)
        expectEachStopsWhenInterrupted(work)
    }
}
