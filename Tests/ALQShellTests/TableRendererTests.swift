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

    @Test func numbersAreRightAlignedWithThousandsSeparators() {
        let table = Table(records: [
            Record([("name", .string("a")), ("n", .number(1)), ("year", .number(2024))]),
            Record([("name", .string("long name")), ("n", .number(1234.5)), ("year", .number(2025))]),
        ])
        let rows = lines(renderer.render(table))
        #expect(rows[3] == "│ a         │       1 │ 2024 │")
        #expect(rows[4] == "│ long name │ 1,234.5 │ 2025 │")
    }

    @Test func longTablesAreCutInTheMiddleKeepingTheHeader() {
        let table = Table(records: (1...10).map { Record([("n", .number(Double($0)))]) })
        let text = TableRenderer(maxLines: 10).render(table)
        let rows = lines(text)
        #expect(rows.count <= 10)
        #expect(rows[1] == "│ n  │")
        #expect(rows.contains("│  ⋮ │"))
        #expect(rows.contains("│  1 │") && rows.contains("│ 10 │"))
        #expect(!rows.contains("│  5 │"))
        #expect(text.contains("of 10 rows not shown"))
    }

    @Test func theLeastInformativeColumnsGoFirstAndTheNoticeNamesThem() {
        let note = "A long note that explains how the figure was read from the source document."
        let table = Table(records: [
            Record([
                ("id", .string("guangxi.output_value.2024.actual")), ("region", .string("Guangxi")),
                ("value", .number(205e9)), ("unit", .string("CNY")), ("kind", .string("actual")),
                ("subject", .null), ("note", .string(note)),
            ])
        ])
        let text = TableRenderer(maxWidth: 60).render(table)
        #expect(text.contains("3 columns not shown: id, subject, note"))
        #expect(text.contains(":mode line"))
        #expect(text.contains("205,000,000,000") && text.contains("actual") && text.contains("CNY"))
        #expect(lines(text).allSatisfy { DisplayWidth.of($0) <= 60 })
    }

    @Test func longTextWrapsAtWordBoundariesInsideItsCell() {
        let quote = "In 2024, the total industrial output value of the aluminum industry will reach 205 billion yuan"
        let table = Table(records: [Record([("file", .string("000.txt")), ("quote", .string(quote))])])
        let rows = lines(TableRenderer(maxWidth: 50).render(table))
        #expect(rows.allSatisfy { DisplayWidth.of($0) == 50 })
        let quoteLines = rows.dropFirst(3).dropLast().map {
            String($0.split(separator: "│")[1].dropFirst().reversed().drop { $0 == " " }.reversed())
        }
        #expect(quoteLines.joined(separator: " ") == quote)
        #expect(quoteLines.count > 2)
    }

    @Test func chineseTextWrapsBetweenCharacters() {
        #expect(DisplayWidth.wrap("广西壮族自治区铝工业", to: 8) == ["广西壮族", "自治区铝", "工业"])
        #expect(DisplayWidth.wrap("one two three", to: 7) == ["one two", "three"])
        #expect(DisplayWidth.wrap("electrolytic_aluminium_output", to: 20) == ["electrolytic_", "aluminium_output"])
    }

    @Test func controlCharactersFromDataAreShownEscaped() {
        let table = Table(records: [Record([("name\u{1B}[2J", .string("red \u{1B}[31mtext\u{7}"))])])
        let text = renderer.render(table)
        #expect(!text.contains("\u{1B}") && !text.contains("\u{7}"))
        #expect(text.contains("red \\x1B[31mtext\\x07"))
        #expect(text.contains("name\\x1B[2J"))
    }

    @Test func lineModeWrapsValuesUnderTheirFirstLine() {
        let table = Table(records: [Record([("fact", .string("a.b.c")), ("quote", .string("one two three four"))])])
        let text = LineRenderer(maxWidth: 30).render(table)
        #expect(lines(text) == [" fact: a.b.c", "quote: one two three four"])
        let long = String(repeating: "word ", count: 10)
        let wrapped = lines(LineRenderer(maxWidth: 30).render(Table(records: [Record([("q", .string(long))])])))
        #expect(wrapped.count == 2)
        #expect(wrapped[1].hasPrefix("   word"))
    }

    @Test func displayWidthsPerGraphemeCluster() {
        // Telugu: vowel signs and the virama take no column of their own.
        #expect(DisplayWidth.of("నాటికి") == 3)
        #expect(DisplayWidth.of("పరిశ్రమలో") == 6)
        // Flags, ZWJ sequences and emoji with VS16 take two.
        #expect(DisplayWidth.of("🇨🇳") == 2)
        #expect(DisplayWidth.of("👩‍🏭") == 2)
        #expect(DisplayWidth.of("❤️") == 2)
        #expect(DisplayWidth.of("🏭 plant") == 8)
        #expect(DisplayWidth.of("한국") == 4)
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
