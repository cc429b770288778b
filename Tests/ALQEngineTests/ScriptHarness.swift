import ALQBuiltinModules
import ALQEngine
import ALQPluginAPI
import ALQPluginHost
import ALQRuntime
import ALQSyntax
import Foundation

/// Runs source text in a fresh session with the built-in modules, collecting plain output lines.
enum ScriptHarness {
    struct Outcome {
        var lines: [String]
        var diagnostic: Diagnostic?
    }

    static func run(_ source: String, name: String = "test.alq") throws -> Outcome {
        let session = Session(registry: try BuiltinModules.registry(), host: TestHost())
        var lines: [String] = []
        let diagnostic =
            FileManager.default.changeCurrentDirectoryPath(ScriptCase.packageRoot.path)
            ? session.execute(SourceFile(name: name, text: source)) { lines += render($0) }
            : Diagnostic(.cannotOpenFile, "cannot enter the package root")
        return Outcome(lines: lines, diagnostic: diagnostic)
    }

    /// A result as plain lines: tables as `a | b` rows under a header, everything else as displayed.
    static func render(_ value: Value) -> [String] {
        switch value {
        case .table(let table):
            var lines = [table.columnNames.joined(separator: " | ")]
            for row in 0..<table.rowCount {
                lines.append(table.columns.map { cell($0[row]) }.joined(separator: " | "))
            }
            return lines
        default:
            return value.displayText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
    }

    private static func cell(_ value: Value) -> String {
        if case .string(let text) = value { return text }
        return value.literalText
    }
}

/// A host for tests: opens files as the file host does; exports to memory.
final class TestHost: EngineHost {
    var exported: [(String?, String)] = []

    /// Files are read as `alq` reads them: through the file host, whose streamed pipelines get small
    /// chunks (`chunkSize`, 256 bytes unless said) so that the test files span several.
    private let files = FileHost()
    /// Whether `openChunks` hands chunks over at all (otherwise every pipeline reads files whole).
    var streams = true
    /// How many chunks streamed pipelines were handed, and how many reads handed over every chunk.
    private(set) var chunksHandedOver = 0
    private(set) var completeStreams = 0

    init(chunkSize: Int? = 256) {
        files.chunkSize = chunkSize
    }

    func openChunks(
        path: String, format: String?, options: ReadOptions, columns: Set<String>?, registry: Registry,
        body: (Table) throws(Diagnostic) -> Bool
    ) throws(Diagnostic) -> Bool {
        guard streams else { return false }
        let complete = try files.openChunks(
            path: path, format: format, options: options, columns: columns, registry: registry
        ) {
            table throws(Diagnostic) in
            chunksHandedOver += 1
            return try body(table)
        }
        if complete { completeStreams += 1 }
        return complete
    }

    func open(path: String, registry: Registry) throws(Diagnostic) -> Table {
        try files.open(path: path, registry: registry)
    }

    func open(path: String, format: String?, options: ReadOptions, registry: Registry) throws(Diagnostic) -> Table {
        try files.open(path: path, format: format, options: options, registry: registry)
    }

    /// The header through the format's header reader, given the whole file.
    func header(path: String, registry: Registry) -> TableSchema? {
        guard let format = registry.format(forPath: path), let data = FileManager.default.contents(atPath: path) else {
            return nil
        }
        return try? format.readHeader([UInt8](data), name: path, isWholeFile: true)
    }

    func export(_ table: Table, format: any ExportFormat, path: String?) throws(Diagnostic) {
        let sink = MemorySink()
        do { try format.write(table, to: sink) } catch { throw Diagnostic(.exportFailed, "\(error)") }
        exported.append((path, sink.text))
    }

    func export(_ chart: Chart, format: any ChartFormat, path: String?) throws(Diagnostic) {
        let sink = MemorySink()
        do { try format.write(chart, to: sink) } catch { throw Diagnostic(.exportFailed, "\(error)") }
        exported.append((path, sink.text))
    }

    func load(path: String, registry: Registry) throws(Diagnostic) -> String {
        throw Diagnostic(.pluginFailed, "the test host loads no plugins")
    }
}
