import ALQPluginAPI
import ALQRuntime
import ALQSyntax
import ALQSystem

/// How the REPL shows results and errors: the shell's renderers, sized to the terminal at the time
/// of the statement, in the current output format, display mode and colour policy, through the pager
/// when the result is taller than the screen.
struct ResultOutput: Sendable {
    let format: String
    let color: ColorPolicy
    let registry: Registry
    /// The terminal's size, or nil when results go to a file or pipe (nothing is cut then).
    let columns: Int?
    let rows: Int?
    var mode: DisplayMode = .auto
    var pagerMode: PagerMode = .off
    /// The pager, when results go to a terminal.
    var pager: Pager?

    /// The most lines a paged result takes; longer ones are cut in the middle with a notice.
    static let pagedLineLimit = 20_000

    /// A result as text: a table that fits the terminal (long ones cut, with a notice), or the
    /// output of an export format. `paged` lays it out for the pager: every row, up to a limit.
    func render(_ value: Value, paged: Bool = false) -> String {
        if let mode = Shell.displayMode(forFormat: format) {
            let maxLines = paged ? ResultOutput.pagedLineLimit : rows.map { max(12, $0 - 1) }
            let renderer = TableRenderer(maxWidth: columns, maxLines: maxLines, color: color)
            return ValueRenderer(table: renderer, mode: mode == .line ? .line : self.mode).render(
                value, registry: registry)
        }
        guard let exporter = registry.format(named: format) else { return "" }
        let sink = MemorySink()
        do {
            try OutputFormat.write(value, as: exporter, to: sink)
        } catch {
            return "alq: error: \(format) could not write the result: \(error)\n"
        }
        let text = sink.text
        return text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
    }

    /// Prints a result: through the pager when it is on, or in `auto` when the result is taller
    /// than the screen; else straight to the terminal.
    func show(_ value: Value) {
        if let pager, let rows, pagerMode != .off {
            let full = render(value, paged: true)
            let height = full.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            if pagerMode == .on || height > rows - 1, pager.show(full) { return }
            if pagerMode == .on || height > rows - 1 {
                Terminal.out(render(value))
                return
            }
            Terminal.out(full)
            return
        }
        Terminal.out(render(value))
    }

    /// An error pointing at the text (coloured only when standard error is a terminal too).
    func render(_ diagnostic: Diagnostic) -> String {
        DiagnosticRenderer(color: ColorPolicy(enabled: color.enabled && Terminal.isTerminal(2))).render(diagnostic)
    }
}

extension REPL {
    /// The output for the next statement, sized to the terminal now.
    func resultOutput(format: String? = nil) -> ResultOutput {
        let size = TerminalSize.of(.standardOutput)
        let toTerminal = Terminal.isTerminal(1)
        var output = ResultOutput(
            format: format ?? options.format, color: ColorPolicy(enabled: options.useColor), registry: session.registry,
            columns: toTerminal ? size?.columns ?? Terminal.columns(environment: options.environment) : nil,
            rows: toTerminal ? size?.rows ?? 24 : nil)
        output.mode = options.displayMode
        if toTerminal {
            output.pagerMode = options.pagerMode
            output.pager = Pager(environment: options.environment)
        }
        return output
    }
}
