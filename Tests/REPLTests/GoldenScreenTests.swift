import Foundation
import Testing

/// Whole screens of a short session at 80×24 and 120×40, with colour off and on, compared with the
/// expectations in Tests/REPLTests/Screens (`ALQ_UPDATE_SCREENS=1` rewrites them).
@Suite("Golden screens", .serialized)
struct GoldenScreenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Screens")

    /// The session: a value, a table with Chinese text, a record in line mode, a source with quotes.
    static let session = [
        "Guangxi.output_value[2024]",
        "[{name: \"广西壮族自治区\", n: 1234567}, {name: \"百色 Baise\", n: 22}]",
        "{region: \"广元 Guangyuan\", target: 100 bn CNY, flag: \"🇨🇳\"}",
        "source(Guangxi.output_value[2024])",
    ]

    @Test(arguments: [(80, 24, false), (80, 24, true), (120, 40, false), (120, 40, true)])
    func screen(columns: Int, rows: Int, color: Bool) throws {
        guard REPLHarness.hasRegions else { return }
        let home = try REPLHarness.temporaryFolder()
        let terminal = try PseudoTerminal(
            executable: REPLHarness.binary,
            environment: REPLHarness.environment(home: home, color: color, extra: ["ALQ_HISTORY": "/dev/null"]),
            columns: UInt16(columns), rows: UInt16(rows))
        try terminal.expect("alq> ", timeout: 60)
        for line in GoldenScreenTests.session {
            let prompts = PseudoTerminal.plain(terminal.rawOutput).components(separatedBy: "alq> ").count
            terminal.send(line + "\r")
            try terminal.expect(timeout: 30, "the next prompt") { _ in
                PseudoTerminal.plain(terminal.rawOutput).components(separatedBy: "alq> ").count > prompts
            }
        }
        var screen = ScreenBuffer(columns: columns, rows: rows)
        screen.feed(terminal.rawOutput)
        let actual = screen.snapshot(styles: color)
        let name = "session-\(columns)x\(rows)-\(color ? "color" : "plain").txt"
        let path = GoldenScreenTests.folder.appendingPathComponent(name).path
        if ProcessInfo.processInfo.environment["ALQ_UPDATE_SCREENS"] == "1" {
            try FileManager.default.createDirectory(at: GoldenScreenTests.folder, withIntermediateDirectories: true)
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(actual == expected, "screen \(name) differs; the terminal shows:\n\(actual)")
        _ = try terminal.quit()
    }
}
