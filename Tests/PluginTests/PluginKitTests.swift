import ALQJSON
import ALQPluginHost
import ALQPluginKit
import ALQPluginProtocol
import Testing

/// The plugin kit without pipes: requests in, answer lines out, read back with the typed messages the
/// host reads them with.
@Suite struct PluginKitTests {
    /// A format that writes each row's first cell on a line; fails on a row whose first cell is "fail".
    struct Lines: ExportFormatPlugin {
        let name = "lines"
        let extensions = ["lines"]
        let mediaType = "text/plain"
        var rows = 0

        mutating func begin(_ export: ExportBegin, to output: inout PluginOutput) {
            rows = 0
            output.write(export.columns.map { "\($0.name):\($0.type.rawValue)" }.joined(separator: ",") + "\n")
        }

        mutating func write(row: [JSONValue], to output: inout PluginOutput) throws {
            if row.first == "fail" { throw PluginError("row \(rows + 1) fails") }
            rows += 1
            output.write(row.first?.plainText ?? "")
            output.write(byte: 10)
        }

        func end(to output: inout PluginOutput) {
            output.write("\(rows) rows\n")
        }
    }

    static func ask(_ server: inout ExportPluginServer<Lines>, _ id: Int, _ method: PluginMethod, _ params: JSONObject)
        throws -> [PluginAnswer]
    {
        try server.answer(PluginRequest(id: id, method: method, params: params).encoded).map {
            try PluginAnswer.decode($0)
        }
    }

    static func text(_ answers: [PluginAnswer]) throws -> String {
        var bytes: [UInt8] = []
        for answer in answers {
            switch answer.body {
            case .result(let object), .chunk(let object): bytes += try ExportOutput(object).bytes
            case .error(let message): Issue.record("error: \(message)")
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func handshakeAndDescribe() throws {
        var server = ExportPluginServer(Lines())
        let hello = try Self.ask(&server, 1, .hello, HelloParams(alq: "0.1.0").json)
        #expect(hello.count == 1 && hello[0].id == 1)
        guard case .result(let result) = hello[0].body else { throw PluginError("no result") }
        #expect(
            try HelloResult(result)
                == HelloResult(
                    protocolVersion: PluginServer.newestVersion, name: "lines", version: "1.0.0",
                    capabilities: [.formats]))
        let describe = try Self.ask(&server, 2, .describe, JSONObject())
        guard case .result(let offered) = describe[0].body else { throw PluginError("no result") }
        #expect(
            try DescribeResult(offered).formats == [
                FormatDescription(name: "lines", extensions: ["lines"], mediaType: "text/plain", numberText: true)
            ])
        let shutdown = try Self.ask(&server, 3, .shutdown, JSONObject())
        #expect(shutdown == [PluginAnswer(id: 3, .result(JSONObject()))] && server.isFinished)
    }

    @Test func exportStreamsRowsAndEndsWithTheTotal() throws {
        var server = ExportPluginServer(Lines())
        let begin = ExportBegin(
            format: "lines", columns: [.init(name: "name", type: .string), .init(name: "n", type: .integer)],
            rowCount: 3)
        var answers = try Self.ask(&server, 1, .exportBegin, begin.json)
        answers += try Self.ask(&server, 2, .exportRows, ExportRows(rows: [["a", 1], ["百色 <\"x\">", 2]]).json)
        answers += try Self.ask(
            &server, 3, .exportRows,
            ExportRows(rows: [[.number(JSONNumber(text: "12345678901234567891")!), .null]]).json)
        answers += try Self.ask(&server, 4, .exportEnd, JSONObject())
        #expect(answers.map(\.id) == [1, 2, 3, 4])
        #expect(try Self.text(answers) == "name:string,n:integer\na\n百色 <\"x\">\n12345678901234567891\n3 rows\n")
    }

    /// `export.begin`'s `name` is optional: absent when alq has none, and a reader of the params that
    /// does not know it (an older plugin) reads the rest as before.
    @Test func exportBeginMayNameTheTable() throws {
        var begin = ExportBegin(format: "lines", columns: [.init(name: "n", type: .integer)], rowCount: 2)
        #expect(begin.json["name"] == nil)
        #expect(try ExportBegin(begin.json).name == nil)
        begin.name = "guangxi"
        #expect(begin.json["name"]?.stringValue == "guangxi")
        #expect(try ExportBegin(begin.json) == begin)
        var server = ExportPluginServer(Lines())
        let answers = try Self.ask(&server, 1, .exportBegin, begin.json)
        #expect(try Self.text(answers) == "n:integer\n")
    }

    /// A reader that ticks its progress while it opens a file, and gives one row.
    struct Ticking: ReaderPlugin {
        let name = "ticks"
        let extensions = ["ticks"]

        mutating func read(path: String, options: JSONObject) throws -> TableReader {
            try read(path: path, options: options, progress: .none)
        }

        mutating func read(path: String, options: JSONObject, progress: PluginProgress) throws -> TableReader {
            for _ in 0..<1000 { progress.tick() }
            return TableReader(columns: [.init(name: "n", type: .integer)], rows: [[1]])
        }
    }

    /// Progress messages (`{"id": N, "chunk": {}}`) go out at once, before the answer to `read.begin`,
    /// and only to a host that offered them in `hello`: the first tick sends, later ones at most one
    /// every 100 ms.
    @Test(arguments: [true, false])
    func readBeginSendsProgressToAHostThatTakesIt(offered: Bool) throws {
        var server = PluginServer(formats: [], readers: [Ticking()])
        let sent = SentLines()
        server.sendNow = { sent.lines.append($0) }
        let hello = HelloParams(alq: "0.1.0", progress: offered)
        _ = server.answer(PluginRequest(id: 1, method: .hello, params: hello.json).encoded)
        let begin = ReadBegin(format: "ticks", path: "x.ticks", options: JSONObject())
        let answers = server.answer(PluginRequest(id: 2, method: .readBegin, params: begin.json).encoded)
        #expect(answers.count == 1)
        guard case .result(let result) = try PluginAnswer.decode(answers[0]).body else {
            throw PluginError("no result")
        }
        #expect(try ReadBeginResult(result).columns.map(\.name) == ["n"])
        let progress = try sent.lines.map { try PluginAnswer.decode($0) }
        #expect(progress.allSatisfy { $0 == PluginAnswer(id: 2, .chunk(JSONObject())) })
        #expect(offered ? (1..<1000).contains(progress.count) : progress.isEmpty, "\(progress.count) messages")
    }

    /// What the server sent at once.
    final class SentLines { var lines: [[UInt8]] = [] }

    @Test func aThrownErrorIsAnErrorAnswerAndTheServerGoesOn() throws {
        var server = ExportPluginServer(Lines())
        _ = try Self.ask(&server, 1, .exportBegin, ExportBegin(format: "lines", columns: [], rowCount: 1).json)
        let failed = try Self.ask(&server, 2, .exportRows, ExportRows(rows: [["fail"]]).json)
        #expect(failed == [PluginAnswer(id: 2, .error(message: "row 1 fails"))])
        let unknown = try Self.ask(&server, 3, PluginMethod(rawValue: "frobnicate"), JSONObject())
        #expect(unknown == [PluginAnswer(id: 3, .error(message: "lines does not know 'frobnicate'"))])
        let other = try Self.ask(&server, 4, .exportBegin, ExportBegin(format: "csv", columns: [], rowCount: 0).json)
        #expect(other == [PluginAnswer(id: 4, .error(message: "lines does not write the format 'csv'"))])
        let garbage = try server.answer(Array("not json".utf8)).map { try PluginAnswer.decode($0) }
        #expect(garbage.count == 1 && garbage[0].id == nil)
        let hello = try Self.ask(&server, 5, .hello, HelloParams(alq: "0.1.0").json)
        #expect(hello.count == 1 && hello[0].id == 5)
    }

    @Test func largeOutputIsSentInChunksCutBetweenCharacters() throws {
        var server = ExportPluginServer(Lines())
        _ = try Self.ask(&server, 1, .exportBegin, ExportBegin(format: "lines", columns: [], rowCount: 1).json)
        let long = String(repeating: "广西", count: 400_000)  // 2.4 MB of three-byte characters
        let answers = try Self.ask(&server, 2, .exportRows, ExportRows(rows: [[.string(long)]]).json)
        #expect(answers.count == 3)
        #expect(answers.dropLast().allSatisfy { if case .chunk = $0.body { true } else { false } })
        #expect(try Self.text(answers) == long + "\n")
    }

    @Test func binaryOutputTravelsAsBase64() throws {
        let bytes: [UInt8] = [0, 0xFF, 0xFE, 10, 65]
        let json = ExportOutput(bytes: bytes).json
        #expect(json.keys == ["base64"])
        #expect(try ExportOutput(json).bytes == bytes)
        for count in 0..<5 {
            let some = Array(bytes.prefix(count))
            #expect(Base64.decode(Base64.encode(some)) == some)
        }
        #expect(Base64.encode(Array("Man".utf8)) == "TWFu" && Base64.encode(Array("Ma".utf8)) == "TWE=")
    }

    @Test func messagesReadBackAsWritten() throws {
        let request = PluginRequest(id: 7, method: .call, params: CallParams(function: "f", arguments: [1, "a"]).json)
        #expect(try PluginRequest.decode(request.encoded) == request)
        let region = RegionDescription(id: "x", name: "X", aliases: ["y"], parent: "p")
        let described = DescribeResult(
            region: region, tables: ["facts"],
            functions: [FunctionDescription(name: "f", parameters: ["a"], summary: "doc")])
        #expect(try DescribeResult(described.json) == described)
        let table = TableResult(columns: ["a", "b"], rows: [[1, .null]])
        #expect(try TableResult(table.json) == table)
        #expect(throws: PluginProtocolError("with row 1 not an array of 2 cells")) {
            try TableResult(JSONObject([("columns", ["a", "b"]), ("rows", [[1]])]))
        }
        #expect(throws: PluginProtocolError("a format without a name")) {
            try DescribeResult(JSONObject([("formats", [["extensions": ["x"]]])]))
        }
        #expect(throws: PluginAnswer.DecodingFailure.noResult(id: 3)) {
            try PluginAnswer.decode(Array("{\"id\":3}".utf8))
        }
    }

    @Test func theStartUpLimitDoesNotShrinkWithTheAnswerLimit() {
        #expect(PluginLimits(timeout: 1).startupTimeout == 10)
        #expect(PluginLimits(timeout: 30).startupTimeout == 30)
        #expect(PluginLimits(timeout: 1, startupTimeout: 2).startupTimeout == 2)
    }
}

extension PluginKitTests {
    @Test func rowsReadTheSameWhateverTheOrderOfKeys() throws {
        var server = ExportPluginServer(Lines())
        _ = try Self.ask(&server, 1, .exportBegin, ExportBegin(format: "lines", columns: [], rowCount: 2).json)
        let paramsFirst = #"{"params":{"rows":[["x"]]},"method":"export.rows","id":2}"#
        let idLast = #"{"method":"export.rows","params":{"rows":[["y"]],"extra":1},"id":3}"#
        var answers = try server.answer(Array(paramsFirst.utf8)).map { try PluginAnswer.decode($0) }
        answers += try server.answer(Array(idLast.utf8)).map { try PluginAnswer.decode($0) }
        #expect(answers.map(\.id) == [2, 3])
        #expect(try Self.text(answers) == "x\ny\n")
        let broken = server.answer(Array(#"{"id":4,"method":"export.rows","params":{"rows":[[1,]]}}"#.utf8))
        let answer = try PluginAnswer.decode(broken[0])
        guard case .error(let message) = answer.body else { throw PluginError("not an error") }
        #expect(answer.id == nil && message.contains("not JSON"))
    }
}
