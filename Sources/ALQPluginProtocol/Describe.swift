import ALQJSON

/// A format a plugin writes, reads, or both, as `describe` lists it.
public struct FormatDescription: Sendable, Equatable {
    /// The name `export NAME`, `--format NAME` and `open(path, format = NAME)` use.
    public var name: String
    /// File extensions without the dot.
    public var extensions: [String]
    /// The media type; `application/octet-stream` when the plugin gives none.
    public var mediaType: String
    /// Whether the plugin reads files of this format (`"read"`, version 2; `false` unless given).
    public var reads: Bool
    /// Whether the plugin writes this format (`"write"`; `true` unless given).
    public var writes: Bool
    /// Whether version-4 frames of an export to this format carry each number column's text too
    /// (`"number_text"`; `false` unless given).
    public var numberText: Bool

    /// A format.
    public init(
        name: String, extensions: [String], mediaType: String, reads: Bool = false, writes: Bool = true,
        numberText: Bool = false
    ) {
        self.name = name
        self.extensions = extensions
        self.mediaType = mediaType
        self.reads = reads
        self.writes = writes
        self.numberText = numberText
    }

    var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("name", .string(name)), ("extensions", jsonStrings(extensions)), ("media_type", .string(mediaType)),
            ("read", .bool(reads)), ("write", .bool(writes)),
        ]
        if numberText { members.append(("number_text", .bool(true))) }
        return .object(JSONObject(members))
    }
}

/// The region a plugin serves, as `describe` gives it.
public struct RegionDescription: Sendable, Equatable {
    public var id: String
    public var name: String
    public var chinese: String
    public var pinyin: String
    public var aliases: [String]
    public var level: String
    public var parent: String?
    public var summary: String

    /// A region; `id` and `name` must not be empty.
    public init(
        id: String, name: String, chinese: String = "", pinyin: String = "", aliases: [String] = [],
        level: String = "", parent: String? = nil, summary: String = ""
    ) {
        self.id = id
        self.name = name
        self.chinese = chinese
        self.pinyin = pinyin
        self.aliases = aliases
        self.level = level
        self.parent = parent
        self.summary = summary
    }

    var json: JSONValue {
        .object(
            JSONObject([
                ("id", .string(id)), ("name", .string(name)), ("chinese", .string(chinese)),
                ("pinyin", .string(pinyin)), ("aliases", jsonStrings(aliases)), ("level", .string(level)),
                ("parent", parent.map { .string($0) } ?? .null), ("summary", .string(summary)),
            ]))
    }
}

/// A function a plugin computes, as `describe` lists it.
public struct FunctionDescription: Sendable, Equatable {
    /// The name calls use.
    public var name: String
    /// The parameters' names.
    public var parameters: [String]
    /// What the function computes.
    public var summary: String

    /// A function.
    public init(name: String, parameters: [String], summary: String) {
        self.name = name
        self.parameters = parameters
        self.summary = summary
    }

    var json: JSONValue {
        .object(
            JSONObject([("name", .string(name)), ("params", jsonStrings(parameters)), ("doc", .string(summary))]))
    }
}

/// The answer to `describe`: what the plugin offers. Every key is optional.
public struct DescribeResult: Sendable, Equatable {
    /// The formats the plugin writes.
    public var formats: [FormatDescription]
    /// The region the plugin serves, if any.
    public var region: RegionDescription?
    /// The region's tables, fetched with `table` requests.
    public var tables: [String]
    /// The functions the plugin computes.
    public var functions: [FunctionDescription]

    /// A description.
    public init(
        formats: [FormatDescription] = [], region: RegionDescription? = nil, tables: [String] = [],
        functions: [FunctionDescription] = []
    ) {
        self.formats = formats
        self.region = region
        self.tables = tables
        self.functions = functions
    }

    /// Reads the answer; a format or function without a name, or a region without an id and a name, is
    /// an error.
    public init(_ object: JSONObject) throws(PluginProtocolError) {
        self.init()
        if let formats = object["formats"] {
            guard let items = formats.arrayValue else { throw PluginProtocolError("'formats' that is not an array") }
            for item in items {
                guard let format = item.objectValue, let name = format.string("name"), !name.isEmpty else {
                    throw PluginProtocolError("a format without a name")
                }
                self.formats.append(
                    FormatDescription(
                        name: name, extensions: format.strings("extensions"),
                        mediaType: format.string("media_type") ?? "application/octet-stream",
                        reads: format["read"]?.boolValue ?? false, writes: format["write"]?.boolValue ?? true,
                        numberText: format["number_text"]?.boolValue ?? false))
            }
        }
        if let region = object.object("region") {
            guard let id = region.string("id"), let name = region.string("name"), !id.isEmpty, !name.isEmpty else {
                throw PluginProtocolError("a region without an 'id' and a 'name'")
            }
            self.region = RegionDescription(
                id: id, name: name, chinese: region.string("chinese") ?? "", pinyin: region.string("pinyin") ?? "",
                aliases: region.strings("aliases"), level: region.string("level") ?? "",
                parent: region.string("parent"), summary: region.string("summary") ?? "")
        }
        tables = object.strings("tables")
        for item in object["functions"]?.arrayValue ?? [] {
            guard let function = item.objectValue, let name = function.string("name"), !name.isEmpty else {
                throw PluginProtocolError("a function without a name")
            }
            functions.append(
                FunctionDescription(
                    name: name, parameters: function.strings("params"), summary: function.string("doc") ?? ""))
        }
    }

    /// The answer as JSON; empty lists and a missing region are left out.
    public var json: JSONObject {
        var members: [(String, JSONValue)] = []
        if !formats.isEmpty { members.append(("formats", .array(formats.map(\.json)))) }
        if let region { members.append(("region", region.json)) }
        if !tables.isEmpty { members.append(("tables", jsonStrings(tables))) }
        if !functions.isEmpty { members.append(("functions", .array(functions.map(\.json)))) }
        return JSONObject(members)
    }
}
