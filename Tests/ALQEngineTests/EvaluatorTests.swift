import ALQBuiltinModules
import ALQEngine
import ALQRuntime
import ALQSyntax
import Foundation
import Testing

/// The evaluator through a session: values, columnar results, provenance, and the hints of diagnostics.
@Suite struct EvaluatorTests {
    private func session() throws -> Session {
        Session(registry: try BuiltinModules.registry(), host: TestHost())
    }

    private func value(_ text: String) throws -> Value {
        try session().evaluate(text)
    }

    private func failure(_ text: String) throws -> Diagnostic? {
        do {
            _ = try session().evaluate(text)
            return nil
        } catch let diagnostic as Diagnostic {
            return diagnostic
        }
    }

    @Test(arguments: [
        ("1 + 2 * 3", "7"), ("14.543 Mt in kt", "14,543 kt"), ("205 bn CNY / 41.9 bn CNY", "4.892601432"),
        ("Guangxi.output_value[2024]", "205 bn CNY"), ("广西.name", "Guangxi"), ("len(\"百色\")", "2"),
        ("[1, null] == [1, null]", "true"), ("let a = 2; a * a", "4"),
    ])
    func values(_ source: String, _ text: String) throws {
        #expect(try value(source).displayText == text)
    }

    @Test func typesOfResults() throws {
        guard case .quantity(let quantity) = try value("14.543 Mt") else {
            Issue.record("not a quantity")
            return
        }
        #expect(quantity.dimension == .mass)
        #expect(quantity.value == 14_543_000)
        guard case .number = try value("205 bn CNY / 41.9 bn CNY") else {
            Issue.record("a ratio of typed-in quantities is a plain number")
            return
        }
    }

    @Test func tableResultsAreColumnar() throws {
        guard case .table(let table) = try value("[{a: 1, s: \"x\"}, {a: 2.5, s: \"y\"}] | select a, s, q = a * 1 t")
        else {
            Issue.record("not a table")
            return
        }
        guard case .number(let numbers) = table.columns[0], case .string(let strings) = table.columns[1],
            case .quantity(let quantities) = table.columns[2]
        else {
            Issue.record("columns are not typed: \(table.columns.map(\.typeName))")
            return
        }
        #expect(numbers.values == [1, 2.5])
        #expect(strings.dictionary == ["x", "y"])
        #expect(quantities.dimension == .mass)
        guard case .table(let facts) = try value("facts"), case .string(let regions)? = facts.column("region") else {
            Issue.record("facts.region is not a dictionary-encoded column")
            return
        }
        #expect(regions.dictionary.count < facts.rowCount)
    }

    @Test func seriesValuesCarryTheirFact() throws {
        guard case .quantity(let stated) = try value("Guangxi.alumina_output[2024]") else {
            Issue.record("not a quantity")
            return
        }
        #expect(stated.provenance.factIDs == ["guangxi.alumina_output.2024.actual"])
        #expect(!stated.provenance.derived)
        guard case .quantity(let derived) = try value("Guangxi.output_value[2024] - Guangyuan.output_value[2024]")
        else {
            Issue.record("not a quantity")
            return
        }
        #expect(
            derived.provenance.factIDs == ["guangxi.output_value.2024.actual", "guangyuan.output_value.2024.actual"])
        #expect(derived.provenance.derived)
    }

    @Test(arguments: [
        ("facts | where yeer == 2024", DiagnosticCode.unknownColumn, Optional("did you mean 'year'?")),
        ("lenn(\"a\")", .unknownFunction, "did you mean 'len'?"),
        ("[1] | summ", .invalidStage, "did you mean 'sum'? (a function used as a stage)"),
        ("factz", .unknownName, "did you mean 'facts'?"),
        ("Guangxy.name", .unknownName, "did you mean 'Guangxi'?"),
        ("let capacity = 1; capacty", .unknownName, "did you mean 'capacity'?"),
        ("Guangxi.alumina_outptu", .unknownMember, "did you mean 'alumina_output'?"),
        ("{year: 1}.yaer", .unknownMember, "did you mean 'year'?"),
        ("{year: 1}[\"yaer\"]", .keyNotFound, "did you mean 'year'?"),
        ("region(\"Guangxy\")", .unknownName, "did you mean 'Guangxi'?"),
        ("[{a: 1}] | export jsn", .unknownFormat, "did you mean 'json'?"),
        ("len", .unknownName, "'len' is a function: call it as len(…)"),
        ("where year == 2024", .unexpectedToken, nil),
        ("select", .unknownName, "'select' is a pipeline stage: write it after a '|', as in facts | select …"),
        ("1 +\n2", .expectedExpression, "a line break ends the statement: continue it inside brackets, or after a '|'"),
        ("Guangxi.output_value[2030]", .keyNotFound, "the series has years 2024, 2025"),
        ("[1, 2, 3][3]", .indexOutOfRange, "indexes run from 0 to 2, or -1 for the last"),
        ("1 CNY + 1 t", .unitMismatch, "multiply the t side by a quantity in CNY/t"),
        ("abs(1, 2)", .wrongArgumentCount, "usage: abs(x)"),
    ])
    func diagnosticsSuggestAFix(_ source: String, _ code: DiagnosticCode, _ help: String?) throws {
        let diagnostic = try #require(try failure(source))
        #expect(diagnostic.code == code)
        #expect(diagnostic.help == help)
    }

    @Test func unitMismatchNamesBothUnits() throws {
        let diagnostic = try #require(try failure("1 CNY + 1 t"))
        #expect(diagnostic.message == "cannot add t to CNY: expected money (CNY), found mass (t)")
    }

    @Test func runtimeErrorsPointAtTheFailingExpression() throws {
        let diagnostic = try #require(try failure("let a = 1\nlet b = a + 1\nb / (a - 1)"))
        let file = try #require(diagnostic.file)
        let span = try #require(diagnostic.span)
        #expect(diagnostic.code == .divisionByZero)
        #expect(file.location(of: span.start) == (line: 3, column: 1))
        #expect(file.text(of: span) == "b / (a - 1)")
    }

    @Test func syntaxErrorsStopBeforeAnythingRuns() throws {
        let session = try session()
        var results: [Value] = []
        let diagnostic = session.execute(SourceFile(name: "t", text: "let ran = 1\n\"first\"\n1 +* 2")) {
            results.append($0)
        }
        #expect(diagnostic?.code == .expectedExpression)
        #expect(results.isEmpty)
        #expect(session.variables["ran"] == nil)
    }

    @Test func runtimeErrorsStopAtTheirStatement() throws {
        let session = try session()
        var results: [String] = []
        let diagnostic = session.execute(SourceFile(name: "t", text: "\"first\"\nnope\n\"never\"")) {
            results.append($0.displayText)
        }
        #expect(diagnostic?.code == .unknownName)
        #expect(results == ["first"])
    }

    @Test func exitStatusesByCode() {
        #expect(DiagnosticCode.invalidCharacter.exitStatus == 3)
        #expect(DiagnosticCode.nestingTooDeep.exitStatus == 3)
        #expect(DiagnosticCode.unknownUnit.exitStatus == 3)
        #expect(DiagnosticCode.unknownColumn.exitStatus == 1)
        #expect(DiagnosticCode.malformedData.exitStatus == 1)
        #expect(DiagnosticCode.interrupted.exitStatus == 130)
        #expect(DiagnosticCode.pluginFailed.exitStatus == 4)
        #expect(DiagnosticCode.moduleConflict.exitStatus == 4)
    }

    @Test func cancellationStopsTheNextStatement() throws {
        let session = try session()
        var results: [String] = []
        let diagnostic = session.execute(SourceFile(name: "t", text: "1\n2\n3")) { value in
            results.append(value.displayText)
            session.cancel()
        }
        #expect(diagnostic?.code == .interrupted)
        #expect(results == ["1"])
        #expect(try session.evaluate("4").displayText == "4")
    }

    @Test func exportsGoToTheHost() throws {
        let host = TestHost()
        let session = Session(registry: try BuiltinModules.registry(), host: host)
        var notices: [String] = []
        session.onNotice = { notices.append($0) }
        _ = try session.evaluate("[{a: 1, b: \"x\"}, {a: 2, b: \"y\"}] | export csv to \"out.csv\"")
        #expect(host.exported.count == 1)
        #expect(host.exported.first?.0 == "out.csv")
        #expect(host.exported.first?.1 == "a,b\n1,x\n2,y\n")
        #expect(notices == ["exported 2 rows as csv to out.csv"])
    }
}
