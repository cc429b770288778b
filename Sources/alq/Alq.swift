import ALQBuiltinModules
import ALQPluginAPI
import ALQPluginHost
import ALQShell
import ALQSyntax
import ArgumentParser
import Glibc

/// The `alq` command: argument parsing and wiring.
@main
struct Alq: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alq",
        abstract: "Query China's regional aluminium industry dataset; every number carries its source.",
        discussion: """
            With no input, alq starts the REPL when standard input is a terminal, and otherwise reads a \
            script from standard input. The REPL first runs the start-up file \
            $XDG_CONFIG_HOME/alq/init.alq (default ~/.config/alq/init.alq).

            Inside alq, :help (or :help TOPIC) explains every statement, stage, function, unit, table, \
            metric and error code. The reference is docs/language.md and docs/repl.md; man alq.

            Exit status: 0 ok, 1 runtime error, 2 usage error, 3 syntax error, 4 plugin error, 130 interrupted.
            """,
        version: "0.1.0")

    @Option(
        name: .customShort("c"), parsing: .unconditional,
        help: ArgumentHelp("Run the statements in TEXT.", valueName: "TEXT"))
    var command: String?

    @Option(
        help: ArgumentHelp(
            "Render every result with a format: table (default), line, markdown, csv, json, …", valueName: "NAME"),
        completion: .custom { _, _, _ in Alq.formatNames() })
    var format = "table"

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Bind a variable before the script runs (repeatable); VALUE is read as an alq literal if it is one, else as a string.",
            valueName: "NAME=VALUE"))
    var assignments: [String] = []

    @Flag(help: "Parse only: report every syntax error and run nothing.")
    var check = false

    @Option(
        help: ArgumentHelp("Load an external plugin or region pack at start (repeatable).", valueName: "PATH"),
        completion: .file())
    var plugin: [String] = []

    @Flag(name: .customLong("no-color"), help: "Never colour the output.")
    var noColor = false

    @Flag(help: "Print each statement's wall time on standard error.")
    var timer = false

    @Flag(name: .customLong("no-init"), help: "Skip the start-up file when the REPL starts.")
    var noInit = false

    @Flag(name: .customLong("init"), help: "Run the start-up file before scripts and -c text too.")
    var runInit = false

    @Argument(
        help: ArgumentHelp(
            "Script files to run in order; arguments after -- become the list 'args'.", valueName: "FILE"),
        completion: .file())
    var files: [String] = []

    /// The arguments after `--`, for the script (`args`).
    var scriptArguments: [String] = []

    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // The shell completion protocol (`---completion -- …`) passes its own `--`; it is not for a script.
        let (own, forScript) =
            arguments.first == "---completion" ? (arguments, []) : ScriptArguments.split(arguments)
        if let description = WithoutHelpSubcommand.output(for: own) {
            print(description)
            Glibc.exit(0)
        }
        if HelpRequest.isHelp(own) {
            print(helpMessage())
            Glibc.exit(0)
        }
        // A closed pipe on standard output is an error (exit 1), not death by SIGPIPE (141), and so is a
        // file that would outgrow the size limit (`ulimit -f`: EFBIG, not death by SIGXFSZ); plugins and
        // the pager are started with both signals back at their defaults.
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        if let status = CommandTextCheck.failureStatus(CommandTextCheck.rawArguments) { Glibc.exit(status) }
        if own.count == 2 && own[0] == "-c" {
            // `alq -c TEXT` alone: what the argument parser would give, without its completion-script
            // probing and reflection, most of a tiny command's start-up (docs/benchmarks.md).
            var options = ShellOptions()
            options.command = own[1]
            options.scriptArguments = forScript
            Glibc.exit(run(options))
        }
        var command: Alq
        do {
            // `parse` (not `parseAsRoot`) turns `-h`/`--help` into a help request instead of returning
            // ArgumentParser's own help command.
            command = try parse(own)
            command.scriptArguments = forScript
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Glibc.exit(ExitStatus.ok)
            }
            StandardStreams.err("alq: error: \(message(for: error))\n\(usageString())\n")
            Glibc.exit(ExitStatus.usageError)
        }
        Glibc.exit(command.execute())
    }

    func execute() -> Int32 {
        var options = ShellOptions()
        options.command = command
        options.files = files
        options.format = format
        options.checkOnly = check
        options.plugins = plugin
        options.noColor = noColor
        options.timer = timer
        options.noInit = noInit
        options.runInit = runInit
        options.scriptArguments = scriptArguments
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                StandardStreams.err("alq: error: --set needs NAME=VALUE, given '\(assignment)'\n")
                return ExitStatus.usageError
            }
            options.assignments.append(
                (String(assignment[..<equals]), String(assignment[assignment.index(after: equals)...])))
        }
        return Alq.run(options)
    }

    /// Runs alq with parsed options.
    static func run(_ parsed: ShellOptions) -> Int32 {
        var options = parsed
        options.environment = Alq.environment()
        let registry: Registry
        do {
            registry = try BuiltinModules.registry()
        } catch {
            StandardStreams.err("alq: error: a built-in module failed to load: \(error)\n")
            return ExitStatus.pluginError
        }
        let host = FileHost()
        let startup = host.loadStartupModules(explicit: options.plugins, registry: registry)
        let shell = Shell(options: options, registry: registry, host: host, startupDiagnostics: startup.diagnostics)
        let status = shell.run(
            configure: { session in host.isCancelled = { session.isCancellationRequested } },
            repl: { session in
                REPL(
                    session: session,
                    options: REPL.Options(
                        format: options.format, useColor: shell.outputColor.enabled,
                        environment: options.environment, version: Alq.configuration.version,
                        startupFile: options.noInit ? nil : options.startupFile)
                ).run()
            })
        StandardStreams.flush()
        host.shutdown()
        return OutputFailure.status(after: status)
    }

    /// The names `--format` accepts, for shell completion: the shell's own and the built-in formats.
    static func formatNames() -> [String] {
        let registered = (try? BuiltinModules.registry())?.formats.map(\.format.name) ?? []
        return OutputFormat.shellFormats + registered
    }

    private static func environment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            // Split at the first `=` byte: searching the text by characters costs a tiny command a
            // tenth of its instructions.
            let bytes = UnsafeBufferPointer(
                start: UnsafeRawPointer(entry).assumingMemoryBound(to: UInt8.self), count: strlen(entry))
            if let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
                result[String(decoding: bytes[..<equals], as: UTF8.self)] = String(
                    decoding: bytes[(equals + 1)...], as: UTF8.self)
            }
            pointer += 1
        }
        return result
    }
}
