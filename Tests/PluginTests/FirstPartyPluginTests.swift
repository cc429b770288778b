import ALQPluginAPI
import ALQPluginHost
import ALQRuntime
import ALQTestSupport
import Foundation
import Testing

/// The first-party plugins in Plugins/, built by the package beside `alq`, loaded through the host.
@Suite(.serialized) struct FirstPartyPluginTests {
    @Test func xlsxExportThroughTheHost() throws {
        let plugin = PackageLayout.executable(named: "alq-xlsx")
        try #require(FileManager.default.isExecutableFile(atPath: plugin), "\(plugin) is missing")
        let host = FileHost()
        defer { host.shutdown() }
        let registry = Registry()
        let message = try host.load(path: plugin, registry: registry)
        #expect(message == "loaded plugin xlsx 1.0.0 from \(plugin): format xlsx")
        let path = Support.temporaryFolder() + "/sample.xlsx"
        // Enough rows for several batches; a column of one unit has it in the header, a mixed one keeps its units.
        let table = try Support.sampleTable().gather((0..<18_000).map { $0 % 6 })
        try host.export(table, format: registry.format(forPath: path)!, path: path)
        let check = try Support.python(
            """
            import sys, openpyxl
            rows = list(openpyxl.load_workbook(sys.argv[1])["sample"].iter_rows(values_only=True))
            print(len(rows))
            for row in rows[:7]: print(repr(row))
            print(rows[1:7] * 3000 == rows[1:])
            """, [path])
        #expect(
            check.output == """
                18001
                ('region', 'year', 'share', 'ok', 'output (CNY)', 'note', 'mixed', 'mixed_unit')
                ('Guangxi', 2024, 0.5, True, 205000000000, '=SUM(A1)', 14543000, 't')
                ('百色', 2023, 33.69, False, 41900000000, '+1', 3, None)
                ('Comma, Inc.', None, -1.25, None, None, '-x', 'a', None)
                ('Say "hi"', 2020, 1e-07, True, 1, '@home', None, None)
                (None, -5, 1e+21, False, 2.5, 'line1\\nline2', '[1,"b"]', None)
                ('', 2019, None, True, 0, "'=already", 5, '%')
                True

                """, "\(check.error)")
    }
}
