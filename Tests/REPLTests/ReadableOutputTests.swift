import ALQShell
import Foundation
import Testing

/// Results people can read at a terminal: the pager, line mode, wrapped quotes, scripts that line up,
/// and the start-up file.
@Suite("Readable output", .serialized)
struct ReadableOutputTests {
    /// The lines of the last result: after the echoed input line, before the next prompt.
    private func resultLines(_ output: String, after input: String) -> [String] {
        guard let start = output.range(of: input + "\n") else { return [] }
        let rest = output[start.upperBound...]
        let end = rest.range(of: "alq> ")?.lowerBound ?? rest.endIndex
        return rest[..<end].split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter {
            !$0.isEmpty
        }
    }

    @Test("a 200-row result at the prompt opens the pager; a short one does not")
    func tallResultsArePaged() throws {
        let home = try REPLHarness.temporaryFolder()
        var csv = "n,name\n"
        for index in 1...200 { csv += "\(index),row \(index)\n" }
        try csv.write(toFile: home + "/rows.csv", atomically: true, encoding: .utf8)
        let record = home + "/paged.txt"
        let pager = "cat > '\(record)'; echo PAGER-RAN"
        let terminal = try REPLHarness.start(home: home, extra: ["PAGER": pager])
        try terminal.enter("open(\"\(home)/rows.csv\")", expecting: "PAGER-RAN")
        let paged = try String(contentsOfFile: record, encoding: .utf8)
        #expect(paged.contains("│ row 1 ") && paged.contains("│ row 200 "), "every row goes to the pager")
        #expect(!paged.contains("not shown"))
        try terminal.enter("6 * 7", expecting: "42")
        #expect(!terminal.output.contains("PAGER-RAN"))
        // :pager off cuts the table to the screen instead, keeping its header.
        try terminal.enter(":pager off", expecting: ":pager off\n")
        try terminal.enter("open(\"\(home)/rows.csv\")", expecting: "rows not shown")
        let lines = resultLines(terminal.output, after: "open(\"\(home)/rows.csv\")")
        #expect(lines.count <= 30)
        #expect(lines.dropFirst().first?.contains("name") == true)
        #expect(!terminal.output.contains("PAGER-RAN"))
        #expect(try terminal.quit() == 0)
    }

    @Test("the default pager is less, and q returns to the prompt")
    func lessQuitsWithQ() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/less") else { return }
        let home = try REPLHarness.temporaryFolder()
        var csv = "n\n"
        for index in 1...200 { csv += "\(index)\n" }
        try csv.write(toFile: home + "/rows.csv", atomically: true, encoding: .utf8)
        let terminal = try REPLHarness.start(home: home, extra: ["PAGER": ""])
        terminal.mark()
        terminal.send("open(\"\(home)/rows.csv\")\r")
        try terminal.expect("│   1 │")
        terminal.send("q")
        try terminal.expect("alq> ")
        try terminal.enter("1 + 1", expecting: "2")
        #expect(try terminal.quit() == 0)
    }

    @Test("source(…) at 80 columns shows every quote whole, wrapped, in line mode")
    func sourceAtEightyColumns() throws {
        guard REPLHarness.hasRegions else { return }
        let home = try REPLHarness.temporaryFolder()
        let terminal = try REPLHarness.start(home: home, columns: 80)
        let input = "source(Guangyuan.output_value[2027])"
        try terminal.enter(input, expecting: "language: te")
        let lines = resultLines(terminal.output, after: input)
        for line in lines { #expect(DisplayWidth.of(line) <= 80, "too wide: \(line)") }
        let text = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(text.contains("nilai output melebihi 100 miliar yuan"))
        #expect(text.contains("100 బిలియన్ యువాన్లను మించిపోతుందని"))
        #expect(text.contains("date: 2025-11-14"))
        #expect(!text.contains("…"))
    }

    @Test("a Telugu quote lines up in a table")
    func teluguLinesUp() throws {
        guard REPLHarness.hasRegions else { return }
        let home = try REPLHarness.temporaryFolder()
        let terminal = try REPLHarness.start(home: home, columns: 120)
        try terminal.enter(":mode table", expecting: ":mode table\n")
        let input = "source(Guangyuan.output_value[2027]) | select language, quote"
        try terminal.enter(input, expecting: "└")
        let table = resultLines(terminal.output, after: input).filter { "┌│├└".contains($0.first ?? " ") }
        #expect(table.count > 5)
        #expect(table.contains { $0.contains("బిలియన్") })
        #expect(
            Set(table.map(DisplayWidth.of)).count == 1, "rows of different widths:\n\(table.joined(separator: "\n"))")
        let bars = Set(
            table.dropFirst().dropLast().map { line -> [Int] in
                var columns: [Int] = []
                var column = 0
                for character in line {
                    if "│┼├┤".contains(character) { columns.append(column) }
                    column += DisplayWidth.of(character)
                }
                return columns
            })
        #expect(bars.count == 1, "separators misaligned:\n\(table.joined(separator: "\n"))")
    }

    @Test("facts at 120 columns shows region, metric, year, value, unit, kind and bound")
    func factsAtOneHundredTwenty() throws {
        guard REPLHarness.hasRegions else { return }
        let home = try REPLHarness.temporaryFolder()
        let terminal = try REPLHarness.start(home: home, columns: 120)
        try terminal.enter("facts", expecting: "not shown")
        let header = resultLines(terminal.output, after: "facts").first { $0.hasPrefix("│") } ?? ""
        for column in ["region", "metric", "year", "value", "unit", "kind", "bound"] {
            #expect(header.contains(" \(column) "), "no \(column) in \(header)")
        }
        #expect(!header.contains(" id "))
        #expect(terminal.output.contains("205,000,000,000") || terminal.output.contains("205 bn CNY"))
    }

    @Test("init.alq runs before the first prompt; its errors name file and line; --no-init skips it")
    func startupFile() throws {
        let home = try REPLHarness.temporaryFolder()
        let folder = home + "/config/alq"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "let greeting = \"hello from init\"\n:timer on\n:bogus\nnot_a_name\n".write(
            toFile: folder + "/init.alq", atomically: true, encoding: .utf8)
        let terminal = try REPLHarness.start(home: home)
        #expect(terminal.output.contains("init.alq:3: error: unknown command ':bogus'"))
        #expect(terminal.output.contains("init.alq:4:1: error[E0101]"))
        try terminal.enter("greeting", expecting: "hello from init")
        #expect(terminal.output.contains("time: "), ":timer on from init.alq is in effect")
        #expect(try terminal.quit() == 0)

        let skipping = try PseudoTerminal(
            executable: REPLHarness.binary, arguments: ["--no-init"], environment: REPLHarness.environment(home: home))
        try skipping.expect("alq> ", timeout: 60)
        #expect(!skipping.output.contains("bogus"))
        try skipping.enter("greeting", expecting: "unknown name")
    }
}
