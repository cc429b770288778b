import ALQEngine
import ALQPluginAPI
import ALQSyntax

/// The text of `:help [topic]` and `help NAME`: guides to the REPL, and every function, stage,
/// statement and table with an example.
enum HelpCatalog {
    /// Guides to the REPL itself.
    static let guides: [String: String] = [
        "commands": commandsGuide, "keys": keysGuide, "history": historyGuide, "completion": completionGuide,
        "language": languageGuide,
    ]

    /// Every topic completion offers after `:help ` and `help `.
    static var topics: [String] {
        (guides.keys.sorted() + ["functions", "stages", "tables"] + LanguageHelp.entries.map(\.name)
            + Builtins.catalog.keys.sorted()).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    }

    /// The help text for a topic; the overview for an empty one. `help NAME` prefers the language's
    /// names (the function `keys`), `:help NAME` the REPL's guides (`:help keys`).
    static func text(
        for topic: String, useColor: Bool, preferLanguage: Bool = false, registry: Registry? = nil,
        userFunctions: [String: UserFunction] = [:]
    ) -> String {
        let style = ColorPolicy(enabled: useColor)
        let key = topic.trimmingWhitespace
        if key.isEmpty { return overview(style) }
        if let function = userFunctions[key] {
            return entry(
                title: function.signature, kind: "fn, defined in \(function.file.name)",
                summary: "= \(function.bodyText)", example: "", style)
        }
        if !preferLanguage || languageText(for: key, style) == nil, let guide = guides[key.lowercased()] {
            return guide
        }
        switch key.lowercased() {
        case "functions":
            return Builtins.catalog.values.sorted { $0.name < $1.name }
                .map { "  \(style.paint($0.signature, .bold))\n      \($0.summary)\n" }.joined()
                + "help NAME shows one with an example.\n"
        case "stages", "tables", "statements":
            let kind = LanguageHelp.Entry.Kind(rawValue: String(key.lowercased().dropLast())) ?? .stage
            return LanguageHelp.entries.filter { $0.kind == kind }
                .map { "  \(style.paint($0.usage, .bold))\n      \($0.summary)\n" }.joined()
                + "help NAME shows one with an example.\n"
        default:
            break
        }
        if let text = languageText(for: key, style) { return text }
        if let text = topicText(for: key, registry: registry, style) { return text }
        let known = topics + (registry.map(dataTopics) ?? [])
        let suggestion = Suggestion.didYouMean(key, among: known).map { " — \($0)" } ?? ""
        return
            "no help on '\(key)'\(suggestion)\ntopics: \(guides.keys.sorted().joined(separator: ", ")), functions, stages, tables, or any statement, stage, function, operator, unit, table, column, metric, meta-command or error code\n"
    }

    private static func languageText(for key: String, _ style: ColorPolicy) -> String? {
        if let entry = LanguageHelp.entry(named: key) {
            // Where the reference gives no example: the engine's own for a function, a first look for a table.
            var example = entry.example
            if example.isEmpty, entry.kind == .function { example = Builtins.catalog[entry.name]?.example ?? "" }
            if example.isEmpty, entry.kind == .table { example = "\(entry.name) | take 5" }
            return self.entry(
                title: entry.usage, kind: entry.kind.rawValue, summary: entry.summary, example: example, style)
        }
        if let builtin = Builtins.catalog[key] ?? Builtins.catalog[key.lowercased()] {
            return entry(
                title: builtin.signature, kind: "function", summary: builtin.summary, example: builtin.example, style)
        }
        return nil
    }

    private static func entry(title: String, kind: String, summary: String, example: String, _ style: ColorPolicy)
        -> String
    {
        var text = "\(style.paint(title, .bold))  \(style.paint("(\(kind))", .dim))\n  \(summary)\n"
        guard !example.isEmpty else { return text }
        text += "\nexample:\n"
        for line in example.split(separator: "\n", omittingEmptySubsequences: false) {
            text +=
                "  " + (line.hasPrefix("#") ? style.paint(String(line), .dim) : style.paint(String(line), .cyan)) + "\n"
        }
        return text
    }

    private static func overview(_ style: ColorPolicy) -> String {
        """
        \(style.paint("alq", .bold)) queries China's regional aluminium industry: every number carries its source.

        Ask a question as a pipeline: a table, then stages separated by |
          \(style.paint("facts", .cyan))                                         every fact of every region
          \(style.paint("regions", .cyan))                                       the region modules (Tab completes their names)
        Which region had the largest output value in 2024? (a line ending in | continues)
          \(style.paint("facts | where metric == \"output_value\" and year == 2024 |", .cyan))
          \(style.paint("  sort value desc | take 1 | select region, value, unit", .cyan))
          \(style.paint("Guangxi.output_value", .cyan))                          one region's series (Tab after the dot lists them)
          \(style.paint("source(_)", .cyan))                                     where the last answer came from

        Tab completes names, columns after where/select/sort/group/derive, and values inside quotes.
        A statement may span lines: end a line with | or leave a bracket open.

        More help:
          :help commands     the REPL's commands (:format, :timer, :load, :history, :quit, …)
          :help keys         editing keys, Ctrl-R history search, Ctrl-C
          :help completion   what Tab completes
          :help history      where the history is kept
          :help language     the language in brief
          help NAME          a statement, stage, function, operator (in), unit (kt), table,
                             column (facts.kind), metric (output_value), :command or code (E0202)
          :help functions    every function;  :help stages, :help tables likewise

        """
    }

    private static var commandsGuide: String {
        MetaCommand.catalog.map { usage, summary in
            "  " + usage.padding(toWidth: 16) + summary + "\n"
        }.joined() + "  help NAME       a function, stage, statement or table, with an example\n"
    }

    private static let keysGuide = """
        Keys (emacs bindings; :mode vi or ALQ_EDIT_MODE=vi for vi bindings; ~/.editrc is read):
          Tab             complete the word; when several names match, they are listed
          Ctrl-R          search the history backwards (type to search, Enter to accept)
          Up / Down       previous / next history entry (a multi-line statement is one entry)
          Ctrl-A / Ctrl-E start / end of the line
          Ctrl-W / Ctrl-U delete the word / the line before the cursor
          Ctrl-L          clear the screen (:clear does the same)
          Ctrl-C          at the prompt: clear the line; while a query runs: cancel it
          Ctrl-D          on an empty line: leave alq
        A line that ends with | or leaves a bracket open continues on the next line.
        Pasted text runs as one submission, and tabs in it are kept as text.

        """

    private static let historyGuide = """
        History is kept in $ALQ_HISTORY, else $XDG_STATE_HOME/alq/history, else ~/.local/state/alq/history,
        in libedit's format. Each statement is one entry, multi-line ones too; a repeated statement is kept
        once; the newest 2000 entries are kept ($ALQ_HISTORY_SIZE changes that). Every entry is saved when
        it runs, under a lock, merged with what other alq sessions saved, so two sessions never corrupt
        the file. :history lists it; Ctrl-R searches it.

        """

    private static let completionGuide = """
        Tab completes:
          keywords, functions, variables, tables and meta-commands (:he<Tab>)
          region names in any form: Guan<Tab> offers Guangxi and Guangyuan; 广<Tab> the Chinese names
          members after a region: Guangxi.<Tab> lists its tables, metric ids and fields
          stage names after |, and after where/select/sort/group/derive the columns of the table
            flowing into that stage
          values inside quotes: facts | where region == "Gu<Tab>
          file paths inside open("…"), load "…", export … to "…" and after :load
        One match is inserted; several are completed as far as they agree, then listed.

        """

    private static let languageGuide = """
        Values: null, true/false, numbers, strings, quantities (205 bn CNY, 14.543 Mt), lists [1, 2],
        records {a: 1}, tables. Units convert with in (14.543 Mt in kt); scale words k, M, bn, 万, 亿.
        Regions are namespaces: Guangxi, 广西 and guangxi are the same module.
        Pipelines: TABLE | STAGE | STAGE …  Stages: \(Parser.stageNames.joined(separator: ", ")).
        let NAME = EXPRESSION binds a name; _ is the last result.
        Comments start with #. Statements end at a newline (outside brackets) or ;.
        Full reference: docs/language.md. help NAME explains one name.

        """
}

extension String {
    fileprivate func padding(toWidth width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
