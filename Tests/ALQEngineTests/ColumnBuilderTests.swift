import ALQRuntime
import Testing

/// The column builder picks the tightest type and keeps nulls and order.
@Suite struct ColumnBuilderTests {
    @Test func leadingNullsThenNumbers() {
        let column = ColumnBuilder.column([.null, .number(2), .number(3.5)])
        guard case .number(let numbers) = column else {
            Issue.record("expected a number column, got \(column.typeName)")
            return
        }
        #expect(numbers.values.count == 3)
        #expect(column[0].isNull)
        #expect(column[2].plainNumber == 3.5)
        #expect(!numbers.isInteger)
    }

    @Test func stringsAreDictionaryEncoded() {
        let column = ColumnBuilder.column([.string("a"), .string("b"), .null, .string("a")])
        guard case .string(let strings) = column else {
            Issue.record("expected a string column")
            return
        }
        #expect(strings.dictionary == ["a", "b"])
        #expect(strings.codes == [0, 1, -1, 0])
    }

    @Test func aSecondTypeFallsBackToMixedKeepingEveryRow() {
        let column = ColumnBuilder.column([.number(1), .null, .string("x"), .bool(true)])
        guard case .mixed(let values) = column else {
            Issue.record("expected a mixed column")
            return
        }
        #expect(values.map(\.literalText) == ["1", "null", "\"x\"", "true"])
    }

    @Test func quantitiesOfOneDimensionStayTyped() {
        let column = ColumnBuilder.column([
            .quantity(Quantity(value: 1000, dimension: .mass)), .null, .quantity(Quantity(value: 5, dimension: .mass)),
        ])
        guard case .quantity(let quantities) = column else {
            Issue.record("expected a quantity column")
            return
        }
        #expect(quantities.dimension == .mass)
        #expect(column[1].isNull)
        #expect(column[2].literalText == "5 t")
    }

    @Test func manyRowsKeepTheirValues() {
        var builder = ColumnBuilder()
        for index in 0..<100_000 { builder.append(.number(Double(index))) }
        let column = builder.build()
        #expect(column.count == 100_000)
        #expect(column[99_999].plainNumber == 99_999)
    }
}
