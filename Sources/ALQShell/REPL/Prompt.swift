/// The prompt: `alq> `, with the output format when it is not `table` (`alq csv> `); a continuation
/// prompt of the same width while a statement is open.
struct Prompt {
    var format: String
    var useColor: Bool

    private var label: String {
        var label = "alq"
        if format != "table" { label += " " + format }
        return label
    }

    /// The prompt for a new statement.
    var primary: String {
        guard useColor else { return label + "> " }
        return invisible("\u{1B}[1;36m") + label + invisible("\u{1B}[0m") + "> "
    }

    /// The prompt for the next line of an open statement.
    var continuation: String {
        let dots = String(repeating: ".", count: max(3, DisplayWidth.of(label))) + "> "
        guard useColor else { return dots }
        return invisible("\u{1B}[2m") + dots + invisible("\u{1B}[0m")
    }

    private func invisible(_ escape: String) -> String {
        "\(LineEditor.invisible)\(escape)\(LineEditor.invisible)"
    }
}
