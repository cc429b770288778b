import ALQEngine
import ALQPluginAPI
import ALQSyntax
import Foundation

@testable import ALQShell

/// Reads docs/language.md and makes the help entries of every stage, statement, table and function:
/// its usage, a one-sentence summary and its example, as the reference gives them. The result is
/// committed as `Sources/ALQShell/REPL/LanguageHelp+Generated.swift`; `HelpCatalogTests` checks that
/// it is current and rewrites it when `ALQ_UPDATE_HELP=1`.
struct LanguageReference {
    struct Section {
        var level: Int
        var title: String
        var lines: [String] = []
        var parents: [String] = []
    }

    let sections: [Section]

    init(markdown: String) {
        var sections: [Section] = []
        var inCode = false
        var parents: [Int: String] = [:]
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") { inCode.toggle() }
            if !inCode, line.hasPrefix("#"), let space = line.firstIndex(of: " "),
                line[..<space].allSatisfy({ $0 == "#" })
            {
                let level = line.distance(from: line.startIndex, to: space)
                let title = String(line[line.index(after: space)...])
                parents = parents.filter { $0.key < level }
                sections.append(
                    Section(level: level, title: title, parents: parents.keys.sorted().compactMap { parents[$0] }))
                parents[level] = title
                continue
            }
            if !sections.isEmpty { sections[sections.count - 1].lines.append(line) }
        }
        self.sections = sections
    }

    // MARK: Entries

    /// Every entry, in the order the REPL lists them.
    func entries() -> [LanguageHelp.Entry] {
        stageEntries() + statementEntries() + tableEntries() + functionEntries() + operatorEntries() + unitEntries()
    }

    /// One entry per operator in the table of the Operators section.
    func operatorEntries() -> [LanguageHelp.Entry] {
        guard let section = sections.first(where: { $0.title == "Operators" }) else { return [] }
        var entries: [LanguageHelp.Entry] = []
        for line in section.lines where line.hasPrefix("| ") && !line.hasPrefix("| ---") {
            let cells = line.replacingOccurrences(of: "\\|", with: "\u{1}").split(separator: "|").map {
                String($0).trimmingWhitespace.replacingOccurrences(of: "\u{1}", with: "|")
            }
            guard cells.count >= 4, Int(cells[0]) != nil else { continue }
            for symbol in backticked(cells[1]) where !entries.contains(where: { $0.name == symbol }) {
                let summary = "\(LanguageReference.plain(cells[3])) (precedence \(cells[0]) of 10, \(cells[2]))."
                let word = symbol.allSatisfy(\.isLetter)
                let example = example(
                    in: [section],
                    matching: { word ? $0.split(separator: " ").contains(Substring(symbol)) : $0.contains(symbol) })
                entries.append(
                    LanguageHelp.Entry(name: symbol, kind: .operator, usage: symbol, summary: summary, example: example)
                )
            }
        }
        return entries
    }

    /// One entry per unit word in the table of the Units and quantities section.
    func unitEntries() -> [LanguageHelp.Entry] {
        guard let section = sections.first(where: { $0.title == "Units and quantities" }) else { return [] }
        var entries: [LanguageHelp.Entry] = []
        for cells in tableRows(section) where cells.count >= 3 {
            let dimension = LanguageReference.plain(cells[0])
            guard let base = backticked(cells[1]).first else { continue }
            let others = cells[2].split(separator: ",").map { String($0).trimmingWhitespace }
            for (index, word) in ([cells[1]] + others).enumerated() {
                guard let name = backticked(word).first, !entries.contains(where: { $0.name == name }) else { continue }
                let scale = word.components(separatedBy: "`").last?.trimmingWhitespace ?? ""
                let meaning =
                    index == 0
                    ? "the base unit of \(dimension)"
                    : "a unit of \(dimension) \(scale.isEmpty ? "(same as \(base))" : scale)"
                let summary =
                    "\(name) is \(meaning.trimmingWhitespace); quantities in it convert with in (x in \(base))."
                let example = example(in: [section], matching: { $0.split(separator: " ").contains(Substring(name)) })
                entries.append(
                    LanguageHelp.Entry(name: name, kind: .unit, usage: name, summary: summary, example: example))
            }
        }
        return entries
    }

    func stageEntries() -> [LanguageHelp.Entry] {
        Parser.stageNames.compactMap { name -> LanguageHelp.Entry? in
            guard
                let section = sections.first(where: {
                    $0.level == 3 && $0.parents.contains("Pipelines")
                        && $0.title.split(separator: " ").contains(Substring(name))
                })
            else {
                return nil
            }
            let prose = paragraphs(section).joined(separator: " ")
            let usage = backticked(prose).first { $0 == name || $0.hasPrefix(name + " ") } ?? name
            let summary = sentence(in: prose, containing: "`\(usage)`") ?? firstSentence(prose)
            let example = example(in: [section], matching: { LanguageReference.usesStage(name, $0) })
            return LanguageHelp.Entry(name: name, kind: .stage, usage: usage, summary: summary, example: example)
        }
    }

    func statementEntries() -> [LanguageHelp.Entry] {
        guard let section = sections.first(where: { $0.title == "Statements" }) else { return [] }
        return section.lines.compactMap { line -> LanguageHelp.Entry? in
            guard line.hasPrefix("- **`") else { return nil }
            let item = bulletItem(line, in: section)
            guard let usage = backticked(item).first, let name = usage.split(separator: " ").first.map(String.init)
            else { return nil }
            let text = item.components(separatedBy: "**: ").dropFirst().joined(separator: "**: ")
            let example = example(in: [section], matching: { $0.hasPrefix(name + " ") })
            return LanguageHelp.Entry(
                name: name, kind: .statement, usage: usage, summary: LanguageReference.plain(firstSentence(text)),
                example: example)
        }
    }

    func tableEntries() -> [LanguageHelp.Entry] {
        guard let section = sections.first(where: { $0.title == "Tables" }) else { return [] }
        return tableRows(section).compactMap { cells -> LanguageHelp.Entry? in
            guard cells.count >= 3 else { return nil }
            let name = LanguageReference.plain(cells[0])
            let summary =
                "One row per \(LanguageReference.plain(cells[1])); columns: \(LanguageReference.plain(cells[2]))."
            let matches: (String) -> Bool = { $0 == name || $0.hasPrefix(name + " ") }
            var example = example(in: [section], matching: matches)
            if example.isEmpty { example = self.example(in: sections, matching: matches) }
            return LanguageHelp.Entry(name: name, kind: .table, usage: name, summary: summary, example: example)
        }
    }

    func functionEntries() -> [LanguageHelp.Entry] {
        let functionSections = sections.filter { $0.parents.contains("Built-in functions") }
        var entries: [LanguageHelp.Entry] = []
        for section in functionSections {
            for cells in tableRows(section) where cells.count >= 2 {
                let usage = LanguageReference.plain(cells[0])
                guard let open = usage.firstIndex(of: "(") else { continue }
                let name = String(usage[..<open])
                guard Builtins.catalog[name] != nil, !entries.contains(where: { $0.name == name }) else { continue }
                var example = example(in: [section], matching: { $0.hasPrefix(name + "(") })
                if example.isEmpty {
                    example = self.example(
                        in: [section], matching: { $0.contains(name + "(") || LanguageReference.usesStage(name, $0) })
                }
                if example.isEmpty { example = self.example(in: sections, matching: { $0.hasPrefix(name + "(") }) }
                entries.append(
                    LanguageHelp.Entry(
                        name: name, kind: .function, usage: usage, summary: LanguageReference.plain(cells[1]),
                        example: example))
            }
        }
        return entries
    }

    // MARK: Pieces of a section

    /// The section's prose paragraphs (not code, tables or bullets), each joined into one line.
    func paragraphs(_ section: Section) -> [String] {
        var result: [String] = []
        var current: [String] = []
        var inCode = false
        for line in section.lines {
            if line.hasPrefix("```") { inCode.toggle() }
            if inCode || line.hasPrefix("```") || line.hasPrefix("|") || line.hasPrefix("- ")
                || line.trimmingWhitespace.isEmpty
            {
                if !current.isEmpty { result.append(current.joined(separator: " ")) }
                current = []
                continue
            }
            current.append(line.trimmingWhitespace)
        }
        if !current.isEmpty { result.append(current.joined(separator: " ")) }
        return result
    }

    /// A bullet item with its continuation lines.
    func bulletItem(_ first: String, in section: Section) -> String {
        guard let index = section.lines.firstIndex(of: first) else { return first }
        var item = [first]
        for line in section.lines[(index + 1)...] {
            guard line.hasPrefix("  "), !line.trimmingWhitespace.isEmpty else { break }
            item.append(line.trimmingWhitespace)
        }
        return item.joined(separator: " ")
    }

    /// The body rows of the section's Markdown tables, as cells.
    func tableRows(_ section: Section) -> [[String]] {
        var rows: [[String]] = []
        var header = true
        for line in section.lines {
            guard line.hasPrefix("|") else {
                header = true
                continue
            }
            if header {
                header = false
                continue
            }
            if line.hasPrefix("| ---") { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { String($0).trimmingWhitespace }
            rows.append(cells)
        }
        return rows
    }

    /// The `alq` code blocks of the sections that expect no error.
    func codeBlocks(_ sections: [Section]) -> [[String]] {
        var blocks: [[String]] = []
        for section in sections {
            var current: [String]?
            for line in section.lines {
                if line.hasPrefix("```alq") {
                    current = []
                } else if line.hasPrefix("```"), let block = current {
                    if !block.contains(where: { $0.contains("# expect error") }) { blocks.append(block) }
                    current = nil
                } else if current != nil {
                    current!.append(line)
                }
            }
        }
        return blocks
    }

    /// An example: the first code block with a line that `matches`: the `let` lines that set the
    /// block up, that line, and the results shown after it (or after the next lines, when the line
    /// itself shows none, as a `let` does).
    func example(in sections: [Section], matching matches: (String) -> Bool) -> String {
        for block in codeBlocks(sections) {
            guard let hit = block.firstIndex(where: { !$0.hasPrefix("#") && matches($0) }) else { continue }
            let isSetup: (String) -> Bool = { $0.hasPrefix("let ") || $0.hasPrefix("  ") || $0 == "]" }
            let setupCount = block.prefix(while: isSetup).count
            var start = hit
            while start > 0, isSetup(block[start - 1]) { start -= 1 }
            var end = hit
            while end + 1 < block.count, end - hit < 4, !block[end + 1].hasPrefix("# =>"),
                !block[end].hasPrefix("# =>"),
                block[(end + 1)...].contains(where: { $0.hasPrefix("# =>") })
            {
                end += 1
            }
            let shown = end
            while end + 1 < block.count, block[end + 1].hasPrefix("# =>"), end - shown < 8 { end += 1 }
            let setup = start > setupCount ? Array(block[..<setupCount]) : []
            return (setup + block[start...end]).joined(separator: "\n")
        }
        return ""
    }

    // MARK: Text

    static func usesStage(_ name: String, _ line: String) -> Bool {
        line.range(of: "\\|\\s*\(name)\\b", options: .regularExpression) != nil
    }

    func backticked(_ text: String) -> [String] {
        text.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
    }

    func firstSentence(_ text: String) -> String {
        sentences(text).first ?? text
    }

    func sentence(in text: String, containing part: String) -> String? {
        sentences(text).first { $0.contains(part) }.map(LanguageReference.plain)
    }

    private func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var inCode = false
        for character in text {
            current.append(character)
            if character == "`" { inCode.toggle() }
            if character == ".", !inCode {
                result.append(current.trimmingWhitespace)
                current = ""
            }
        }
        if !current.trimmingWhitespace.isEmpty { result.append(current.trimmingWhitespace) }
        return result.filter { $0.count > 1 }
    }

    /// Markdown without backticks and bold marks.
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "`", with: "").replacingOccurrences(of: "**", with: "")
    }

    // MARK: Swift

    /// The generated Swift file.
    static func swiftSource(_ entries: [LanguageHelp.Entry]) -> String {
        var text = """
            // swift-format-ignore-file
            // Generated from docs/language.md by HelpCatalogTests; do not edit.
            // Regenerate with: ALQ_UPDATE_HELP=1 swift test --filter HelpCatalogTests

            extension LanguageHelp {
                /// The stages, statements, tables and functions docs/language.md documents.
                static let generated: [Entry] = [

            """
        for entry in entries {
            text += "        Entry(\n"
            text +=
                "            name: \(literal(entry.name)), kind: .\(entry.kind.rawValue), usage: \(literal(entry.usage)),\n"
            text += "            summary: \(literal(entry.summary)),\n"
            text += "            example: \(literal(entry.example))),\n"
        }
        text += "    ]\n}\n"
        return text
    }

    static func literal(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return "\"\(escaped)\""
    }
}
