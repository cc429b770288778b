/// Whether output is coloured, decided once from flags and the environment.
///
/// Off with `--no-color`, `NO_COLOR` (any non-empty value), `CLICOLOR=0`, `TERM=dumb`, or when the
/// stream is not a terminal; `FORCE_COLOR` (non-empty, not `0`) turns it on for a non-terminal.
/// `--no-color` and `NO_COLOR` win over `FORCE_COLOR`.
public struct ColorPolicy: Sendable {
    public let enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Decides from a flag, the environment and whether the stream is a terminal.
    public static func resolve(noColorFlag: Bool, environment: [String: String], isTerminal: Bool) -> ColorPolicy {
        if noColorFlag { return ColorPolicy(enabled: false) }
        if let value = environment["NO_COLOR"], !value.isEmpty { return ColorPolicy(enabled: false) }
        if let value = environment["FORCE_COLOR"], !value.isEmpty, value != "0" { return ColorPolicy(enabled: true) }
        if environment["CLICOLOR"] == "0" { return ColorPolicy(enabled: false) }
        if environment["TERM"] == "dumb" { return ColorPolicy(enabled: false) }
        return ColorPolicy(enabled: isTerminal)
    }

    /// ANSI styles.
    public enum Style: String, Sendable {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case blue = "34"
        case magenta = "35"
        case cyan = "36"
        case boldRed = "1;31"
        case boldCyan = "1;36"
        case boldBlue = "1;34"
    }

    /// `text` in a style, or unchanged when colour is off.
    public func paint(_ text: String, _ style: Style) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
