import Foundation
import Testing

/// The REPL at a real (pseudo-)terminal: prompt, banner, Ctrl-C, Ctrl-D, multi-line input, paste.
@Suite("REPL at a terminal", .serialized)
struct PromptAndSignalTests {
    @Test("the banner and the prompt appear, and a statement answers")
    func promptAppears() throws {
        let home = try REPLHarness.temporaryFolder()
        let terminal = try REPLHarness.start(home: home)
        #expect(terminal.output.contains(":help"))
        try terminal.enter("1 + 2 * 3", expecting: "\n7\n")
        #expect(try terminal.quit() == 0)
    }

    @Test(":help shows how to ask which region had the largest output value in 2024, and the answer comes")
    func newUserFindsTheAnswer() throws {
        let home = try REPLHarness.temporaryFolder()
        let terminal = try REPLHarness.start(home: home)
        try terminal.enter(":help", expecting: "largest output value in 2024")
        let lines = terminal.output.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }
        guard let first = lines.firstIndex(where: { $0.hasPrefix("facts | where metric == \"output_value\"") }) else {
            Issue.record("no query in :help:\n\(terminal.output)")
            return
        }
        terminal.mark()
        terminal.send(lines[first] + "\r")
        try terminal.expect("...> ")
        try terminal.enter(lines[first + 1], expecting: "│ Guangxi")
        #expect(try terminal.quit() == 0)
    }

    @Test("Ctrl-C at the prompt clears the line; repeated Ctrl-C never exits; Ctrl-D exits 0")
    func interruptAtPrompt() throws {
        let home = try REPLHarness.temporaryFolder()
        let terminal = try REPLHarness.start(home: home)
        terminal.mark()
        terminal.send("nonsense_name")
        try terminal.expect("nonsense_name")
        try terminal.interruptLine()
        try terminal.enter("1 + 1", expecting: "\n2\n")
        #expect(!terminal.output.contains("unknown name"))
        for _ in 0..<3 { try terminal.interruptLine() }
        try terminal.enter("2 + 2", expecting: "\n4\n")
        #expect(try terminal.quit() == 0)
    }

    @Test("Chinese input edits as whole characters, under a UTF-8 locale or the C locale", arguments: ["C.UTF-8", "C"])
    func chineseInput(locale: String) throws {
        let home = try REPLHarness.temporaryFolder()
        let terminal = try REPLHarness.start(home: home, extra: ["LANG": locale, "LC_ALL": locale])
        // Two backspaces delete 西 and the closing quote.
        try terminal.enter("\"广西\"\u{7F}\u{7F}\"", expecting: "\n广\n")
        try terminal.enter("let 百色 = 42", expecting: "= 42\n")
        terminal.mark()
        terminal.send("百\t")
        try terminal.expect("百色")
        terminal.send(" + 1\r")
        try terminal.expect("\n43\n")
    }

    @Test("an error never ends the session, and _ holds the last result")
    func errorsKeepTheSession() throws {
        let home = try REPLHarness.temporaryFolder()
        let terminal = try REPLHarness.start(home: home)
        try terminal.enter("40 + 2", expecting: "\n42\n")
        try terminal.enter("1 / \"x\"", expecting: "error[")
        try terminal.enter("_ + 1", expecting: "\n43\n")
        terminal.send(":quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test("a statement continues over lines after | or an open bracket")
    func multiLineQuery() throws {
        let home = try REPLHarness.temporaryFolder()
        let terminal = try REPLHarness.start(home: home)
        terminal.mark()
        terminal.send("[10, 20,\r")
        try terminal.expect("...> ")
        terminal.send(" 30] |\r")
        try terminal.expect("...> ", count: 2)
        terminal.send("len\r")
        try terminal.expect("\n3\n")
        #expect(!terminal.output.contains("error"))
    }

    @Test("a pasted multi-line query runs as one submission, and pasted tabs stay text")
    func pastedQuery() throws {
        let home = try REPLHarness.temporaryFolder()
        let terminal = try REPLHarness.start(home: home)
        terminal.mark()
        // "[1,\t2]" alone is complete, so only paste detection keeps "| len" in the same statement.
        terminal.send("[1,\t2]\n| len\n")
        try terminal.expect("\n2\n")
        #expect(!terminal.output.contains("error"))
        #expect(!terminal.output.contains("[1, 2]"))

        // A terminal that brackets pastes: the same text between ESC[200~ and ESC[201~, arriving
        // in two pieces, still runs as one statement, and the tab inside completes nothing.
        terminal.mark()
        terminal.send("\u{1B}[200~[3,\t4, 5]\r")
        // The continuation prompt shows that the first piece was read on its own.
        try terminal.expect("...> ")
        terminal.send("| len\r\u{1B}[201~")
        try terminal.expect("\n3\n")
        #expect(!terminal.output.contains("error"))
        #expect(!terminal.output.contains("[3, 4, 5]"))
    }
}

extension PseudoTerminal {
    /// Waits until `text` appears `count` times since the mark.
    func expect(_ text: String, count: Int, timeout: Double = 30) throws {
        try expect(timeout: timeout, "\(count)× \(text.debugDescription)") { output in
            output.components(separatedBy: text).count - 1 >= count
        }
    }
}
