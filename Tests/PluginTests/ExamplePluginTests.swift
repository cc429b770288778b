import ALQPluginAPI
import ALQPluginHost
import ALQRuntime
import ALQSyntax
import Foundation
import Testing

/// The example plugins in Examples/plugins: built, loaded and used as a user would.
@Suite(.serialized) struct ExamplePluginTests {
    /// Compiles the Swift example with swiftc into a temporary folder.
    static func buildMarkdownPlugin() throws -> String {
        let output = Support.temporaryFolder() + "/alq-markdown"
        let source = "\(Support.root)/Examples/plugins/markdown/Sources/alq-markdown/main.swift"
        let result = try Support.run("/usr/bin/env", ["swiftc", "-O", source, "-o", output])
        try #require(result.status == 0, "swiftc failed: \(result.error)")
        return output
    }

    @Test func swiftMarkdownPlugin() throws {
        let plugin = try Self.buildMarkdownPlugin()
        let host = FileHost()
        defer { host.shutdown() }
        let registry = Registry()
        let message = try host.load(path: plugin, registry: registry)
        #expect(message == "loaded plugin markdown 1.0.0 from \(plugin): format markdown")
        #expect(
            registry.formatsTable().cellTexts == [
                ["'markdown'", "'md, markdown'", "'text/markdown'", "'1.0.0'", "'plugin \(plugin)'"]
            ])
        let folder = Support.temporaryFolder()
        let path = "\(folder)/sample.md"
        try host.export(
            Support.sampleTable(), format: FileHost.resolveFormat(name: nil, path: path, registry: registry), path: path
        )
        #expect(
            try String(contentsOfFile: path, encoding: .utf8) == """
                | region | year | share | ok | output | output_unit | note | mixed | mixed_unit |
                | --- | ---: | ---: | --- | ---: | --- | --- | --- | --- |
                | Guangxi | 2024 | 0.5 | true | 205000000000 | CNY | =SUM(A1) | 14543000 | t |
                | 百色 | 2023 | 33.69 | false | 41900000000 | CNY | +1 | 3 |  |
                | Comma, Inc. |  | -1.25 |  |  |  | -x | a |  |
                | Say "hi" | 2020 | 1e-07 | true | 1 | CNY | @home |  |  |
                |  | -5 | 1e+21 | false | 2.5 | CNY | line1<br>line2 | [1,"b"] |  |
                |  | 2019 |  | true | 0 | CNY | '=already | 5 | % |

                """)
    }

    @Test func pythonXLSXPlugin() throws {
        let plugin = "\(Support.root)/Examples/plugins/xlsx/alq-xlsx"
        let host = FileHost()
        defer { host.shutdown() }
        let registry = Registry()
        let message = try host.load(path: plugin, registry: registry)
        #expect(message == "loaded plugin xlsx 1.0.0 from \(plugin): format xlsx, function cagr")
        let path = Support.temporaryFolder() + "/sample.xlsx"
        // Enough rows to need several batches and several chunks.
        var table = Support.sampleTable()
        table = table.gather((0..<3000).map { $0 % 6 })
        try host.export(table, format: registry.format(forPath: path)!, path: path)
        let check = try Support.python(
            """
            import sys, zipfile, re
            z = zipfile.ZipFile(sys.argv[1])
            print(z.testzip(), sorted(z.namelist()))
            sheet = z.read('xl/worksheets/sheet1.xml').decode()
            print(sheet.count('<row '), '百色' in sheet, '<v>205000000000</v>' in sheet, 'Say &quot;hi&quot;' in sheet or 'Say "hi"' in sheet)
            """, [path])
        #expect(
            check.output == """
                None ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']
                3001 True True True

                """, "\(check.error)")
        let rate = try #require(
            try host.callFunction(
                "cagr",
                arguments: [
                    .quantity(Quantity(value: 100, dimension: .money)),
                    .quantity(Quantity(value: 121, dimension: .money)), .number(2),
                ]))
        guard case .quantity(let quantity) = rate else {
            Issue.record("not a quantity: \(describe(rate))")
            return
        }
        #expect(quantity.dimension == .percent && abs(quantity.value - 10) < 1e-9)
        #expect {
            _ = try host.callFunction("cagr", arguments: [.number(1)])
        } throws: { error in
            (error as! Diagnostic).message.hasSuffix("failed to 'call': cagr takes 3 arguments: start, end, years")
        }
    }
}
