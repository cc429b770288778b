import ALQRuntime
import ALQSyntax

extension PipelineStage {
    /// `sort keys | take n` in one step: the first n rows of the sorted table, found without sorting the rest.
    ///
    /// Returns nil, and leaves the two stages to run one after the other, unless this stage is a sort, the
    /// next is a take and its count is a valid number of rows; so every error is the one the stages give.
    func sortedPrefix(taking next: Stage, of input: Value) throws(Diagnostic) -> Value? {
        guard case .sort(let keys) = stage.kind, case .take(let countExpr) = next.kind,
            let count = try? interpreter.eval(countExpr), let number = count.plainNumber, number >= 0,
            number == number.rounded(), number <= Double(Int.max / 2)
        else { return nil }
        let table = try tableInput(input)
        return .table(try Sorting(interpreter: interpreter, table: table).top(Int(number), by: keys))
    }
}
