import ALQBuiltinModules
import ALQPluginAPI
import ALQPluginHost
import ALQShell
import ArgumentParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `alq` command: argument parsing and wiring.
@main
struct Alq: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alq",
        abstract: "Query China's regional aluminium industry dataset; every number carries its source.",
        discussion: """
            With no input, alq starts the REPL when standard input is a terminal, and otherwise reads a \
            script from standard input.

            Exit status: 0 ok, 1 runtime error, 2 usage error, 3 syntax error, 4 plugin error, 130 interrupted.
            """,
        version: "0.1.0")

    @Option(
        name: .customShort("c"), parsing: .unconditional,
        help: ArgumentHelp("Run the statements in TEXT.", valueName: "TEXT"))
    var command: String?

    @Option(help: ArgumentHelp("Render every result with a format: table (default), csv, json, …", valueName: "NAME"))
    var format = "table"

    @Flag(help: "Parse only: report every syntax error and run nothing.")
    var check = false

    @Option(help: ArgumentHelp("Load an external plugin or region pack at start (repeatable).", valueName: "PATH"))
    var plugin: [String] = []

    @Flag(name: .customLong("no-color"), help: "Never colour the output.")
    var noColor = false

    @Flag(help: "Print each statement's wall time on standard error.")
    var timer = false

    @Argument(help: ArgumentHelp("Script files to run in order.", valueName: "FILE"))
    var files: [String] = []

    static func main() {
        // A closed pipe on standard output is an error (exit 1), not death by SIGPIPE (141); plugins
        // are started with SIGPIPE back at its default (PluginProcess).
        signal(SIGPIPE, SIG_IGN)
        if let status = CommandTextCheck.failureStatus(CommandTextCheck.rawArguments) { Glibc.exit(status) }
        let command: Alq
        do {
            command = try parseAsRoot() as! Alq
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Glibc.exit(0)
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
        options.environment = Alq.environment()
        let registry: Registry
        do {
            registry = try BuiltinModules.registry()
        } catch {
            StandardStreams.err("alq: error: a built-in module failed to load: \(error)\n")
            return ExitStatus.pluginError
        }
        let host = FileHost()
        let startup = host.loadStartupModules(explicit: plugin, registry: registry)
        let shell = Shell(options: options, registry: registry, host: host, startupDiagnostics: startup.diagnostics)
        let status = shell.run(
            configure: { session in host.isCancelled = { session.isCancellationRequested } },
            repl: { session in
                REPL(
                    session: session,
                    options: REPL.Options(
                        format: format, useColor: shell.outputColor.enabled, environment: options.environment,
                        version: Alq.configuration.version)
                ).run()
            })
        StandardStreams.flush()
        host.shutdown()
        return OutputFailure.status(after: status)
    }

    private static func environment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}
