import Foundation
import Testing

/// alq has no subcommands: the completion scripts and the description the man page is generated from
/// offer no `help` subcommand (ArgumentParser adds one; see Sources/alq/WithoutHelpSubcommand.swift).
@Suite struct NoHelpSubcommandTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsOfferNoHelpSubcommand(_ shell: String) throws {
        let result = try AlqProcess.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        let traces = [
            "_alq_help", "compgen -W 'help'", "help:Show subcommand", "case 'help'", "-fa 'help'", "\"alq help\"",
        ]
        for trace in traces {
            #expect(!result.stdout.contains(trace), "\(shell) script still has \(trace)")
        }
        // What the scripts complete is still there: options, files, the --format names.
        #expect(result.stdout.contains("plugin") && result.stdout.contains("---completion"))
    }

    @Test func theBashScriptIsValidBash() throws {
        let folder = try AlqProcess.temporaryFolder()
        let script = folder.appendingPathComponent("alq.bash")
        try AlqProcess.run(["--generate-completion-script", "bash"]).stdout.write(
            to: script, atomically: true, encoding: .utf8)
        let bash = Process()
        bash.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        bash.arguments = ["bash", "-n", script.path]
        try bash.run()
        bash.waitUntilExit()
        #expect(bash.terminationStatus == 0)
    }

    @Test func theManPageDescriptionHasNoSubcommands() throws {
        let result = try AlqProcess.run(["--experimental-dump-help"])
        #expect(result.status == 0)
        let tool = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let command = try #require(tool?["command"] as? [String: Any])
        #expect(command["commandName"] as? String == "alq")
        #expect(command["subcommands"] == nil)
        #expect((command["arguments"] as? [Any])?.isEmpty == false)
    }
}
