import ALQTestSupport
import Foundation
import Testing

/// docs/architecture.md describes every target Package.swift declares, and no other.
@Suite struct ArchitectureDocTests {
    /// The names of `.target`, `.testTarget`, `.executableTarget`, `.systemLibrary`, … in Package.swift.
    static func packageTargets(_ manifest: String) -> Set<String> {
        let pattern =
            #/\.(?:target|testTarget|executableTarget|systemLibrary|binaryTarget|plugin|macro)\(\s*name:\s*"([^"]+)"/#
        return Set(manifest.matches(of: pattern).map { String($0.output.1) })
    }

    /// The first cells of table rows that hold one target name in backticks: `| `ALQEngine` | … |`.
    static func documentedTargets(_ document: String) -> Set<String> {
        let row = #/^\|\s*`([A-Za-z0-9_-]+)`\s*\|/#
        return Set(
            document.split(separator: "\n").compactMap { line in line.firstMatch(of: row).map { String($0.output.1) } })
    }

    @Test func theTargetTableMatchesPackageSwift() throws {
        let manifest = try String(
            contentsOf: PackageLayout.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let document = try String(
            contentsOf: PackageLayout.root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        let declared = Self.packageTargets(manifest)
        let documented = Self.documentedTargets(document)
        #expect(declared.count >= 10, "Package.swift's targets were not found: \(declared.sorted())")
        let missing = declared.subtracting(documented).sorted()
        let extra = documented.subtracting(declared).sorted()
        #expect(
            missing.isEmpty,
            """
            docs/architecture.md has no row for these targets of Package.swift: \(missing.joined(separator: ", ")); \
            add one each to its target table: | `Name` | job | may not |
            """)
        #expect(
            extra.isEmpty,
            "docs/architecture.md has rows for targets Package.swift does not declare: \(extra.joined(separator: ", "))"
        )
    }

    @Test func theParsersSeeWhatTheyShould() {
        let manifest = """
            .executable(name: "alq", targets: ["alq"]),
            .package(url: "https://example.org/x", from: "1.0.0"),
            .target(name: "A"), .testTarget(
                name: "ATests", dependencies: [.product(name: "P", package: "x")]),
            .systemLibrary(name: "CLib", pkgConfig: "lib"), .executableTarget(name: "alq")
            """
        #expect(Self.packageTargets(manifest) == ["A", "ATests", "CLib", "alq"])
        let document = """
            | target | job | may not |
            | --- | --- | --- |
            | `A` | a job | anything |
            |`B`| tight | x |
            | `Plugins/Region*` | a group | x |
            text `C` | not a row
            """
        #expect(Self.documentedTargets(document) == ["A", "B"])
    }
}
