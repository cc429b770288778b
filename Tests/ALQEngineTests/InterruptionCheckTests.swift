import ALQRuntime
import ALQSyntax
import Testing

/// The checks long loops make: with an interrupted statement bound, gathering rows and sorting stop
/// with E0306; with none bound (or one not interrupted), they give every row.
@Suite struct InterruptionCheckTests {
    /// A statement that has been asked to stop, or not.
    static let rowCount = 3 * Interruption.rowsBetweenChecks + 5

    private func outcome<Result>(interrupted: Bool, _ body: () throws(Diagnostic) -> Result)
        -> Swift.Result<
            Result, Diagnostic
        >
    {
        Interruption.$source.withValue(InterruptibleStatement(isInterruptionRequested: interrupted)) {
            do throws(Diagnostic) { return .success(try body()) } catch { return .failure(error) }
        }
    }

    @Test func gatherStopsOnInterruption() throws {
        let column = Column.number(NumberColumn(values: (0..<Self.rowCount).map(Double.init), isInteger: true))
        let table = Table(columnNames: ["n"], columns: [column], rowCount: Self.rowCount)
        let reversed = Array((0..<Self.rowCount).reversed())
        guard
            case .failure(let error) = outcome(
                interrupted: true,
                { () throws(Diagnostic) in
                    try table.gather(reversed)
                })
        else {
            Issue.record("an interrupted gather finished")
            return
        }
        #expect(error.code == .interrupted)
        let gathered = try outcome(interrupted: false) { () throws(Diagnostic) in try table.gather(reversed) }.get()
        #expect(gathered.rowCount == Self.rowCount)
        #expect(gathered.columns[0][0].literalText == "\(Self.rowCount - 1)")
        #expect(gathered.columns[0][Self.rowCount - 1].literalText == "0")
    }

    @Test func sortStopsOnInterruption() throws {
        let values = (0..<Self.rowCount).map { ($0 * 7919) % Self.rowCount }
        guard
            case .failure(let error) = outcome(
                interrupted: true,
                { () throws(Diagnostic) in
                    try values.sortedStoppingOnInterruption()
                })
        else {
            Issue.record("an interrupted sort finished")
            return
        }
        #expect(error.code == .interrupted)
        let sorted = try outcome(interrupted: false) { () throws(Diagnostic) in
            try values.sortedStoppingOnInterruption()
        }.get()
        #expect(sorted == values.sorted())
    }

    @Test(arguments: [7, 4096, Interruption.rowsBetweenChecks])
    func sortInRunsIsStableAndComplete(runLength: Int) throws {
        let rows = (0..<Self.rowCount).map { (key: ($0 * 7919) % 1000, row: $0) }
        let sorted = try outcome(interrupted: false) { () throws(Diagnostic) in
            try rows.sortedStoppingOnInterruption(runLength: runLength) { $0.key < $1.key }
        }.get()
        #expect(sorted.count == rows.count)
        let inOrder = zip(sorted, sorted.dropFirst()).allSatisfy { a, b in
            a.key < b.key || (a.key == b.key && a.row < b.row)
        }
        #expect(inOrder, "sorted by key, ties in their original order")
    }

    @Test func growingDictionariesReserveOnlyWhenLarge() {
        var few: [Int: Int] = [:]
        for key in 0..<100 { few[key] = key }
        few.reserveForManyKeys(upTo: 1_000_000)
        #expect(few.capacity < 1_000_000)
        var many: [Int: Int] = [:]
        for key in 0..<Interruption.rowsBetweenChecks { many[key] = key }
        many.reserveForManyKeys(upTo: 1_000_000)
        #expect(many.capacity >= 1_000_000)
        #expect(many.count == Interruption.rowsBetweenChecks)
    }
}
