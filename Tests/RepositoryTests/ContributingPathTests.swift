import ALQTestSupport
import Foundation
import Testing

/// Every file or folder CONTRIBUTING.md names exists, so that its checklists stay true as files move.
@Suite struct ContributingPathTests {
    /// Backticked repository paths: text with a `/` that starts with a top-level folder of the
    /// repository or names a file there; placeholders (`<Name>`, `*`) are skipped.
    static func paths(in document: String) -> [String] {
        let roots = ["Sources/", "Plugins/", "Tests/", "docs/", "Examples/", "scripts/", "bench/", ".ci/"]
        let files = ["Package.swift", "Makefile", "README.md", ".swift-format"]
        return document.matches(of: #/`([^`\s]+)`/#).map { String($0.output.1) }.filter { text in
            !text.contains("<") && !text.contains("*")
                && (roots.contains { text.hasPrefix($0) } || files.contains(text))
        }
    }

    @Test func everyNamedPathExists() throws {
        let document = try String(
            contentsOf: PackageLayout.root.appendingPathComponent("CONTRIBUTING.md"), encoding: .utf8)
        let named = Self.paths(in: document)
        #expect(named.count >= 20, "CONTRIBUTING.md names only \(named.count) paths")
        let missing = Set(
            named.filter { path in
                !FileManager.default.fileExists(atPath: PackageLayout.root.appendingPathComponent(path).path)
            }
        ).sorted()
        #expect(missing.isEmpty, "CONTRIBUTING.md names paths that do not exist: \(missing.joined(separator: ", "))")
    }
}
