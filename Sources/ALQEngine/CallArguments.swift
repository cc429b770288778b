import ALQRuntime
import ALQSyntax

/// The arguments of a call as written: values in order, then `name = value` ones.
struct CallArguments {
    var positional: [Value] = []
    var named: [(name: String, span: Span, value: Value)] = []
    /// Where each positional argument is written, when known (for diagnostics inside an argument).
    var spans: [Span] = []

    init(positional: [Value], named: [(name: String, span: Span, value: Value)] = []) {
        self.positional = positional
        self.named = named
    }

    /// The arguments by position, named ones placed at their parameter's position; `nil` marks a
    /// parameter left out before a named one.
    func resolved(against parameters: [String], function: String, file: SourceFile) throws(Diagnostic) -> [Value?] {
        var values: [Value?] = positional.map { $0 }
        for argument in named {
            guard let index = parameters.firstIndex(of: argument.name) else {
                let known =
                    parameters.isEmpty ? "no named parameters" : "parameters \(parameters.joined(separator: ", "))"
                throw Diagnostic(
                    .invalidArgument, "\(function) has no parameter '\(argument.name)'", span: argument.span,
                    file: file,
                    help: Suggestion.didYouMean(argument.name, among: parameters) ?? "\(function) takes \(known)")
            }
            if index < values.count, values[index] != nil {
                throw Diagnostic(
                    .invalidArgument, "'\(argument.name)' is given twice", span: argument.span, file: file)
            }
            while values.count <= index { values.append(nil) }
            values[index] = argument.value
        }
        return values
    }

    /// The parameter names in a builtin's signature, `extract(s, regex, group = 0)` → `s, regex, group`;
    /// empty for a function taking any number of arguments.
    static func parameterNames(inSignature signature: String) -> [String] {
        guard let open = signature.firstIndex(of: "("), let close = signature.lastIndex(of: ")"), open < close
        else { return [] }
        let inner = signature[signature.index(after: open)..<close]
        if inner.contains("…") { return [] }
        return inner.split(separator: ",").map { part in
            String(part.prefix { $0 != "=" }.filter { !$0.isWhitespace })
        }
    }
}

extension Interpreter {
    /// Evaluates the arguments of a call, for one row when `row` is given.
    func arguments(_ expressions: [Expr], row: RowContext?) throws(Diagnostic) -> CallArguments {
        var arguments = CallArguments(positional: [])
        arguments.positional.reserveCapacity(expressions.count)
        for expression in expressions {
            if case .namedArgument(let name, let nameSpan, let value) = expression.kind {
                arguments.named.append((name, nameSpan, try eval(value, row: row)))
            } else if !arguments.named.isEmpty {
                throw Diagnostic(
                    .invalidArgument, "a positional argument cannot follow a named one", span: expression.span,
                    file: file, help: "put the named arguments last")
            } else {
                arguments.positional.append(try eval(expression, row: row))
                arguments.spans.append(expression.span)
            }
        }
        return arguments
    }

    /// Calls a function with evaluated arguments: a user-defined function, a builtin or a plugin's.
    func call(_ name: String, nameSpan: Span, arguments: CallArguments, span: Span) throws(Diagnostic) -> Value {
        if let function = session.userFunctions[name] {
            let parameters = function.definition.parameters.map(\.name)
            return try call(
                function, arguments: try arguments.resolved(against: parameters, function: name, file: file), span: span
            )
        }
        guard !arguments.named.isEmpty else {
            return try call(
                name, nameSpan: nameSpan, arguments: arguments.positional, span: span, argumentSpans: arguments.spans)
        }
        guard let builtin = Builtins.catalog[name] else {
            throw Diagnostic(
                .invalidArgument, "named arguments are for built-in and fn-defined functions", span: span, file: file)
        }
        let parameters = CallArguments.parameterNames(inSignature: builtin.signature)
        let values = try arguments.resolved(against: parameters, function: name, file: file).map { $0 ?? .null }
        var spans = arguments.spans
        for argument in arguments.named {
            guard let index = parameters.firstIndex(of: argument.name) else { continue }
            while spans.count <= index { spans.append(span) }
            spans[index] = argument.span
        }
        return try call(name, nameSpan: nameSpan, arguments: values, span: span, argumentSpans: spans)
    }

    /// `if condition then value else alternative`: null counts as false, as in `where`.
    func conditional(_ condition: Expr, _ value: Expr, _ alternative: Expr, row: RowContext?) throws(Diagnostic)
        -> Value
    {
        try truth(try eval(condition, row: row), condition.span)
            ? try eval(value, row: row) : try eval(alternative, row: row)
    }
}
