import ALQEngine
import ALQPluginAPI
import ALQRuntime
import ALQSyntax
import ALQSystem
import Glibc
import SystemPackage

/// Decides what a command line runs — `-c` text, script files, a script on standard input, or the
/// REPL — and returns the exit status.
public struct Shell {
    public let options: ShellOptions
    public let registry: Registry
    public let host: any EngineHost
    /// Problems loading plugins and packs at start: they end a script (exit 4); the REPL reports them and goes on.
    public let startupDiagnostics: [Diagnostic]

    public init(options: ShellOptions, registry: Registry, host: any EngineHost, startupDiagnostics: [Diagnostic] = [])
    {
        self.options = options
        self.registry = registry
        self.host = host
        self.startupDiagnostics = startupDiagnostics
    }

    /// The colour policy for standard output.
    public var outputColor: ColorPolicy {
        ColorPolicy.resolve(
            noColorFlag: options.noColor, environment: options.environment,
            isTerminal: StandardStreams.isTerminal(STDOUT_FILENO))
    }

    /// The colour policy for standard error.
    public var errorColor: ColorPolicy {
        ColorPolicy.resolve(
            noColorFlag: options.noColor, environment: options.environment,
            isTerminal: StandardStreams.isTerminal(STDERR_FILENO))
    }

    /// Runs what the options ask for. `repl` starts the interactive loop when standard input is a terminal.
    public func run(configure: ((Session) -> Void)? = nil, repl: ((Session) -> Int32)? = nil) -> Int32 {
        let diagnostics = DiagnosticRenderer(color: errorColor)
        if options.command != nil && !options.files.isEmpty {
            return usage("give either -c TEXT or script files, not both")
        }
        let session = Session(registry: registry, host: host)
        configure?(session)
        session.setVariable("args", .list(options.scriptArguments.map(Value.string)))
        for (name, text) in options.assignments {
            guard Parameters.isName(name) else {
                return usage("--set needs a name before '=': '\(name)' is not a name")
            }
            session.setVariable(name, Parameters.value(of: text, in: session))
        }
        if options.timer {
            session.onStatementTimed = { duration in
                StandardStreams.err("time: \(Shell.milliseconds(duration)) ms\n")
            }
        }
        if StandardStreams.isTerminal(STDERR_FILENO) {
            let columns = TerminalSize.of(.standardOutput)?.columns ?? 80
            session.onNotice = {
                StandardStreams.err(DisplayWidth.wrapLines(DisplayWidth.escapingControls($0), to: columns) + "\n")
            }
        }
        let interactive =
            options.command == nil && options.files.isEmpty && StandardStreams.isTerminal(STDIN_FILENO)
            && !options.checkOnly
        for diagnostic in startupDiagnostics { StandardStreams.err(diagnostics.render(diagnostic)) }
        if let first = startupDiagnostics.first, !interactive { return first.code.exitStatus }
        guard let output = outputFormat() else {
            let names = OutputFormat.shellFormats + registry.formats.map(\.format.name)
            return usage("unknown format '\(options.format)'; the formats are \(names.joined(separator: ", "))")
        }
        let runner = ScriptRunner(
            session: session, output: output, diagnostics: diagnostics, color: outputColor,
            outputNamed: { name in self.outputFormat(named: name) })

        var sources: [SourceFile] = []
        if options.runInit, let path = options.startupFile, let bytes = try? ScriptFiles.read(path) {
            switch SourceFile.decode(name: path, bytes: bytes) {
            case .success(let file): sources.append(file)
            case .failure(let diagnostic):
                StandardStreams.err(diagnostics.render(diagnostic))
                return diagnostic.code.exitStatus
            }
        }
        if let command = options.command {
            sources.append(SourceFile(name: "<command line>", text: command))
        } else if !options.files.isEmpty {
            for path in options.files {
                let bytes: [UInt8]
                do {
                    bytes = try ScriptFiles.read(path)
                } catch {
                    return usage("cannot read '\(path)': \(error)")
                }
                switch SourceFile.decode(name: path, bytes: bytes) {
                case .success(let file): sources.append(file)
                case .failure(let diagnostic):
                    StandardStreams.err(diagnostics.render(diagnostic))
                    return diagnostic.code.exitStatus
                }
            }
        } else if !StandardStreams.isTerminal(STDIN_FILENO) || options.checkOnly {
            let bytes: [UInt8]
            do {
                bytes = try ScriptFiles.readStandardInput()
            } catch {
                return usage("cannot read standard input: \(error)")
            }
            switch SourceFile.decode(name: "<stdin>", bytes: bytes) {
            case .success(let file): sources.append(file)
            case .failure(let diagnostic):
                StandardStreams.err(diagnostics.render(diagnostic))
                return diagnostic.code.exitStatus
            }
        } else if let repl {
            return repl(session)
        } else {
            return usage("no input: give -c TEXT, a script file, or a script on standard input")
        }

        if options.checkOnly {
            var status = ExitStatus.ok
            for file in sources where runner.check(file) != ExitStatus.ok { status = ExitStatus.syntaxError }
            return status
        }
        for file in sources {
            let status = runner.run(file)
            if status != ExitStatus.ok { return status }
        }
        return ExitStatus.ok
    }

    /// The output format the options name, or `nil` if none is registered under that name.
    public func outputFormat() -> OutputFormat? {
        outputFormat(named: options.format)
    }

    /// The output format for a name, or `nil` if none is registered under it.
    public func outputFormat(named name: String) -> OutputFormat? {
        if let mode = Shell.displayMode(forFormat: name) {
            let terminal = TerminalSize.of(.standardOutput)
            let renderer = TableRenderer(
                maxWidth: terminal?.columns, maxLines: terminal.map { max(16, $0.rows - 1) }, color: outputColor)
            return .table(ValueRenderer(table: renderer, mode: mode))
        }
        return registry.format(named: name).map { .export($0) }
    }

    /// The display mode of a shell format (`table`, `line`), or `nil` for an export format.
    public static func displayMode(forFormat name: String) -> DisplayMode? {
        switch name.lowercased() {
        case "table": .auto
        case "line": .line
        default: nil
        }
    }

    private func usage(_ message: String) -> Int32 {
        StandardStreams.err("alq: error: \(message)\n")
        return ExitStatus.usageError
    }

    /// A duration in milliseconds with three decimals.
    public static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let micros = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        let whole = micros / 1000
        let fraction = micros % 1000
        return "\(whole)." + String(repeating: "0", count: 3 - String(fraction).count) + String(fraction)
    }
}
