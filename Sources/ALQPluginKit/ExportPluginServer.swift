/// Answers alq's requests for one ``ExportFormatPlugin``: the protocol without the pipes, so that it
/// can be driven line by line (``PluginKit/run(_:)`` connects it to standard input and output).
public struct ExportPluginServer<Plugin: ExportFormatPlugin> {
    /// The largest output sent in one message; more goes ahead in chunk messages.
    public static var chunkBytes: Int { 1 << 20 }

    private var plugin: Plugin
    private var exporting = false
    private var row: [JSONValue] = []
    /// Whether `shutdown` was answered: the plugin should exit.
    public private(set) var isFinished = false

    /// A server for `plugin`.
    public init(_ plugin: Plugin) { self.plugin = plugin }

    /// The lines (without newlines) answering one request line.
    public mutating func answer(_ line: [UInt8]) -> [[UInt8]] {
        if exporting, let answers = answerRows(line) { return answers }
        let request: PluginRequest
        do {
            request = try PluginRequest.decode(line)
        } catch {
            return [PluginAnswer(id: nil, .error(message: "\(plugin.name) received \(error.message)")).encoded]
        }
        do {
            return try answer(request)
        } catch {
            exporting = false
            return [PluginAnswer(id: request.id, .error(message: "\(error)")).encoded]
        }
    }

    private mutating func answer(_ request: PluginRequest) throws -> [[UInt8]] {
        var output = PluginOutput()
        switch request.method {
        case .hello:
            let hello = HelloResult(name: plugin.name, version: plugin.version, capabilities: [.formats])
            return [PluginAnswer(id: request.id, .result(hello.json)).encoded]
        case .describe:
            let format = FormatDescription(
                name: plugin.name, extensions: plugin.extensions, mediaType: plugin.mediaType)
            return [PluginAnswer(id: request.id, .result(DescribeResult(formats: [format]).json)).encoded]
        case .exportBegin:
            let begin = try ExportBegin(request.params)
            guard begin.format == plugin.name else {
                throw PluginError("\(plugin.name) does not write the format '\(begin.format)'")
            }
            exporting = true
            try plugin.begin(begin, to: &output)
        case .exportRows:
            guard exporting else { throw PluginError("export.rows before export.begin") }
            for row in try ExportRows(request.params).rows { try plugin.write(row: row, to: &output) }
        case .exportEnd:
            guard exporting else { throw PluginError("export.end before export.begin") }
            exporting = false
            try plugin.end(to: &output)
        case .shutdown:
            isFinished = true
            return [PluginAnswer(id: request.id, .result(JSONObject())).encoded]
        default:
            throw PluginError("\(plugin.name) does not know '\(request.method)'")
        }
        return Self.answers(id: request.id, output: output.bytes)
    }

    /// Answers `export.rows` row by row as it reads the line (``ExportRowsReader``); `nil` for another request.
    private mutating func answerRows(_ line: [UInt8]) -> [[UInt8]]? {
        var output = PluginOutput()
        var row = self.row
        defer { self.row = row }
        do {
            let outcome = try ExportRowsReader.read(line, row: &row) { row in
                try plugin.write(row: row, to: &output)
            }
            guard case .rows(let id) = outcome else { return nil }
            return Self.answers(id: id, output: output.bytes)
        } catch {
            // The id is read again by the general path, which answers with the error.
            exporting = false
            guard let request = try? PluginRequest.decode(line) else { return nil }
            return [PluginAnswer(id: request.id, .error(message: "\(error)")).encoded]
        }
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
