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

    private func text(_ value: Value) -> String? {
        if case .string(let text) = value { text } else { nil }
    }

    private func texts(_ fields: [String]) -> ColumnBuilder {
        var builder = ColumnBuilder()
        for field in fields {
            var field = field
            field.withUTF8 { builder.appendText($0) }
        }
        return builder
    }

    @Test func textInfersNumbersBoolsAndStrings() throws {
        let integers = texts(["1", "-2", "30"]).build()
        #expect(integers.typeName == "integer" && integers[1].plainNumber == -2)
        #expect(texts(["1", "2.5"]).build().typeName == "number")
        #expect(texts(["TRUE", "false"]).build().typeName == "bool")
        let strings = texts(["x", "1", "007"]).build()
        #expect(strings.typeName == "string" && text(strings[2]) == "007")
    }

    @Test(arguments: [["1", "x"], ["true", "1"], ["1", "+5"], ["1", "12345678901234567891"]])
    func textThatBreaksATypeAsksForTheStringPass(fields: [String]) {
        #expect(texts(fields).needsStringPass)
    }

    @Test func bytesAndValuesShareOneStore() throws {
        var builder = ColumnBuilder(nulls: 2)
        var text = "广西"
        text.withUTF8 { builder.appendString(utf8: $0) }
        builder.append(.string("广西"))
        builder.appendNull()
        let column = builder.build()
        guard case .string(let strings) = column else {
            Issue.record("expected a string column, got \(column.typeName)")
            return
        }
        #expect(strings.codes == [-1, -1, 0, 0, -1] && strings.dictionary == ["广西"])
        var mixed = ColumnBuilder()
        mixed.appendNumber(1, isInteger: true)
        mixed.appendBool(true)
        #expect(mixed.build().typeName == "any" && mixed.rowCount == 2)
    }

    @Test func invalidUTF8IsRepairedOrReported() {
        var builder = ColumnBuilder()
        [UInt8]([0x61, 0xFF]).withUnsafeBufferPointer { builder.appendString(utf8: $0) }
        #expect(builder.buildCheckingUTF8() == nil)
        #expect(text(builder.build()[0]) == "a\u{FFFD}")
    }
}
