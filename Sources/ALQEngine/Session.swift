import ALQPluginAPI
import ALQRuntime
import ALQSyntax
import Synchronization

/// One user's session: the registry, the variables, the last result, and cancellation.
///
/// A session runs one statement at a time; ``cancel()`` may be called from any thread (a signal
/// handler's thread, the REPL's main thread) and stops the running statement at its next check.
/// Variables and the last result are behind a lock, so the REPL's completion may read them from
/// its thread while a statement runs on another.
// Safe: variables and the last result are in `state` (a Mutex), cancellation is an Atomic; `host` and
// the two callbacks are not Sendable and are confined to one thread at a time: the owner sets them
// between statements, the thread running a statement uses them, and whoever hands a session to
// another thread orders the two (the REPL waits on a semaphore for its worker).
public final class Session: @unchecked Sendable {
    public let registry: Registry
    public let host: any EngineHost
    /// Messages for the user that are not results (an export's summary); the shell decides where they go.
    public var onNotice: ((String) -> Void)?
    /// Called after each statement with its wall time (`--timer`, `:timer on`).
    public var onStatementTimed: ((Duration) -> Void)?

    private struct State {
        var variables: [String: Value] = [:]
        var userFunctions: [String: UserFunction] = [:]
        var lastResult: Value?
    }

    private let state = Mutex(State())
    private let cancelRequested = Atomic<Bool>(false)
    /// Regular expressions compiled by the statements of this session.
    let patterns = RegexCache()

    /// Variables bound with `let`, and `_`.
    public var variables: [String: Value] { state.withLock { $0.variables } }
    /// The value of the last statement that produced one (`_`).
    public var lastResult: Value? { state.withLock { $0.lastResult } }
    /// Functions defined with `fn`, by name.
    public internal(set) var userFunctions: [String: UserFunction] {
        get { state.withLock { $0.userFunctions } }
        set { state.withLock { $0.userFunctions = newValue } }
    }

    public init(registry: Registry, host: any EngineHost) {
        self.registry = registry
        self.host = host
    }

    /// The names of all variables, sorted.
    public var variableNames: [String] { variables.keys.sorted() }

    /// The names of all functions, built-in and from plugins, sorted.
    public var functionNames: [String] {
        Set(Builtins.catalog.keys).union(host.functionNames).union(userFunctions.keys).sorted()
    }

    /// Whether ``cancel()`` was called and the running statement has not stopped yet.
    public var isCancellationRequested: Bool { cancelRequested.load(ordering: .relaxed) }

    /// Binds a variable.
    public func setVariable(_ name: String, _ value: Value) {
        state.withLock { $0.variables[name] = value }
    }

    /// Every syntax error in a file, without running anything.
    public func check(_ file: SourceFile) -> [Diagnostic] {
        Parser.parse(file).diagnostics
    }

    /// Runs every statement of a file in order, handing each result to `onResult`.
    ///
    /// Syntax errors stop the file before anything runs; a runtime error stops it at that statement.
    /// Returns the diagnostic that stopped the file, or `nil`.
    public func execute(_ file: SourceFile, onResult: (Value) -> Void) -> Diagnostic? {
        let (statements, diagnostics) = Parser.parse(file)
        if let first = diagnostics.first { return first }
        cancelRequested.store(false, ordering: .relaxed)
        let interpreter = Interpreter(session: self, file: file)
        for statement in statements {
            let clock = ContinuousClock()
            let start = clock.now
            do throws(Diagnostic) {
                try checkCancellation()
                try bindingInterruption { () throws(Diagnostic) in
                    try run(statement, interpreter: interpreter, onResult: onResult)
                }
                onStatementTimed?(clock.now - start)
            } catch {
                onStatementTimed?(clock.now - start)
                cancelRequested.store(false, ordering: .relaxed)
                return error.located(in: file)
            }
        }
        return nil
    }

    /// Evaluates text and returns the value of its last statement (for tests and embedding).
    public func evaluate(_ text: String, name: String = "<input>") throws(Diagnostic) -> Value {
        var last = Value.null
        if let diagnostic = execute(SourceFile(name: name, text: text), onResult: { last = $0 }) {
            throw diagnostic
        }
        return last
    }

    private func run(_ statement: Statement, interpreter: Interpreter, onResult: (Value) -> Void) throws(Diagnostic) {
        switch statement {
        case .let(let name, _, let expr):
            setVariable(name, try interpreter.eval(expr))
        case .load(let pathExpr, let span):
            guard case .string(let path) = try interpreter.eval(pathExpr) else {
                throw Diagnostic(.typeMismatch, "load needs a path string", span: pathExpr.span)
            }
            do throws(Diagnostic) {
                let message = try host.load(path: path, registry: registry)
                onNotice?(message)
            } catch {
                throw error.at(span)
            }
        case .function(let definition):
            try define(definition, in: interpreter.file)
        case .expression(let expr):
            let value = try interpreter.eval(expr)
            if case .pipeline(_, let stages) = expr.kind, case .export = stages.last?.kind { return }
            state.withLock { state in
                state.lastResult = value
                state.variables["_"] = value
            }
            onResult(value)
        }
    }

    // MARK: Cancellation

    /// Asks the running statement to stop; it ends with an `interrupted` diagnostic (E0306).
    public func cancel() {
        cancelRequested.store(true, ordering: .relaxed)
    }

    /// Throws `interrupted` if ``cancel()`` was called.
    func checkCancellation() throws(Diagnostic) {
        if cancelRequested.load(ordering: .relaxed) {
            cancelRequested.store(false, ordering: .relaxed)
            throw Diagnostic(.interrupted, "interrupted")
        }
    }
}
