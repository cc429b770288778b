import ALQJSON

/// The params of `hello`, always the first request: the protocol version and alq's version.
public struct HelloParams: Sendable, Equatable {
    /// The protocol version the host speaks.
    public var protocolVersion: Int
    /// alq's version, such as `0.1.0`.
    public var alq: String
    /// Whether the host takes progress messages (`{"id": N, "chunk": {}}`) before its answer to
    /// `read.begin`, each renewing the time limit; optional, absent (false) from an older host.
    public var progress: Bool

    /// The params of a handshake.
    public init(protocolVersion: Int = PluginProtocol.version, alq: String, progress: Bool = false) {
        self.protocolVersion = protocolVersion
        self.alq = alq
        self.progress = progress
    }

    /// Reads the params; a missing version reads as version 1, the first one.
    public init(_ object: JSONObject) {
        protocolVersion = object["protocol"]?.numberValue?.int ?? 1
        alq = object.string("alq") ?? ""
        progress = object["progress"]?.boolValue ?? false
    }

    /// The params as JSON.
    public var json: JSONObject {
        var members: [(String, JSONValue)] = [
            ("protocol", .number(JSONNumber(protocolVersion))), ("alq", .string(alq)),
        ]
        if progress { members.append(("progress", .bool(true))) }
        return JSONObject(members)
    }
}

/// What a plugin offers in general, one of the `capabilities` in its handshake.
public struct PluginCapability: RawRepresentable, Hashable, Sendable {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Export formats.
    public static let formats = PluginCapability(rawValue: "formats")
    /// A region and its tables.
    public static let region = PluginCapability(rawValue: "region")
    /// Functions.
    public static let functions = PluginCapability(rawValue: "functions")
    /// Readers for `open()` (version 2): formats described with `"read": true`.
    public static let readers = PluginCapability(rawValue: "readers")
    /// A region with provenance (version 2): answers `region.pack` with a region-pack document.
    public static let regionPack = PluginCapability(rawValue: "region_pack")
}

/// The answer to `hello`: the protocol version the plugin speaks, its name, version and capabilities.
public struct HelloResult: Sendable, Equatable {
    /// The version the plugin speaks, as it wrote it (another version than the host's stops the plugin).
    public var protocolVersion: JSONNumber
    /// The plugin's name; empty when it gave none.
    public var name: String
    /// The plugin's version; empty when it gave none.
    public var version: String
    /// What the plugin offers; unknown capabilities are kept (and ignored by the host).
    public var capabilities: [PluginCapability]

    /// A handshake answer.
    public init(
        protocolVersion: Int = PluginProtocol.version, name: String, version: String, capabilities: [PluginCapability]
    ) {
        self.protocolVersion = JSONNumber(protocolVersion)
        self.name = name
        self.version = version
        self.capabilities = capabilities
    }

    /// Reads the answer; only the protocol version is required.
    public init(_ object: JSONObject) throws(PluginProtocolError) {
        guard let spoken = object["protocol"]?.numberValue else {
            throw PluginProtocolError("no protocol version")
        }
        protocolVersion = spoken
        name = object.string("name") ?? ""
        version = object.string("version") ?? ""
        capabilities = object.strings("capabilities").map(PluginCapability.init(rawValue:))
    }

    /// The answer as JSON.
    public var json: JSONObject {
        JSONObject([
            ("protocol", .number(protocolVersion)), ("name", .string(name)), ("version", .string(version)),
            ("capabilities", jsonStrings(capabilities.map(\.rawValue))),
        ])
    }
}
