/// A reader written by a plugin (protocol version 2): the format whose files `open("x.EXT")` reads
/// through the plugin. ``PluginKit/run(name:version:formats:readers:)`` serves it.
///
/// `read(path:options:)` opens a file and returns a ``TableReader``: the columns, and the rows in batches,
/// asked for one at a time so that neither side holds more than one batch of the file's rows in a message.
public protocol ReaderPlugin {
    /// The format's name (`open(path, format = NAME)`).
    var name: String { get }
    /// The file extensions, without the dot, that choose this reader (`open("x.EXT")`).
    var extensions: [String] { get }
    /// The media type of what it reads.
    var mediaType: String { get }
    /// The plugin's version.
    var version: String { get }

    /// Opens the file at `path` for reading. `options` holds `open()`'s options that are not alq's own,
    /// such as `{"sheet": "Facts"}` for `open("x.xlsx", sheet = "Facts")`. An error thrown here (a
    /// ``PluginError`` with a message for the user) fails the `open`; the plugin stays loaded.
    mutating func read(path: String, options: JSONObject) throws -> TableReader

    /// Opens the file at `path` as ``read(path:options:)`` does, ticking `progress` as a long opening
    /// advances (see ``PluginProgress``). By default it calls ``read(path:options:)``.
    mutating func read(path: String, options: JSONObject, progress: PluginProgress) throws -> TableReader
}

extension ReaderPlugin {
    public mutating func read(path: String, options: JSONObject, progress: PluginProgress) throws -> TableReader {
        try read(path: path, options: options)
    }

    public var mediaType: String { "application/octet-stream" }
    public var version: String { "1.0.0" }
}

/// An open file: its columns, and its rows in batches of columns.
public struct TableReader {
    /// The columns: a name, a type, and for quantities a unit (and a kind when all share one).
    public var columns: [ColumnDescription]
    private var nextBatch: (_ maximumRows: Int) throws -> ColumnBatch?

    /// A reader whose rows come from `next`: called with the most rows alq takes in one batch, it
    /// returns the next batch (at most that many rows, at least one) or `nil` when the rows are done.
    public init(columns: [ColumnDescription], next: @escaping (_ maximumRows: Int) throws -> ColumnBatch?) {
        self.columns = columns
        nextBatch = next
    }

    /// A reader of rows already in memory (one value per column each), sent in batches.
    public init(columns: [ColumnDescription], rows: [[JSONValue]]) {
        var start = 0
        let count = columns.count
        self.init(columns: columns) { maximumRows in
            guard start < rows.count else { return nil }
            let end = min(rows.count, start + max(1, maximumRows))
            defer { start = end }
            return ColumnBatch(rows: Array(rows[start..<end]), columnCount: count)
        }
    }

    /// The next batch of at most `maximumRows` rows; `nil` when the rows are done.
    public mutating func next(maximumRows: Int) throws -> ColumnBatch? {
        try nextBatch(maximumRows)
    }
}
