/// Answers alq's requests for the formats and readers of one plugin: the protocol without the pipes, so
/// that it can be driven line by line (``PluginKit`` connects it to standard input and output).
///
/// It speaks the newest version the host offers, up to ``newestVersion`` (4: export batches as binary
/// frames), and each older version's messages with a host that offers only that one.
public struct PluginServer {
    /// The newest protocol version the kit speaks.
    public static let newestVersion = 4

    /// The largest output sent in one message; more goes ahead in chunk messages.
    public static var chunkBytes: Int { 1 << 20 }

    private let name: String
    private let version: String
    private var formats: [any ExportFormatPlugin]
    private var readers: [any ReaderPlugin]
    /// The version agreed in the handshake.
    private var protocolVersion = 1
    /// The format being exported to, between `export.begin` and `export.end`.
    private var exporting: Int?
    /// The file being read, between `read.begin` and the answer that says `done`.
    private var reading: TableReader?
    /// The types of the columns being exported, from `export.begin`.
    private var exportTypes: [ColumnDescription.ColumnType] = []
    /// The size of the last batch's output.
    private var batchOutputBytes = 0
    /// Whether `shutdown` was answered: the plugin should exit.
    public private(set) var isFinished = false
    /// Whether the host takes progress messages before its answer to `read.begin` (said in `hello`).
    private var hostTakesProgress = false
    /// Where a message sent before a request's answer goes at once (a progress message);
    /// ``PluginKit`` writes it to standard output. Without it, none is sent.
    public var sendNow: (([UInt8]) -> Void)?

    /// A server for formats and readers; `name` and `version` default to the first format's or reader's.
    public init(
        name: String? = nil, version: String? = nil, formats: [any ExportFormatPlugin], readers: [any ReaderPlugin]
    ) {
        self.name = name ?? formats.first?.name ?? readers.first?.name ?? "plugin"
        self.version = version ?? formats.first?.version ?? readers.first?.version ?? "1.0.0"
        self.formats = formats
        self.readers = readers
    }

    /// The lines (without newlines) answering one request line.
    ///
    /// In protocol 3 an element may be a message, a newline and raw output bytes (`"bytes": N`): write
    /// each element followed by a newline, as ``PluginKit`` does.
    ///
    /// In protocol 4 an `export.rows` request is followed by its frame's bytes: `read(n)` gives the next `n`
    /// bytes of the input (`nil` when it ends first). They are read even when the request is refused, so
    /// that the next line is a request again.
    public mutating func answer(_ line: [UInt8], read: (Int) -> [UInt8]?) -> [[UInt8]] {
        withoutActuallyEscaping(read) { read in
            var payload = FramePayload(read: read)
            let answers = answer(line, payload: &payload)
            if protocolVersion >= 4, !payload.isRead, let count = Self.frameByteCount(line) {
                _ = try? payload.bytes(count)
            }
            return answers
        }
    }

    /// The lines answering one request line that no bytes follow (see ``answer(_:read:)``).
    public mutating func answer(_ line: [UInt8]) -> [[UInt8]] {
        answer(line) { _ in nil }
    }

    private mutating func answer(_ line: [UInt8], payload: inout FramePayload) -> [[UInt8]] {
        if let format = exporting, protocolVersion == 1, let answers = answerRows(line, format: format) {
            return answers
        }
        if let format = exporting, protocolVersion >= 4, let answers = answerFrame(line, format, &payload) {
            return answers
        }
        if let format = exporting, (2...3).contains(protocolVersion), let answers = answerBatch(line, format: format) {
            return answers
        }
        let request: PluginRequest
        do {
            request = try PluginRequest.decode(line)
        } catch {
            return [PluginAnswer(id: nil, .error(message: "\(name) received \(error.message)")).encoded]
        }
        do {
            return try answer(request, payload: &payload)
        } catch {
            exporting = nil
            reading = nil
            return [PluginAnswer(id: request.id, .error(message: "\(error)")).encoded]
        }
    }

    private mutating func answer(_ request: PluginRequest, payload: inout FramePayload) throws -> [[UInt8]] {
        var output = PluginOutput()
        switch request.method {
        case .hello:
            let params = HelloParams(request.params)
            protocolVersion = max(1, min(params.protocolVersion, Self.newestVersion))
            hostTakesProgress = params.progress
            var capabilities: [PluginCapability] = []
            if !formats.isEmpty { capabilities.append(.formats) }
            if !readers.isEmpty, protocolVersion >= 2 { capabilities.append(.readers) }
            let hello = HelloResult(
                protocolVersion: protocolVersion, name: name, version: version, capabilities: capabilities)
            return [PluginAnswer(id: request.id, .result(hello.json)).encoded]
        case .describe:
            return [PluginAnswer(id: request.id, .result(DescribeResult(formats: described).json)).encoded]
        case .exportBegin:
            let begin = try ExportBegin(request.params)
            guard let index = formats.firstIndex(where: { $0.name == begin.format }) else {
                throw PluginError("\(name) does not write the format '\(begin.format)'")
            }
            exporting = index
            exportTypes = begin.columns.map(\.type)
            try formats[index].begin(begin, to: &output)
        case .exportRows:
            guard let index = exporting else { throw PluginError("export.rows before export.begin") }
            let batch =
                if protocolVersion >= 4, let header = request.params["frame"] {
                    try TypedFrame(ExportFrame(header), types: exportTypes).batch(bytes: payload.frame(header))
                } else if let batch = request.params["batch"] {
                    TypedBatch(try ColumnBatch(batch, context: "export.rows"), types: exportTypes)
                } else {
                    TypedBatch(rows: try ExportRows(request.params).rows, types: exportTypes)
                }
            try formats[index].write(columns: batch, to: &output)
        case .exportEnd:
            guard let index = exporting else { throw PluginError("export.end before export.begin") }
            exporting = nil
            try formats[index].end(to: &output)
        case .readBegin:
            let begin = try ReadBegin(request.params)
            reading = nil
            guard protocolVersion >= 2, let index = readers.firstIndex(where: { $0.name == begin.format }) else {
                throw PluginError("\(name) does not read the format '\(begin.format)'")
            }
            let id = request.id
            let send = sendNow
            let progress = PluginProgress(
                send: hostTakesProgress && send != nil
                    ? { send?(PluginAnswer(id: id, .chunk(JSONObject())).encoded) } : nil)
            let reader = try readers[index].read(path: begin.path, options: begin.options, progress: progress)
            reading = reader
            return [PluginAnswer(id: request.id, .result(ReadBeginResult(columns: reader.columns).json)).encoded]
        case .readRows:
            guard var reader = reading else { throw PluginError("read.rows before read.begin") }
            let batch = try reader.next(maximumRows: PluginProtocol.rowsPerColumnarBatch)
            if let batch { try Self.check(batch, columns: reader.columns.count) }
            reading = batch == nil ? nil : reader
            let result = ReadRowsResult(batch: batch, done: batch == nil)
            return [PluginAnswer(id: request.id, .result(result.json)).encoded]
        case .shutdown:
            isFinished = true
            return [PluginAnswer(id: request.id, .result(JSONObject())).encoded]
        default:
            throw PluginError("\(name) does not know '\(request.method)'")
        }
        return answers(id: request.id, output: output.bytes)
    }

    /// The formats as `describe` lists them: a writer and a reader of one name are one format; readers
    /// only in protocol version 2.
    private var described: [FormatDescription] {
        // Every number column's text comes with the frames: ``TypedColumn/Numbers`` hands it over.
        var result = formats.map {
            FormatDescription(
                name: $0.name, extensions: $0.extensions, mediaType: $0.mediaType, reads: false,
                numberText: protocolVersion >= 4)
        }
        guard protocolVersion >= 2 else { return result }
        for reader in readers {
            if let index = result.firstIndex(where: { $0.name == reader.name }) {
                result[index].reads = true
                result[index].extensions += reader.extensions.filter { !result[index].extensions.contains($0) }
            } else {
                result.append(
                    FormatDescription(
                        name: reader.name, extensions: reader.extensions, mediaType: reader.mediaType, reads: true,
                        writes: false))
            }
        }
        return result
    }

    /// A reader's batch must have one column per column it announced, each of the batch's length.
    private static func check(_ batch: ColumnBatch, columns: Int) throws {
        guard batch.columns.count == columns else {
            throw PluginError("the reader gave a batch of \(batch.columns.count) columns; it announced \(columns)")
        }
        if batch.length == 0 { throw PluginError("the reader gave a batch of no rows; return nil at the end") }
        for (index, column) in batch.columns.enumerated() where column.count != batch.length {
            throw PluginError(
                "the reader gave column \(index + 1) \(column.count) values in a batch of \(batch.length) rows")
        }
    }

    /// Answers a version-1 `export.rows` from its rows read straight from the line (``ExportRowsReader``),
    /// as one typed batch; `nil` for another request.
    private mutating func answerRows(_ line: [UInt8], format: Int) -> [[UInt8]]? {
        var output = PluginOutput()
        var row: [JSONValue] = []
        var rows: [[JSONValue]] = []
        do {
            let outcome = try ExportRowsReader.read(line, row: &row) { row in rows.append(row) }
            guard case .rows(let id) = outcome else { return nil }
            try formats[format].write(columns: TypedBatch(rows: rows, types: exportTypes), to: &output)
            return answers(id: id, output: output.bytes)
        } catch {
            return refuse(line, message: "\(error)")
        }
    }

    /// Answers a version-4 `export.rows` from its header read straight from the line (``TypedFrameReader``)
    /// and its frame's bytes; `nil` for another request.
    private mutating func answerFrame(_ line: [UInt8], _ format: Int, _ payload: inout FramePayload) -> [[UInt8]]? {
        do {
            guard case .frame(let id, let frame) = try TypedFrameReader.read(line, types: exportTypes) else {
                return nil
            }
            let batch: TypedBatch
            do {
                batch = try frame.batch(bytes: try payload.bytes(frame.byteCount))
            } catch {
                exporting = nil
                return [PluginAnswer(id: id, .error(message: "\(name) received \(error.message)")).encoded]
            }
            return answer(batch, id: id, format: format)
        } catch {
            return refuse(line, message: "\(name) received \(error.message)")
        }
    }

    /// The `bytes` a version-4 `export.rows` line says follow it, when the line is one.
    private static func frameByteCount(_ line: [UInt8]) -> Int? {
        guard let request = try? PluginRequest.decode(line), request.method == .exportRows,
            case .number(let count)? = request.params["frame"]?.objectValue?["bytes"], let count = count.int,
            count >= 0
        else { return nil }
        return count
    }

    /// Answers a columnar `export.rows` (versions 2 and 3) from a typed batch read straight from the line
    /// (``TypedBatchReader``); `nil` for another request.
    private mutating func answerBatch(_ line: [UInt8], format: Int) -> [[UInt8]]? {
        do {
            guard case .batch(let id, let batch) = try TypedBatchReader.read(line, types: exportTypes) else {
                return nil
            }
            return answer(batch, id: id, format: format)
        } catch {
            return refuse(line, message: "\(name) received \(error.message)")
        }
    }

    /// The answer to `export.rows` request `id`: the format's output for `batch`, in a buffer the size of
    /// the last batch's output, or the format's error (which ends the export).
    private mutating func answer(_ batch: TypedBatch, id: Int, format: Int) -> [[UInt8]] {
        var output = PluginOutput(capacity: batchOutputBytes)
        defer { batchOutputBytes = output.count }
        do {
            try formats[format].write(columns: batch, to: &output)
        } catch {
            exporting = nil
            return [PluginAnswer(id: id, .error(message: "\(error)")).encoded]
        }
        return answers(id: id, output: output.bytes)
    }

    /// Ends the export when a fast path cannot read `line`, and answers with `message` under the id the
    /// general decoder finds in it (`nil` when it finds none: the general path answers then).
    private mutating func refuse(_ line: [UInt8], message: String) -> [[UInt8]]? {
        exporting = nil
        guard let request = try? PluginRequest.decode(line) else { return nil }
        return [PluginAnswer(id: request.id, .error(message: message)).encoded]
    }

    /// The answer carrying `output`: in protocol 3 raw bytes after the message, in chunks of at most
    /// ``chunkBytes``; before, JSON text in chunks of at most ``chunkBytes``.
    private func answers(id: Int, output: [UInt8]) -> [[UInt8]] {
        protocolVersion >= 3 ? Self.rawAnswers(id: id, output: output) : Self.answers(id: id, output: output)
    }

    /// Protocol 3: each piece of at most ``chunkBytes`` as a message with `"bytes": N`, a newline and the
    /// bytes; the last piece in the result.
    static func rawAnswers(id: Int, output: [UInt8]) -> [[UInt8]] {
        if output.isEmpty { return [PluginAnswer.encode(id: id, output: [])] }
        var lines: [[UInt8]] = []
        var start = 0
        while start < output.count {
            let end = min(start + chunkBytes, output.count)
            var frame = PluginAnswer.encodeRawHeader(id: id, count: end - start, chunk: end < output.count)
            frame.append(10)
            frame.append(contentsOf: output[start..<end])
            lines.append(frame)
            start = end
        }
        return lines
    }

    /// The output in chunks of at most ``chunkBytes`` (cut between UTF-8 characters), the last in the result.
    static func answers(id: Int, output: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var start = 0
        while output.count - start > chunkBytes {
            var end = start + chunkBytes
            while end > start + 1, output[end] & 0xC0 == 0x80 { end -= 1 }
            lines.append(PluginAnswer.encode(id: id, output: output[start..<end], chunk: true))
            start = end
        }
        lines.append(PluginAnswer.encode(id: id, output: output[start...]))
        return lines
    }
}

/// The bytes that follow a version-4 `export.rows` line: `byteCount` bytes and a newline, read once.
struct FramePayload {
    let read: (Int) -> [UInt8]?
    /// Whether the bytes were read (or reading them failed).
    private(set) var isRead = false

    init(read: @escaping (Int) -> [UInt8]?) { self.read = read }

    /// The frame's `count` bytes, and the newline after them checked.
    mutating func bytes(_ count: Int) throws(PluginProtocolError) -> [UInt8] {
        guard !isRead else { throw PluginProtocolError("a second frame after one request") }
        isRead = true
        guard let bytes = read(count), bytes.count == count else {
            throw PluginProtocolError("a frame of \(count) bytes cut short by the end of the input")
        }
        guard read(1) == [10] else {
            throw PluginProtocolError("a frame whose \(count) bytes are not followed by a newline")
        }
        return bytes
    }

    /// The bytes of the frame whose header is `header`.
    mutating func frame(_ header: JSONValue) throws(PluginProtocolError) -> [UInt8] {
        try bytes(try ExportFrame(header).byteCount)
    }
}
