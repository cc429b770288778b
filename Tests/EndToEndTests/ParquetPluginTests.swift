import ALQTestSupport
import Foundation
import Testing

/// The first-party Parquet plugin (Plugins/Parquet) with the built alq: DuckDB reads what alq writes,
/// with equal values and alq's units in the metadata; alq reads what DuckDB writes, with equal values.
/// DuckDB's side is Plugins/Parquet/tests/duckdb_interop.py, run with `python3`.
@Suite(.enabled(if: FirstPartyPlugins.parquetShouldRun, Comment(rawValue: FirstPartyPlugins.parquetSkipReason)))
struct ParquetPluginTests {
    let folder: URL

    init() throws { folder = try AlqProcess.temporaryFolder() }

    /// Runs alq with the Parquet plugin in the temporary folder; the run must succeed.
    @discardableResult
    func alq(_ arguments: [String]) throws -> String {
        let result = try AlqProcess.run(
            ["--plugin", FirstPartyPlugins.parquet] + arguments, environment: ["ALQ_PLUGIN_PATH": ""],
            directory: folder)
        #expect(result.status == 0, "alq \(arguments): \(result.stderr)")
        return result.stdout
    }

    /// Runs a program in the temporary folder.
    func run(_ program: String, _ arguments: [String]) throws -> AlqProcess.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return AlqProcess.Result(
            status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
            stderr: String(decoding: error, as: UTF8.self))
    }

    /// DuckDB's side of the tests.
    func duckdb(_ arguments: [String]) throws -> AlqProcess.Result {
        let script = PackageLayout.root.appendingPathComponent("Plugins/Parquet/tests/duckdb_interop.py").path
        return try run("python3", [script] + arguments)
    }

    /// Writes alq's JSON of a query to a file in the folder.
    func json(of query: String, to name: String) throws {
        let text = try alq(["--format", "json", "-c", query])
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    @Test func duckDBReadsTheFactsAlqWrote() throws {
        try alq(["-c", "facts | export parquet to \"facts.parquet\""])
        try json(of: "facts", to: "facts.json")
        let compared = try duckdb(["compare", "facts.json", "facts.parquet"])
        #expect(compared.status == 0, "\(compared.stdout)\(compared.stderr)")
    }

    @Test func duckDBSeesTheUnitsInTheMetadata() throws {
        try alq([
            "-c",
            "facts | where metric == \"output_value\" and kind == \"actual\" | select region, year, value "
                + "| export to \"value.parquet\"",
        ])
        let metadata = try duckdb(["metadata", "value.parquet"])
        #expect(metadata.status == 0, "\(metadata.stderr)")
        let columns = try JSONSerialization.jsonObject(with: Data(metadata.stdout.utf8)) as? [String: [String: String]]
        #expect(columns?["value"]?["unit"] == "CNY", "alq.columns: \(metadata.stdout)")
        #expect(columns?["value"]?["kind"] == "actual", "alq.columns: \(metadata.stdout)")
        #expect(columns?["region"] == nil, "alq.columns: \(metadata.stdout)")
        // The same unit and kind as Arrow field metadata, as pyarrow (and the tools on it) see them.
        let field = try run(
            FirstPartyPlugins.parquetPython,
            [
                "-c",
                "import pyarrow.parquet as pq; m = pq.read_schema('value.parquet').field('value').metadata; "
                    + "print(m[b'alq.unit'].decode(), m[b'alq.kind'].decode())",
            ])
        #expect(field.stdout == "CNY actual\n", "\(field.stderr)")
        // alq's JSON gives the unit in a companion column `value_unit`, the Parquet file in its metadata.
        try json(
            of: "facts | where metric == \"output_value\" and kind == \"actual\" | select region, year, value",
            to: "value.json")
        let compared = try duckdb(["compare", "value.json", "value.parquet"])
        #expect(compared.status == 0, "\(compared.stdout)\(compared.stderr)")
    }

    @Test func alqReadsWhatDuckDBWrote() throws {
        let written = try duckdb(["write", "duck.parquet"])
        #expect(written.status == 0, "\(written.stderr)")
        try json(of: "open(\"duck.parquet\")", to: "duck.json")
        let compared = try duckdb(["compare", "duck.json", "duck.parquet"])
        #expect(compared.status == 0, "\(compared.stdout)\(compared.stderr)")
    }

    @Test func factsReadBackAsTheyWereWritten() throws {
        try alq(["-c", "facts | export parquet to \"facts.parquet\""])
        let original = try alq(["--format", "json", "-c", "facts"])
        let readBack = try alq(["--format", "json", "-c", "open(\"facts.parquet\")"])
        #expect(readBack == original)
    }

    @Test func aFileThatIsNotParquetIsAnError() throws {
        try "a,b\n1,2\n".write(to: folder.appendingPathComponent("fake.parquet"), atomically: true, encoding: .utf8)
        let result = try AlqProcess.run(
            ["--plugin", FirstPartyPlugins.parquet, "-c", "open(\"fake.parquet\")"], directory: folder)
        #expect(result.status != 0)
        #expect(
            result.stderr.contains("fake.parquet") && result.stderr.contains("is not a Parquet file"),
            "\(result.stderr)")
    }

    @Test func theFormatTakesNoOptions() throws {
        try alq(["-c", "facts | take 1 | export parquet to \"one.parquet\""])
        let result = try AlqProcess.run(
            ["--plugin", FirstPartyPlugins.parquet, "-c", "open(\"one.parquet\", sheet = \"a\")"], directory: folder)
        #expect(result.status == 4)
        #expect(result.stderr.contains("takes no options; given: sheet"), "\(result.stderr)")
    }

    /// A unit alq does not know fails that one read (E0501), not the plugin (E0502 would stop it).
    @Test func aUnitAlqDoesNotKnowFailsTheRead() throws {
        let made = try run(
            FirstPartyPlugins.parquetPython,
            [
                "-c",
                "import pyarrow as pa, pyarrow.parquet as pq; "
                    + "f = pa.field('w', pa.float64(), metadata={'alq.unit': 'tons'}); "
                    + "pq.write_table(pa.table({'w': [1.5]}, schema=pa.schema([f])), 'tons.parquet')",
            ])
        #expect(made.status == 0, "\(made.stderr)")
        try alq(["-c", "facts | take 3 | export parquet to \"three.parquet\""])
        let result = try AlqProcess.run(
            [
                "--plugin", FirstPartyPlugins.parquet, "-c",
                "open(\"three.parquet\") | count\nopen(\"tons.parquet\")",
            ], directory: folder)
        #expect(result.status == 4, "a plugin error: \(result.stderr)")
        #expect(result.stdout.contains("3"))
        #expect(result.stderr.contains("E0501") && result.stderr.contains("'tons'"), "\(result.stderr)")
    }
}
