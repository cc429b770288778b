import ALQEngine
import ALQPluginAPI
import ALQRuntime
import ALQSyntax

/// Runs scripts: results to standard output in the chosen format, diagnostics to standard error,
/// and the exit status of the first failing statement.
public struct ScriptRunner {
    public let session: Session
    public let output: OutputFormat
    public let diagnostics: DiagnosticRenderer

    public init(session: Session, output: OutputFormat, diagnostics: DiagnosticRenderer) {
        self.session = session
        self.output = output
        self.diagnostics = diagnostics
    }

    /// Runs a file's statements; returns the exit status.
    public func run(_ file: SourceFile) -> Int32 {
        var writeFailure: String?
        let failure = session.execute(file) { value in
            guard writeFailure == nil else { return }
            do {
                try output.write(value, registry: session.registry)
            } catch {
                writeFailure = "\(error)"
            }
        }
        if let failure {
            StandardStreams.err(diagnostics.render(failure))
            return failure.code.exitStatus
        }
        if let writeFailure {
            StandardStreams.err("alq: error: could not write the result: \(writeFailure)\n")
            return ExitStatus.runtimeError
        }
        return ExitStatus.ok
    }

    /// Reports every syntax error in a file without running it; returns the exit status.
    public func check(_ file: SourceFile) -> Int32 {
        let found = session.check(file)
        for diagnostic in found { StandardStreams.err(diagnostics.render(diagnostic)) }
        return found.isEmpty ? ExitStatus.ok : ExitStatus.syntaxError
    }
}
