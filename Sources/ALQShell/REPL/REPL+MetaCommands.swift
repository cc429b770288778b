import ALQSyntax
import ALQSystem

/// A meta-command typed at the prompt: `:help [topic]`, `:modules`, `:format NAME`, `:timer on|off`,
/// `:load PATH`, `:history`, `:clear`, `:mode table|line|auto|emacs|vi`, `:pager on|off|auto`, `:quit`.
struct MetaCommand: Equatable {
    var name: String
    var argument: String

    /// Parses `:name argument`.
    init(_ text: String) {
        let body = text.trimmingWhitespace.dropFirst()
        let split = body.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? body.endIndex
        name = String(body[..<split]).lowercased()
        argument = String(body[split...]).trimmingWhitespace
    }

    /// The argument without surrounding quotes, with a leading `~` expanded (``HomeFolder``).
    static func unquoted(_ argument: String, environment: [String: String]? = nil) -> String {
        var path = argument
        if path.count >= 2, let first = path.first, first == "\"" || first == "'", path.last == first {
            path = String(path.dropFirst().dropLast())
        }
        return HomeFolder.expanding(path, environment: environment)
    }

    /// Every command and a one-line description, in the order `:help commands` lists them.
    static let catalog: [(usage: String, summary: String)] = [
        (":help [topic]", "help on the REPL, the language, a function, stage or table"),
        (":modules", "the registered region modules and export formats"),
        (":format [NAME]", "show or set the output format: table, line, markdown, csv, json, …"),
        (":timer on|off", "print how long each statement took"),
        (":load PATH", "run a saved script in this session"),
        (":history", "list the history (Ctrl-R searches it)"),
        (":clear", "clear the screen"),
        (":mode table|line|auto", "lay results out as tables, as field: value lines, or choose by width"),
        (":mode emacs|vi", "choose the key bindings"),
        (":pager on|off|auto", "page results (auto: those taller than the screen) through $PAGER"),
        (":quit", "leave (also Ctrl-D on an empty line)"),
    ]
}

extension REPL {
    /// Runs a meta-command.
    func runMetaCommand(_ text: String) {
        let command = MetaCommand(text)
        switch command.name {
        case "help", "h", "?":
            Terminal.out(helpText(for: command.argument, useColor: options.useColor, registry: session.registry))
        case "modules":
            Terminal.out(resultOutput(format: "table").render(.table(session.registry.modulesTable())))
        case "format":
            setFormat(command.argument)
        case "timer":
            switch command.argument.lowercased() {
            case "on": setTimer(true)
            case "off": setTimer(false)
            case "": Terminal.out("timer is \(session.onStatementTimed != nil ? "on" : "off")\n")
            default: problem("usage: :timer on|off")
            }
        case "load":
            loadScript(command.argument)
        case "history":
            Terminal.out(historyListing())
        case "clear":
            Terminal.out("\u{1B}[H\u{1B}[2J")
        case "mode":
            switch command.argument.lowercased() {
            case "vi": editor?.setMode(.vi)
            case "emacs": editor?.setMode(.emacs)
            case "":
                Terminal.out(
                    "display: \(options.displayMode.rawValue); key bindings: \(editor?.mode.rawValue ?? "emacs")\n")
            default:
                guard let mode = DisplayMode(rawValue: command.argument.lowercased()) else {
                    problem("usage: :mode table|line|auto (layout) or :mode emacs|vi (key bindings)")
                    return
                }
                options.displayMode = mode
            }
        case "pager":
            if command.argument.isEmpty {
                Terminal.out(
                    "pager: \(options.pagerMode.rawValue) (\(Pager(environment: options.environment).command))\n")
            } else if let mode = PagerMode(rawValue: command.argument.lowercased()) {
                options.pagerMode = mode
            } else {
                problem("usage: :pager on|off|auto")
            }
        case "quit", "q", "exit":
            quit()
        default:
            let names = MetaCommand.catalog.map { String($0.usage.dropFirst().prefix { $0 != " " }) }
            let suggestion = Suggestion.didYouMean(command.name, among: names).map { " (\($0))" } ?? ""
            problem("unknown command ':\(command.name)'\(suggestion); :help lists the commands")
        }
    }

    /// Prints each statement's wall time on standard error after it, as `--timer` does.
    private func setTimer(_ on: Bool) {
        guard on else {
            session.onStatementTimed = nil
            return
        }
        let color = ColorPolicy(enabled: options.useColor && Terminal.isTerminal(2))
        session.onStatementTimed = { duration in
            Terminal.error(color.paint("time: \(Shell.milliseconds(duration)) ms", .dim) + "\n")
        }
    }

    private func setFormat(_ name: String) {
        let available =
            OutputFormat.shellFormats
            + session.registry.formats.map(\.format.name).filter { !OutputFormat.shellFormats.contains($0) }
        guard !name.isEmpty else {
            Terminal.out("format: \(options.format) (available: \(available.joined(separator: ", ")))\n")
            return
        }
        guard let match = available.first(where: { $0.lowercased() == name.lowercased() }) else {
            let suggestion = Suggestion.didYouMean(name, among: available).map { " (\($0))" } ?? ""
            problem("unknown format '\(name)'\(suggestion); available: \(available.joined(separator: ", "))")
            return
        }
        options.format = match
    }

    private func loadScript(_ argument: String) {
        let path = MetaCommand.unquoted(argument, environment: options.environment)
        guard !path.isEmpty else {
            problem("usage: :load PATH")
            return
        }
        let bytes: [UInt8]
        do {
            bytes = try ScriptFiles.read(path, isCancelled: { Signals.takeInterrupt() })
        } catch {
            problem("cannot read \(path): \(error)")
            return
        }
        switch SourceFile.decode(name: path, bytes: bytes) {
        case .success(let file):
            evaluate(file)
        case .failure(let diagnostic):
            Terminal.error(resultOutput().render(diagnostic))
        }
    }

    /// Reports a mistake in a meta-command.
    func problem(_ message: String) {
        let label = options.useColor ? "\u{1B}[1;31merror:\u{1B}[0m" : "error:"
        Terminal.error((problemLocation.map { $0 + ": " } ?? "") + "\(label) \(message)\n")
    }
}
