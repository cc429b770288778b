import ALQTestSupport
import Foundation
import Testing

/// The first-party `alq-xlsx` plugin run as a user runs it: `alq --plugin alq-xlsx`, the workbook
/// checked with Python's openpyxl (installed by `make deps`).
@Suite struct XLSXPluginTests {
    static func plugin() throws -> String {
        let path = PackageLayout.executable(named: "alq-xlsx")
        try #require(
            FileManager.default.isExecutableFile(atPath: path), "\(path) is missing: swift build --product alq-xlsx")
        return path
    }

    /// Compares a sheet read by openpyxl with alq's JSON export of the same query, cell by cell:
    /// numbers equal, strings equal, booleans equal, null an empty cell, ISO days in mixed columns dates,
    /// lists and records their JSON text.
    static let compare = """
        import sys, json, datetime, openpyxl
        rows = list(openpyxl.load_workbook(sys.argv[1]).worksheets[0].iter_rows(values_only=True))
        expected = json.load(open(sys.argv[2], encoding="utf-8"))
        header, rows = list(rows[0]), rows[1:]
        keys = list(expected[0].keys()) if expected else []
        def same(cell, value):
            if isinstance(value, bool) or isinstance(cell, bool): return cell is value
            if isinstance(cell, datetime.datetime): cell = cell.date().isoformat()
            if isinstance(value, (list, dict)): value = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
            return cell == value
        problems = []
        if header != keys: problems.append(f"header {header} != {keys}")
        if len(rows) != len(expected): problems.append(f"{len(rows)} rows != {len(expected)}")
        for number, (row, record) in enumerate(zip(rows, expected), start=2):
            for key, cell, value in zip(keys, row, record.values()):
                if not same(cell, value): problems.append(f"row {number} {key}: {cell!r} != {value!r}")
        print(len(rows), "rows", "; ".join(problems[:5]) or "equal")
        """

    @Test(arguments: [
        "facts", "companies", "sources | select id, title, date, language",
        "regions", "facts | where region == \"Guangxi\" | select subject, value, unit, source",
    ])
    func openpyxlReadsWhatAlqWrites(query: String) throws {
        let folder = try AlqProcess.temporaryFolder()
        let workbook = folder.appendingPathComponent("f.xlsx").path
        let json = folder.appendingPathComponent("f.json").path
        let export = try AlqProcess.run([
            "--plugin", try Self.plugin(), "-c", "\(query) | export xlsx to \"\(workbook)\"",
        ])
        #expect(export.status == 0, "\(export.stderr)")
        let reference = try AlqProcess.run(["-c", "\(query) | export json to \"\(json)\""])
        #expect(reference.status == 0, "\(reference.stderr)")
        let count = try AlqProcess.run(["-c", "len(\(query))"])
        let output = try PythonScript.output(Self.compare, [workbook, json])
        #expect(output == "\(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) rows equal\n", "\(query)")
    }

    @Test func exportInferredFromTheExtension() throws {
        let folder = try AlqProcess.temporaryFolder()
        let workbook = folder.appendingPathComponent("regions.xlsx").path
        let result = try AlqProcess.run([
            "--plugin", try Self.plugin(), "-c",
            "formats | where name == \"xlsx\" | select name, extensions\nregions | export to \"\(workbook)\"",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("xlsx"))
        let output = try PythonScript.output(
            "import sys, openpyxl; print(openpyxl.load_workbook(sys.argv[1]).sheetnames)", [workbook])
        #expect(output == "['regions']\n")
    }

    /// The sheet is named after the file, made valid for Excel: `[ ] : * ? / \` become `_`, at most 31
    /// characters, and `History` (reserved by Excel) gets a `_`.
    @Test(arguments: [
        ("Q1: output [t] of Guangxi *and* Guangyuan?.xlsx", "Q1_ output _t_ of Guangxi _and_"),
        ("百色 2024.xlsx", "百色 2024"), ("history.xlsx", "history_"), ("x.y.xlsx", "x.y"),
    ])
    func theSheetIsNamedAfterTheFile(file: String, sheet: String) throws {
        let folder = try AlqProcess.temporaryFolder()
        let workbook = folder.appendingPathComponent(file).path
        let result = try AlqProcess.run([
            "--plugin", try Self.plugin(), "-c",
            "regions | export to \"\(workbook)\"\nlen(open(\"\(workbook)\", sheet = \"\(sheet)\"))",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "4\n", "\(file)")
        let output = try PythonScript.output(
            "import sys, openpyxl; print(openpyxl.load_workbook(sys.argv[1]).sheetnames)", [workbook])
        #expect(output == "['\(sheet)']\n")
    }

    @Test(arguments: ["facts", "regions", "sources", "events"])
    func alqReadsBackWhatItWrote(table: String) throws {
        let folder = try AlqProcess.temporaryFolder()
        let workbook = folder.appendingPathComponent("t.xlsx").path
        let result = try AlqProcess.run([
            "--plugin", try Self.plugin(), "-c",
            "\(table) | export xlsx to \"\(workbook)\"\nopen(\"\(workbook)\") | export json\n\(table) | export json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let halves = result.stdout.components(separatedBy: "]\n[")
        #expect(halves.count == 2 && halves[0].count > 100 && halves[0] + "]\n" == "[" + halves[1], "\(table)")
    }

    @Test func alqReadsWhatOpenpyxlWrites() throws {
        let folder = try AlqProcess.temporaryFolder()
        let workbook = folder.appendingPathComponent("openpyxl.xlsx").path
        _ = try PythonScript.output(
            """
            import sys, datetime, openpyxl
            wb = openpyxl.Workbook()
            wb.active.title = "Notes"
            wb.active.append(["not this sheet"])
            facts = wb.create_sheet("Facts")
            facts.append(["region", "output (CNY)", "year", "share", "ok", "day", "note"])
            facts.append(["广西", 205000000000, 2024, 0.5, True, datetime.date(2024, 2, 29), "第一"])
            facts.append(["Baise & <co>", 41900000000, 2023, None, False, None, "line1\\nline2"])
            facts.append([None, None, None, -1.25, None, datetime.date(2025, 9, 23), None])
            wb.save(sys.argv[1])
            """, [workbook])
        let result = try AlqProcess.run([
            "--plugin", try Self.plugin(), "-c",
            """
            let t = open("\(workbook)", sheet = "Facts")
            t | export json
            [type(t.day[0]), t.output[0]]
            open("\(workbook)") | export csv
            """,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == #"""
                [
                  {"region":"广西","output":205000000000,"output_unit":"CNY","year":2024,"share":0.5,"ok":true,"day":"2024-02-29","note":"第一"},
                  {"region":"Baise & <co>","output":41900000000,"output_unit":"CNY","year":2023,"share":null,"ok":false,"day":null,"note":"line1\nline2"},
                  {"region":null,"output":null,"output_unit":null,"year":null,"share":-1.25,"ok":null,"day":"2025-09-23","note":null}
                ]
                ["date", 205 bn CNY]
                not this sheet

                """#)
    }

    /// The plugin's answers to request lines written to its standard input, one line each.
    static func converse(_ requests: [String]) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try plugin())
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(requests.map { $0 + "\n" }.joined().utf8))
        try input.fileHandleForWriting.close()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: text, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// A sheet is read whole before `read.begin` is answered, since a column's type depends on all its
    /// cells; meanwhile the plugin sends progress messages (the first at once), each of which renews
    /// alq's time limit, but only to a host that offered them in `hello`. The rows then come in batches.
    @Test(arguments: [true, false])
    func readBeginSendsProgressWhileTheSheetIsRead(offered: Bool) throws {
        let workbook = try AlqProcess.temporaryFolder().appendingPathComponent("rows.xlsx").path
        let export = try AlqProcess.run([
            "--plugin", try Self.plugin(), "-c", "range(20000) | export to \"\(workbook)\"",
        ])
        #expect(export.status == 0, "\(export.stderr)")
        let answers = try Self.converse([
            #"{"id": 1, "method": "hello", "params": {"protocol": 2, "alq": "0.1.0", "progress": \#(offered)}}"#,
            #"{"id": 2, "method": "read.begin", "params": {"format": "xlsx", "path": "\#(workbook)", "options": {}}}"#,
            #"{"id": 3, "method": "read.rows", "params": {}}"#, #"{"id": 4, "method": "shutdown", "params": {}}"#,
        ])
        let progress = answers.dropFirst().prefix { $0 == #"{"id":2,"chunk":{}}"# }.count
        #expect(offered ? progress >= 1 : progress == 0, "\(answers.prefix(3))")
        let rest = Array(answers.dropFirst(1 + progress))
        try #require(rest.count == 3, "\(rest.map { $0.prefix(80) })")
        #expect(rest[0] == #"{"id":2,"result":{"columns":[{"name":"value","type":"integer"}]}}"#)
        #expect(
            rest[1].hasPrefix(#"{"id":3,"result":{"batch":{"length":16384,"#) && rest[1].hasSuffix(#""done":false}}"#))
    }

    @Test func badWorkbooksAreClearErrors() throws {
        let folder = try AlqProcess.temporaryFolder()
        let text = folder.appendingPathComponent("text.xlsx").path
        try "region,value\n".write(toFile: text, atomically: true, encoding: .utf8)
        let notZip = try AlqProcess.run(["--plugin", try Self.plugin(), "-c", "open(\"\(text)\")"])
        #expect(notZip.status == 4)
        #expect(notZip.stderr.contains("cannot read '\(text)': it is not an xlsx workbook: not a zip archive"))
        let workbook = folder.appendingPathComponent("w.xlsx").path
        let missing = try AlqProcess.run([
            "--plugin", try Self.plugin(), "-c",
            "regions | export to \"\(workbook)\"\nopen(\"\(workbook)\", sheet = \"Facts\")",
        ])
        #expect(missing.status == 4)
        #expect(missing.stderr.contains("the workbook has no sheet 'Facts'; its sheets are 'w'"))
        let option = try AlqProcess.run([
            "--plugin", try Self.plugin(), "-c", "open(\"\(text)\", options = {colour: \"red\"})",
        ])
        #expect(option.stderr.contains("xlsx has no option 'colour'; it reads sheet, header_row and header"))
    }
}
