import ALQJSON

/// The params of `read.begin` (version 2): read the file at `path` in the plugin's format `format`.
/// A `read.begin` replaces any read the plugin has in progress.
public struct ReadBegin: Sendable, Equatable {
    /// The format's name, one the plugin described with `"read": true`.
    public var format: String
    /// The file's path as alq resolved it (`~` expanded; relative paths are relative to alq's working
    /// folder, which is the plugin's too).
    public var path: String
    /// `open()`'s options the format does not define itself, such as `{"sheet": "Facts"}`.
    public var options: JSONObject

    /// The start of a read.
    public init(format: String, path: String, options: JSONObject = JSONObject()) {
        self.format = format
        self.path = path
        self.options = options
    }

    /// Reads the params.
    public init(_ object: JSONObject) throws(PluginProtocolError) {
        guard let format = object.string("format") else { throw PluginProtocolError("read.begin without a 'format'") }
        guard let path = object.string("path") else { throw PluginProtocolError("read.begin without a 'path'") }
        self.format = format
        self.path = path
        options = object.object("options") ?? JSONObject()
    }

    /// The params as JSON.
    public var json: JSONObject {
        JSONObject([("format", .string(format)), ("path", .string(path)), ("options", .object(options))])
    }
}

/// The answer to `read.begin`: the columns of the table the file holds.
public struct ReadBeginResult: Sendable, Equatable {
    /// The columns, in order; names must differ.
    public var columns: [ColumnDescription]

    /// A result.
    public init(columns: [ColumnDescription]) { self.columns = columns }

    /// Reads the answer: `columns` is an array of descriptors of known types, with names that differ.
    public init(_ object: JSONObject) throws(PluginProtocolError) {
        guard let columns = object["columns"]?.arrayValue else {
            throw PluginProtocolError("read.begin without 'columns' (an array of column descriptors)")
        }
        self.columns = try columns.map { (column) throws(PluginProtocolError) in
            try ColumnDescription(column, strictType: true, context: "read.begin")
        }
        var seen = Set<String>()
        for column in self.columns where !seen.insert(column.name).inserted {
            throw PluginProtocolError("read.begin with two columns named '\(column.name)'")
        }
    }

    /// The answer as JSON.
    public var json: JSONObject { JSONObject([("columns", .array(columns.map(\.json)))]) }
}

/// The answer to `read.rows`: the next batch, and whether the read is done. `batch` may be left out when
/// `done` is true; a batch of no rows with `done` false is an error (a reader must make progress).
public struct ReadRowsResult: Sendable, Equatable {
    /// The rows, in columns (one per column of `read.begin`).
    public var batch: ColumnBatch?
    /// Whether these are the last rows.
    public var done: Bool

    /// A result.
    public init(batch: ColumnBatch?, done: Bool) {
        self.batch = batch
        self.done = done
    }

    /// Reads the answer.
    public init(_ object: JSONObject) throws(PluginProtocolError) {
        guard let done = object["done"]?.boolValue else {
            throw PluginProtocolError("read.rows without 'done' (true or false)")
        }
        self.done = done
        batch = try object["batch"].map { (value) throws(PluginProtocolError) in
            try ColumnBatch(value, context: "read.rows")
        }
        if !done, (batch?.length ?? 0) == 0 {
            throw PluginProtocolError("read.rows with no rows and 'done' false")
        }
    }

    /// The answer as JSON.
    public var json: JSONObject {
        var members: [(String, JSONValue)] = []
        if let batch { members.append(("batch", batch.json)) }
        members.append(("done", .bool(done)))
        return JSONObject(members)
    }
}

/// The answer to `region.pack` (version 2, capability `region_pack`): `{"pack": {…}}`, a region-pack
/// document (docs/region-packs.md), validated exactly as a pack file is.
public struct RegionPackResult: Sendable, Equatable {
    /// The pack document.
    public var pack: JSONObject

    /// A result.
    public init(pack: JSONObject) { self.pack = pack }

    /// Reads the answer.
    public init(_ object: JSONObject) throws(PluginProtocolError) {
        guard let pack = object.object("pack") else {
            throw PluginProtocolError("region.pack without a 'pack' object")
        }
        self.pack = pack
    }

    /// The answer as JSON.
    public var json: JSONObject { JSONObject([("pack", .object(pack))]) }
}
