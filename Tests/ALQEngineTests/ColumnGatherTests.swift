import ALQRuntime
import Testing

/// Gathering rows with nulls for missing ones, and concatenating columns: the moves joins, window
/// functions and pivots make.
@Suite struct ColumnGatherTests {
    private func values(_ column: Column) -> [String] {
        (0..<column.count).map { column[$0].literalText }
    }

    @Test func gatherWithNulls() throws {
        let numbers = Column.number(NumberColumn(values: [1, 2, 3], isInteger: true))
        #expect(try values(numbers.gather(orNull: [2, -1, 0])) == ["3", "null", "1"])
        let strings = Column.string(StringColumn(["a", nil, "c"]))
        #expect(try values(strings.gather(orNull: [-1, 2, 1])) == ["null", "\"c\"", "null"])
        let flags = Column.bool(BoolColumn([true, false]))
        #expect(try values(flags.gather(orNull: [1, -1])) == ["false", "null"])
        let tonnes = Column.quantity(QuantityColumn(values: [1_000, 2_000], dimension: .mass))
        #expect(try values(tonnes.gather(orNull: [-1, 1])) == ["null", "2 kt"])
        let mixed = Column.mixed([.list([.number(1)]), .string("x")])
        #expect(try values(mixed.gather(orNull: [1, -1, 0])) == ["\"x\"", "null", "[1]"])
    }

    @Test func gatherFromAnEmptyColumnGivesNullsOfItsType() throws {
        let empty = Column.number(NumberColumn(values: [], isInteger: true))
        let gathered = try empty.gather(orNull: [-1, -1])
        #expect(values(gathered) == ["null", "null"])
        #expect(gathered.typeName == "integer")
    }

    @Test func concatenateMergesDictionariesAndKeepsTypes() throws {
        let first = Column.string(StringColumn(["a", "b", nil]))
        let second = Column.string(StringColumn(["b", "c"]))
        let joined = try Column.concatenate([first, second])
        #expect(values(joined) == ["\"a\"", "\"b\"", "null", "\"b\"", "\"c\""])
        guard case .string(let strings) = joined else {
            Issue.record("expected a string column")
            return
        }
        #expect(strings.dictionary == ["a", "b", "c"])
        let numbers = try Column.concatenate([
            .number(NumberColumn(values: [1], isInteger: true)),
            .number(NumberColumn(values: [0, 2.5], validity: [false, true])),
        ])
        #expect(values(numbers) == ["1", "null", "2.5"])
        #expect(numbers.typeName == "number")
        let mixed = try Column.concatenate([.number(NumberColumn(values: [1])), .string(StringColumn(["x"]))])
        #expect(values(mixed) == ["1", "\"x\""])
    }
}
