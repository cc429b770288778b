import ALQEngine
import ALQPluginAPI
import ALQRuntime
import ALQSyntax
import ALQSystem

/// Runs scripts: results to standard output in the chosen format, diagnostics to standard error,
/// and the exit status of the first failing statement.
///
/// Scripts may use the meta-commands that make sense without a prompt — `:help`, `:format`, `:mode`,
/// `:timer`, `:load`, `:modules`, `:pager` (accepted, never pages) — and `help NAME`, one per line
/// between statements.
public final class ScriptRunner {
    public let session: Session
    public private(set) var output: OutputFormat
    public let diagnostics: DiagnosticRenderer
    /// The output a format name gives (`:format NAME` in a script), or `nil` for an unknown name.
    private let outputNamed: (String) -> OutputFormat?
    private let color: ColorPolicy

    public init(
        session: Session, output: OutputFormat, diagnostics: DiagnosticRenderer,
        color: ColorPolicy = ColorPolicy(enabled: false),
        outputNamed: @escaping (String) -> OutputFormat? = { _ in nil }
    ) {
        self.session = session
        self.output = output
        self.diagnostics = diagnostics
        self.color = color
        self.outputNamed = outputNamed
    }

    /// Runs a file's statements and meta-commands; returns the exit status.
    public func run(_ file: SourceFile) -> Int32 {
        for segment in ScriptSegment.split(file) {
            let status: Int32
            switch segment {
            case .statements(let statements):
                status = runStatements(statements)
            case .help(let topic, let text, let line):
                if session.variables["help"] != nil {
                    let padding = String(repeating: "\n", count: line - 1)
                    status = runStatements(SourceFile(name: file.name, text: padding + text))
                } else {
                    StandardStreams.out(
                        HelpCatalog.text(
                            for: topic, useColor: color.enabled, preferLanguage: true, registry: session.registry))
                    status = ExitStatus.ok
                }
            case .meta(let command, let line):
                status = runMetaCommand(command, file: file.name, line: line)
            }
            if status != ExitStatus.ok { return status }
        }
        StandardStreams.flush()
        return ExitStatus.ok
    }

    private func runStatements(_ file: SourceFile) -> Int32 {
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

    private func runMetaCommand(_ command: MetaCommand, file: String, line: Int) -> Int32 {
        func problem(_ message: String) -> Int32 {
            StandardStreams.err("\(file):\(line): error: \(message)\n")
            return ExitStatus.usageError
        }
        switch command.name {
        case "help", "h", "?":
            StandardStreams.out(
                HelpCatalog.text(
                    for: command.argument, useColor: color.enabled, registry: session.registry,
                    userFunctions: session.userFunctions))
        case "format":
            guard let next = outputNamed(command.argument) else {
                return problem("unknown format '\(command.argument)'")
            }
            output = next
        case "mode":
            guard let mode = DisplayMode(rawValue: command.argument.lowercased()) else {
                return problem("usage: :mode table|line|auto")
            }
            if case .table(var renderer) = output {
                renderer.mode = mode
                output = .table(renderer)
            }
        case "timer":
            switch command.argument.lowercased() {
            case "on":
                session.onStatementTimed = { StandardStreams.err("time: \(Shell.milliseconds($0)) ms\n") }
            case "off": session.onStatementTimed = nil
            default: return problem("usage: :timer on|off")
            }
        case "pager":
            guard PagerMode(rawValue: command.argument.lowercased()) != nil else {
                return problem("usage: :pager on|off|auto")
            }
        case "modules":
            StandardStreams.out(
                ValueRenderer(table: TableRenderer()).render(
                    .table(session.registry.modulesTable()), registry: session.registry))
        case "load":
            let path = MetaCommand.unquoted(command.argument)
            let bytes: [UInt8]
            do {
                bytes = try ScriptFiles.read(path)
            } catch {
                return problem("cannot read \(path): \(error)")
            }
            switch SourceFile.decode(name: path, bytes: bytes) {
            case .success(let loaded): return run(loaded)
            case .failure(let diagnostic):
                StandardStreams.err(diagnostics.render(diagnostic))
                return diagnostic.code.exitStatus
            }
        default:
            let known = MetaCommand.catalog.map { String($0.usage.dropFirst().prefix { $0 != " " }) }
            guard known.contains(command.name) else {
                let suggestion = Suggestion.didYouMean(command.name, among: known).map { " (\($0))" } ?? ""
                return problem("unknown command ':\(command.name)'\(suggestion)")
            }
            return problem(":\(command.name) works only at the prompt")
        }
        return ExitStatus.ok
    }

    /// Reports every syntax error in a file without running it; returns the exit status.
    public func check(_ file: SourceFile) -> Int32 {
        var found: [Diagnostic] = []
        for case .statements(let statements) in ScriptSegment.split(file) {
            found += session.check(statements)
        }
        for diagnostic in found { StandardStreams.err(diagnostics.render(diagnostic)) }
        return found.isEmpty ? ExitStatus.ok : ExitStatus.syntaxError
    }
}
