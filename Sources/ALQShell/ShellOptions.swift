/// What the command line asked for.
public struct ShellOptions: Sendable {
    /// Statements given with `-c`.
    public var command: String?
    /// Script files to run in order.
    public var files: [String] = []
    /// The output format's name: `table` or a registered export format.
    public var format = "table"
    /// Parse only, report every syntax error, run nothing.
    public var checkOnly = false
    /// Plugin or region-pack paths given with `--plugin`.
    public var plugins: [String] = []
    public var noColor = false
    /// Print each statement's wall time on standard error.
    public var timer = false
    /// Skip the start-up file in the REPL (`--no-init`).
    public var noInit = false
    /// Run the start-up file before scripts and `-c` text too (`--init`).
    public var runInit = false
    /// The process environment.
    public var environment: [String: String] = [:]
    /// Variables bound with `--set NAME=VALUE`, in order; VALUE as written.
    public var assignments: [(name: String, value: String)] = []
    /// The arguments after `--`, bound to `args`.
    public var scriptArguments: [String] = []

    public init() {}

    /// The start-up file: `$XDG_CONFIG_HOME/alq/init.alq`, else `~/.config/alq/init.alq`.
    public var startupFile: String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/alq/init.alq" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/alq/init.alq"
    }
}
