import ALQRuntime
import ALQSyntax

/// The evaluator's check of ``Value/maximumDepth`` where a value is wrapped in another.
enum ValueNesting {
    /// `value`, or a `valueTooDeep` diagnostic at `span` when it nests too deeply.
    static func checked(_ value: Value, span: Span?) throws(Diagnostic) -> Value {
        if value.nestingDepth() != nil { return value }
        throw Diagnostic(
            .valueTooDeep, "value nested too deeply (more than \(Value.maximumDepth) levels of lists and records)",
            span: span, help: "build the data flatter, or as a table")
    }
}
