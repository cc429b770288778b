import ALQPluginAPI
import ALQPluginProtocol
import ALQRuntime
import ALQSyntax

/// An export format written by an external plugin.
public struct PluginFormat: ExportFormat {
    public let name: String
    public let fileExtensions: [String]
    public let mediaType: String
    public let version: String
    /// The plugin that writes it.
    public let connection: PluginConnection

    init(_ format: FormatDescription, connection: PluginConnection) {
        name = format.name
        fileExtensions = format.extensions
        mediaType = format.mediaType
        version = connection.version
        self.connection = connection
    }

    public func write(_ table: Table, to output: any OutputSink) throws {
        try connection.export(table, format: name, to: output)
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
