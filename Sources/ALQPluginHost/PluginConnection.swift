import ALQJSON
import ALQPluginAPI
import ALQPluginProtocol
import ALQRuntime
import ALQSyntax
import ALQSystem
import FormatSupport
import Synchronization

/// A conversation with one external plugin: the handshake, then requests, one answer each
/// (docs/plugins.md specifies the protocol).
///
/// Every failure becomes a diagnostic: `E0501` when the plugin cannot run, crashes or reports an
/// error, `E0502` when it breaks the protocol (another version, garbage, an oversized message),
/// `E0503` when it does not answer in time. A plugin that broke the protocol, crashed or hung is
/// stopped; the session goes on.
///
/// Each public operation holds ``exchange`` for its whole exchange, so requests from different threads
/// take turns and never interleave on the pipe.
// Safe: `process` and `nextID` are changed only while `exchange` is held, or in init and deinit, when no
// other thread has the connection; the other properties are set in init and never change.
public final class PluginConnection: @unchecked Sendable {
    /// The newest protocol version this alq speaks (it speaks every version of
    /// ``PluginProtocol/supportedVersions``).
    public static let protocolVersion = PluginProtocol.version
    /// The alq version sent in the handshake.
    public static let hostVersion = "0.1.0"

    /// The executable's path.
    public let path: String
    /// The name and version the plugin gave in the handshake.
    public private(set) var name: String
    /// The plugin's version.
    public private(set) var version: String
    /// What the plugin said it offers (`formats`, `region`, `functions`).
    public private(set) var capabilities: [String] = []
    /// What `describe` returned.
    public private(set) var description = DescribeResult()
    /// The protocol version agreed in the handshake: 1, 2 (readers, columnar batches, region packs), 3
    /// (raw output after an answer, dictionary-encoded string columns), or 4 (export batches as binary
    /// frames).
    public private(set) var protocolVersion = 1

    private var process: PluginProcess?
    private var nextID = 1
    let limits: PluginLimits
    /// Held for each exchange with the plugin (see the type's comment).
    private let exchange = Mutex(())

    /// Starts the plugin and runs the handshake and `describe`, each within the start-up limit.
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
        let answer = try request(.describe, JSONObject(), timeout: limits.startupTimeout)
        do {
            description = try DescribeResult(answer)
        } catch {
            throw Diagnostic(.pluginProtocol, "\(label) answered 'describe' with \(error.message)")
        }
    }

    deinit { process?.stop() }

    /// How messages name the plugin.
    var label: String { "plugin '\(name)' (\(path))" }

    /// Whether the process is still there to answer.
    public var isRunning: Bool { exchange.withLock { _ in process?.isRunning ?? false } }

    /// Runs `body` (requests and their answers) holding ``exchange``.
    func exclusively<Result: Sendable>(_ body: () throws(Diagnostic) -> Result) throws(Diagnostic) -> Result {
        try exchange.withLock { (_) throws(Diagnostic) -> Result in try body() }
    }

    private func handshake() throws(Diagnostic) {
        let params = HelloParams(alq: Self.hostVersion, progress: true)
        let answer = try request(.hello, params.json, timeout: limits.startupTimeout)
        let hello: HelloResult
        do {
            hello = try HelloResult(answer)
        } catch {
            stop()
            throw Diagnostic(
                .pluginProtocol, "\(label) answered the handshake without a protocol version; it was stopped")
        }
        guard let spoken = hello.protocolVersion.int, PluginProtocol.supportedVersions.contains(spoken) else {
            stop()
            let spoken = PluginProtocol.supportedVersions.map(String.init)
            let versions = spoken.dropLast().joined(separator: ", ") + " and " + spoken[spoken.count - 1]
            throw Diagnostic(
                .pluginProtocol,
                "\(label) speaks protocol \(hello.protocolVersion.text); this alq speaks protocols \(versions); it was stopped",
                help: "update the plugin, or use a version of alq that speaks its protocol")
        }
        protocolVersion = spoken
        if !hello.name.isEmpty { name = hello.name }
        version = hello.version
        capabilities = hello.capabilities.map(\.rawValue)
    }

    /// Whether the plugin said it offers `capability`.
    func offers(_ capability: PluginCapability) -> Bool { capabilities.contains(capability.rawValue) }

    // MARK: Requests

    /// Sends a request and returns its result object. The caller holds ``exchange`` (or is the
    /// initializer).
    func request(_ method: PluginMethod, _ params: JSONObject, timeout: Double? = nil) throws(Diagnostic) -> JSONObject
    {
        try request(method, encodedParams: JSONWriter.encode(.object(params)), timeout: timeout)
    }

    /// Sends a request whose params are already JSON text, and returns its result object.
    ///
    /// With `onChunk`, the plugin may send any number of `{"id": …, "chunk": {…}}` messages before its
    /// answer (output of an export); each one renews the deadline. `timeout` replaces the limit for
    /// each answer (the start-up requests have their own).
    func request(
        _ method: PluginMethod, encodedParams: [UInt8], timeout: Double? = nil,
        onChunk: ((JSONObject) throws(Diagnostic) -> Void)? = nil,
        output: (any OutputSink)? = nil
    ) throws(Diagnostic) -> JSONObject {
        let id = try send(method, encodedParams: encodedParams, timeout: timeout)
        return try answer(to: id, method: method, timeout: timeout, onChunk: onChunk, output: output)
    }

    /// Sends a request without waiting for its answer, and returns its id; ``answer(to:method:timeout:onChunk:)``
    /// reads the answer. Answers come in the order of the requests. `bytes` (a version-4 frame's buffers)
    /// follow the request's newline, and a newline follows them.
    func send(
        _ method: PluginMethod, encodedParams: [UInt8], bytes: [UInt8]? = nil, timeout: Double? = nil
    ) throws(Diagnostic) -> Int {
        guard let process, process.isRunning else {
            throw Diagnostic(
                .pluginFailed, "\(label) is no longer running (it failed earlier); load it again to use it")
        }
        let id = nextID
        nextID += 1
        let seconds = timeout ?? limits.timeout
        let line = PluginRequest.encode(id: id, method: method, encodedParams: encodedParams)
        // A frame's bytes go out after the line as they are: no copy of the whole message.
        let newline: [UInt8] = [10]
        let parts: [[UInt8]] = bytes.map { [line, newline, $0, newline] } ?? [line, newline]
        do {
            try process.send(parts, deadline: PluginProcess.now() + seconds, limit: limits.maximumMessageBytes)
        } catch {
            throw failure(error, method: method, seconds: seconds)
        }
        return id
    }

    /// Reads the answer to request `id` (sent with ``send(_:encodedParams:timeout:)``) and returns its result.
    ///
    /// In protocol 3, a result or chunk with `"bytes": N` is followed by N raw bytes of output: they go to
    /// `output` (in order with the chunks, which `onChunk` writes), and are dropped when it is `nil`.
    func answer(
        to id: Int, method: PluginMethod, timeout: Double? = nil,
        onChunk: ((JSONObject) throws(Diagnostic) -> Void)? = nil,
        output: (any OutputSink)? = nil
    ) throws(Diagnostic) -> JSONObject {
        let seconds = timeout ?? limits.timeout
        while true {
            let answer = try receive(method: method, id: id, seconds: seconds, output: output)
            switch answer.body {
            case .chunk(let chunk) where onChunk != nil:
                try onChunk?(chunk)
            case .chunk:
                stop()
                throw Diagnostic(
                    .pluginProtocol, "\(label) answered '\(method)' with neither a result nor an error; it was stopped")
            case .error(let message):
                throw Diagnostic(.pluginFailed, "\(label) failed to '\(method)': \(message)")
            case .result(let result):
                return result
            }
        }
    }

    /// Reads one message answering request `id`, and moves the raw output after it (protocol 3's
    /// `"bytes": N`) to `output`.
    private func receive(
        method: PluginMethod, id: Int, seconds: Double, output: (any OutputSink)?
    ) throws(Diagnostic) -> PluginAnswer {
        let answer = try receiveMessage(method: method, id: id, seconds: seconds)
        guard protocolVersion >= 3, let count = answer.rawOutputCount else { return answer }
        guard count >= 0, count <= limits.maximumMessageBytes else {
            stop()
            throw Diagnostic(
                .pluginProtocol,
                "\(label) answered '\(method)' with \"bytes\": \(count), not a size from 0 to \(limits.maximumMessageBytes); it was stopped"
            )
        }
        guard let process else { throw Diagnostic(.pluginFailed, "\(label) is no longer running") }
        let deadline = PluginProcess.now() + seconds
        let newline: [UInt8]
        var writeFailure: Diagnostic?
        do {
            do {
                if let output {
                    let label = self.label
                    try process.forward(count: count, deadline: deadline) { (bytes) throws(Diagnostic) in
                        try PluginConnection.write(bytes, to: output, label: label)
                    }
                } else {
                    _ = try process.receive(count: count, deadline: deadline)
                }
            } catch .destination(let diagnostic) {
                writeFailure = diagnostic
            }
            newline = try process.receive(count: 1, deadline: deadline)
        } catch {
            throw failure(error, method: method, seconds: seconds)
        }
        guard newline == [10] else {
            stop()
            throw Diagnostic(
                .pluginProtocol,
                "\(label) answered '\(method)' with \(count) bytes of output not followed by a newline; it was stopped")
        }
        if let writeFailure { throw writeFailure }
        return answer
    }

    /// Reads one message (one line) answering request `id`.
    private func receiveMessage(method: PluginMethod, id: Int, seconds: Double) throws(Diagnostic) -> PluginAnswer {
        guard let process else { throw Diagnostic(.pluginFailed, "\(label) is no longer running") }
        let line: [UInt8]
        do {
            line = try process.receive(deadline: PluginProcess.now() + seconds, limit: limits.maximumMessageBytes)
        } catch {
            throw failure(error, method: method, seconds: seconds)
        }
        let answer: PluginAnswer
        do {
            answer = try PluginAnswer.decode(line)
        } catch {
            stop()
            switch error {
            case .notJSON(let reason):
                let preview = String(decoding: line.prefix(60), as: UTF8.self)
                throw Diagnostic(
                    .pluginProtocol,
                    "\(label) answered '\(method)' with something that is not JSON (\(reason.description)): \"\(preview)\"; it was stopped"
                )
            case .notAnObject:
                throw Diagnostic(
                    .pluginProtocol, "\(label) answered '\(method)' with JSON that is not an object; it was stopped")
            case .noResult(let answered):
                guard answered == id else { throw wrongID(method: method, id: id) }
                throw Diagnostic(
                    .pluginProtocol, "\(label) answered '\(method)' with neither a result nor an error; it was stopped")
            }
        }
        guard answer.id == id else {
            stop()
            throw wrongID(method: method, id: id)
        }
        return answer
    }

    private func wrongID(method: PluginMethod, id: Int) -> Diagnostic {
        Diagnostic(.pluginProtocol, "\(label) answered '\(method)' with the wrong id (expected \(id)); it was stopped")
    }

    private func failure(_ error: PluginProcess.Failure, method: PluginMethod, seconds: Double) -> Diagnostic {
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
                "\(label) did not answer '\(method)' within \(NumberText.text(seconds)) s; it was stopped",
                help: help ?? "a plugin that needs longer can be given more time with ALQ_PLUGIN_TIMEOUT=SECONDS")
        case .interrupted:
            stop()
            return Diagnostic(
                .interrupted, "interrupted while \(label) was answering '\(method)'; the plugin was stopped")
        case .destination(let diagnostic):
            return diagnostic
        case .tooLarge:
            stop()
            return Diagnostic(
                .pluginProtocol,
                "\(label) sent a message larger than \(limits.maximumMessageBytes / (1 << 20)) MiB while answering '\(method)'; it was stopped",
                help: help)
        }
    }

    /// Stops the plugin process. The caller holds ``exchange`` (or is the initializer).
    func stop() {
        process?.stop()
    }

    /// Says goodbye: sends `shutdown`, closes the plugin's input, and stops it if it lingers.
    public func close() {
        exchange.withLock { _ in
            guard let process, process.isRunning else { return }
            // The whole goodbye takes at most about a second: half for the answer, half for the exit.
            _ = try? request(.shutdown, JSONObject(), timeout: min(limits.timeout, PluginLimits.shutdownGrace))
            process.finish(grace: PluginLimits.shutdownGrace)
        }
    }

    // MARK: Tables, functions

    /// A table the plugin offers.
    func table(named tableName: String) throws(Diagnostic) -> Table {
        let answer = try exclusively { () throws(Diagnostic) in try request(.table, TableParams(name: tableName).json) }
        do {
            return PluginValues.table(try TableResult(answer))
        } catch {
            throw Diagnostic(.pluginProtocol, "\(label) answered 'table' for '\(tableName)' \(error.message)")
        }
    }

    /// Calls one of the plugin's functions.
    public func call(function: String, arguments: [Value]) throws(Diagnostic) -> Value {
        let params = CallParams(function: function, arguments: arguments.map(PluginValues.json))
        let answer = try exclusively { () throws(Diagnostic) in try request(.call, params.json) }
        return PluginValues.value(CallResult(answer).value)
    }
}

/// How long a plugin may take to answer, and how large an answer may be.
public struct PluginLimits: Sendable {
    /// Seconds to wait for each answer.
    public var timeout: Double
    /// Seconds to wait for each answer while the plugin starts (`hello`, `describe`): an interpreter
    /// that starts slowly on a busy machine is not a hung plugin, whatever the limit for later answers.
    public var startupTimeout: Double
    /// The longest message (one line) accepted.
    public var maximumMessageBytes: Int
    /// The most rows one read through a plugin's reader may give.
    public var maximumReadRows: Int

    /// How long a plugin has to answer `shutdown`, and then to exit, before it is killed.
    public static let shutdownGrace = 0.5

    /// Limits; the defaults are 10 s for each answer, the larger of 10 s and `timeout` for start-up
    /// answers, 64 MiB, and 100,000,000 rows per read.
    public init(
        timeout: Double = 10, startupTimeout: Double? = nil, maximumMessageBytes: Int = 64 << 20,
        maximumReadRows: Int = 100_000_000
    ) {
        self.timeout = timeout
        self.startupTimeout = startupTimeout ?? max(timeout, 10)
        self.maximumMessageBytes = maximumMessageBytes
        self.maximumReadRows = maximumReadRows
    }
}
