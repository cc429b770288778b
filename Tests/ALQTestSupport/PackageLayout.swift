import Foundation

/// Where things are when tests run: the package's root and the built `alq` binary. The one place
/// every test target finds them.
public enum PackageLayout {
    /// The package root: this file is Tests/ALQTestSupport/PackageLayout.swift.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built `alq` executable: `$ALQ_BINARY`, else the `alq` in the build products folder the test
    /// runner sits in (on macOS the runner is inside a bundle a few folders deeper), else
    /// `.build/debug/alq`. `swift build --build-tests` builds it beside the tests.
    public static var alqBinary: String {
        if let explicit = ProcessInfo.processInfo.environment["ALQ_BINARY"], !explicit.isEmpty { return explicit }
        let runner = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("alq").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/alq").path
    }

    /// Another executable of the package, built beside `alq` (`alq-html`, `alq-xlsx`).
    public static func executable(named name: String) -> String {
        URL(fileURLWithPath: alqBinary).deletingLastPathComponent().appendingPathComponent(name).path
    }
}
