import Foundation
import Testing

/// Help on the command line never fails: every way of asking exits 0 with the usage.
@Suite struct HelpCommandLineTests {
    @Test(arguments: [["--help"], ["-h"], ["help"], ["-help"], ["-?"], ["help", "format"]])
    func helpPrintsTheUsageAndExitsZero(_ arguments: [String]) throws {
        let result = try AlqProcess.run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        #expect(result.stdout.contains("USAGE: alq"))
        #expect(result.stdout.contains("--format <NAME>"))
        #expect(result.stdout.contains("--no-init"))
        #expect(result.stdout.contains(":help"))
        #expect(result.stderr.isEmpty)
    }

    @Test func versionPrintsTheVersion() throws {
        let result = try AlqProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: ".").count == 3)
    }

    @Test func aScriptNamedHelpStillRuns() throws {
        let folder = try AlqProcess.temporaryFolder()
        try "\"ran the script\"\n".write(to: folder.appendingPathComponent("help"), atomically: true, encoding: .utf8)
        let result = try AlqProcess.run(["help"], directory: folder)
        #expect(result.status == 0)
        #expect(result.stdout == "ran the script\n")
    }

    @Test func anUnknownOptionIsAUsageErrorWithTheUsage() throws {
        let result = try AlqProcess.run(["--frmat", "csv"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("alq: error:"))
        #expect(result.stderr.contains("--format"))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsCompleteFilesAndFormatNames(_ shell: String) throws {
        let result = try AlqProcess.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        #expect(result.stdout.contains("alq"))
        #expect(result.stdout.contains("---completion"), "the --format names come from alq itself")
        switch shell {
        case "bash": #expect(result.stdout.contains("__alq_add_completions -f"))
        case "zsh": #expect(result.stdout.contains("_files"))
        default: #expect(result.stdout.contains("__fish_complete_path") || result.stdout.contains("-F"))
        }
    }

    @Test func theFormatCompletionListsEveryFormat() throws {
        let result = try AlqProcess.run(["---completion", "--", "--format", "2", "0", "alq", "--format", ""])
        #expect(result.status == 0)
        for name in ["table", "line", "markdown", "csv", "json"] {
            #expect(result.stdout.split(separator: "\n").contains(Substring(name)), "\(name) in \(result.stdout)")
        }
    }
}
