import ALQJSON

/// A message from the plugin answering request `id`: its result, its error, or a chunk of output sent
/// before the result (`{"id": 7, "chunk": {"data": "…"}}`).
public struct PluginAnswer: Sendable, Equatable {
    /// What the answer carries.
    public enum Body: Sendable, Equatable {
        /// The request succeeded.
        case result(JSONObject)
        /// The request failed; the plugin stays loaded.
        case error(message: String)
        /// Output ahead of the result (exports only).
        case chunk(JSONObject)
    }

    /// The id of the request answered; `nil` when the message has none (a protocol error the host reports).
    public var id: Int?
    /// What the answer carries.
    public var body: Body

    /// An answer.
    public init(id: Int?, _ body: Body) {
        self.id = id
        self.body = body
    }

    /// The answer as one line of JSON, without the newline.
    public var encoded: [UInt8] {
        var writer = JSONWriter()
        writer.write(raw: "{\"id\":".utf8)
        writer.write(raw: (id.map(String.init) ?? "null").utf8)
        switch body {
        case .result(let result):
            writer.write(raw: ",\"result\":".utf8)
            writer.write(.object(result))
        case .error(let message):
            writer.write(raw: ",\"error\":{\"message\":".utf8)
            writer.write(string: message)
            writer.write(raw: "}".utf8)
        case .chunk(let chunk):
            writer.write(raw: ",\"chunk\":".utf8)
            writer.write(.object(chunk))
        }
        writer.write(raw: "}".utf8)
        return writer.bytes
    }

    /// In protocol 3, the number of raw output bytes that follow this message (then a newline): the
    /// whole number `bytes` of its result or chunk; `nil` when it has none.
    public var rawOutputCount: Int? {
        switch body {
        case .result(let object), .chunk(let object): object["bytes"]?.numberValue?.int
        case .error: nil
        }
    }

    /// Why a line is not an answer.
    public enum DecodingFailure: Error, Sendable, Equatable {
        /// Not JSON at all.
        case notJSON(JSONError)
        /// JSON, but not an object.
        case notAnObject
        /// An object with neither `result`, `error` nor `chunk`.
        case noResult(id: Int?)
    }

    /// Reads an answer from one line of JSON. An `error` without a message reads as "no message".
    public static func decode(_ line: [UInt8]) throws(DecodingFailure) -> PluginAnswer {
        let value: JSONValue
        do {
            value = try JSONParser.parse(line)
        } catch {
            throw .notJSON(error)
        }
        guard let object = value.objectValue else { throw .notAnObject }
        let id = object["id"]?.numberValue?.int
        if let chunk = object.object("chunk") { return PluginAnswer(id: id, .chunk(chunk)) }
        if let error = object.object("error") {
            return PluginAnswer(id: id, .error(message: error.string("message") ?? "no message"))
        }
        if let result = object.object("result") { return PluginAnswer(id: id, .result(result)) }
        throw .noResult(id: id)
    }
}
