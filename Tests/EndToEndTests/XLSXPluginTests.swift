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

    /// Runs a Python script; its standard output, or a failed test with its standard error.
    static func python(_ script: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        let message = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(
            process.terminationStatus == 0,
            "python3 failed (is openpyxl installed? make deps): \(String(decoding: message, as: UTF8.self))")
        return String(decoding: text, as: UTF8.self)
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
        let output = try Self.python(Self.compare, [workbook, json])
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
        let output = try Self.python(
            "import sys, openpyxl; print(openpyxl.load_workbook(sys.argv[1]).sheetnames)", [workbook])
        #expect(output == "['Sheet1']\n")
    }
}
