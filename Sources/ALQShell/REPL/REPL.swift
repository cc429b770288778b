import ALQEngine
import ALQSyntax

/// The interactive REPL: reads statements with line editing, history and completion, runs them on a
/// worker thread that Ctrl-C can cancel, and prints results that fit the terminal.
///
/// Start it only when standard input is a terminal; scripts go through ``ScriptRunner``.
public final class REPL {
    let session: Session
    var options: Options
    var editor: LineEditor?
    var history: HistoryStore?
    private var quitRequested = false
    /// `file:line` of the start-up file's meta-command being run, for its error messages.
    var problemLocation: String?

    /// A REPL over a session.
    public init(session: Session, options: Options) {
        self.session = session
        self.options = options
    }

    /// Runs until `:quit` or Ctrl-D on an empty line, and returns the exit status (0).
    public func run() -> Int32 {
        Signals.install()
        let mode: LineEditor.Mode = options.environment["ALQ_EDIT_MODE"] == "vi" ? .vi : .emacs
        let limit = HistoryStore.limit(environment: options.environment)
        guard let editor = LineEditor(programName: "alq", mode: mode, historySize: limit) else {
            Terminal.error(
                LineEditor.isAvailable
                    ? "alq: cannot start the line editor\n"
                    : "alq: cannot start the line editor: libedit (libedit.so.2) could not be loaded\n")
            return ExitStatus.runtimeError
        }
        self.editor = editor
        startHistory(editor: editor, limit: limit)
        let completer = Completer(
            source: SessionCompletionSource(
                session: session,
                helpTopics: HelpCatalog.topics + HelpCatalog.dataTopics(registry: session.registry)))
        editor.completer = { completer.complete($0) }
        editor.bracketedPaste =
            (Terminal.isTerminal(1) || Terminal.isTerminal(2)) && options.environment["TERM"] != "dumb"
        editor.columns = { [environment = options.environment] in Terminal.columns(environment: environment) }
        if options.showBanner { editor.show(banner) }
        runStartupFile()

        var pending = ""
        while !quitRequested {
            let prompt = Prompt(format: options.format, useColor: options.useColor)
            editor.completionContext = pending.isEmpty ? "" : pending + "\n"
            editor.continuingStatement = !pending.isEmpty
            switch editor.readLine(prompt: pending.isEmpty ? prompt.primary : prompt.continuation) {
            case .end:
                editor.show("\n")
                if pending.isEmpty { return 0 }
                pending = ""
            case .interrupted:
                pending = ""
                editor.show("\n")
            case .line(let line):
                // A meta-command pasted after whole statements: run the statements first.
                if !pending.isEmpty, line.trimmingWhitespace.hasPrefix(":"),
                    !StatementCompleteness.needsMoreInput(pending)
                {
                    remember(pending)
                    submit(pending)
                    pending = ""
                }
                let text = pending.isEmpty ? line : pending + "\n" + line
                if text.trimmingWhitespace.isEmpty {
                    pending = ""
                    continue
                }
                let isMeta = text.trimmingWhitespace.hasPrefix(":")
                // Lines that arrive faster than anyone types are a paste: keep them in one submission.
                if !isMeta, StatementCompleteness.needsMoreInput(text) || editor.input.hasPendingInput(milliseconds: 10)
                {
                    pending = text
                    continue
                }
                pending = ""
                remember(text)
                submit(text)
            }
        }
        return ExitStatus.ok
    }

    /// Runs one submission: a meta-command, `help NAME`, or statements.
    func submit(_ text: String) {
        let trimmed = text.trimmingWhitespace
        if trimmed.hasPrefix(":") {
            runMetaCommand(trimmed)
        } else if let topic = helpRequest(trimmed) {
            Terminal.out(
                helpText(for: topic, useColor: options.useColor, preferLanguage: true, registry: session.registry))
        } else {
            evaluate(SourceFile(name: "<input>", text: text))
        }
    }

    /// `help` or `help NAME`, unless `help` is a variable.
    private func helpRequest(_ text: String) -> String? {
        guard session.variables["help"] == nil else { return nil }
        if text == "help" { return "" }
        guard text.hasPrefix("help ") else { return nil }
        let topic = String(text.dropFirst(5)).trimmingWhitespace
        return topic.contains(" ") || topic.contains("|") ? nil : topic
    }

    func quit() {
        quitRequested = true
    }

    private var banner: String {
        let version = options.version.isEmpty ? "" : " " + options.version
        let title = "alq\(version) — China's regional aluminium industry, by query"
        let hint = "Type :help for help, Tab to complete, Ctrl-D or :quit to leave."
        let color = ColorPolicy(enabled: options.useColor)
        return color.paint(title, .bold) + "\n" + color.paint(hint, .dim) + "\n"
    }
}
