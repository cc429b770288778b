import ALQSyntax

/// The expression `text` parses to, for tests that hand one to an evaluator; `null` when it does not parse
/// as one expression.
func parsedExpression(_ text: String) -> Expr {
    let (statements, diagnostics) = Parser.parse(SourceFile(name: "e", text: text))
    guard diagnostics.isEmpty, case .expression(let expr) = statements.first else {
        return Expr(.null, Span(start: 0, end: 0))
    }
    return expr
}
