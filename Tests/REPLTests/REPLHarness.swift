import ALQTestSupport
import Foundation
import Testing

/// Starting the built `alq` on a pseudo-terminal, in a private home folder.
enum REPLHarness {
    /// The built `alq`.
    static var binary: String { PackageLayout.alqBinary }

    /// A fresh folder for one test's home, history and data files.
    static func temporaryFolder() throws -> String {
        try TemporaryFolder.make("repl")
    }

    /// The environment a test REPL runs in: a UTF-8 locale, a private home, colour as asked.
    static func environment(home: String, color: Bool = false, extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "HOME": home, "TERM": "xterm", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "ALQ_HISTORY": home + "/history", "PAGER": "cat", "XDG_CONFIG_HOME": home + "/config",
        ]
        if !color { environment["NO_COLOR"] = "1" }
        environment.merge(extra) { $1 }
        return environment
    }

    /// Starts the REPL and waits for its first prompt.
    static func start(home: String, color: Bool = false, extra: [String: String] = [:], columns: UInt16 = 100) throws
        -> PseudoTerminal
    {
        let terminal = try PseudoTerminal(
            executable: binary, environment: environment(home: home, color: color, extra: extra), columns: columns)
        try terminal.expect("alq> ", timeout: 60)
        return terminal
    }

    /// Runs `alq -c text` without a terminal and returns its standard output and error.
    static func run(_ text: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["-c", text]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.environment = ["NO_COLOR": "1", "LANG": "C.UTF-8"]
        do { try process.run() } catch { return "" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether the built-in region modules are registered (they arrive with the dataset).
    static var hasRegions: Bool {
        let names = run("regions | select name")
        return names.contains("Guangxi") && names.contains("Guangyuan")
    }
}
