/// The name of a request.
public struct PluginMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    /// The handshake: protocol versions, the plugin's name, version and capabilities.
    public static let hello = PluginMethod(rawValue: "hello")
    /// What the plugin offers: formats, a region and its tables, functions.
    public static let describe = PluginMethod(rawValue: "describe")
    /// One of a region plugin's tables.
    public static let table = PluginMethod(rawValue: "table")
    /// A call of one of the plugin's functions.
    public static let call = PluginMethod(rawValue: "call")
    /// The start of an export: the format and the columns.
    public static let exportBegin = PluginMethod(rawValue: "export.begin")
    /// A batch of rows to export.
    public static let exportRows = PluginMethod(rawValue: "export.rows")
    /// The end of an export.
    public static let exportEnd = PluginMethod(rawValue: "export.end")
    /// The start of a read (version 2): the format, the path and the options; answered with the columns.
    public static let readBegin = PluginMethod(rawValue: "read.begin")
    /// The next batch of a read (version 2); answered with a columnar batch and whether the read is done.
    public static let readRows = PluginMethod(rawValue: "read.rows")
    /// The plugin's region as a whole region-pack document (version 2, capability `region_pack`).
    public static let regionPack = PluginMethod(rawValue: "region.pack")
    /// The end of the session.
    public static let shutdown = PluginMethod(rawValue: "shutdown")
}
