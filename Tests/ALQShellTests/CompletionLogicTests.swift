import ALQTestSupport
import Foundation
import Testing

@testable import ALQShell

/// Completion, continuation and history logic, without a terminal.
@Suite("REPL logic")
struct CompletionLogicTests {
    struct FixedSource: CompletionSource {
        var functionNames = ["len", "lower", "region", "round", "sum"]
        var variableNames = ["gx"]
        var tableNames = ["facts", "companies", "regions"]
        var regionNames = ["Guangxi", "广西", "Guǎngxī", "Guangyuan", "广元", "Chongqing", "Baise", "百色"]
        var formatNames = ["csv", "json"]
        var helpTopics = ["keys", "where", "round"]

        func members(of base: String) -> [String]? {
            base == "Guangxi" ? ["facts", "companies", "output_value", "alumina_output"] : nil
        }

        func columns(flowingOutOf pipeline: String) -> [String]? {
            if pipeline.hasPrefix("plants") { return ["plant", "capacity [kt]"] }
            return pipeline.hasPrefix("facts") ? ["id", "region", "metric", "year", "value", "unit"] : nil
        }

        func values(ofColumn column: String, flowingOutOf pipeline: String) -> [String]? {
            column == "region" ? ["Guangxi", "Guangyuan", "Chongqing", "Baise"] : nil
        }
    }

    let completer = Completer(source: FixedSource())

    func candidates(_ text: String) -> [String] {
        completer.complete(text).candidates.map(\.text)
    }

    @Test func regionNamesByPrefix() {
        #expect(candidates("Guan") == ["Guangxi", "Guangyuan"])
        #expect(completer.complete("Guan").action == .replace("Guang"))
        #expect(completer.complete("Guang").action == .list(["Guangxi", "Guangyuan"]))
        #expect(candidates("广") == ["广西", "广元"])
        #expect(candidates("guangx").contains("Guangxi"))
    }

    @Test func membersAfterDot() {
        #expect(candidates("Guangxi.out") == ["output_value"])
        #expect(candidates("let a = Guangxi.").count == 4)
    }

    @Test func columnsInStages() {
        #expect(candidates("facts | where yea") == ["year"])
        #expect(candidates("facts | where year > 2020 and reg").first == "region")
        #expect(candidates("facts | sort val") == ["value"])
        #expect(candidates("let x = facts | group reg").first == "region")
        #expect(candidates("facts | wh") == ["where"])
        #expect(candidates("(facts | where un") == ["unit"])
        #expect(candidates("plants | select cap") == ["`capacity [kt]`"])
        #expect(candidates("plants | select `cap") == ["`capacity [kt]`"])
    }

    @Test func valuesInsideQuotes() {
        let result = completer.complete(#"facts | where region == "Gu"#)
        #expect(result.word == "Gu")
        #expect(result.candidates.map(\.text) == ["Guangxi", "Guangyuan"])
        #expect(completer.complete(#"facts | where region == "Bai"#).action == .replace("Baise\""))
        #expect(candidates(#"facts | where region in ["Baise", "Ch"#) == ["Chongqing"])
    }

    @Test func pathsInsideStrings() throws {
        let folder = try TemporaryFolder.make("completion")
        try "x\n".write(toFile: folder + "/report_2024.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder + "/reports", withIntermediateDirectories: true)
        #expect(completer.complete("open(\"\(folder)/report_").action == .replace("\(folder)/report_2024.csv\")"))
        #expect(
            completer.complete("facts | export csv to \"\(folder)/report_").action
                == .replace("\(folder)/report_2024.csv\""))
        #expect(completer.complete("load '\(folder)/report_").action == .replace("\(folder)/report_2024.csv'"))
        #expect(completer.complete("open(\"\(folder)/reports").action == .replace("\(folder)/reports/"))
        #expect(completer.complete(":load \(folder)/report_").action == .replace("\(folder)/report_2024.csv"))
    }

    @Test func metaCommandsAndArguments() {
        #expect(candidates(":he") == [":help"])
        #expect(candidates(":format c") == ["csv"])
        #expect(candidates(":timer o") == ["on", "off"])
        #expect(candidates("help ro") == ["round"])
    }

    @Test func statementContinuation() {
        #expect(StatementCompleteness.needsMoreInput("facts |"))
        #expect(StatementCompleteness.needsMoreInput("[1, 2,"))
        #expect(StatementCompleteness.needsMoreInput("round(1 +"))
        #expect(StatementCompleteness.needsMoreInput("facts # all of them\n  | where year == 2024 |"))
        #expect(!StatementCompleteness.needsMoreInput("1 +"))
        #expect(!StatementCompleteness.needsMoreInput("[1, 2])"))
        #expect(!StatementCompleteness.needsMoreInput("facts | take 1"))
        #expect(!StatementCompleteness.needsMoreInput("\"unclosed"))
        #expect(!StatementCompleteness.needsMoreInput(":help"))
    }

    @Test func historyStoreMergesConcurrentWriters() async throws {
        let folder = try TemporaryFolder.make("completion")
        let path = folder + "/state/alq/history"
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    let store = HistoryStore(path: path, limit: 1000)
                    for entry in 0..<50 { _ = store.append("w\(writer) e\(entry)\nsecond line") }
                }
            }
        }
        var store = HistoryStore(path: path, limit: 1000)
        let (entries, warning) = store.load()
        #expect(warning == nil)
        #expect(entries.count == 100)
        #expect(entries.filter { $0.hasPrefix("w1 ") }.count == 50)
        #expect(entries.allSatisfy { $0.hasSuffix("\nsecond line") })
        _ = store.append(entries.last!)
        #expect(store.load().entries.count == 100)
    }

    @Test func historyFileEdgeCases() throws {
        let folder = try TemporaryFolder.make("completion")
        // An empty file is an empty history, and is written in libedit's format.
        _ = FileManager.default.createFile(atPath: folder + "/empty", contents: Data())
        var empty = HistoryStore(path: folder + "/empty")
        #expect(empty.load().warning == nil)
        #expect(empty.append("1 + 1") == nil)
        #expect(try String(contentsOfFile: folder + "/empty", encoding: .utf8).hasPrefix("_HiStOrY_V2_"))
        // /dev/null turns history off without a warning, and is never replaced.
        var devNull = HistoryStore(path: "/dev/null")
        #expect(devNull.load().warning == nil)
        #expect(devNull.isReadOnly)
        #expect(devNull.append("x") == nil)
        // A file in another format is left alone, with a warning.
        try "not history\n".write(toFile: folder + "/other", atomically: true, encoding: .utf8)
        var other = HistoryStore(path: folder + "/other")
        #expect(other.load().warning != nil)
        _ = other.append("x")
        #expect(try String(contentsOfFile: folder + "/other", encoding: .utf8) == "not history\n")
        // A symbolic link is followed: the file it points to is updated, the link stays.
        try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: folder + "/empty")
        var linked = HistoryStore(path: folder + "/link")
        _ = linked.load()
        #expect(linked.append("2 + 2") == nil)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link") == folder + "/empty")
        #expect(HistoryStore(path: folder + "/empty").currentEntriesForTesting == ["1 + 1", "2 + 2"])
    }

    @Test func historyPath() {
        #expect(HistoryStore.defaultPath(environment: ["ALQ_HISTORY": "/x/h", "HOME": "/home/a"]) == "/x/h")
        #expect(HistoryStore.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/home/a"]) == "/s/alq/history")
        #expect(HistoryStore.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.local/state/alq/history")
    }
}

/// Completion runs inside the line editor: whatever was typed, it must never crash the REPL.
@Suite("Completion never fails")
struct CompletionRobustnessTests {
    static let samples = [
        #"facts | where region == "Gu"#, #"open("/tmp/x"#, "Guangxi.", "`weird name", "\"unterminated",
        "((([[{{", ")))]]}}|||", "let = = |", "广西.", "facts | where 百色 == '广", ":help ", ":format  j",
        "help  ", "1e999 | where", "\\u{", "x | export csv to \"", "a in [\"b\", \"", "# comment\nfacts |",
        "facts |\n  where year > 2020 and\n", "Guǎngxī.out", "\u{0}\u{1B}[A", String(repeating: "(", count: 300),
    ]

    @Test(arguments: samples)
    func everyPrefixCompletes(sample: String) {
        let completer = Completer(source: CompletionLogicTests.FixedSource())
        var prefix = ""
        for character in sample {
            prefix.append(character)
            _ = completer.complete(prefix).action
            _ = StatementCompleteness.needsMoreInput(prefix)
        }
    }
}
