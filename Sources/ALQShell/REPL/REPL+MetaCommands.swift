import ALQSyntax
import Foundation

/// A meta-command typed at the prompt: `:help [topic]`, `:modules`, `:format NAME`, `:timer on|off`,
/// `:load PATH`, `:history`, `:clear`, `:mode emacs|vi`, `:quit`.
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

    /// Every command and a one-line description, in the order `:help commands` lists them.
    static let catalog: [(usage: String, summary: String)] = [
        (":help [topic]", "help on the REPL, the language, a function, stage or table"),
        (":modules", "the registered region modules and export formats"),
        (":format [NAME]", "show or set the output format: table, csv, json, …"),
        (":timer on|off", "print how long each statement took"),
        (":load PATH", "run a saved script in this session"),
        (":history", "list the history (Ctrl-R searches it)"),
        (":clear", "clear the screen"),
        (":mode emacs|vi", "choose the key bindings"),
        (":quit", "leave (also Ctrl-D on an empty line)"),
    ]
}

extension REPL {
    /// Runs a meta-command.
    func runMetaCommand(_ text: String) {
        let command = MetaCommand(text)
        switch command.name {
        case "help", "h", "?":
            Terminal.out(HelpCatalog.text(for: command.argument, useColor: options.useColor))
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
            case "": Terminal.out("key bindings: \(editor?.mode.rawValue ?? "emacs")\n")
            default: problem("usage: :mode emacs|vi")
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
        let available = ["table"] + session.registry.formats.map(\.format.name).filter { $0 != "table" }
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
        var path = argument
        if path.count >= 2, let first = path.first, first == "\"" || first == "'", path.last == first {
            path = String(path.dropFirst().dropLast())
        }
        guard !path.isEmpty else {
            problem("usage: :load PATH")
            return
        }
        if path.hasPrefix("~/"), let home = options.environment["HOME"] { path = home + path.dropFirst() }
        let bytes: [UInt8]
        switch StandardStreams.readFile(path) {
        case .success(let read): bytes = read
        case .failure(let reason):
            problem("cannot read \(path): \(reason)")
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
        Terminal.error("\(label) \(message)\n")
    }
}
