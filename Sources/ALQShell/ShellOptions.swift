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
    /// The process environment.
    public var environment: [String: String] = [:]
    /// Variables bound with `--set NAME=VALUE`, in order; VALUE as written.
    public var assignments: [(name: String, value: String)] = []
    /// The arguments after `--`, bound to `args`.
    public var scriptArguments: [String] = []

    public init() {}
}

/// The process exit statuses of the command-line contract.
public enum ExitStatus {
    public static let ok: Int32 = 0
    public static let runtimeError: Int32 = 1
    public static let usageError: Int32 = 2
    public static let syntaxError: Int32 = 3
    public static let pluginError: Int32 = 4
    public static let interrupted: Int32 = 130
}
