import Foundation
import Testing

/// Tab completion in the running REPL.
@Suite("Tab completion at a terminal", .serialized)
struct CompletionTerminalTests {
    @Test("Guan<Tab> offers Guangxi and Guangyuan")
    func regionNames() throws {
        #expect(REPLHarness.hasRegions, "the built-in regions Guangxi and Guangyuan are registered")
        let home = try REPLHarness.temporaryFolder()
        let terminal = try REPLHarness.start(home: home)
        terminal.mark()
        terminal.send("Guan\t")
        try terminal.expect("Guang")
        terminal.send("\t")
        try terminal.expect("Guangxi")
        try terminal.expect("Guangyuan")
        try terminal.interruptLine()
        terminal.send("facts | where region == \"Guangy\t")
        try terminal.expect("\"Guangyuan\"")
        try terminal.interruptLine()
        terminal.send("Guangxi.output_v\t")
        try terminal.expect("Guangxi.output_value")
    }

    @Test("a column is completed after where")
    func columnAfterWhere() throws {
        let home = try REPLHarness.temporaryFolder()
        let terminal = try REPLHarness.start(home: home)
        terminal.mark()
        terminal.send("facts | where metr\t")
        try terminal.expect("facts | where metric")
        try terminal.interruptLine()
        // Columns made by select are what flows into the next stage.
        terminal.send("facts | select metric, total = value | sort tot\t")
        try terminal.expect("sort total")
    }

    @Test("meta-commands and file paths complete")
    func metaCommandsAndPaths() throws {
        let home = try REPLHarness.temporaryFolder()
        try "a,b\n1,2\n".write(toFile: home + "/numbers_2024.csv", atomically: true, encoding: .utf8)
        let terminal = try REPLHarness.start(home: home)
        terminal.mark()
        terminal.send(":hist\t")
        try terminal.expect(":history")
        try terminal.interruptLine()
        terminal.send("open(\"\(home)/numbers_\t")
        try terminal.expect("numbers_2024.csv\")")
    }
}
