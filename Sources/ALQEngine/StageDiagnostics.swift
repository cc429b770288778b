import ALQSyntax

/// Diagnostics for a function used as a pipeline stage that is no function at all.
enum StageDiagnostics {
    /// Throws E0015 when `name` after `|` names neither a stage nor any function, with a hint for the
    /// words other tools use (`head` → `take`) or the closest stage name.
    static func checkCallable(_ name: String, nameSpan: Span, interpreter: Interpreter) throws(Diagnostic) {
        let session = interpreter.session
        if session.userFunctions[name] != nil || Builtins.catalog[name] != nil { return }
        if session.host.functionNames.contains(name) { return }
        let stages = Parser.stageNames.joined(separator: ", ")
        let help =
            ForeignWords.stageHint(name, followedBy: nil)
            ?? ForeignWords.functionHint(name)
            ?? Suggestion.didYouMean(name, among: Parser.stageNames).map { "\($0) (the stages are \(stages))" }
            ?? Suggestion.didYouMean(name, among: session.functionNames).map { "\($0) (a function used as a stage)" }
            ?? "the stages are \(stages), or any function: | round(2)"
        throw Diagnostic(
            .invalidStage, "unknown stage or function '\(name)'", span: nameSpan, file: interpreter.file, help: help)
    }
}
