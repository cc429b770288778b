import ALQPluginAPI
import ALQRuntime
import ALQSyntax

/// How the REPL shows results and errors: the shell's renderers, sized to the terminal at the time
/// of the statement, in the current output format and colour policy.
struct ResultOutput: Sendable {
    let format: String
    let color: ColorPolicy
    let registry: Registry
    /// The terminal's size, or nil when results go to a file or pipe (nothing is cut then).
    let columns: Int?
    let rows: Int?

    /// A result as text: a table that fits the terminal (long ones cut, with a notice), or the
    /// output of an export format.
    func render(_ value: Value) -> String {
        if format.lowercased() != "table", let exporter = registry.format(named: format) {
            let sink = MemorySink()
            do {
                try OutputFormat.write(value, as: exporter, to: sink)
            } catch {
                return "alq: error: \(format) could not write the result: \(error)\n"
            }
            let text = sink.text
            return text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
        }
        let renderer = TableRenderer(maxWidth: columns, maxRows: rows.map { max(10, min(40, $0 - 6)) }, color: color)
        return ValueRenderer(table: renderer).render(value, registry: registry)
    }

    /// An error pointing at the text (coloured only when standard error is a terminal too).
    func render(_ diagnostic: Diagnostic) -> String {
        DiagnosticRenderer(color: ColorPolicy(enabled: color.enabled && Terminal.isTerminal(2))).render(diagnostic)
    }
}

extension REPL {
    /// The output for the next statement, sized to the terminal now.
    func resultOutput(format: String? = nil) -> ResultOutput {
        let size = StandardStreams.terminalSize()
        let toTerminal = Terminal.isTerminal(1)
        return ResultOutput(
            format: format ?? options.format, color: ColorPolicy(enabled: options.useColor), registry: session.registry,
            columns: toTerminal ? size?.columns ?? Terminal.columns(environment: options.environment) : nil,
            rows: toTerminal ? size?.rows ?? 24 : nil)
    }
}
