// The saved scripts in Examples/ run and print what their `# expect: ` lines say (the Lox convention:
// standard output is exactly the expect lines, in order). They run the built `alq` binary, which
// `make test` (`swift build --build-tests`) builds beside the test bundle.

import ALQTestSupport
import Foundation
import Testing

enum ExampleScripts {
    static let directory = Dataset.packageRoot.appendingPathComponent("Examples")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".alq") }.sorted()
    }

    /// The built `alq` executable, when it exists.
    static func binary() -> URL? {
        let path = PackageLayout.alqBinary
        return FileManager.default.isExecutableFile(atPath: path) ? URL(fileURLWithPath: path) : nil
    }

    /// The expected standard output: the text of the `# expect: ` lines, each followed by a newline.
    static func expectedOutput(_ script: String) -> String {
        script.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> String? in
            if line.hasPrefix("# expect: ") { return String(line.dropFirst("# expect: ".count)) + "\n" }
            if line == "# expect:" { return "\n" }
            return nil
        }.joined()
    }
}

struct ExampleScriptTests {
    @Test("there are at least eight example scripts, each with expectations")
    func enoughExamples() throws {
        let files = ExampleScripts.files
        #expect(files.count >= 8, "Examples/ holds \(files.count) scripts")
        for file in files {
            let text = try String(contentsOf: ExampleScripts.directory.appendingPathComponent(file), encoding: .utf8)
            #expect(!ExampleScripts.expectedOutput(text).isEmpty, "\(file) has no # expect: lines")
        }
    }

    @Test("an example script prints what its # expect: lines say", arguments: ExampleScripts.files)
    func exampleRuns(file: String) throws {
        let binary = try #require(
            ExampleScripts.binary(),
            "the alq binary was not found beside the tests: build it first (swift build, or make test)")
        let url = ExampleScripts.directory.appendingPathComponent(file)
        let expected = ExampleScripts.expectedOutput(try String(contentsOf: url, encoding: .utf8))

        let process = Process()
        process.executableURL = binary
        process.arguments = [url.path]
        process.currentDirectoryURL = Dataset.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()

        let output = String(decoding: out, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(file) exited with status \(process.terminationStatus)")
        #expect(err.isEmpty, "\(file) wrote to standard error:\n\(String(decoding: err, as: UTF8.self))")
        if output != expected {
            let got = output.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line =
                zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
            Issue.record(
                """
                \(file): output differs from the # expect: lines at output line \(line + 1):
                  expected: \(line < want.count ? String(want[line]) : "<end of output>")
                  got:      \(line < got.count ? String(got[line]) : "<end of output>")
                """)
        }
    }
}
