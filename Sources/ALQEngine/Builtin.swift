import ALQPluginAPI
import ALQRuntime
import ALQSyntax

/// A built-in function: its documentation and its body.
public struct Builtin: Sendable {
    public let name: String
    /// How it is called, for example `round(x, digits = 0)`.
    public let signature: String
    /// One sentence on what it does.
    public let summary: String
    /// An example call, run by the documentation tests.
    public let example: String
    let arity: ClosedRange<Int>
    let body: @Sendable (BuiltinCall) throws(Diagnostic) -> Value
}

/// The arguments of one call and what a builtin may use.
struct BuiltinCall {
    let interpreter: Interpreter
    let arguments: [Value]
    let span: Span
    /// Where each argument is written, when the call is written out (not for stages and `agg`).
    var argumentSpans: [Span] = []

    var session: Session { interpreter.session }

    subscript(index: Int) -> Value {
        index < arguments.count ? arguments[index] : .null
    }

    func string(_ index: Int, _ what: String = "a string") throws(Diagnostic) -> String {
        guard case .string(let text) = self[index] else { throw mistyped(index, what) }
        return text
    }

    func number(_ index: Int) throws(Diagnostic) -> Double {
        guard let number = self[index].plainNumber else { throw mistyped(index, "a number") }
        return number
    }

    func list(_ index: Int) throws(Diagnostic) -> [Value] {
        switch self[index] {
        case .list(let values): return values
        case .table(let table) where table.columnNames.count == 1:
            let column = table.columns[0]
            return (0..<table.rowCount).map { column[$0] }
        default: throw mistyped(index, "a list")
        }
    }

    func mistyped(_ index: Int, _ what: String) -> Diagnostic {
        let ordinal = ["first", "second", "third", "fourth"][min(index, 3)]
        return Diagnostic(.typeMismatch, "the \(ordinal) argument must be \(what), found a \(self[index].typeName)")
    }
}
