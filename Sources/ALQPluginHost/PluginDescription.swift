import ALQPluginAPI
import ALQRuntime
import ALQSyntax

/// What a plugin offers, as its answer to `describe` says.
public struct PluginDescription: Sendable {
    /// An export format the plugin writes.
    public struct Format: Sendable {
        /// The name `export NAME` uses.
        public var name: String
        /// File extensions without the dot.
        public var extensions: [String]
        /// The media type.
        public var mediaType: String
    }

    /// A function the plugin computes.
    public struct Function: Sendable {
        /// The name calls use.
        public var name: String
        /// The parameters' names.
        public var parameters: [String]
        /// What the function computes.
        public var summary: String
    }

    /// The formats the plugin writes.
    public var formats: [Format] = []
    /// The region the plugin serves, if any, and the names of its tables.
    public var region: RegionInfo?
    /// The region's tables.
    public var tables: [String] = []
    /// The functions the plugin computes.
    public var functions: [Function] = []

    init() {}

    init(_ result: Record, plugin: String) throws(Diagnostic) {
        func bad(_ what: String) -> Diagnostic {
            Diagnostic(.pluginProtocol, "\(plugin) answered 'describe' with \(what)")
        }
        func string(_ value: Value?) -> String? {
            if case .string(let text)? = value { text } else { nil }
        }
        func strings(_ value: Value?) -> [String] {
            guard case .list(let items)? = value else { return [] }
            return items.compactMap { string($0) }
        }
        if let formats = result["formats"] {
            guard case .list(let items) = formats else { throw bad("'formats' that is not an array") }
            for item in items {
                guard case .record(let format) = item, let name = string(format["name"]), !name.isEmpty else {
                    throw bad("a format without a name")
                }
                self.formats.append(
                    Format(
                        name: name, extensions: strings(format["extensions"]),
                        mediaType: string(format["media_type"]) ?? "application/octet-stream"))
            }
        }
        if case .record(let region)? = result["region"] {
            guard let id = string(region["id"]), let name = string(region["name"]), !id.isEmpty, !name.isEmpty else {
                throw bad("a region without an 'id' and a 'name'")
            }
            self.region = RegionInfo(
                id: id, name: name, chinese: string(region["chinese"]) ?? "", pinyin: string(region["pinyin"]) ?? "",
                aliases: strings(region["aliases"]), level: string(region["level"]) ?? "",
                parent: string(region["parent"]), summary: string(region["summary"]) ?? "")
        }
        tables = strings(result["tables"])
        if case .list(let items)? = result["functions"] {
            for item in items {
                guard case .record(let function) = item, let name = string(function["name"]), !name.isEmpty else {
                    throw bad("a function without a name")
                }
                functions.append(
                    Function(
                        name: name, parameters: strings(function["params"]), summary: string(function["doc"]) ?? ""))
            }
        }
    }
}
