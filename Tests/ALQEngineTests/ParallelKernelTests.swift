import ALQBuiltinModules
import ALQRuntime
import ALQSyntax
import ALQTestSupport
import Testing

@testable import ALQEngine

/// The kernels that split their rows over the cores (`sort … | take n`, `count_distinct` of numbers) give
/// exactly what the paths they replace give, on random tables large enough to be split (ties, nulls,
/// NaN, `-0`, strings with combining marks) and on small ones (empty, one row, facts' quantities with
/// their kinds and sources), and every part stops when the statement is interrupted.
@Suite struct ParallelKernelTests {
    /// More rows than one part takes: the work is split (on a machine with more than one core).
    static let largeCount = 3 * Parallel.minimumRowsPerPart + 17

    /// A statement that has been asked to stop, or not.
    private func session() throws -> Session {
        let session = Session(registry: try BuiltinModules.registry(), host: TestHost())
        _ = try session.evaluate(
            """
            let small = [
              {r: "A", n: 1, q: 2 kt, k: "é"},
              {r: "B", n: -0, q: null, k: "e\\u{301}"},
              {r: null, n: 0, q: 615 kt, k: "తెలుగు"},
              {r: "A", n: 2.5, q: 3 t, k: "é"},
              {r: "C", n: null, q: 2000 t, k: null},
              {r: "B", n: 1, q: 2 kt, k: "e\\u{301}"},
              {r: "A", n: 2.5, q: 1 Mt, k: "百色"},
            ]
            """)
        session.setVariable("big", .table(Self.randomTable(rows: Self.largeCount, seed: 7, withNaN: false)))
        session.setVariable("nan", .table(Self.randomTable(rows: Self.largeCount, seed: 11, withNaN: true)))
        session.setVariable("one", .table(Self.randomTable(rows: 1, seed: 3, withNaN: false)))
        session.setVariable("none", .table(Self.randomTable(rows: 0, seed: 3, withNaN: false)))
        return session
    }

    /// Columns `g` (group, 0–499), `n` (few distinct numbers: many ties; nulls; `-0` and `0`; NaN when
    /// asked), `q` (tonnes), `s` (strings with nulls, canonically equal spellings among them).
    static func randomTable(rows: Int, seed: UInt64, withNaN: Bool) -> Table {
        var random = SplitMix(seed: seed)
        var groups: [Double] = []
        var numbers: [Double] = []
        var validity: [Bool] = []
        var tonnes: [Double] = []
        var codes: [Int32] = []
        let dictionary = ["b", "é", "e\u{301}", "A", "百色", "a", "Z"]
        for _ in 0..<rows {
            groups.append(Double(random.below(500)))
            let pick = random.below(1000)
            let number: Double =
                pick == 0 ? -0.0 : pick == 1 ? 0 : pick == 2 && withNaN ? .nan : Double(random.below(5000)) - 2500
            numbers.append(number)
            validity.append(random.below(20) != 0)
            tonnes.append(Double(random.below(100_000)) / 4)
            codes.append(random.below(15) == 0 ? -1 : Int32(random.below(dictionary.count)))
        }
        return Table(
            columnNames: ["g", "n", "q", "s"],
            columns: [
                .number(NumberColumn(values: groups, isInteger: true)),
                .number(NumberColumn(values: numbers, validity: validity)),
                .quantity(QuantityColumn(values: tonnes, dimension: .mass, displayUnit: nil)),
                .string(StringColumn(codes: codes, dictionary: dictionary)),
            ], rowCount: rows)
    }

    /// Every cell of a value, with all it carries.
    private static func contents(_ value: Value) -> String {
        guard case .table(let table) = value else { return String(reflecting: value) }
        var lines = [table.columnNames.joined(separator: ",")]
        for row in 0..<table.rowCount {
            lines.append(table.columns.map { String(reflecting: $0[row]) }.joined(separator: " | "))
        }
        return lines.joined(separator: "\n")
    }

    private func outcome(_ text: String, in session: Session) -> String {
        do throws(Diagnostic) { return Self.contents(try session.evaluate(text)) } catch {
            return "error \(error.code.rawValue) \(error.message)"
        }
    }

    /// `sort … | take n` against the full sort followed by `take` (parenthesised, so not fused).
    @Test(arguments: [
        "n", "n desc", "s", "s desc", "q desc", "n, s desc", "s, n desc", "n desc, g", "s desc, q, n",
    ])
    func topRowsMatchTheFullSort(_ keys: String) throws {
        let session = try session()
        // A NaN among the numbers of a key leaves `sort … | take n` to the general heap, whose comparison
        // of NaN is not the full sort's: keys on `n` are compared where it holds none.
        let keyColumns = Set(keys.split(separator: ",").map { $0.split(separator: " ")[0] })
        for table in ["big", "nan", "one", "none"] where table != "nan" || !keyColumns.contains("n") {
            for count in [0, 1, 5, 100] {
                let top = outcome("\(table) | sort \(keys) | take \(count)", in: session)
                let full = outcome("(\(table) | sort \(keys)) | take \(count)", in: session)
                #expect(top == full, "\(table) | sort \(keys) | take \(count)")
            }
        }
    }

    /// A key holding NaN has no integer order: the parallel path declines it, first key or not.
    @Test func topRowsLeaveNaNToTheGeneralPath() throws {
        let session = try session()
        guard case .table(let table) = session.variables["nan"] else { return }
        let n = table.columns[1]
        let s = table.columns[3]
        #expect(try Sorting.topRowsInParallel(5, of: [n], descending: [false]) == nil)
        #expect(try Sorting.topRowsInParallel(5, of: [s, n], descending: [false, true]) == nil)
        #expect(try Sorting.topRowsInParallel(5, of: [s], descending: [false]) != nil)
    }

    @Test(arguments: ["n", "n desc", "q", "k desc", "r, n", "q desc, k"])
    func topRowsOfSmallTablesAndFactsMatchTheFullSort(_ keys: String) throws {
        let session = try session()
        for count in [0, 1, 3] {
            let small = "small | sort \(keys) | take \(count)"
            #expect(
                outcome(small, in: session) == outcome("(small | sort \(keys)) | take \(count)", in: session),
                "\(small)")
        }
        for keys in ["value desc", "region, value", "year desc, value"] {
            let facts = "facts | where unit == \"CNY\" | sort \(keys) | take 4"
            let full = "(facts | where unit == \"CNY\" | sort \(keys)) | take 4"
            #expect(outcome(facts, in: session) == outcome(full, in: session), "\(facts)")
        }
    }

    /// A left join on right keys that are each unique (kept as a list of right rows only) against the
    /// general join (the same right table with an unmatched key twice): every cell the same.
    @Test func leftJoinOnUniqueKeysMatchesTheGeneralJoin() throws {
        let session = try session()
        _ = try session.evaluate(
            """
            let rt = [{r: "A", w: 1.5, unit: "t"}, {r: "B", w: 2 kt, unit: null}, {r: "D", w: 3, unit: "x"}]
            let rt2 = [{r: "A", w: 1.5, unit: "t"}, {r: "B", w: 2 kt, unit: null}, {r: "D", w: 3, unit: "x"},
                       {r: "QQ", w: 9, unit: "z"}, {r: "QQ", w: 8, unit: "z"}]
            """)
        for left in ["small", "small | take 0", "small | select r, q", "big | derive r = s"] {
            for keys in ["r", "r == r"] {
                let unique = outcome("\(left) | join left rt on \(keys)", in: session)
                let general = outcome("\(left) | join left rt2 on \(keys)", in: session)
                #expect(unique == general, "\(left) | join left rt on \(keys)")
            }
        }
    }

    /// The parallel `count_distinct` of numbers against the generic path (each value compared as a `Value`).
    @Test func countDistinctOfNumbersMatchesTheGenericPath() throws {
        let session = try session()
        for name in ["big", "nan", "one", "none"] {
            guard case .table(let table) = session.variables[name] else { continue }
            let interpreter = Interpreter(session: session, file: SourceFile(name: "e", text: ""))
            let aggregation = Aggregation(interpreter: interpreter, table: table)
            let (ids, firstRows) = try aggregation.groups(of: [table.columns[0]])
            for column in [table.columns[1], table.columns[2]] {
                let typed = try aggregation.typedAggregate(
                    "count_distinct", column, ids: ids, groupCount: firstRows.count)
                let generic = try aggregation.genericAggregate(
                    "count_distinct", column, span: Span(start: 0, end: 0), ids: ids, groupCount: firstRows.count)
                let rows = 0..<firstRows.count
                #expect(
                    typed.map { c in rows.map { String(reflecting: c[$0]) } }
                        == rows.map { String(reflecting: generic[$0]) },
                    "count_distinct(\(column.typeName)) over \(name)")
            }
        }
    }

    /// With the statement interrupted, every part stops with E0306; with it not interrupted, the work is whole.
    @Test func partsStopOnInterruption() throws {
        let session = try session()
        guard case .table(let table) = session.variables["big"] else { return }
        let interpreter = Interpreter(session: session, file: SourceFile(name: "e", text: ""))
        let aggregation = Aggregation(interpreter: interpreter, table: table)
        let (ids, firstRows) = try aggregation.groups(of: [table.columns[0]])
        let work: [(String, () throws(Diagnostic) -> Void)] = [
            (
                "top",
                { () throws(Diagnostic) in
                    _ = try Sorting.topRowsInParallel(5, of: [table.columns[1]], descending: [true])
                }
            ),
            (
                "count_distinct",
                { () throws(Diagnostic) in
                    _ = try aggregation.typedAggregate(
                        "count_distinct", table.columns[1], ids: ids, groupCount: firstRows.count)
                }
            ),
            (
                "map",
                { () throws(Diagnostic) in
                    let parts = try Parallel.map(Parallel.ranges(Self.largeCount)) {
                        (rows: Range<Int>) throws(Diagnostic) -> Int in
                        for row in rows { try Interruption.check(atRow: row) }
                        return rows.count
                    }
                    if parts.reduce(0, +) != Self.largeCount { throw Diagnostic(.invalidArgument, "rows lost") }
                }
            ),
        ]
        expectEachStopsWhenInterrupted(work)
    }

    @Test func rangesCoverTheRowsInOrder() {
        for count in [0, 1, Parallel.minimumRowsPerPart - 1, 2 * Parallel.minimumRowsPerPart, Self.largeCount] {
            for parts in [1, 2, 3, 8] {
                let ranges = Parallel.ranges(count, parts: parts)
                #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == count)
                #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
                #expect(ranges.count <= max(1, min(parts, count / Parallel.minimumRowsPerPart)))
                #expect(ranges.count == 1 || ranges.allSatisfy { $0.count >= Parallel.minimumRowsPerPart })
            }
        }
    }
}
