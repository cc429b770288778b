import Foundation

/// The five source documents, for the tests that check the dataset against them.
///
/// They live outside the repository: `$ALQ_SEEDS`, else `../shared/seeds` beside the package root.
/// Where they are absent those tests are skipped, saying why, so that a plain clone passes; with
/// `ALQ_REQUIRE_SEEDS=1` (set by `.ci/run`) they run anyway and fail.
public enum Seeds {
    /// The folder the seeds are read from.
    public static var directory: URL {
        if let explicit = ProcessInfo.processInfo.environment["ALQ_SEEDS"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit, relativeTo: PackageLayout.root).standardizedFileURL
        }
        return PackageLayout.root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
            .standardizedFileURL
    }

    /// Whether the seeds folder exists.
    public static var areAvailable: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    /// Whether `ALQ_REQUIRE_SEEDS=1`: a missing folder then fails the tests instead of skipping them.
    public static var areRequired: Bool {
        ProcessInfo.processInfo.environment["ALQ_REQUIRE_SEEDS"] == "1"
    }

    /// Whether the tests that need the seeds should run.
    public static var shouldRun: Bool { areAvailable || areRequired }

    /// Why those tests are skipped when they are.
    public static var skipReason: String {
        "the seed documents are not at \(directory.path) (set ALQ_SEEDS to their folder; "
            + "ALQ_REQUIRE_SEEDS=1 makes their absence a failure)"
    }
}
