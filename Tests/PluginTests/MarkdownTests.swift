import ALQPluginAPI
import ALQRuntime
import FormatMarkdown
import Testing

@Suite struct MarkdownTests {
    @Test func writesAPipeTableWithNumbersRightAligned() throws {
        let table = Table(records: [
            Record([
                ("region", .string("广西")), ("value", .quantity(Quantity(value: 205e9, dimension: .money))),
                ("n", .number(3)),
            ]),
            Record([("region", .string("a|b\nc\u{1B}")), ("value", .null), ("n", .number(1.5))]),
        ])
        let sink = MemorySink()
        try MarkdownFormat().write(table, to: sink)
        #expect(
            sink.text == """
                | region | value | n |
                | --- | ---: | ---: |
                | 广西 | 205 bn CNY | 3 |
                | a\\|b<br>c\\x1B |  | 1.5 |

                """)
    }

    @Test func isABuiltInFormatWithItsOwnName() throws {
        let format = MarkdownFormat()
        #expect(format.name == "markdown")
        #expect(format.fileExtensions == ["md", "markdown"])
    }
}
