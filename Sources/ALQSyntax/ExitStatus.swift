/// The process exit statuses of the command-line contract, defined once: every status `alq` ends
/// with comes from here (a diagnostic's through ``DiagnosticCode/exitStatus``).
public enum ExitStatus {
    public static let ok: Int32 = 0
    public static let runtimeError: Int32 = 1
    public static let usageError: Int32 = 2
    public static let syntaxError: Int32 = 3
    public static let pluginError: Int32 = 4
    /// Ctrl-C: 128 + SIGINT, as shells report it.
    public static let interrupted: Int32 = 130
}
