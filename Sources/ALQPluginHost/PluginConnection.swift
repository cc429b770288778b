import ALQPluginAPI
import ALQRuntime
import ALQSyntax
import FormatJSON
import FormatSupport

/// A conversation with one external plugin: the handshake, then requests, one answer each
/// (docs/plugins.md specifies the protocol).
///
/// Every failure becomes a diagnostic: `E0501` when the plugin cannot run, crashes or reports an
/// error, `E0502` when it breaks the protocol (another version, garbage, an oversized message),
/// `E0503` when it does not answer in time. A plugin that broke the protocol, crashed or hung is
/// stopped; the session goes on. Used from one thread at a time, like the ``Registry``.
public final class PluginConnection: @unchecked Sendable {
    /// The protocol version this alq speaks.
    public static let protocolVersion = 1
    /// The alq version sent in the handshake.
    public nonisolated(unsafe) static var hostVersion = "0.1.0"

    /// The executable's path.
    public let path: String
    /// The name and version the plugin gave in the handshake.
    public private(set) var name: String
    /// The plugin's version.
    public private(set) var version: String
    /// What the plugin said it offers (`formats`, `region`, `functions`).
    public private(set) var capabilities: [String] = []
    /// What `describe` returned.
    public private(set) var description = PluginDescription()

    private var process: PluginProcess?
    private var nextID = 1
    private var limits: PluginLimits

    /// Starts the plugin and runs the handshake and `describe`.
    init(path: String, limits: PluginLimits, isCancelled: (() -> Bool)? = nil) throws(Diagnostic) {
        self.path = path
        self.name = FileSystem.fileName(of: path)
        self.version = ""
        self.limits = limits
        do {
            process = try PluginProcess(path: path)
            process?.isCancelled = isCancelled
        } catch {
            if case .cannotStart(let reason) = error {
                throw Diagnostic(.pluginFailed, "cannot run plugin '\(path)': \(reason.lowercased())")
            }
            throw Diagnostic(.pluginFailed, "cannot run plugin '\(path)'")
        }
        try handshake()
        description = try PluginDescription(try request("describe", [:]), plugin: label)
    }

    deinit { process?.stop() }

    /// How messages name the plugin.
    var label: String { "plugin '\(name)' (\(path))" }

    /// Whether the process is still there to answer.
    public var isRunning: Bool { process?.isRunning ?? false }

    private func handshake() throws(Diagnostic) {
        let result = try request(
            "hello", ["protocol": .number(Double(Self.protocolVersion)), "alq": .string(Self.hostVersion)])
        guard case .number(let spoken)? = result["protocol"] else {
            stop()
            throw Diagnostic(
                .pluginProtocol, "\(label) answered the handshake without a protocol version; it was stopped")
        }
        guard spoken == Double(Self.protocolVersion) else {
            stop()
            throw Diagnostic(
                .pluginProtocol,
                "\(label) speaks protocol \(NumberText.text(spoken)); this alq speaks protocol \(Self.protocolVersion); it was stopped",
                help: "update the plugin, or use a version of alq that speaks its protocol")
        }
        if case .string(let given)? = result["name"], !given.isEmpty { name = given }
        if case .string(let given)? = result["version"] { version = given }
        if case .list(let items)? = result["capabilities"] {
            capabilities = items.compactMap { if case .string(let text) = $0 { text } else { nil } }
        }
    }

    // MARK: Requests

    /// Sends a request and returns its result object.
    func request(_ method: String, _ params: [String: Value]) throws(Diagnostic) -> Record {
        var fields: [(String, Value)] = []
        for key in params.keys.sorted() { fields.append((key, params[key]!)) }
        return try request(method, encodedParams: Array(JSONText.text(.record(Record(fields))).utf8))
    }

    /// Sends a request whose params are already JSON text, and returns its result object.
    ///
    /// With `onChunk`, the plugin may send any number of `{"id": …, "chunk": {…}}` messages before its
    /// answer (output of an export); each one renews the deadline.
    func request(
        _ method: String, encodedParams: [UInt8], onChunk: ((Record) throws(Diagnostic) -> Void)? = nil
    ) throws(Diagnostic) -> Record {
        guard let process, process.isRunning else {
            throw Diagnostic(
                .pluginFailed, "\(label) is no longer running (it failed earlier); load it again to use it")
        }
        let id = nextID
        nextID += 1
        var line = Array("{\"id\":\(id),\"method\":".utf8) + JSONText.encodedString(method) + Array(",\"params\":".utf8)
        line += encodedParams
        line.append(UInt8(ascii: "}"))
        do {
            try process.send(line, deadline: PluginProcess.now() + limits.timeout)
        } catch {
            throw failure(error, method: method)
        }
        while true {
            let object = try receive(method: method, id: id)
            if case .record(let chunk)? = object["chunk"], let onChunk {
                try onChunk(chunk)
                continue
            }
            if case .record(let error)? = object["error"] {
                let text = if case .string(let text)? = error["message"] { text } else { "no message" }
                throw Diagnostic(.pluginFailed, "\(label) failed to '\(method)': \(text)")
            }
            guard case .record(let result)? = object["result"] else {
                stop()
                throw Diagnostic(
                    .pluginProtocol, "\(label) answered '\(method)' with neither a result nor an error; it was stopped")
            }
            return result
        }
    }

    /// Reads one message answering request `id`.
    private func receive(method: String, id: Int) throws(Diagnostic) -> Record {
        guard let process else { throw Diagnostic(.pluginFailed, "\(label) is no longer running") }
        let answer: [UInt8]
        do {
            answer = try process.receive(
                deadline: PluginProcess.now() + limits.timeout, limit: limits.maximumMessageBytes)
        } catch {
            throw failure(error, method: method)
        }
        let message: Value
        do {
            message = try JSONParser.parse(answer)
        } catch {
            stop()
            let preview = String(decoding: answer.prefix(60), as: UTF8.self)
            throw Diagnostic(
                .pluginProtocol,
                "\(label) answered '\(method)' with something that is not JSON (\(error.description)): \"\(preview)\"; it was stopped"
            )
        }
        guard case .record(let object) = message else {
            stop()
            throw Diagnostic(
                .pluginProtocol, "\(label) answered '\(method)' with JSON that is not an object; it was stopped")
        }
        guard case .number(let answeredID)? = object["id"], answeredID == Double(id) else {
            stop()
            throw Diagnostic(
                .pluginProtocol, "\(label) answered '\(method)' with the wrong id (expected \(id)); it was stopped")
        }
        return object
    }

    private func failure(_ error: PluginProcess.Failure, method: String) -> Diagnostic {
        let tail = process?.standardErrorTail ?? ""
        let help = tail.isEmpty ? nil : "the plugin's last words on standard error: \(tail)"
        switch error {
        case .cannotStart(let reason):
            return Diagnostic(.pluginFailed, "cannot run \(label): \(reason)", help: help)
        case .exited(let how):
            stop()
            return Diagnostic(.pluginFailed, "\(label) \(how) while answering '\(method)'", help: help)
        case .timedOut:
            stop()
            return Diagnostic(
                .pluginTimeout,
                "\(label) did not answer '\(method)' within \(NumberText.text(limits.timeout)) s; it was stopped",
                help: help ?? "a plugin that needs longer can be given more time with ALQ_PLUGIN_TIMEOUT=SECONDS")
        case .interrupted:
            stop()
            return Diagnostic(
                .interrupted, "interrupted while \(label) was answering '\(method)'; the plugin was stopped")
        case .tooLarge:
            stop()
            return Diagnostic(
                .pluginProtocol,
                "\(label) sent a message larger than \(limits.maximumMessageBytes / (1 << 20)) MiB while answering '\(method)'; it was stopped",
                help: help)
        }
    }

    /// Stops the plugin process.
    func stop() {
        process?.stop()
    }

    /// Says goodbye: sends `shutdown`, closes the plugin's input, and stops it if it lingers.
    public func close() {
        guard let process, process.isRunning else { return }
        // The whole goodbye takes at most about a second: half for the answer, half for the exit.
        limits.timeout = min(limits.timeout, PluginLimits.shutdownGrace)
        _ = try? request("shutdown", [:])
        process.finish(grace: PluginLimits.shutdownGrace)
    }

    // MARK: Tables, functions

    /// A table the plugin offers.
    func table(named tableName: String) throws(Diagnostic) -> Table {
        let result = try request("table", ["name": .string(tableName)])
        return try PluginValues.table(from: result, plugin: label, table: tableName)
    }

    /// Calls one of the plugin's functions.
    public func call(function: String, arguments: [Value]) throws(Diagnostic) -> Value {
        let result = try request(
            "call", ["function": .string(function), "args": .list(arguments.map(PluginValues.wire))])
        return PluginValues.value(fromWire: result["value"] ?? .null)
    }
}

/// How long a plugin may take to answer, and how large an answer may be.
public struct PluginLimits: Sendable {
    /// Seconds to wait for each answer.
    public var timeout: Double
    /// The longest message (one line) accepted.
    public var maximumMessageBytes: Int

    /// How long a plugin has to answer `shutdown`, and then to exit, before it is killed.
    public static let shutdownGrace = 0.5

    /// Limits; the defaults are 10 s and 64 MiB.
    public init(timeout: Double = 10, maximumMessageBytes: Int = 64 << 20) {
        self.timeout = timeout
        self.maximumMessageBytes = maximumMessageBytes
    }
}
