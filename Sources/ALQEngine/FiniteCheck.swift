import ALQSyntax

/// Results that overflowed to infinity become `numericOverflow` (E0305), where the arithmetic operators'
/// own check does not reach: vectorised sums and averages, conversion to `%`, `quantity()`.
enum FiniteCheck {
    static func one(_ number: Double, span: Span?, file: SourceFile?) throws(Diagnostic) {
        guard number.isFinite else { throw failure(span: span, file: file) }
    }

    static func all(_ numbers: [Double], in function: String, span: Span, file: SourceFile) throws(Diagnostic) {
        guard numbers.allSatisfy(\.isFinite) else {
            var diagnostic = failure(span: span, file: file)
            diagnostic.message = "\(function) is too large to represent"
            throw diagnostic
        }
    }

    private static func failure(span: Span?, file: SourceFile?) -> Diagnostic {
        var diagnostic = Arithmetic.overflow()
        diagnostic.span = span
        diagnostic.file = file
        return diagnostic
    }
}
