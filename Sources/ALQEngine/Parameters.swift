import ALQRuntime
import ALQSyntax

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Values from outside a script: `--set NAME=VALUE` and `env("NAME")`.
public enum Parameters {
    /// VALUE of `--set NAME=VALUE`: an alq literal when it is one — a number, a quantity, a string in
    /// quotes, `true`, `false`, `null`, a negative number — and otherwise the text as a string.
    public static func value(of text: String, in session: Session) -> Value {
        let file = SourceFile(name: "--set", text: text)
        let (statements, diagnostics) = Parser.parse(file)
        guard diagnostics.isEmpty, statements.count == 1, case .expression(let expr) = statements[0],
            isLiteral(expr)
        else { return .string(text) }
        do throws(Diagnostic) {
            return try Interpreter(session: session, file: file).eval(expr)
        } catch {
            return .string(text)
        }
    }

    /// Whether `name` can be bound by `--set`: one identifier that is not a keyword.
    public static func isName(_ name: String) -> Bool {
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(name: "--set", text: name))
        guard diagnostics.isEmpty, tokens.count == 2, case .identifier(let word) = tokens[0].kind else { return false }
        return word == name
    }

    private static func isLiteral(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .number, .string, .bool, .null, .quantity: true
        case .unary(.negate, let operand): isLiteral(operand)
        default: false
        }
    }
}

extension Builtins {
    static let environment: [Builtin] = [
        builtin(
            "env", "env(name)", "An environment variable's value as a string, or null when it is not set.",
            example: "env(\"HOME\")", arity: 1...1
        ) { call throws(Diagnostic) in
            let name = try call.string(0, "a variable name")
            guard !name.isEmpty, !name.contains("="), let value = getenv(name) else { return .null }
            return .string(String(cString: value))
        }
    ]
}
