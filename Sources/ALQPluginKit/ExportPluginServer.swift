/// Answers alq's requests for one ``ExportFormatPlugin``: a ``PluginServer`` of that one format, kept so
/// that code written for the first kit still compiles.
public struct ExportPluginServer<Plugin: ExportFormatPlugin> {
    /// The largest output sent in one message; more goes ahead in chunk messages.
    public static var chunkBytes: Int { PluginServer.chunkBytes }

    private var server: PluginServer

    /// Whether `shutdown` was answered: the plugin should exit.
    public var isFinished: Bool { server.isFinished }

    /// A server for `plugin`.
    public init(_ plugin: Plugin) { server = PluginServer(formats: [plugin], readers: []) }

    /// The lines (without newlines) answering one request line.
    public mutating func answer(_ line: [UInt8]) -> [[UInt8]] { server.answer(line) }

    /// The lines answering one request line, the bytes that follow it (a version-4 frame's) read with
    /// `read` (see ``PluginServer/answer(_:read:)``).
    public mutating func answer(_ line: [UInt8], read: (Int) -> [UInt8]?) -> [[UInt8]] {
        server.answer(line, read: read)
    }
}
