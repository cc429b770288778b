import ALQJSON
import ALQPluginAPI
import ALQPluginProtocol
import ALQRuntime
import ALQSyntax

/// A format written, read, or both, by an external plugin.
public struct PluginFormat: ExportFormat {
    public let name: String
    public let fileExtensions: [String]
    public let mediaType: String
    public let version: String
    public let reads: Bool
    public let writes: Bool
    /// The plugin that writes it.
    public let connection: PluginConnection

    /// A format as `describe` gave it; only a plugin speaking protocol version 2 reads.
    init(_ format: FormatDescription, connection: PluginConnection) {
        name = format.name
        fileExtensions = format.extensions
        mediaType = format.mediaType
        version = connection.version
        reads = format.reads && connection.protocolVersion >= 2
        writes = format.writes
        self.connection = connection
    }

    public func write(_ table: Table, to output: any OutputSink) throws {
        guard writes else {
            throw Diagnostic(
                .unknownFormat, "the format '\(name)' of \(connection.label) reads files but cannot write them")
        }
        try connection.export(table, format: name, name: output.tableName, to: output)
    }

    public func read(path: String, options: ReadOptions, isCancelled: (() -> Bool)?) throws -> Table? {
        guard reads else { return nil }
        if options.delimiter != nil || !options.header {
            throw Diagnostic(
                .invalidArgument,
                "cannot open '\(path)': the \(name) reader from \(connection.label) takes no delimiter or header options",
                help: "options for the plugin's reader go in options = {…} or sheet = …")
        }
        let passed = JSONObject(options.formatOptions.map { ($0.name, PluginValues.json($0.value)) })
        return try connection.read(format: name, path: path, options: passed)
    }
}

/// A region served by an external plugin. Its tables are fetched when the plugin is loaded, so a
/// plugin that fails later cannot break a query on them.
public final class PluginRegion: RegionModule, Sendable {
    public let info: RegionInfo
    public let version: String
    public let tableNames: [String]
    private let tables: [String: Table]

    init(info: RegionInfo, connection: PluginConnection, tableNames: [String]) throws(Diagnostic) {
        self.info = info
        version = connection.version
        var tables: [String: Table] = [:]
        for name in tableNames { tables[name] = try connection.table(named: name) }
        self.tables = tables
        self.tableNames = tableNames
    }

    public func table(named name: String) -> Table? { tables[name] }

    public func quotes(forFact id: String) -> [SourceQuote] { [] }
}
