import ALQBuiltinModules
import ALQRuntime
import ALQSyntax
import ALQTestSupport
import Testing

@testable import ALQEngine

/// `median` per group through the selection kernel gives what sorting each group gives: the list
/// aggregate's answer, and with NaNs the answer of a sort of the group by `<`.
@Suite struct MedianKernelTests {
    /// Numbers drawn from a few values, so that groups hold many ties, `-0` and `0`, and nulls.
    private static func numbers(count: Int, seed: UInt64, nans: Bool) -> (values: [Double], validity: [Bool]) {
        var generator = SplitMix(seed: seed)
        let pool: [Double] = [-2, -1, -0.0, 0, 0.5, 1, 1, 3, 1e9, -0.0] + (nans ? [.nan] : [])
        var values: [Double] = []
        var validity: [Bool] = []
        for _ in 0..<count {
            let draw = generator.next()
            values.append(draw % 4 == 0 ? Double(draw % 1000) / 7 : pool[Int(draw >> 8) % pool.count])
            validity.append(draw % 11 != 0)
        }
        return (values, validity)
    }

    /// Group keys such that groups have every size from one row up, odd and even, and some only nulls.
    private static func groupColumn(count: Int, seed: UInt64) -> Column {
        var generator = SplitMix(seed: seed)
        var keys: [Double] = []
        var size = 1
        while keys.count < count {
            let key = Double(generator.next() % 1_000_000)
            keys.append(contentsOf: [Double](repeating: key, count: Swift.min(size, count - keys.count)))
            size = size < 40 ? size + 1 : Int(generator.next() % 3000) + 1
        }
        var shuffled = keys
        for index in shuffled.indices.reversed() where index > 0 {
            shuffled.swapAt(index, Int(generator.next() % UInt64(index + 1)))
        }
        return .number(NumberColumn(values: shuffled, isInteger: true))
    }

    private func aggregation(_ columns: [String: Column], count: Int) throws -> Aggregation {
        let session = Session(registry: try BuiltinModules.registry(), host: TestHost())
        let names = columns.keys.sorted()
        let table = Table(columnNames: names, columns: names.map { columns[$0]! }, rowCount: count)
        return Aggregation(
            interpreter: Interpreter(session: session, file: SourceFile(name: "e", text: "")), table: table)
    }

    private static func text(_ column: Column) -> String {
        (0..<column.count).map { String(reflecting: column[$0]) }.joined(separator: "; ")
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func selectionMatchesTheListAggregate(seed: UInt64) throws {
        let count = 20_000
        let groups = Self.groupColumn(count: count, seed: seed)
        let (values, validity) = Self.numbers(count: count, seed: seed &+ 100, nans: false)
        let numbers = Column.number(NumberColumn(values: values, validity: validity))
        let tonnes = Column.quantity(
            QuantityColumn(values: values, dimension: .mass, displayUnit: Unit.base(.mass), validity: validity))
        let aggregation = try aggregation(["g": groups, "n": numbers, "q": tonnes], count: count)
        let (ids, firstRows) = try aggregation.groups(of: [groups])
        for column in [numbers, tonnes] {
            let typed = try #require(
                try aggregation.typedAggregate("median", column, ids: ids, groupCount: firstRows.count))
            let generic = try aggregation.genericAggregate(
                "median", column, span: Span(start: 0, end: 0), ids: ids, groupCount: firstRows.count)
            #expect(Self.text(typed) == Self.text(generic), "\(column.typeName), seed \(seed)")
            for group in 0..<firstRows.count {
                #expect(typed[group].sign == generic[group].sign, "sign of a zero, group \(group)")
            }
        }
    }

    /// A group holding a NaN gives what sorting its values with `<` gives, or the same error where the mean of
    /// the two middle values is not a number.
    @Test func groupsWithNaNAreSortedAsBefore() throws {
        let count = 5_000
        let groups = Self.groupColumn(count: count, seed: 7)
        let (values, validity) = Self.numbers(count: count, seed: 8, nans: true)
        let aggregation = try aggregation(["g": groups], count: count)
        let (ids, firstRows) = try aggregation.groups(of: [groups])
        var members = [[Int]](repeating: [], count: firstRows.count)
        for (row, id) in ids.enumerated() { members[Int(id)].append(row) }
        var groupsWithNaN = 0
        for rows in members {
            let group = Column.number(
                NumberColumn(values: rows.map { values[$0] }, validity: rows.map { validity[$0] }))
            let present = rows.filter { validity[$0] }.map { values[$0] }
            if present.contains(where: \.isNaN) { groupsWithNaN += 1 }
            let expected: String
            do throws(Diagnostic) {
                let sorted = present.sorted { $0 < $1 }
                let middle = sorted.count / 2
                if sorted.isEmpty {
                    expected = "null"
                } else if sorted.count % 2 == 1 {
                    expected = String(reflecting: Value.number(sorted[middle]))
                } else {
                    let sum = try Arithmetic.apply(.add, .number(sorted[middle - 1]), .number(sorted[middle]))
                    expected = String(reflecting: try Arithmetic.apply(.divide, sum, .number(2)))
                }
            } catch {
                expected = "error \(error.code.rawValue)"
            }
            let typed: String
            do throws(Diagnostic) {
                let ids = [Int32](repeating: 0, count: rows.count)
                typed =
                    try aggregation.typedAggregate("median", group, ids: ids, groupCount: 1).map(Self.text) ?? "none"
            } catch {
                typed = "error \(error.code.rawValue)"
            }
            #expect(typed == expected, "\(present)")
        }
        #expect(groupsWithNaN > 10)
    }

    /// The selection alone, on groups larger than its sorting cut-off, against a sort.
    @Test(arguments: [1, 2, 17, 18, 100, 1001, 4096])
    func quickselectPutsTheRankedValueInPlace(count: Int) {
        var generator = SplitMix(seed: UInt64(count))
        let values = (0..<count).map { _ in Double(generator.next() % 50) - 25 }
        let sorted = values.sorted()
        for rank in Set([0, count / 2, (count - 1) / 2, count - 1]) {
            var buffer = values
            buffer.withUnsafeMutableBufferPointer { Quickselect.select(rank, in: $0) }
            #expect(buffer[rank] == sorted[rank])
            #expect(buffer[..<rank].allSatisfy { $0 <= sorted[rank] })
            #expect(buffer[(rank + 1)...].allSatisfy { $0 >= sorted[rank] })
        }
    }
}

extension Value {
    /// The sign bit of a number or a quantity, to tell `-0` from `0`.
    fileprivate var sign: FloatingPointSign? {
        switch self {
        case .number(let number): number.sign
        case .quantity(let quantity): quantity.value.sign
        default: nil
        }
    }
}
