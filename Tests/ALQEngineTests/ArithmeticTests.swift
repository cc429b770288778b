import ALQRuntime
import ALQSyntax
import Testing

@testable import ALQEngine

/// The arithmetic of values, directly: dimensions, display units, provenance, nulls and failures.
@Suite struct ArithmeticTests {
    private func q(_ value: Double, _ dimension: Dimension, unit: [String]? = nil, fact: String? = nil) -> Value {
        .quantity(
            Quantity(
                value: value, dimension: dimension, displayUnit: unit.flatMap(Unit.resolve),
                provenance: fact.map { Provenance(fact: $0) } ?? .none))
    }

    private func apply(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        try Arithmetic.apply(op, a, b)
    }

    private func code(_ op: BinaryOperator, _ a: Value, _ b: Value) -> DiagnosticCode? {
        do throws(Diagnostic) {
            _ = try Arithmetic.apply(op, a, b)
            return nil
        } catch {
            return error.code
        }
    }

    @Test func sumsKeepTheLeftScaleThenTheRight() throws {
        #expect(try apply(.add, q(1e6, .mass, unit: ["Mt"]), q(5e5, .mass, unit: ["kt"])).displayText == "1.5 Mt")
        #expect(try apply(.add, q(5e5, .mass), q(1e6, .mass, unit: ["kt"])).displayText == "1,500 kt")
        #expect(try apply(.subtract, q(1e6, .mass), q(1, .mass)).displayText == "999.999 kt")
    }

    @Test func ratiosOfOneDimensionArePlainNumbers() throws {
        let ratio = try apply(.divide, q(205e9, .money), q(41.9e9, .money))
        #expect(ratio.typeName == "number")
        #expect(ratio.displayText == "4.892601432")
    }

    @Test func scalingByNumbersPercentagesAndMultiples() throws {
        #expect(try apply(.multiply, .number(2), q(3, .mass)).displayText == "6 t")
        #expect(try apply(.multiply, q(10, .percent), q(200, .mass)).displayText == "20 t")
        #expect(try apply(.multiply, q(200, .mass), q(10, .percent)).displayText == "20 t")
        #expect(try apply(.multiply, q(5, .multiple), q(41.9e9, .money)).displayText == "209.5 bn CNY")
        #expect(try apply(.divide, q(3e6, .mass, unit: ["Mt"]), .number(2)).displayText == "1.5 Mt")
    }

    @Test func countsMixWithPlainNumbers() throws {
        #expect(try apply(.add, q(3, .count), .number(1)).displayText == "4 count")
        #expect(try apply(.add, .number(1), q(3, .count)).displayText == "4 count")
    }

    @Test(arguments: [
        (BinaryOperator.add, Dimension.money, Dimension.mass), (.subtract, .mass, .money), (.add, .percent, .none),
        (.multiply, .mass, .mass), (.multiply, .points, .mass), (.divide, .points, .mass), (.divide, .none, .mass),
        (.less, .money, .mass), (.greater, .mass, .none),
    ])
    func mismatchedDimensions(_ op: BinaryOperator, _ a: Dimension, _ b: Dimension) {
        let left: Value = a == .none ? .number(1) : q(1, a)
        let right: Value = b == .none ? .number(1) : q(1, b)
        #expect(code(op, left, right) == .unitMismatch)
    }

    @Test func theMismatchMessageNamesBothUnits() {
        do throws(Diagnostic) {
            _ = try Arithmetic.apply(.add, q(1, .money), q(1, .mass))
            Issue.record("CNY + t was accepted")
        } catch {
            #expect(error.message == "cannot add t to CNY: expected money (CNY), found mass (t)")
            #expect(error.help == "multiply the t side by a quantity in CNY/t")
        }
    }

    @Test func provenanceIsUnitedAndMarkedDerived() throws {
        let a = q(205e9, .money, fact: "guangxi.output_value.2024.actual")
        let b = q(41.9e9, .money, fact: "guangyuan.output_value.2024.actual")
        guard case .quantity(let difference) = try apply(.subtract, a, b) else {
            Issue.record("not a quantity")
            return
        }
        #expect(
            difference.provenance.factIDs == ["guangxi.output_value.2024.actual", "guangyuan.output_value.2024.actual"])
        #expect(difference.provenance.derived)
        guard case .quantity(let ratio) = try apply(.divide, a, b) else {
            Issue.record("a ratio of facts keeps its provenance as a dimensionless quantity")
            return
        }
        #expect(ratio.dimension == .none)
        #expect(ratio.provenance.derived)
        guard case .quantity(let doubled) = try apply(.multiply, a, .number(2)) else {
            Issue.record("not a quantity")
            return
        }
        #expect(doubled.provenance.factIDs == ["guangxi.output_value.2024.actual"])
        #expect(doubled.provenance.derived)
    }

    @Test func nullPropagatesThroughArithmeticButNotEquality() throws {
        for op in [BinaryOperator.add, .subtract, .multiply, .divide] {
            #expect(try apply(op, .null, .number(1)).isNull)
            #expect(try apply(op, q(1, .mass), .null).isNull)
        }
        #expect(try apply(.equal, .null, .null).displayText == "true")
        #expect(try apply(.notEqual, .null, .number(0)).displayText == "true")
        #expect(try apply(.less, .null, .number(1)).displayText == "false")
    }

    @Test func failures() {
        #expect(code(.divide, .number(1), .number(0)) == .divisionByZero)
        #expect(code(.divide, q(1, .money), q(0, .money)) == .divisionByZero)
        #expect(code(.multiply, .number(1e308), .number(10)) == .numericOverflow)
        #expect(code(.add, q(1.7e308, .mass), q(1.7e308, .mass)) == .numericOverflow)
        #expect(code(.add, .string("a"), .number(1)) == .typeMismatch)
        #expect(code(.less, .string("a"), .number(1)) == .typeMismatch)
        #expect(code(.subtract, .list([]), .list([])) == .typeMismatch)
    }

    @Test func stringsAndListsConcatenate() throws {
        #expect(try apply(.add, .string("广西"), .string("百色")).displayText == "广西百色")
        #expect(try apply(.add, .list([.number(1)]), .list([.number(2)])).displayText == "[1, 2]")
    }

    @Test func equalityAcrossScalesAndTypes() throws {
        #expect(Comparison.equal(q(1e6, .mass, unit: ["Mt"]), q(1e6, .mass, unit: ["kt"])))
        #expect(!Comparison.equal(q(1, .mass), q(1, .money)))
        #expect(!Comparison.equal(.number(1), .string("1")))
        #expect(Comparison.equal(.number(1), q(1, .none, fact: "x")))
    }
}
