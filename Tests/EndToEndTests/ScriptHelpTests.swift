import Foundation
import Testing

/// `help` and the meta-commands that make sense without a prompt work in scripts and `-c` text.
@Suite struct ScriptHelpTests {
    @Test func helpWorksUnderC() throws {
        let result = try AlqProcess.run(["-c", ":help output_value\nhelp sort\n:help E0202"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("output_value  (metric)"))
        #expect(result.stdout.contains("reported by: Guangxi"))
        #expect(result.stdout.contains("sort key [asc|desc]"))
        #expect(result.stdout.contains("E0202  (diagnostic)"))
    }

    @Test func metaCommandsBetweenStatementsInAScript() throws {
        let folder = try AlqProcess.temporaryFolder()
        let script = folder.appendingPathComponent("report.alq")
        try "1 + 1\n:format csv\n[{a: 1, b: \"x\"}]\n:format line\n{a: 1}\n:history\n".write(
            to: script, atomically: true, encoding: .utf8)
        let result = try AlqProcess.run([script.path])
        #expect(result.stdout == "2\na,b\n1,x\na: 1\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("report.alq:6: error: :history works only at the prompt"))
    }

    @Test func errorsAfterAMetaCommandKeepTheirLineNumbers() throws {
        let result = try AlqProcess.run(["-c", "1\n:mode line\n\nno_such_name"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("<command line>:4:1: error[E0101]"))
    }

    @Test func initRunsBeforeScriptsOnlyWhenAsked() throws {
        let folder = try AlqProcess.temporaryFolder()
        let config = folder.appendingPathComponent("alq")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "let x = 41\n".write(to: config.appendingPathComponent("init.alq"), atomically: true, encoding: .utf8)
        let environment = ["XDG_CONFIG_HOME": folder.path]
        let without = try AlqProcess.run(["-c", "x + 1"], environment: environment)
        #expect(without.status == 1)
        let with = try AlqProcess.run(["--init", "-c", "x + 1"], environment: environment)
        #expect(with.status == 0)
        #expect(with.stdout == "42\n")
    }

    @Test func markdownAndLineFormats() throws {
        let markdown = try AlqProcess.run(["--format", "markdown", "-c", "[{a: 1, b: \"x|y\"}]"])
        #expect(markdown.stdout == "| a | b |\n| ---: | --- |\n| 1 | x\\|y |\n")
        let line = try AlqProcess.run(["--format", "line", "-c", "[{a: 1, bb: \"x\"}, {a: 2, bb: \"y\"}]"])
        #expect(line.stdout.contains(" a: 1\nbb: x\n"))
        #expect(line.stdout.contains("─[ 2 ]"))
    }

    @Test func controlCharactersInDataAreEscapedInTables() throws {
        let result = try AlqProcess.run(["-c", "[{a: \"x\\u{1B}[31my\"}]"])
        #expect(!result.stdout.contains("\u{1B}"))
    }
}
