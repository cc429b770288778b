import ALQTestSupport
import Foundation
import Testing

/// Ctrl-C during every long operation on a generated 2,000,000-row table, at a real terminal: the
/// statement stops with E0306 and the REPL answers the next one.
///
/// The time from Ctrl-C to E0306 on the screen is measured and recorded — printed and written to
/// `.build/interrupt-latency.txt` — but not asserted: tests make no wall-clock assertions, and the
/// figure depends on the build (debug or release) and the machine's load. docs/reliability.md
/// ("Signals") records measured figures and how to reproduce them (`make interrupt-latency`).
@Suite("Ctrl-C during long operations", .serialized)
struct InterruptLatencyTests {
    static let rowCount = 2_000_000

    /// One long operation: what is measured, and a statement that runs it without printing.
    struct Operation: Sendable, CustomStringConvertible {
        var name: String
        var statement: String
        var description: String { name }

        init(name: String, statement: String) {
            self.name = name
            self.statement = statement
        }

        /// An operation that takes milliseconds when optimised, run once per row of a million-row table
        /// through a function, so that it is still running when Ctrl-C comes whatever the machine's speed.
        init(name: String, calls pipeline: String) {
            self.name = name
            self.statement = "fn op(i) = \(pipeline) | len; let t = range(1000000) | derive x = op(value)"
        }
    }

    static func operations(folder: String) -> [Operation] {
        let plugins = PackageLayout.root.appendingPathComponent("Tests/PluginTests/Fixtures/plugins").path
        return [
            Operation(name: "open (CSV)", statement: "let t = open(\"\(folder)/big.csv\")"),
            Operation(name: "open (JSON)", statement: "let t = open(\"\(folder)/big.json\")"),
            Operation(name: "load (a plugin that does not answer)", statement: "load \"\(plugins)/hang.py\""),
            Operation(name: "sort", statement: "let t = big | sort value desc, name, id"),
            Operation(name: "sort + take (top 10)", calls: "big | sort value desc, name | take 10"),
            Operation(name: "sort + take (one number key)", calls: "big | sort value desc | take 10"),
            Operation(name: "sort + take (one string key)", calls: "big | sort name | take 10"),
            Operation(name: "sort (compared values)", statement: "let t = big | sort [value], id"),
            Operation(name: "group + median", calls: "big | group region | agg m = median(value)"),
            Operation(name: "group + count_distinct", calls: "big | group region | agg d = count_distinct(name)"),
            Operation(
                name: "group + count_distinct (numbers)", calls: "big | group region | agg d = count_distinct(value)"),
            Operation(name: "group + percentile", calls: "big | group region | agg p = percentile(value, 90)"),
            Operation(name: "distinct", statement: "let t = big | select id, region | distinct"),
            Operation(name: "join", statement: "let t = big | join other on id"),
            Operation(name: "join (left, unique keys)", statement: "let t = big | join left other on id"),
            Operation(name: "pivot", statement: "let t = big | select id, year, value | pivot year values value"),
            Operation(name: "unpivot", statement: "let t = big | unpivot year, value into field, amount"),
            Operation(
                name: "window (rank, rolling_avg)",
                statement: "let t = big | derive r = rank(value), a = rolling_avg(value, 3) by region"),
            Operation(name: "export (CSV)", statement: "big | export csv to \"\(folder)/out.csv\""),
            Operation(name: "plugin call", statement: "let t = wait()"),
        ]
    }

    /// The rows of ``writeTable(to:)`` as a JSON array of records.
    static func writeJSONTable(to path: String) throws {
        let regions = ["Guangxi", "Guangyuan", "Chongqing", "Baise"]
        var bytes: [UInt8] = Array("[\n".utf8)
        bytes.reserveCapacity(rowCount * 76)
        for row in 0..<rowCount {
            let record =
                "{\"id\":\(row),\"region\":\"\(regions[row % 4])\",\"year\":\(2000 + row % 25),"
                + "\"value\":\(row % 9973),\"name\":\"n\(row % 1000)\"}"
            bytes += record.utf8
            bytes += (row + 1 < rowCount ? ",\n" : "\n]\n").utf8
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// A CSV file of `rowCount` rows: a unique id, 4 regions, 25 years, 9,973 values, 1,000 names.
    static func writeTable(to path: String) throws {
        let regions: [[UInt8]] = ["Guangxi", "Guangyuan", "Chongqing", "Baise"].map { Array($0.utf8) }
        var bytes: [UInt8] = Array("id,region,year,value,name\n".utf8)
        bytes.reserveCapacity(rowCount * 36)
        func append(_ number: Int) { bytes += String(number).utf8 }
        for row in 0..<rowCount {
            append(row)
            bytes.append(UInt8(ascii: ","))
            bytes += regions[row % 4]
            bytes.append(UInt8(ascii: ","))
            append(2000 + row % 25)
            bytes.append(UInt8(ascii: ","))
            append(row % 9973)
            bytes += ",n".utf8
            append(row % 1000)
            bytes.append(UInt8(ascii: "\n"))
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test("every long operation stops on Ctrl-C with E0306 and the REPL goes on; the latency is recorded")
    func everyOperationStops() throws {
        let folder = try REPLHarness.temporaryFolder()
        try Self.writeTable(to: folder + "/big.csv")
        try Self.writeJSONTable(to: folder + "/big.json")
        let terminal = try REPLHarness.start(home: folder)
        // Setting up takes long in a debug build on a busy machine; the timeouts only bound a failure.
        try terminal.enter(
            "let big = open(\"\(folder)/big.csv\"); let other = big | select id, v = value; big | len",
            expecting: "\(Self.rowCount)", timeout: 900)
        let plugin = PackageLayout.root.appendingPathComponent("Tests/PluginTests/Fixtures/plugins/slow_call.py").path
        try terminal.enter("load \"\(plugin)\"", expecting: "function wait", timeout: 120)

        var report: [(String, Double)] = []
        for operation in Self.operations(folder: folder) {
            terminal.mark()
            // The marker (271828, computed so that the echoed line does not show it) shows that the operation has started; repeating it keeps one running
            // whatever the machine's speed, so that Ctrl-C always lands inside one.
            terminal.send(
                "271000 + 828; " + Array(repeating: operation.statement, count: 30).joined(separator: "; ") + "\r")
            try terminal.expect("271828", timeout: 120)
            // Let the operation get into its main loop (on a slower machine it is only less far along).
            Thread.sleep(forTimeInterval: 0.5)
            let pressed = Date()
            terminal.send("\u{3}")
            try terminal.expect("E0306", timeout: 300)
            let latency = Date().timeIntervalSince(pressed)
            try terminal.expect(timeout: 60, "the next prompt") { output in
                guard let range = output.range(of: "E0306") else { return false }
                return output[range.upperBound...].contains("alq> ")
            }
            let codes = terminal.output.matches(of: /E0\d{3}/).map { String($0.output) }
            #expect(codes == ["E0306"], "\(operation): \(terminal.output)")
            report.append((operation.name, latency))
            try terminal.enter("1 + 1", expecting: "\n2\n", timeout: 120)
        }
        #expect(try terminal.quit() == 0)

        let lines = report.map { name, seconds in "\(name)\t\(Int((seconds * 1000).rounded())) ms" }
        let text =
            "Ctrl-C to E0306 on a \(Self.rowCount)-row table (\(PackageLayout.alqBinary)):\n"
            + lines.joined(separator: "\n") + "\n"
        print(text)
        let reportPath = PackageLayout.root.appendingPathComponent(".build/interrupt-latency.txt").path
        try? text.write(toFile: reportPath, atomically: true, encoding: .utf8)
    }
}
