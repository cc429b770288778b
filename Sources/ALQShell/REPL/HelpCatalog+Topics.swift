import ALQPluginAPI
import ALQRuntime
import ALQSyntax

/// Help on what the language reference does not list name by name: the dataset's metrics and table
/// columns (read from the registry, so packs and plugins loaded later are covered), meta-commands,
/// diagnostic codes and scale words.
extension HelpCatalog {
    /// The help for a topic that is a metric, a column (`value`, `facts.value`), a meta-command
    /// (`:format`, `format`), a diagnostic code (`E0202`) or a scale word (`bn`); `nil` otherwise.
    static func topicText(for key: String, registry: Registry?, _ style: ColorPolicy) -> String? {
        if key.hasPrefix(":") { return metaCommandText(String(key.dropFirst()), style) }
        if let code = DiagnosticCode(rawValue: key.uppercased()) { return diagnosticText(code, style) }
        if let registry, let text = metricText(key, registry: registry, style) { return text }
        if let registry, let text = columnText(key, registry: registry, style) { return text }
        if let factor = Unit.scaleWords[key] {
            return heading(key, "scale word", style)
                + "  multiplies the number before it by \(NumberFormat.grouped(factor)): 5 \(key) is "
                + "\(NumberFormat.grouped(5 * factor)); before a unit it scales the unit (2 \(key) t).\n"
        }
        return metaCommandText(key, style)
    }

    /// Every metric id, column name and meta-command, for completion after `:help `.
    static func dataTopics(registry: Registry) -> [String] {
        var names: [String] = MetaCommand.catalog.map { String($0.usage.prefix { $0 != " " }) }
        if let metrics = registry.table(named: "metrics"), let ids = metrics.column("id") {
            names += (0..<metrics.rowCount).compactMap { if case .string(let id) = ids[$0] { id } else { nil } }
        }
        for name in Registry.datasetTableNames {
            for column in registry.table(named: name)?.columnNames ?? [] { names.append("\(name).\(column)") }
        }
        return names + DiagnosticCode.allCases.map(\.rawValue)
    }

    private static func heading(_ title: String, _ kind: String, _ style: ColorPolicy) -> String {
        "\(style.paint(title, .bold))  \(style.paint("(\(kind))", .dim))\n"
    }

    private static func metricText(_ key: String, registry: Registry, _ style: ColorPolicy) -> String? {
        guard let metrics = registry.table(named: "metrics"), let ids = metrics.column("id"),
            let row = (0..<metrics.rowCount).first(where: { ids[$0].displayText == key })
        else { return nil }
        func field(_ name: String) -> String {
            metrics.column(name).map { $0[row].displayText } ?? ""
        }
        var text = heading(key, "metric", style) + "  \(field("description")).\n  unit: \(field("unit"))\n"
        if let facts = registry.table(named: "facts"), let metric = facts.column("metric"),
            let region = facts.column("region"), let year = facts.column("year")
        {
            var years: [String: Set<String>] = [:]
            var order: [String] = []
            for index in 0..<facts.rowCount where metric[index].displayText == key {
                let name = region[index].displayText
                if years[name] == nil { order.append(name) }
                years[name, default: []].insert(year[index].isNull ? "no year" : year[index].displayText)
            }
            let reported = order.map { "\($0) (\(years[$0, default: []].sorted().joined(separator: ", ")))" }
            text += "  reported by: \(reported.isEmpty ? "no region yet" : reported.joined(separator: "; "))\n"
        }
        text +=
            "\nexample:\n  "
            + style.paint("facts | where metric == \"\(key)\" | select region, year, value, kind", .cyan)
        if let first = registry.regions.first {
            text += "\n  " + style.paint("\(first.module.info.name).\(key)", .cyan)
        }
        return text + "\n"
    }

    private static func columnText(_ key: String, registry: Registry, _ style: ColorPolicy) -> String? {
        let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
        let tables = parts.count == 2 ? [parts[0]] : Registry.datasetTableNames + ["regions", "formats", "modules"]
        let column = parts.count == 2 ? parts[1] : key
        var text = ""
        for name in tables {
            guard let table = registry.table(named: name), let values = table.column(column) else { continue }
            var seen: [String] = []
            var nulls = 0
            for index in 0..<table.rowCount {
                let value = values[index]
                if value.isNull {
                    nulls += 1
                    continue
                }
                let shown = CellText.of(value, grouped: !TableLayout.isIdentifierName(column))
                if seen.count < 6, !seen.contains(shown) { seen.append(shown) }
            }
            let sample = seen.map { DisplayWidth.truncate($0, to: 40) }.joined(separator: ", ")
            text += "  a column of \(style.paint(name, .bold)) (\(values.typeName)): \(sample)"
            text += seen.count == 6 ? ", …" : ""
            text += nulls > 0 ? "; null in \(nulls) of \(table.rowCount) rows\n" : "\n"
        }
        guard !text.isEmpty else { return nil }
        let about = tables.count == 1 ? LanguageHelp.entry(named: tables[0]).map { "  \($0.summary)\n" } ?? "" : ""
        return heading(key, "column", style) + text + about + "  example: "
            + style.paint("\(tables.count == 1 ? tables[0] : "facts") | select \(column) | distinct", .cyan) + "\n"
    }

    private static func metaCommandText(_ name: String, _ style: ColorPolicy) -> String? {
        let matches = MetaCommand.catalog.filter { $0.usage.dropFirst().prefix { $0 != " " } == name.lowercased() }
        guard !matches.isEmpty else { return nil }
        return heading(":" + name.lowercased(), "meta-command", style)
            + matches.map { "  \(style.paint($0.usage, .bold))  \($0.summary)\n" }.joined()
            + "  Meta-commands work at the prompt; :help, :format, :mode, :timer, :load and :modules also in scripts,\n"
            + "  -c text and the start-up file.\n"
    }

    private static func diagnosticText(_ code: DiagnosticCode, _ style: ColorPolicy) -> String {
        let words = String(describing: code).reduce(into: "") { text, character in
            if character.isUppercase { text += " " }
            text += character.lowercased()
        }
        let group: String
        switch code.rawValue.prefix(3) {
        case "E00": group = code.isSyntaxError && code.rawValue < "E0010" ? "lexical error" : "syntax error"
        case "E01": group = "an unknown name"
        case "E02": group = "a type or unit error"
        case "E03": group = "an evaluation error"
        case "E04": group = "a file or data error"
        default: group = "a plugin or pack error"
        }
        return heading(code.rawValue, "diagnostic", style)
            + "  \(words.prefix(1).uppercased() + words.dropFirst()): \(group). A script that stops on it exits with "
            + "status \(code.exitStatus).\n  The message names what went wrong at the caret; docs/language.md lists "
            + "every code.\n"
    }
}
