import ALQPluginAPI
import ALQPluginHost
import ALQRuntime
import ALQSyntax
import FormatCSV
import FormatJSON
import Foundation
import Testing

@Suite struct ExportTests {
    static func registry() throws -> Registry {
        let registry = Registry()
        try registry.register(format: CSVFormat(), origin: .builtIn)
        try registry.register(format: CSVFormat.excel, origin: .builtIn)
        try registry.register(format: JSONFormat(), origin: .builtIn)
        try registry.register(format: NDJSONFormat(), origin: .builtIn)
        return registry
    }

    @Test func exportsAtomicallyAndOpensAgain() throws {
        let folder = Support.temporaryFolder()
        let host = FileHost()
        let registry = try Self.registry()
        for name in ["out.csv", "out.json", "out.ndjson", "OUT.JSONL"] {
            let path = "\(folder)/\(name)"
            let format = try FileHost.resolveFormat(name: nil, path: path, registry: registry)
            try host.export(Support.sampleTable(), format: format, path: path)
            let table = try host.open(path: path, registry: registry)
            #expect(table.rowCount == 6)
            #expect(table.column("region")!.typeName == "string")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func replacingKeepsPermissions() throws {
        let folder = Support.temporaryFolder()
        let path = "\(folder)/x.csv"
        _ = FileManager.default.createFile(
            atPath: path, contents: Data("old\n".utf8), attributes: [.posixPermissions: 0o640])
        try FileHost().export(Support.sampleTable(), format: CSVFormat(), path: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o640)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("region,"))
    }

    @Test func clearErrorsForBadTargets() throws {
        let folder = Support.temporaryFolder()
        let readOnly = "\(folder)/locked"
        try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: true)
        chmod(readOnly, 0o555)
        defer { chmod(readOnly, 0o755) }
        let cases: [(String, String)] = [
            (folder, "cannot export to '\(folder)': it is a directory"),
            (
                "\(folder)/missing/x.csv",
                "cannot export to '\(folder)/missing/x.csv': the folder '\(folder)/missing' does not exist"
            ),
            ("", "cannot export to '': the path is empty"),
        ]
        for (path, message) in cases {
            #expect {
                try FileHost().export(Support.sampleTable(), format: CSVFormat(), path: path)
            } throws: { error in
                let diagnostic = error as! Diagnostic
                return diagnostic.code == .exportFailed && diagnostic.message == message
            }
        }
        if getuid() != 0 {  // root writes anywhere
            #expect(throws: Diagnostic.self) {
                try FileHost().export(Support.sampleTable(), format: CSVFormat(), path: "\(readOnly)/x.csv")
            }
        }
    }

    @Test func unknownFormatsAreE0105WithSuggestions() throws {
        let registry = try Self.registry()
        #expect {
            _ = try FileHost.resolveFormat(name: "jsno", path: nil, registry: registry)
        } throws: { error in
            let diagnostic = error as! Diagnostic
            return diagnostic.code == .unknownFormat && diagnostic.help == "did you mean 'json'?"
        }
        #expect {
            _ = try FileHost.resolveFormat(name: nil, path: "x.parquet", registry: registry)
        } throws: { error in
            (error as! Diagnostic).code == .unknownFormat
        }
        #expect(try FileHost.resolveFormat(name: "CSV-Excel", path: "x.json", registry: registry).name == "csv-excel")
    }

    @Test func openErrors() throws {
        let registry = try Self.registry()
        let folder = Support.temporaryFolder()
        #expect {
            _ = try FileHost().open(path: "\(folder)/nope.csv", registry: registry)
        } throws: { error in
            let diagnostic = error as! Diagnostic
            return diagnostic.code == .cannotOpenFile
                && diagnostic.message == "cannot open '\(folder)/nope.csv': no such file"
        }
        try FileManager.default.createDirectory(atPath: "\(folder)/dir.csv", withIntermediateDirectories: true)
        #expect(throws: Diagnostic.self) { _ = try FileHost().open(path: "\(folder)/dir.csv", registry: registry) }
        #expect {
            _ = try FileHost().open(path: "\(folder)/data.xlsx", registry: registry)
        } throws: { error in
            let diagnostic = error as! Diagnostic
            return diagnostic.code == .unknownFormat
                && diagnostic.help
                    == "formats that read files: .csv, .json, .ndjson, .jsonl; or name one: open(path, format = \"csv\")"
        }
        _ = FileManager.default.createFile(atPath: "\(folder)/bad.json", contents: Data("[{\"a\":1},\n{\"a\" 2}]".utf8))
        #expect {
            _ = try FileHost().open(path: "\(folder)/bad.json", registry: registry)
        } throws: { error in
            (error as! Diagnostic).message == "\(folder)/bad.json:2:6: expected ':', found '2'"
        }
    }

    /// A failing export leaves the old file as it was, and no temporary file.
    @Test func failedExportKeepsTheOldFile() throws {
        let folder = Support.temporaryFolder()
        let path = "\(folder)/keep.csv"
        _ = FileManager.default.createFile(atPath: path, contents: Data("old content\n".utf8))
        #expect(throws: Diagnostic.self) {
            try FileHost().export(Support.sampleTable(), format: FailingFormat(), path: path)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old content\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["keep.csv"])
    }

    /// While an export is being written (the moment a kill could strike), the target holds the old
    /// content (or does not exist); the new content appears whole, at once.
    @Test func midWriteTheTargetIsOldOrAbsent() throws {
        let folder = Support.temporaryFolder()
        let existing = "\(folder)/existing.csv"
        let fresh = "\(folder)/fresh.csv"
        _ = FileManager.default.createFile(atPath: existing, contents: Data("old content\n".utf8))
        var seen: [String?] = []
        let format = ObservingFormat {
            seen.append(try? String(contentsOfFile: existing, encoding: .utf8))
            seen.append(FileManager.default.fileExists(atPath: fresh) ? "exists" : nil)
        }
        try FileHost().export(Support.sampleTable(), format: format, path: existing)
        try FileHost().export(Support.sampleTable(), format: format, path: fresh)
        #expect(seen[0] == "old content\n")
        #expect(seen[3] == nil)
        #expect(try String(contentsOfFile: existing, encoding: .utf8).count > 100)
    }
}

/// A format that writes some bytes and then fails.
struct FailingFormat: ExportFormat {
    let name = "failing"
    let fileExtensions = ["fail"]
    let mediaType = "text/plain"
    let version = "1"
    func write(_ table: Table, to output: any OutputSink) throws {
        try output.write("half a file")
        throw Diagnostic(.exportFailed, "the format failed on purpose")
    }
}

/// A format that calls back in the middle of writing.
// Safe: each test makes its own and calls it on the test's thread only.
struct ObservingFormat: ExportFormat, @unchecked Sendable {
    let name = "observing"
    let fileExtensions: [String] = []
    let mediaType = "text/csv"
    let version = "1"
    let observe: () -> Void
    func write(_ table: Table, to output: any OutputSink) throws {
        try output.write("region,year\n")
        observe()
        try CSVFormat().write(table, to: output)
    }
}

@Suite struct CancellationTests {
    @Test func cancelledExportLeavesTheOldFile() throws {
        let folder = Support.temporaryFolder()
        let path = "\(folder)/big.csv"
        _ = FileManager.default.createFile(atPath: path, contents: Data("old\n".utf8))
        let host = FileHost()
        var writes = 0
        host.isCancelled = {
            writes += 1
            return writes > 3
        }
        let table = try Support.sampleTable().gather((0..<60_000).map { $0 % 6 })
        #expect {
            try host.export(table, format: CSVFormat(), path: path)
        } throws: { error in
            (error as! Diagnostic).code == .interrupted
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["big.csv"])
    }

    @Test func cancelledPluginWaitStopsThePlugin() throws {
        // The host asks while it waits for the plugin's answer (hang.py never answers); the third
        // question is answered "cancelled". A timeout (30 s) would end the wait with E0503 instead.
        let host = PluginFaultTests.host(timeout: 30)
        let questions = LockedCounter()
        host.isCancelled = { questions.increment() >= 3 }
        #expect {
            _ = try host.load(path: Support.fixture("plugins/hang.py"), registry: Registry())
        } throws: { error in
            (error as! Diagnostic).code == .interrupted
        }
        #expect(questions.value >= 3)
    }
}

/// The plugin in docs/plugins.md works as printed.
@Suite struct DocumentationPluginTests {
    @Test func minimalPythonPluginFromTheDocs() throws {
        let docs = try String(contentsOfFile: "\(Support.root)/docs/plugins.md", encoding: .utf8)
        let section = try #require(docs.range(of: "### A minimal plugin in Python"))
        let start = try #require(docs.range(of: "```python\n", range: section.upperBound..<docs.endIndex))
        let end = try #require(docs.range(of: "```", range: start.upperBound..<docs.endIndex))
        let path = Support.temporaryFolder() + "/alq-psv"
        try String(docs[start.upperBound..<end.lowerBound]).write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        let host = FileHost()
        defer { host.shutdown() }
        let registry = Registry()
        _ = try host.load(path: path, registry: registry)
        let out = Support.temporaryFolder() + "/f.psv"
        let format = try #require(registry.format(forPath: out), "the plugin in docs/plugins.md registers psv")
        try host.export(Support.sampleTable().prefix(2), format: format, path: out)
        #expect(
            try String(contentsOfFile: out, encoding: .utf8).hasPrefix(
                "region|year|share|ok|output|output_unit|note|mixed|mixed_unit\nGuangxi|2024|0.5|True|205000000000|CNY|=SUM(A1)|14543000|t\n"
            ))
    }
}
