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

    public init() {}
}
