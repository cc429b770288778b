import ALQTestSupport
import Foundation
import Testing

/// The command-line contract of issue 5, on the built `alq` binary: exports through a pipe, plugins
/// given with --plugin, exit status 4, and a killed export.
@Suite(.serialized)
struct BinaryTests {
    static var binary: String { AlqBinary.path }

    static func alq(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        try AlqBinary.run(arguments)
    }

    @Test func csvExportCountsFactsPlusHeader() throws {
        let json = try Self.alq(["--format", "json", "-c", "facts"])
        #expect(json.status == 0)
        let facts = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(facts.count > 50)
        #expect(facts[0]["value"] is NSNumber && facts[0]["unit"] is String && facts[0]["region"] is String)
        let csv = try Self.alq(["-c", "facts | export csv"])
        let count = try Support.python(
            "import csv,sys; print(len(list(csv.reader(sys.stdin))))", input: Array(csv.output.utf8))
        #expect(count.output == "\(facts.count + 1)\n")
        let tool = try Support.python("import json, sys; json.load(sys.stdin)", input: Array(json.output.utf8))
        #expect(tool.status == 0)
    }

    @Test func swiftExamplePluginFromTheCommandLine() throws {
        let plugin = try ExamplePluginTests.htmlPlugin()
        let formats = try Self.alq(["--plugin", plugin, "-c", "formats"])
        #expect(formats.status == 0 && formats.output.contains("text/html"), "\(formats.error)")
        let export = try Self.alq(["--plugin", plugin, "-c", "facts | take 2 | export html"])
        #expect(
            export.status == 0 && export.output.hasPrefix("<table>\n<thead>\n<tr><th>id</th><th>region</th>"),
            "\(export.output)\(export.error)")
        #expect(export.output.components(separatedBy: "<tr>").count == 4)
        let folder = Support.temporaryFolder()
        let inferred = try Self.alq(["--plugin", plugin, "-c", "companies | export to \"\(folder)/c.html\""])
        #expect(inferred.status == 0, "\(inferred.error)")
        let written = try String(contentsOfFile: "\(folder)/c.html", encoding: .utf8)
        #expect(written.hasPrefix("<table>") && written.hasSuffix("</tbody>\n</table>\n"))
    }

    @Test(arguments: ["crash.sh", "hang.py", "garbage.sh", "wrong_version.py", "missing"])
    func pluginFailuresExitWithStatus4(fixture: String) throws {
        let result = try Support.run(
            Self.binary, ["-c", "load \"\(Support.fixture("plugins/\(fixture)"))\"\n1 + 1"],
            environment: ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1", "ALQ_PLUGIN_TIMEOUT": "1"]) {
                $1
            })
        #expect(result.status == 4, "\(result.error)")
        #expect(result.error.contains("error[E05"), "\(result.error)")
    }

    @Test(arguments: ["crash.sh", "segfault.py", "flood.py", "garbage.sh", "wrong_version.py", "missing"])
    func startupPluginFailuresExitWithStatus4(fixture: String) throws {
        let result = try Support.run(
            Self.binary, ["--plugin", Support.fixture("plugins/\(fixture)"), "-c", "1 + 1"],
            environment: ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1", "ALQ_PLUGIN_TIMEOUT": "2"]) {
                $1
            })
        #expect(result.status == 4, "\(result.error)")
        #expect(result.error.contains("error[E05"), "\(result.error)")
        #expect(result.output.isEmpty)
    }

    @Test func killedExportLeavesTheOldFile() throws {
        let folder = Support.temporaryFolder()
        let path = "\(folder)/out.slow"
        _ = FileManager.default.createFile(atPath: path, contents: Data("old content\n".utf8))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = [
            "--plugin", Support.fixture("plugins/slow_export.py"), "-c", "facts | export slow to \"\(path)\"",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        // The plugin writes a line to this FIFO once alq has its first output and asks for the rows
        // (it then stalls): the signal to kill alq mid-export.
        let signal = Support.temporaryFolder() + "/stalling"
        #expect(mkfifo(signal, 0o600) == 0)
        let reader = open(signal, O_RDONLY | O_NONBLOCK)
        defer { close(reader) }
        process.environment = ProcessInfo.processInfo.environment.merging(["ALQ_TEST_SIGNAL": signal]) { $1 }
        try process.run()
        var waiting = pollfd(fd: reader, events: Int16(POLLIN), revents: 0)
        // The timeout only bounds a failure: the signal normally comes within a second.
        let signalled = poll(&waiting, 1, 60_000) == 1
        #expect(signalled, "the plugin never reached export.rows")
        let temporaries = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") }
        let partial = try temporaries.contains { name in
            try FileManager.default.attributesOfItem(atPath: "\(folder)/\(name)")[.size] as! Int > 0
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(partial)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old content\n")
    }
}

/// The built `alq` binary.
enum AlqBinary {
    static var path: String { PackageLayout.alqBinary }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        try Support.run(
            path, arguments, environment: ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 })
    }
}
