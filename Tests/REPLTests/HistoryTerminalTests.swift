import Foundation
import Testing

/// The persistent history, through the running REPL.
@Suite("History at a terminal", .serialized)
struct HistoryTerminalTests {
    @Test("history survives a restart, multi-line statements as one entry")
    func survivesRestart() throws {
        let home = try REPLHarness.temporaryFolder()
        do {
            let terminal = try REPLHarness.start(home: home)
            try terminal.enter("[1, 2,\r3] | len", expecting: "\n3\n")
            try terminal.enter("40 + 2", expecting: "\n42\n")
            #expect(try terminal.quit() == 0)
        }
        let file = try String(contentsOfFile: home + "/history", encoding: .utf8)
        #expect(file.hasPrefix("_HiStOrY_V2_\n"))

        let terminal = try REPLHarness.start(home: home)
        try terminal.enter("\u{10}", expecting: "\n42\n")  // Ctrl-P: the previous entry
        try terminal.enter("\u{10}\u{10}\u{10}", expecting: "\n3\n")  // further back: the multi-line statement
        try terminal.enter("7 * 6 + 100", expecting: "\n142\n")
        try terminal.enter("\u{12}40 +", expecting: "\n42\n")  // Ctrl-R searches backwards
        try terminal.enter(":history", expecting: "40 + 2")
        #expect(try terminal.quit() == 0)
    }

    @Test("two REPLs at once keep every entry of both")
    func twoSessionsShareTheFile() throws {
        let home = try REPLHarness.temporaryFolder()
        let first = try REPLHarness.start(home: home)
        let second = try REPLHarness.start(home: home)
        for round in 0..<5 {
            try first.enter("\(round) + 1000", expecting: "\n\(round + 1000)\n")
            try second.enter("\(round) + 2000", expecting: "\n\(round + 2000)\n")
        }
        #expect(try first.quit() == 0)
        #expect(try second.quit() == 0)
        let third = try REPLHarness.start(home: home)
        try third.enter(":history", expecting: "4 + 2000")
        let listed = third.output
        for round in 0..<5 {
            #expect(listed.contains("\(round) + 1000"))
            #expect(listed.contains("\(round) + 2000"))
        }
        #expect(try third.quit() == 0)
    }

    @Test("an unreadable history file gives a warning, not a failure")
    func unreadableFile() throws {
        let home = try REPLHarness.temporaryFolder()
        try FileManager.default.createDirectory(atPath: home + "/history", withIntermediateDirectories: true)
        let terminal = try REPLHarness.start(home: home)
        #expect(terminal.output.contains("warning"))
        try terminal.enter("1 + 1", expecting: "\n2\n")
        #expect(try terminal.quit() == 0)
    }
}
