import Foundation

/// The first-party plugins that are not Swift products, as `make parquet-plugin` stages them under
/// `.build/alq-plugins`, and DuckDB's Python package, which the Parquet tests compare with.
///
/// `make test` stages them and installs DuckDB first, and sets `ALQ_REQUIRE_PLUGINS=1`: a missing
/// plugin then fails the tests that need it. A plain `swift test` without them skips those tests,
/// saying why.
public enum FirstPartyPlugins {
    /// The Parquet plugin's launcher.
    public static var parquet: String {
        PackageLayout.root.appendingPathComponent(".build/alq-plugins/alq-parquet").path
    }

    /// The Python of the Parquet plugin's own environment (it has pyarrow).
    public static var parquetPython: String {
        PackageLayout.root.appendingPathComponent(".build/alq-plugins/alq-parquet.d/venv/bin/python").path
    }

    /// Whether `ALQ_REQUIRE_PLUGINS=1`.
    public static var areRequired: Bool { ProcessInfo.processInfo.environment["ALQ_REQUIRE_PLUGINS"] == "1" }

    /// Whether the Parquet plugin is staged and `python3` can import duckdb.
    public static let parquetIsAvailable: Bool =
        FileManager.default.isExecutableFile(atPath: parquet)
        && FileManager.default.isExecutableFile(atPath: parquetPython) && pythonImports("duckdb")

    /// Whether the Parquet tests should run.
    public static var parquetShouldRun: Bool { parquetIsAvailable || areRequired }

    /// Why the Parquet tests are skipped when they are.
    public static let parquetSkipReason =
        "the Parquet plugin is not staged in .build/alq-plugins or python3 lacks duckdb (run make parquet-plugin "
        + "and bash scripts/install-python-packages.sh duckdb, or make test; ALQ_REQUIRE_PLUGINS=1 makes this a failure)"

    /// Whether `python3` can import a module.
    static func pythonImports(_ module: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import \(module)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
