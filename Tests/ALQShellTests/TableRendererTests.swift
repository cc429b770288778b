import ALQRuntime
import ALQShell
import Testing

@Suite struct TableRendererTests {
    private let renderer = TableRenderer()

    private func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init)
    }

    private var regions: Table {
        Table(records: [
            Record([
                ("region", .string("广西")), ("output", .quantity(Quantity(value: 205e9, dimension: .money))),
                ("rank", .number(3)),
            ]),
            Record([("region", .string("百色")), ("output", .null), ("rank", .number(12))]),
            Record([
                ("region", .string("Guangyuan")), ("output", .quantity(Quantity(value: 41.9e9, dimension: .money))),
                ("rank", .number(1)),
            ]),
        ])
    }

    @Test func cjkCellsLineUp() {
        let text = renderer.render(regions)
        let rows = lines(text)
        #expect(
            rows == [
                "┌───────────┬─────────────┬──────┐",
                "│ region    │ output      │ rank │",
                "├───────────┼─────────────┼──────┤",
                "│ 广西      │  205 bn CNY │    3 │",
                "│ 百色      │        null │   12 │",
                "│ Guangyuan │ 41.9 bn CNY │    1 │",
                "└───────────┴─────────────┴──────┘",
            ])
        let widths = Set(rows.map { DisplayWidth.of($0) })
        #expect(widths.count == 1)
    }

    @Test func numbersAreRightAlignedAndTextLeftAligned() {
        let table = Table(records: [
            Record([("name", .string("a")), ("n", .number(1))]),
            Record([("name", .string("long name")), ("n", .number(1234.5))]),
        ])
        let rows = lines(renderer.render(table))
        #expect(rows[3] == "│ a         │      1 │")
        #expect(rows[4] == "│ long name │ 1234.5 │")
    }

    @Test func longTablesAreCutWithANotice() {
        let table = Table(records: (1...10).map { Record([("n", .number(Double($0)))]) })
        let text = TableRenderer(maxRows: 4).render(table)
        let rows = lines(text)
        #expect(rows.contains("│  ⋮ │"))
        #expect(rows.filter { $0.hasPrefix("│") }.count == 1 + 4 + 1)
        #expect(rows.contains("│  1 │") && rows.contains("│ 10 │"))
        #expect(!rows.contains("│  5 │"))
        #expect(text.contains("(6 of 10 rows not shown — export the result to see all)"))
    }

    @Test func wideTablesAreCutWithANoticeNamingTheColumns() {
        let table = Table(records: [
            Record([("a", .string("一二三四五六七八九十")), ("b", .string("x")), ("c", .string("y"))])
        ])
        let text = TableRenderer(maxWidth: 22).render(table)
        let rows = lines(text)
        #expect(text.contains("2 columns not shown: b, c"))
        #expect(rows.dropLast().allSatisfy { DisplayWidth.of($0) <= 22 })
        #expect(rows[1].hasSuffix(" … │"))
    }

    @Test func longCellsAreTruncatedWithAnEllipsisOnAWideCharacterBoundary() {
        var renderer = TableRenderer(maxWidth: 30)
        renderer.maxCellWidth = 7
        let table = Table(records: [Record([("name", .string("广西壮族自治区"))])])
        let rows = lines(renderer.render(table))
        #expect(rows[3] == "│ 广西壮… │")
    }

    @Test func anEmptyTableSaysSo() {
        let table = Table(columnNames: ["a"], columns: [.mixed([])], rowCount: 0)
        #expect(renderer.render(table).hasSuffix("(no rows)\n"))
    }

    @Test func displayWidths() {
        #expect(DisplayWidth.of("广西") == 4)
        #expect(DisplayWidth.of("Baise") == 5)
        #expect(DisplayWidth.of("百色 Baise") == 10)
        #expect(DisplayWidth.of("Guǎngxī") == 7)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("（") == 2)
        #expect(DisplayWidth.truncate("广西壮族", to: 5) == "广西…")
        #expect(DisplayWidth.pad("广西", to: 6) == "广西  ")
        #expect(DisplayWidth.pad("12", to: 4, right: true) == "  12")
    }
}
