import Foundation
import Testing

/// What the REPL prints: tables that line up, colour only when allowed, Ctrl-C during a query.
@Suite("Output at a terminal", .serialized)
struct OutputTerminalTests {
    @Test("a table of Chinese names lines up")
    func chineseNamesLineUp() throws {
        let home = try REPLHarness.temporaryFolder()
        let terminal = try REPLHarness.start(home: home)
        terminal.mark()
        terminal.send("[{name: \"广西壮族自治区\", n: 1}, {name: \"百色\", n: 22}, {name: \"Guangyuan 广元\", n: 333}]\r")
        try terminal.expect("└")
        let lines = terminal.output.split(separator: "\n").map(String.init)
        guard let top = lines.firstIndex(where: { $0.hasPrefix("┌") }),
            let bottom = lines.firstIndex(where: { $0.hasPrefix("└") })
        else {
            Issue.record("no table in:\n\(terminal.output)")
            return
        }
        let table = Array(lines[top...bottom])
        #expect(table.count == 7)
        let widths = Set(table.map(displayWidth))
        #expect(widths.count == 1, "rows of different widths:\n\(table.joined(separator: "\n"))")
        // The column separators sit in the same display columns on every row.
        let bars = Set(table.dropFirst().dropLast().map { separatorColumns($0) })
        #expect(bars.count == 1, "separators misaligned:\n\(table.joined(separator: "\n"))")
        #expect(table.contains { $0.contains("广西壮族自治区") })
    }

    @Test("a wide table fits the terminal's width, with a notice of what is cut")
    func tableFitsTheWidth() throws {
        let home = try REPLHarness.temporaryFolder()
        let terminal = try REPLHarness.start(home: home, columns: 60)
        try terminal.enter(":mode table", expecting: ":mode table\n")
        try terminal.enter("facts | take 3", expecting: "not shown")
        let table = terminal.output.split(separator: "\n").map(String.init).filter {
            $0.hasPrefix("│") || $0.hasPrefix("┌")
        }
        #expect(!table.isEmpty)
        for line in table { #expect(displayWidth(line) <= 60, "too wide: \(line)") }
    }

    @Test("with standard output redirected, results go to the file and the prompt stays at the terminal")
    func redirectedOutput() throws {
        let home = try REPLHarness.temporaryFolder()
        let file = home + "/results.txt"
        let terminal = try PseudoTerminal(
            executable: REPLHarness.binary, environment: REPLHarness.environment(home: home), standardOutput: file)
        try terminal.expect("alq> ", timeout: 60)
        try terminal.enter("6 * 7", expecting: "6 * 7\n")
        try terminal.enter("facts | take 2", expecting: "take 2\n")
        #expect(try terminal.quit() == 0)
        let results = try String(contentsOfFile: file, encoding: .utf8)
        #expect(results.hasPrefix("42\n"))
        #expect(results.contains("guangxi.output_value"))
        #expect(!results.contains("alq> "))
        // Nothing is cut in a file: every column is there.
        #expect(!results.contains("not shown"))
        #expect(!terminal.output.contains("42"))
    }

    @Test("NO_COLOR gives no escape codes; colour is on otherwise")
    func noColor() throws {
        let plainHome = try REPLHarness.temporaryFolder()
        let plain = try REPLHarness.start(home: plainHome, color: false)
        try plain.enter("[{a: 1}]", expecting: "└")
        try plain.enter("no_such_name", expecting: "error")
        try plain.enter(":help", expecting: ":help keys")
        #expect(!containsStyle(plain.rawOutput), "styled output: \(plain.rawOutput.debugDescription)")

        let colourHome = try REPLHarness.temporaryFolder()
        let coloured = try REPLHarness.start(home: colourHome, color: true)
        try coloured.enter("no_such_name", expecting: "error")
        #expect(containsStyle(coloured.rawOutput))
    }

    @Test("Ctrl-C cancels a long query and the next statement still answers")
    func interruptLongQuery() throws {
        let home = try REPLHarness.temporaryFolder()
        let path = home + "/big.csv"
        var csv = "region,year,value\n"
        let regions = ["Guangxi", "Guangyuan", "Chongqing", "Baise"]
        for row in 0..<300_000 {
            csv += "\(regions[row % 4]),\(2000 + row % 25),\(row % 9973)\n"
        }
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        let terminal = try REPLHarness.start(home: home)
        terminal.mark()
        terminal.send("let big = open(\"\(path)\")\r")
        try terminal.expect("alq> ", timeout: 120)
        // Many long statements in one submission: only cancellation ends it soon.
        let query = "big | derive x = value * 3 + year | sort x desc, region | take 1"
        terminal.mark()
        terminal.send(Array(repeating: query, count: 200).joined(separator: "; ") + "\r")
        try terminal.expect("┌", timeout: 120)
        terminal.send("\u{3}")
        // Only Ctrl-C prints "interrupted"; the timeout bounds a failure, it measures nothing.
        try terminal.expect("interrupted", timeout: 30)
        try terminal.enter("1 + 1", expecting: "\n2\n")
        #expect(try terminal.quit() == 0)
    }

    private func containsStyle(_ text: String) -> Bool {
        text.range(of: "\u{1B}\\[[0-9;]*m", options: .regularExpression) != nil
    }

    private func separatorColumns(_ line: String) -> [Int] {
        var columns: [Int] = []
        var column = 0
        for character in line {
            if "│┼├┤".contains(character) { columns.append(column) }
            column += displayWidth(String(character))
        }
        return columns
    }
}

/// Terminal columns: CJK characters take two.
func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
        let value = scalar.value
        let wide =
            (0x1100...0x115F).contains(value) || (0x2E80...0x303E).contains(value)
            || (0x3041...0x33FF).contains(value) || (0x3400...0x4DBF).contains(value)
            || (0x4E00...0x9FFF).contains(value) || (0xFF00...0xFF60).contains(value)
        return width + (wide ? 2 : 1)
    }
}
