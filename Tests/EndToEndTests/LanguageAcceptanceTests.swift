import Foundation
import Testing

/// The "done when" list of the language's conditionals, functions, maths, patterns, dates and
/// parameters, and the command-line parts of it, checked on the built binary.
@Suite struct LanguageAcceptanceTests {
    private func output(_ text: String, _ extra: [String] = []) throws -> AlqProcess.Result {
        try AlqProcess.run(["-c", text] + extra)
    }

    @Test func cagrGivesTheRequiredAnnualGrowthFromATarget() throws {
        let result = try output(
            """
            let rate = cagr(Guangyuan.output_value[2024], Guangyuan.output_value[2027], 3)
            round(rate, 1)
            source(rate) | where contains(fact, "target") | distinct fact | select fact
            """, ["--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        // The rate depends on a target ("more than 100 bn CNY" in 2027): it says so.
        #expect(result.stdout.hasPrefix("value,unit,kind,bound,period,sources,derived\n33.6,%,target,at_least,"))
        #expect(result.stdout.contains("guangyuan.output_value.2027.target"))
    }

    @Test(arguments: [
        ("pow(8, 1/3)", "2\n"),
        ("if 1 > 2 then \"a\" else \"b\"", "b\n"),
        ("matches(\"Guangxi Huayin Aluminum Co., Ltd.\", \"Alumin(i)?um\")", "true\n"),
        ("date(\"2025-09-23\").year", "2025\n"),
    ])
    func doneWhenValues(_ source: String, _ expected: String) throws {
        let result = try output(source)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == expected)
    }

    @Test func aScriptDefiningAFunctionUsesItInDerive() throws {
        let folder = try AlqProcess.temporaryFolder()
        let script = folder.appendingPathComponent("report.alq")
        try """
        fn share(part, whole = 100) = part / whole * 100
        [{a: 25}, {a: 50}] | derive s = share(a) | select s
        """.write(to: script, atomically: true, encoding: .utf8)
        let result = try AlqProcess.run(["--format", "csv", script.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "s\n25\n50\n")
    }

    @Test func sourcesShowDatesAndAYearNotStated() throws {
        let result = try output("sources | select id, date")
        #expect(result.status == 0)
        #expect(result.stdout.contains("2025-09-23"))
        #expect(result.stdout.contains("07-30, year not stated"))
        #expect(!result.stdout.contains("--07-30"))
    }

    @Test func exportsWriteDatesInISO8601() throws {
        let csv = try output("sources | select id, date | take 1", ["--format", "csv"])
        #expect(csv.stdout == "id,date\n000,2025-09-23\n")
        let json = try output("sources | where id == \"003\" | select date", ["--format", "json"])
        #expect(json.stdout.contains("\"date\":\"--07-30\""))
    }

    @Test func setBindsAVariableReadAsALiteral() throws {
        let result = try AlqProcess.run(["--set", "year=2024", "-c", "year + 1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "2025\n")
        let kinds = try AlqProcess.run([
            "--set", "q=205 bn CNY", "--set", "name=Baise", "--set", "flag=true", "-c", "[type(q), name, flag]",
        ])
        #expect(kinds.stdout == "[\"quantity\", \"Baise\", true]\n")
    }

    @Test func setWithoutANameIsAUsageError() throws {
        #expect(try AlqProcess.run(["--set", "2x=1", "-c", "1"]).status == 2)
        #expect(try AlqProcess.run(["--set", "x", "-c", "1"]).status == 2)
    }

    @Test func argumentsAfterTwoDashesAreArgs() throws {
        let folder = try AlqProcess.temporaryFolder()
        let script = folder.appendingPathComponent("report.alq")
        try "args\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try AlqProcess.run([script.path, "--", "a", "b"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "[\"a\", \"b\"]\n")
        #expect(try output("len(args)").stdout == "0\n")
    }

    @Test func envReadsTheEnvironment() throws {
        let result = try AlqProcess.run(
            ["-c", "[env(\"ALQ_TEST_VALUE\"), env(\"ALQ_TEST_UNSET\")]"], environment: ["ALQ_TEST_VALUE": "42"])
        #expect(result.stdout == "[\"42\", null]\n")
    }

    @Test func openReadsStandardInput() throws {
        let result = try AlqProcess.run(
            ["-c", "open(\"-\") | where kt > 100 | select plant"], stdin: Data("plant,kt\nA,120\nB,80\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("A") && !result.stdout.contains("B"))
    }

    @Test func headSaysToUseTake() throws {
        let result = try output("facts | head 5")
        #expect(result.status == 3)
        #expect(result.stderr.contains("error[E0015]: unknown stage 'head'"))
        #expect(result.stderr.contains("take"))
    }

    @Test func deepRecursionIsAnErrorNotACrash() throws {
        let result = try output("fn f(n) = f(n + 1)\nf(0)")
        #expect(result.status == 1)
        #expect(result.stderr.contains("E0307"))
    }
}
