import ALQJSON
import ArgumentParser

/// The descriptions of the command line that the man page and the shell completion scripts are
/// generated from, without a `help` subcommand.
///
/// ArgumentParser adds a `help` subcommand to every description it generates (the JSON of
/// `--experimental-dump-help`, which `generate-manual` turns into alq.1, and the scripts of
/// `--generate-completion-script`), even for a command without subcommands. alq has none: `alq help`
/// is only one of the spellings of `--help`, and a script file may be named `help`. So alq answers
/// these two requests itself, with ArgumentParser's output less that subcommand.
enum WithoutHelpSubcommand {
    /// The output for `arguments` when they ask for a description of the command line; `nil` otherwise.
    static func output(for arguments: [String]) -> String? {
        if arguments == ["--experimental-dump-help"] { return dumpHelp(Alq._dumpHelp()) }
        guard arguments.count == 2, arguments[0] == "--generate-completion-script",
            let shell = CompletionShell(rawValue: arguments[1])
        else { return nil }
        let script = Alq.completionScript(for: shell)
        switch shell {
        case .bash: return bash(script)
        case .zsh: return zsh(script)
        case .fish: return fish(script)
        default: return script
        }
    }

    /// The tool description with no `help` entry among the root command's subcommands.
    static func dumpHelp(_ text: String) -> String {
        guard case .object(var tool)? = try? JSONParser.parse(Array(text.utf8)),
            case .object(var command)? = tool["command"]
        else { return text }
        let subcommands = (command["subcommands"]?.arrayValue ?? []).filter { $0["commandName"]?.stringValue != "help" }
        command = JSONObject(command.members.filter { $0.key != "subcommands" })
        if !subcommands.isEmpty { _ = command.insertNew("subcommands", .array(subcommands)) }
        tool = JSONObject(tool.members.map { ($0.key, $0.key == "command" ? .object(command) : $0.value) })
        return String(decoding: JSONWriter.encode(.object(tool)), as: UTF8.self)
    }

    /// bash: no subcommand completions and no `_alq_help` function.
    static func bash(_ script: String) -> String {
        var lines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        removeBlock(&lines, from: { $0.hasSuffix("# Offer subcommand / subcommand argument completions") }, to: "}")
        removeFunction(&lines, named: "_alq_help")
        return lines.joined(separator: "\n")
    }

    /// zsh: no `command` and `arg` states and no `_alq_help` function.
    static func zsh(_ script: String) -> String {
        var lines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeAll { $0.hasSuffix("'(-): :->command'") || $0.hasSuffix("'(-)*:: :->arg'") }
        removeBlock(&lines, from: { $0.hasSuffix("case \"${state}\" in") }, to: "    esac", inclusive: true)
        removeFunction(&lines, named: "_alq_help")
        return lines.joined(separator: "\n")
    }

    /// fish: no parsing of a `help` subcommand and no completions for it or after it.
    static func fish(_ script: String) -> String {
        var lines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let caseLine = lines.firstIndex(where: { $0.hasSuffix("case 'help'") }), caseLine > 0,
            lines[caseLine - 1].hasSuffix("switch $unparsed_tokens[1]"), caseLine + 2 < lines.count,
            lines[caseLine + 2].trimmingSpaces == "end"
        {
            lines.removeSubrange((caseLine - 1)...(caseLine + 2))
        }
        lines.removeAll { $0.hasPrefix("complete ") && ($0.contains("\"alq help\"") || $0.contains("-fa 'help'")) }
        return lines.joined(separator: "\n")
    }

    /// Removes the lines from the first that `start` matches up to the next line equal to `end`
    /// (which stays, unless `inclusive`), and a blank line just before them.
    private static func removeBlock(
        _ lines: inout [String], from start: (String) -> Bool, to end: String, inclusive: Bool = false
    ) {
        guard var first = lines.firstIndex(where: start),
            let last = lines[first...].firstIndex(where: { $0 == end })
        else { return }
        if first > 0, lines[first - 1].trimmingSpaces.isEmpty { first -= 1 }
        lines.removeSubrange(first..<(inclusive ? last + 1 : last))
    }

    /// Removes a shell function `name() { … }` and the blank line after it.
    private static func removeFunction(_ lines: inout [String], named name: String) {
        guard let first = lines.firstIndex(of: "\(name)() {"),
            var last = lines[first...].firstIndex(of: "}")
        else { return }
        if last + 1 < lines.count, lines[last + 1].isEmpty { last += 1 }
        lines.removeSubrange(first...last)
    }
}

extension String {
    fileprivate var trimmingSpaces: Substring {
        let start = firstIndex { $0 != " " } ?? endIndex
        let end = lastIndex { $0 != " " }.map(index(after:)) ?? start
        return self[start..<max(start, end)]
    }
}
