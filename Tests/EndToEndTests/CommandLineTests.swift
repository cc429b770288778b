import Foundation
import Testing

/// The command-line contract of DESIGN.md, checked on the built binary.
@Suite struct CommandLineTests {
    @Test func scriptOnStandardInput() throws {
        let result = try AlqProcess.run([], stdin: Data("1 + 2 * 3\n".utf8))
        #expect(result.status == 0)
        #expect(result.stdout == "7\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func commandConvertsUnits() throws {
        let result = try AlqProcess.run(["-c", "14.543 Mt in kt"])
        #expect(result.status == 0)
        #expect(result.stdout == "14,543 kt\n")
    }

    @Test func unitMismatchExitsOneNamingBothUnits() throws {
        let result = try AlqProcess.run(["-c", "1 CNY + 1 t"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("error[E0202]"))
        #expect(result.stderr.contains("CNY") && result.stderr.contains(" t "))
    }

    @Test func unclosedBracketExitsThreeWithACaret() throws {
        let result = try AlqProcess.run(["-c", "(((1"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("<command line>:1:3: error[E0012]"))
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count >= 3)
        #expect(lines[1] == "1 | (((1")
        #expect(lines[2] == "  |   ^")
    }

    @Test func tenThousandNestedParenthesesExitThree() throws {
        let deep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        let result = try AlqProcess.run(["-c", deep])
        #expect(result.status == 3)
        #expect(result.stderr.contains("E0013"))
    }

    @Test func runtimeErrorStopsTheScriptAfterEarlierResults() throws {
        let folder = try AlqProcess.temporaryFolder()
        let script = folder.appendingPathComponent("report.alq")
        try "1 + 1\nfacts | where yeer == 2024\n3\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try AlqProcess.run([script.path])
        #expect(result.status == 1)
        #expect(result.stdout == "2\n")
        #expect(result.stderr.contains("report.alq:2:15: error[E0102]: unknown column 'yeer'"))
        #expect(result.stderr.contains("did you mean 'year'?"))
    }

    @Test func scriptsRunInOrderAndAcceptAShebang() throws {
        let folder = try AlqProcess.temporaryFolder()
        let first = folder.appendingPathComponent("a.alq")
        let second = folder.appendingPathComponent("b.alq")
        try "#!/usr/bin/env alq\n\"first\"\n".write(to: first, atomically: true, encoding: .utf8)
        try "\"second\"\n".write(to: second, atomically: true, encoding: .utf8)
        let result = try AlqProcess.run([first.path, second.path])
        #expect(result.status == 0)
        #expect(result.stdout == "first\nsecond\n")
    }

    @Test func checkReportsEverySyntaxErrorAndRunsNothing() throws {
        let folder = try AlqProcess.temporaryFolder()
        let script = folder.appendingPathComponent("broken.alq")
        try "\"ran\"\n1 +\nlet = 3\n\"unterminated\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try AlqProcess.run(["--check", script.path])
        #expect(result.status == 3)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.components(separatedBy: "error[").count - 1 == 3)
        let clean = try AlqProcess.run(["--check", "-c", "1 + 1"])
        #expect(clean.status == 0)
        #expect(clean.stdout.isEmpty)
    }

    @Test func invalidUTF8InAScriptIsASyntaxError() throws {
        let folder = try AlqProcess.temporaryFolder()
        let script = folder.appendingPathComponent("bad.alq")
        try Data([0x31, 0x20, 0x2B, 0x20, 0xFF, 0xFE, 0x0A]).write(to: script)
        let result = try AlqProcess.run([script.path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("E0005"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try AlqProcess.run(["--no-such-flag"]).status == 2)
        #expect(try AlqProcess.run(["--format", "nope", "-c", "1"]).status == 2)
        #expect(try AlqProcess.run(["/no/such/script.alq"]).status == 2)
    }

    @Test func jsonOutputIsOneParsableArray() throws {
        let result = try AlqProcess.run(["--format", "json", "-c", "facts"])
        #expect(result.status == 0)
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let rows = try #require(parsed as? [[String: Any]])
        #expect(rows.count > 50)
        for key in ["region", "metric", "year", "value", "unit", "kind", "bound", "source"] {
            #expect(rows.allSatisfy { $0.keys.contains(key) }, "every fact has '\(key)'")
        }
        let value = rows.first { $0["id"] as? String == "guangxi.output_value.2024.actual" }?["value"]
        #expect((value as? NSNumber)?.doubleValue == 205e9)
    }

    @Test func csvExportCountsEveryFactPlusAHeader() throws {
        let facts = try AlqProcess.run(["-c", "len(facts)"])
        let csv = try AlqProcess.run(["-c", "facts | export csv"])
        #expect(csv.status == 0)
        let count = try #require(Int(facts.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", "import csv,sys; print(len(list(csv.reader(sys.stdin))))"]
        let input = Pipe()
        let output = Pipe()
        python.standardInput = input
        python.standardOutput = output
        try python.run()
        input.fileHandleForWriting.write(Data(csv.stdout.utf8))
        try input.fileHandleForWriting.close()
        let counted = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        #expect(counted.trimmingCharacters(in: .whitespacesAndNewlines) == String(count + 1))
    }

    @Test func resultsGoToStdoutAndDiagnosticsToStderr() throws {
        let result = try AlqProcess.run(["-c", "\"out\"; nope"])
        #expect(result.stdout == "out\n")
        #expect(result.stderr.contains("unknown name 'nope'"))
        #expect(result.status == 1)
    }

    @Test func noColorMeansNoEscapeCodes() throws {
        let result = try AlqProcess.run(["-c", "regions; nope"], environment: ["FORCE_COLOR": "", "NO_COLOR": "1"])
        #expect(!result.stdout.contains("\u{1B}["))
        #expect(!result.stderr.contains("\u{1B}["))
        let forced = try AlqProcess.run(["-c", "nope"], environment: ["NO_COLOR": "", "FORCE_COLOR": "1"])
        #expect(forced.stderr.contains("\u{1B}["))
        let flag = try AlqProcess.run(["--no-color", "-c", "nope"], environment: ["NO_COLOR": "", "FORCE_COLOR": "1"])
        #expect(!flag.stderr.contains("\u{1B}["))
    }
}

extension CommandLineTests {
    @Test func commandTextMayStartWithAMinus() throws {
        let result = try AlqProcess.run(["-c", "-2 * -3"])
        #expect(result.status == 0)
        #expect(result.stdout == "6\n")
    }
}
