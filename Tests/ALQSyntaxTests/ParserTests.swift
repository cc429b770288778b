import ALQSyntax
import ALQTestSupport
import Testing

@Suite struct ParserTests {
    /// The tree of a one-statement source, or the codes of its diagnostics.
    private func tree(_ text: String) -> String {
        let (statements, diagnostics) = Parser.parse(SourceFile(name: "t", text: text))
        if !diagnostics.isEmpty { return diagnostics.map(\.code.rawValue).joined(separator: " ") }
        return statements.map(SExpression.of).joined(separator: "; ")
    }

    @Test(arguments: [
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("(1 + 2) * 3", "(* (+ 1 2) 3)"),
        ("10 - 4 - 3", "(- (- 10 4) 3)"),
        ("100 / 10 / 5", "(/ (/ 100 10) 5)"),
        ("-2 * -3", "(* (- 2) (- 3))"),
        ("- - 3", "(- (- 3))"),
        ("+5", "5"),
        ("a or b and c", "(or a (and b c))"),
        ("a and b or c", "(or (and a b) c)"),
        ("not a == b and c", "(and (not (== a b)) c)"),
        ("not not a", "(not (not a))"),
        ("1 + 1 == 2", "(== (+ 1 1) 2)"),
        ("a <> b", "(!= a b)"),
        ("x in [1, 2] == true", "(== (member x [1 2]) true)"),
        ("1 Mt + 500 kt in kt", "(in (+ (quantity 1 Mt) (quantity 500 kt)) kt)"),
        ("x in kt in t", "(in (in x kt) t)"),
        ("x in (t)", "(member x t)"),
        ("2 * 3 t", "(* 2 (quantity 3 t))"),
        ("a.b[0].c", "(. ([] (. a b) 0) c)"),
        ("f(1, g(2))", "(f 1 (g 2))"),
        ("-a.b", "(- (. a b))"),
        ("{a: 1, \"b c\": [2], in: null}", "{a: 1 b c: [2] in: null}"),
        ("[1, 2,]", "[1 2]"),
        ("[]", "[]"),
        ("r.null", "(. r null)"),
        ("if a then 1 else 2", "(if a 1 2)"),
        ("if a then 1 else if b then 2 else 3", "(if a 1 (if b 2 3))"),
        ("if a then 1 else 2 + 3", "(if a 1 (+ 2 3))"),
        ("1 + if a then 1 else 2", "(+ 1 (if a 1 2))"),
        ("if a and b then f(x) else -x", "(if (and a b) (f x) (- x))"),
        ("f(1, group = 2)", "(f 1 (= group 2))"),
        ("fn g(a, b = 2) = a * b", "(fn g (a (= b 2)) (* a b))"),
        ("fn h() = 1", "(fn h () 1)"),
        ("fn t(x) = x | take 1", "(fn t (x) (| x (take 1)))"),
        ("if == 1", "E0011"),
    ])
    func precedenceAndAssociativity(_ source: String, _ expected: String) {
        #expect(tree(source) == expected)
    }

    @Test(arguments: [
        ("205 bn CNY", "(quantity 205 bn CNY)"),
        ("14.543 Mt", "(quantity 14.543 Mt)"),
        ("41.4 %", "(quantity 41.4 %)"),
        ("58%", "(quantity 58 %)"),
        ("3 亿 CNY", "(quantity 3 亿 CNY)"),
        ("5 万", "(quantity 5 万)"),
        ("1 k t", "(quantity 1 k t)"),
        ("x in 万 CNY", "(in x 万 CNY)"),
    ])
    func quantities(_ source: String, _ expected: String) {
        #expect(tree(source) == expected)
    }

    @Test func aScaleBeforeAScaledUnitIsNotAUnit() {
        let (file, at) = Markers.file("1 1️⃣bn Mt2️⃣")
        let diagnostics = Parser.parse(file).diagnostics
        #expect(diagnostics.map(\.code) == [.unknownUnit])
        #expect(diagnostics.first?.span == Span(start: at["1️⃣"]!, end: at["2️⃣"]!))
    }

    @Test func statements() {
        #expect(tree("let x = 1 + 2") == "(let x (+ 1 2))")
        #expect(tree("load \"pack.json\"") == "(load \"pack.json\")")
        #expect(tree("1; let y = 2\n3") == "1; (let y 2); 3")
        #expect(tree("let t = facts | take 1") == "(let t (| facts (take 1)))")
    }

    @Test func pipelineStages() {
        #expect(
            tree("facts | where year == 2024 | select metric, v = value, year * 2")
                == "(| facts (where (== year 2024)) (select metric=metric v=value year * 2=(* year 2)))")
        #expect(tree("t | derive a = 1, b = a + 1") == "(| t (derive a=1 b=(+ a 1)))")
        #expect(tree("t | sort year desc, region asc, v") == "(| t (sort year desc region v))")
        #expect(tree("t | take n + 1") == "(| t (take (+ n 1)))")
        #expect(tree("t | distinct") == "(| t (distinct))")
        #expect(tree("t | distinct a, b") == "(| t (distinct a=a b=b))")
        #expect(tree("t | sum | round(2)") == "(| t (stage sum) (stage round 2))")
        #expect(tree("t | export csv") == "(| t (export csv))")
        #expect(tree("t | export csv-excel to \"x.csv\"") == "(| t (export csv-excel to \"x.csv\"))")
        #expect(tree("t | export to \"x.json\"") == "(| t (export - to \"x.json\"))")
        #expect(tree("t | export csv with fact_ids") == "(| t (export csv with fact_ids))")
        #expect(tree("t | export csv to p with fact_ids") == "(| t (export csv to p with fact_ids))")
        #expect(tree("t | export with fact_ids to \"x.json\"") == "(| t (export - to \"x.json\" with fact_ids))")
    }

    @Test func groupFollowedByAggIsOneStage() {
        #expect(
            tree("t | group region | agg n = count(), s = sum(v)")
                == "(| t (group region=region agg n=(count) s=(sum v)))")
        #expect(
            tree("t | group r | agg n = count() | agg m = max(n)")
                == "(| t (group r=r agg n=(count)) (agg m=(max n)))")
        #expect(tree("t | agg n = count()") == "(| t (agg n=(count)))")
        #expect(tree("t | group r") == "(| t (group r=r agg))")
        #expect(
            tree("t | group r | where r == 1 | agg n = count()")
                == "(| t (group r=r agg) (where (== r 1)) (agg n=(count)))")
    }

    @Test func fusedStageSpansBothStages() throws {
        let (file, at) = Markers.file("t | 1️⃣group r | agg n = count()2️⃣")
        let statement = try #require(Parser.parse(file).statements.first)
        guard case .expression(let expr) = statement, case .pipeline(_, let stages) = expr.kind else {
            Issue.record("not a pipeline")
            return
        }
        #expect(stages.count == 1)
        #expect(stages[0].span == Span(start: at["1️⃣"]!, end: at["2️⃣"]!))
    }

    @Test func aStageFunctionTakesArgumentsOnlyWithoutASpace() {
        #expect(tree("x | round(2)") == "(| x (stage round 2))")
        #expect(tree("x | round (2)") == "E0015")
    }

    @Test func unknownStagesFollowedByMoreWordsAreE0015() {
        #expect(tree("facts | head 5") == "E0015")
        #expect(tree("facts | group by region") == "E0015")
        #expect(tree("facts | group by") == "(| facts (group by=by agg))")
        #expect(tree("facts | head") == "(| facts (stage head))")
        let (file, at) = Markers.file("facts | 1️⃣head2️⃣ 5")
        let diagnostic = Parser.parse(file).diagnostics.first
        #expect(diagnostic?.span == Span(start: at["1️⃣"]!, end: at["2️⃣"]!))
        #expect(diagnostic?.help?.contains("take") == true)
    }

    @Test func multiLinePipelines() {
        #expect(tree("facts\n  | where a\n  | take 1") == "(| facts (where a) (take 1))")
        #expect(tree("facts |\n  where a |\n  take 1") == "(| facts (where a) (take 1))")
    }

    @Test func spansOfExpressions() throws {
        let (file, at) = Markers.file("let x = 1️⃣a + 2️⃣f(1, 2)3️⃣")
        let statement = try #require(Parser.parse(file).statements.first)
        guard case .let(_, _, let value) = statement, case .binary(_, _, let right) = value.kind else {
            Issue.record("unexpected tree")
            return
        }
        #expect(value.span == Span(start: at["1️⃣"]!, end: at["3️⃣"]!))
        #expect(right.span == Span(start: at["2️⃣"]!, end: at["3️⃣"]!))
    }

    @Test func chainedComparisonPointsAtTheSecondOperator() {
        let (file, at) = Markers.file("1 < 2 1️⃣< 3")
        let diagnostics = Parser.parse(file).diagnostics
        #expect(diagnostics.map(\.code) == [.unexpectedToken])
        #expect(diagnostics.first?.span.map(\.start) == at["1️⃣"])
        #expect(diagnostics.first?.message == "comparisons cannot be chained; join them with 'and'")
    }

    @Test func singleEqualsInAComparison() {
        let (file, at) = Markers.file("facts | where year 1️⃣= 2024")
        let diagnostics = Parser.parse(file).diagnostics
        #expect(diagnostics.first?.code == .unexpectedToken)
        #expect(diagnostics.first?.span.map(\.start) == at["1️⃣"])
        #expect(diagnostics.first?.message == "'=' binds names; compare with '=='")
    }

    @Test func unclosedBracketPointsAtTheInnermostOpenBracket() {
        let (file, at) = Markers.file("((1️⃣(1")
        let diagnostics = Parser.parse(file).diagnostics
        #expect(diagnostics.map(\.code) == [.unclosedBracket])
        #expect(diagnostics.first?.span == Span(start: at["1️⃣"]!, end: at["1️⃣"]! + 1))
    }

    @Test func aWrongClosingBracketNamesTheExpectedOne() {
        let (file, at) = Markers.file("(1 1️⃣]")
        let diagnostics = Parser.parse(file).diagnostics
        #expect(diagnostics.first?.message == "expected ')', found ']'")
        #expect(diagnostics.first?.span.map(\.start) == at["1️⃣"])
    }

    @Test func aMissingStage() {
        let (file, at) = Markers.file("facts | 1️⃣3")
        let diagnostics = Parser.parse(file).diagnostics
        #expect(diagnostics.map(\.code) == [.invalidStage])
        #expect(diagnostics.first?.span.map(\.start) == at["1️⃣"])
    }

    @Test func aggAndDeriveNeedNames() {
        #expect(tree("t | agg sum(v)") == "E0010")
        #expect(tree("t | derive a + 1") == "E0010")
    }

    @Test func recoveryReportsEveryErrorOfAFile() {
        let (file, at) = Markers.file(
            """
            "ran"
            1 +1️⃣
            let 2️⃣= 3
            3️⃣"unterminated
            (4️⃣[1, 2)
            1 < 2 5️⃣< 3
            """)
        let diagnostics = Parser.parse(file).diagnostics
        #expect(
            diagnostics.map(\.code) == [
                .expectedExpression, .unexpectedToken, .unterminatedString, .unexpectedToken, .unexpectedToken,
            ])
        #expect(diagnostics.compactMap(\.span?.start) == [at["1️⃣"]!, at["2️⃣"]!, at["3️⃣"]!, at["4️⃣"]! + 5, at["5️⃣"]!])
        #expect(diagnostics.allSatisfy { $0.file?.name == "test.alq" })
    }

    @Test func statementsBetweenErrorsStillParse() {
        let (statements, diagnostics) = Parser.parse(SourceFile(name: "t", text: "1 +\n2\nlet = 1\n3"))
        #expect(diagnostics.count == 2)
        #expect(statements.map(SExpression.of) == ["2", "3"])
    }

    @Test func tenThousandNestedParenthesesAreOneDiagnostic() {
        let deep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        let diagnostics = Parser.parse(SourceFile(name: "t", text: deep)).diagnostics
        #expect(diagnostics.map(\.code) == [.nestingTooDeep])
        #expect(diagnostics.first?.span == Span(start: Parser.maximumDepth, end: Parser.maximumDepth + 1))
    }

    @Test(arguments: [
        String(repeating: "[", count: 5_000),
        String(repeating: "{a: ", count: 5_000),
        String(repeating: "not ", count: 5_000) + "true",
        String(repeating: "- ", count: 5_000) + "1",
        Array(repeating: "1", count: 100_000).joined(separator: " + "),
        Array(repeating: "a == b", count: 10_000).joined(separator: " and "),
        "x" + String(repeating: "[0]", count: 10_000),
        "x" + String(repeating: ".a", count: 10_000),
        "1" + String(repeating: " in [1]", count: 10_000),
    ])
    func deepOrLongInputEndsInANestingDiagnostic(_ source: String) {
        let diagnostics = Parser.parse(SourceFile(name: "t", text: source)).diagnostics
        #expect(diagnostics.contains { $0.code == .nestingTooDeep })
    }

    @Test func nestingWithinTheLimitParses() {
        let depth = Parser.maximumDepth - 1
        let nested = String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        #expect(tree(nested) == "1")
        let chain = Array(repeating: "1", count: Parser.maximumDepth).joined(separator: "+")
        #expect(Parser.parse(SourceFile(name: "t", text: chain)).diagnostics.isEmpty)
    }

    @Test func columnNamesOfUnnamedBindings() throws {
        let file = SourceFile(name: "t", text: "t | select a, r.b, a * 10, upper(name)")
        let statement = try #require(Parser.parse(file).statements.first)
        guard case .expression(let expr) = statement, case .pipeline(_, let stages) = expr.kind,
            case .select(let bindings) = stages.first?.kind
        else {
            Issue.record("unexpected tree")
            return
        }
        #expect(bindings.map(\.name) == ["a", "b", "a * 10", "upper(name)"])
    }
}
