import ALQJSON

/// A request, host to plugin: `{"id": 1, "method": "hello", "params": {…}}`.
public struct PluginRequest: Sendable, Equatable {
    /// The request's number (1, 2, 3, …); its answer repeats it.
    public var id: Int
    /// What is asked.
    public var method: PluginMethod
    /// The parameters (an object; empty when the method takes none).
    public var params: JSONObject

    /// A request.
    public init(id: Int, method: PluginMethod, params: JSONObject = JSONObject()) {
        self.id = id
        self.method = method
        self.params = params
    }

    /// The request as one line of JSON, without the newline.
    public var encoded: [UInt8] {
        Self.encode(id: id, method: method, encodedParams: JSONWriter.encode(.object(params)))
    }

    /// A request whose params are already JSON text (bulk rows written straight to bytes).
    public static func encode(id: Int, method: PluginMethod, encodedParams: [UInt8]) -> [UInt8] {
        var line = Array("{\"id\":\(id),\"method\":".utf8)
        JSONWriter.appendString(method.rawValue, to: &line)
        line += ",\"params\":".utf8
        line += encodedParams
        line.append(UInt8(ascii: "}"))
        return line
    }

    /// Reads a request from one line of JSON.
    public static func decode(_ line: [UInt8]) throws(PluginProtocolError) -> PluginRequest {
        let value: JSONValue
        do {
            value = try JSONParser.parse(line)
        } catch {
            throw PluginProtocolError("a request that is not JSON (\(error))")
        }
        guard let object = value.objectValue else { throw PluginProtocolError("a request that is not a JSON object") }
        guard let id = object["id"]?.numberValue?.int else {
            throw PluginProtocolError("a request without an integer 'id'")
        }
        guard let method = object.string("method") else { throw PluginProtocolError("a request without a 'method'") }
        return PluginRequest(
            id: id, method: PluginMethod(rawValue: method), params: object.object("params") ?? JSONObject())
    }
}
