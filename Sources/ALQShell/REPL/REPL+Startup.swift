import ALQPluginAPI
import ALQSyntax
import ALQSystem

extension REPL {
    /// Runs the start-up file (`$XDG_CONFIG_HOME/alq/init.alq`, else `~/.config/alq/init.alq`)
    /// before the first prompt: statements, `help` lines and meta-commands, as if typed. A missing
    /// file is skipped; an error is reported with the file and line and the REPL starts anyway.
    func runStartupFile() {
        guard let path = options.startupFile else { return }
        let bytes: [UInt8]
        do {
            bytes = try ScriptFiles.read(path)
        } catch .missing {
            return
        } catch {
            problem("cannot read the start-up file \(path): \(error)")
            return
        }
        switch SourceFile.decode(name: path, bytes: bytes) {
        case .failure(let diagnostic):
            Terminal.error(resultOutput().render(diagnostic))
        case .success(let file):
            for segment in ScriptSegment.split(file) {
                switch segment {
                case .statements(let statements):
                    evaluate(statements)
                case .help(let topic, let text, let line):
                    if session.variables["help"] != nil {
                        evaluate(SourceFile(name: path, text: String(repeating: "\n", count: line - 1) + text))
                    } else {
                        Terminal.out(
                            helpText(
                                for: topic, useColor: options.useColor, preferLanguage: true, registry: session.registry
                            ))
                    }
                case .meta(let command, let line):
                    problemLocation = "\(path):\(line)"
                    runMetaCommand(":" + command.name + " " + command.argument)
                    problemLocation = nil
                }
            }
        }
    }
}

extension REPL {
    /// Help text wrapped at word boundaries to the terminal's width.
    func helpText(for topic: String, useColor: Bool, preferLanguage: Bool = false, registry: Registry) -> String {
        let text = HelpCatalog.text(
            for: topic, useColor: useColor, preferLanguage: preferLanguage, registry: registry,
            userFunctions: session.userFunctions)
        guard Terminal.isTerminal(1) else { return text }
        return DisplayWidth.wrapLines(text, to: Terminal.columns(environment: options.environment))
    }
}
