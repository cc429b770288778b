import ALQPluginAPI
import ALQRuntime
import ALQSyntax
import ALQTestSupport
import Foundation

/// Paths, temporary folders, processes and sample tables for the plugin tests.
enum Support {
    /// This test folder.
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
    /// The repository's root.
    static var root: String { PackageLayout.root.path }

    static func fixture(_ relative: String) -> String { "\(testsFolder)/Fixtures/\(relative)" }
    static func golden(_ name: String) -> String { "\(testsFolder)/Golden/\(name)" }

    /// A fresh temporary folder.
    static func temporaryFolder() -> String {
        try! TemporaryFolder.make("plugin-tests")
    }

    /// Runs a program, feeding `input`; returns its status, standard output and standard error.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], input: [UInt8] = [], environment: [String: String]? = nil)
        throws -> (status: Int32, output: String, error: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let errorData = LockedData()
        let errorRead = DispatchSemaphore(value: 0)
        let errorReader = Thread {
            errorData.set(stderr.fileHandleForReading.readDataToEndOfFile())
            errorRead.signal()
        }
        errorReader.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        errorRead.wait()
        return (
            process.terminationStatus, String(decoding: output, as: UTF8.self),
            String(decoding: errorData.get()!, as: UTF8.self)
        )
    }

    /// Runs a Python script given as text.
    static func python(_ script: String, _ arguments: [String] = [], input: [UInt8] = []) throws -> (
        status: Int32, output: String, error: String
    ) {
        try run("/usr/bin/env", ["python3", "-c", script] + arguments, input: input)
    }

    /// A table with every kind of column and the awkward cases: commas, quotes, newlines, CJK text,
    /// nulls, empty strings, formula-like strings, large and small numbers, quantities.
    static func sampleTable() -> Table {
        let names = ["region", "year", "share", "ok", "output", "note", "mixed"]
        let columns: [Column] = [
            .string(StringColumn(["Guangxi", "百色", "Comma, Inc.", "Say \"hi\"", nil, ""])),
            .number(
                NumberColumn(
                    values: [2024, 2023, 0, 2020, -5, 2019], validity: [true, true, false, true, true, true],
                    isInteger: true)),
            .number(
                NumberColumn(
                    values: [0.5, 33.69, -1.25, 1e-7, 1e21, 0], validity: [true, true, true, true, true, false])),
            .bool(BoolColumn(values: [1, 0, BoolColumn.null, 1, 0, 1])),
            .quantity(
                QuantityColumn(
                    values: [205e9, 41.9e9, 0, 1, 2.5, 0], dimension: .money,
                    validity: [true, true, false, true, true, true])),
            .string(StringColumn(["=SUM(A1)", "+1", "-x", "@home", "line1\nline2", "'=already"])),
            .mixed([
                .quantity(Quantity(14.543, Unit.resolve(["Mt"])!)), .number(3), .string("a"), .null,
                .list([.number(1), .string("b")]), .quantity(Quantity(5, .base(.percent))),
            ]),
        ]
        return Table(columnNames: names, columns: columns)
    }

    /// Writes a table with a format into memory.
    static func written(_ table: Table, _ format: any ExportFormat) throws -> [UInt8] {
        let sink = MemorySink()
        try format.write(table, to: sink)
        return sink.bytes
    }

    /// Compares bytes with a golden file; `ALQ_UPDATE_GOLDEN=1` rewrites it.
    static func matchesGolden(_ bytes: [UInt8], _ name: String) -> Bool {
        let path = golden(name)
        if ProcessInfo.processInfo.environment["ALQ_UPDATE_GOLDEN"] == "1" {
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
            return true
        }
        guard let expected = FileManager.default.contents(atPath: path) else { return false }
        return [UInt8](expected) == bytes
    }
}

/// Data handed from one thread to another.
// Safe: `data` is read and written only under `lock`.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data? { lock.withLock { data } }
}

/// A count that several threads may bump.
// @unchecked Sendable: `count` is only touched under `lock`.
final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    /// Adds one and returns the new count.
    func increment() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }
    var value: Int { lock.withLock { count } }
}

extension Table {
    /// Every cell, as text, row by row (for comparisons).
    var cellTexts: [[String]] {
        (0..<rowCount).map { row in columns.map { describe($0[row]) } }
    }
}

/// A value as comparable text.
func describe(_ value: Value) -> String {
    switch value {
    case .null: "null"
    case .bool(let flag): "\(flag)"
    case .number(let number): "\(number)"
    case .string(let text): "'\(text)'"
    case .quantity(let quantity): "\(quantity.value) \(quantity.dimension.symbol)"
    case .list(let items): "[" + items.map(describe).joined(separator: ",") + "]"
    case .record(let record): "{" + record.fields.map { "\($0):\(describe($1))" }.joined(separator: ",") + "}"
    case .table: "table"
    case .module(let id): "module \(id)"
    case .date(let date): "date \(date.iso8601)"
    case .chart: "chart"
    }
}
