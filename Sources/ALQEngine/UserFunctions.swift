import ALQRuntime
import ALQSyntax

/// A function defined with `fn name(a, b = default) = body`, and the file it was written in.
///
/// The body sees its parameters and the session's variables, tables and regions at the time of the
/// call; it does not see the columns of the row it is called from (pass them as arguments). Inside a
/// table stage of the body, columns come first, as everywhere.
public struct UserFunction: Sendable {
    public let definition: FunctionDefinition
    /// The file the definition is in: diagnostics in the body point there.
    public let file: SourceFile
    /// How deeply the evaluator recurses for one call: the body's height and the call's own frames.
    let nesting: Int

    init(definition: FunctionDefinition, file: SourceFile) {
        self.definition = definition
        self.file = file
        self.nesting =
            2
            + ([definition.body] + definition.parameters.compactMap(\.defaultValue)).map(ExpressionHeight.of).max()!
    }

    public var name: String { definition.name }

    /// How it is called, as written: `cagr3(a, b, years = 3)`.
    public var signature: String {
        let parameters = definition.parameters.map { parameter in
            parameter.defaultValue.map { "\(parameter.name) = \(file.text(of: $0.span))" } ?? parameter.name
        }
        return "\(name)(\(parameters.joined(separator: ", ")))"
    }

    /// The body as written.
    public var bodyText: String { file.text(of: definition.body.span) }

    /// The range of argument counts a call may give.
    var arity: ClosedRange<Int> {
        definition.parameters.filter { $0.defaultValue == nil }.count...definition.parameters.count
    }
}

extension Session {
    /// Binds a user-defined function, replacing an earlier one of the same name.
    func define(_ definition: FunctionDefinition, in file: SourceFile) throws(Diagnostic) {
        if Builtins.catalog[definition.name] != nil {
            throw Diagnostic(
                .invalidArgument, "'\(definition.name)' is a built-in function and cannot be redefined",
                span: definition.nameSpan, file: file, help: "choose another name, for example my_\(definition.name)")
        }
        userFunctions[definition.name] = UserFunction(definition: definition, file: file)
    }
}

extension Interpreter {
    /// How deeply calls of user-defined functions may nest, counted in levels of the expressions they
    /// evaluate (twice the parser's limit for one expression): deeper recursion is E0307, not a stack
    /// overflow. A small recursive function such as a factorial gets about 50 calls deep.
    static let maximumCallNesting = 2 * Parser.maximumDepth

    /// Calls a user-defined function; `arguments` holds `nil` where a parameter was left out.
    func call(_ function: UserFunction, arguments: [Value?], span: Span) throws(Diagnostic) -> Value {
        let parameters = function.definition.parameters
        guard arguments.count <= parameters.count else {
            throw Diagnostic(
                .wrongArgumentCount,
                "\(function.name) takes \(Interpreter.describe(function.arity)), given \(arguments.count)",
                span: span, file: file, help: "usage: \(function.signature)")
        }
        guard callNesting + function.nesting <= Interpreter.maximumCallNesting else {
            throw Diagnostic(
                .recursionTooDeep, "calls of '\(function.name)' nest too deeply", span: span, file: file,
                help: "a recursive function needs a condition that ends the recursion; at most about "
                    + "\(Interpreter.maximumCallNesting / function.nesting) calls of this one can nest")
        }
        try session.checkCancellation()
        var scope = Interpreter(
            session: session, file: function.file, locals: [:], callNesting: callNesting + function.nesting)
        for (index, parameter) in parameters.enumerated() {
            if index < arguments.count, let value = arguments[index] {
                scope.locals[parameter.name] = value
            } else if let defaultValue = parameter.defaultValue {
                scope.locals[parameter.name] = try scope.eval(defaultValue)
            } else {
                throw Diagnostic(
                    .wrongArgumentCount, "\(function.name) needs a value for '\(parameter.name)'", span: span,
                    file: file, help: "usage: \(function.signature)")
            }
        }
        return try scope.eval(function.definition.body)
    }

    /// `1 argument`, `2 to 3 arguments`, `at least 1 argument`.
    static func describe(_ arity: ClosedRange<Int>) -> String {
        let count =
            arity.lowerBound == arity.upperBound
            ? "\(arity.lowerBound)"
            : arity.upperBound == Int.max
                ? "at least \(arity.lowerBound)" : "\(arity.lowerBound) to \(arity.upperBound)"
        return "\(count) argument\(count == "1" || count == "at least 1" ? "" : "s")"
    }
}

/// The height of an expression tree, counting the expressions of pipeline stages: how deeply
/// evaluating it recurses.
enum ExpressionHeight {
    static func of(_ expr: Expr) -> Int {
        switch expr.kind {
        case .number, .string, .bool, .null, .quantity, .name: return 1
        case .list(let elements): return 1 + (elements.map(of).max() ?? 0)
        case .record(let fields): return 1 + (fields.map { of($0.value) }.max() ?? 0)
        case .member(let base, _, _), .convert(let base, _), .unary(_, let base): return 1 + of(base)
        case .namedArgument(_, _, let value): return of(value)
        case .index(let a, let b), .binary(_, let a, let b), .membership(let a, let b): return 1 + max(of(a), of(b))
        case .call(_, _, let arguments): return 2 + (arguments.map(of).max() ?? 0)
        case .conditional(let a, let b, let c): return 1 + max(of(a), of(b), of(c))
        case .pipeline(let input, let stages): return 1 + max(of(input), stages.map(of).max() ?? 0)
        }
    }

    /// A stage's expressions, plus the frames of the stage machinery around them.
    private static func of(_ stage: Stage) -> Int {
        let parts: [Expr]
        switch stage.kind {
        case .filter(let predicate), .take(let predicate): parts = [predicate]
        case .select(let bindings), .derive(let bindings), .distinct(let bindings), .aggregate(let bindings):
            parts = bindings.map(\.value)
        case .group(let keys, let aggregates): parts = (keys + aggregates).map(\.value)
        case .sort(let keys): parts = keys.map(\.value)
        case .export(_, _, let path, _): parts = path.map { [$0] } ?? []
        case .call(_, _, let arguments): parts = arguments
        case .window(let bindings, _): parts = bindings.map(\.value)
        case .join(let clause): parts = [clause.table]
        case .chart(let spec): parts = [spec.x, spec.y] + (spec.series.map { [$0] } ?? [])
        case .rename, .drop, .pivot, .unpivot, .describe: parts = []
        }
        return 4 + (parts.map(of).max() ?? 0)
    }
}
