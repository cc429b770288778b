import ALQJSON
import ALQPluginAPI
import ALQPluginKit
import ALQPluginProtocol
import ALQRuntime
import ALQSyntax
import Testing

@testable import ALQPluginHost

/// Protocol version 3: raw output after an answer and dictionary-encoded string columns, negotiated in
/// `hello` (docs/plugins.md, "Protocol version 3").
@Suite struct ProtocolV3Tests {
    static let raw = Support.fixture("plugins/raw_v3.py")

    /// Strings that repeat (a batch carries them as a dictionary), nulls, integers, quantities of one unit,
    /// and strings that do not repeat (a plain array).
    static func table() -> Table {
        Table(
            columnNames: ["region", "year", "value", "note"],
            columns: [
                .string(StringColumn(["Guangxi", "百色", nil, "Guangxi", "Guangxi", "百色", "Say \"hi\"", nil])),
                .number(
                    NumberColumn(
                        values: [2024, 2023, 0, 2020, 2019, 2018, 2017, 2016],
                        validity: [true, true, false, true, true, true, true, true], isInteger: true)),
                .quantity(
                    QuantityColumn(
                        values: [205e9, 1, 2, 3, 4, 5, 6, 7], dimension: .money,
                        validity: [true, true, true, true, true, true, true, false])),
                .string(StringColumn(["a", "b", "c", "d", "e", "f", "g", "h"])),
            ])
    }

    static func export(format: String, limit: Int = 64 << 20) throws -> MemorySink {
        let host = FileHost(limits: PluginLimits(timeout: 10, maximumMessageBytes: limit))
        defer { host.shutdown() }
        let registry = Registry()
        _ = try host.load(path: raw, registry: registry)
        #expect(host.plugins.map(\.protocolVersion) == [3])
        let sink = MemorySink()
        try host.write(table(), format: try #require(registry.format(named: format)), to: sink, label: "memory")
        return sink
    }

    // MARK: The host

    @Test func aVersionThreePluginGetsDictionariesAndSendsRawOutput() throws {
        let sink = try Self.export(format: "raw")
        #expect(
            sink.text == """
                region:string|year:integer|value:number:CNY|note:string
                batch daaa
                "Guangxi"|2024|205000000000|"a"
                "百色"|2023|1|"b"
                null|null|2|"c"
                "Guangxi"|2020|3|"d"
                "Guangxi"|2019|4|"e"
                "百色"|2018|5|"f"
                "Say \\"hi\\""|2017|6|"g"
                null|2016|null|"h"

                """)
    }

    @Test func rawOutputMayBeBinary() throws {
        let sink = try Self.export(format: "raw-binary")
        #expect(
            sink.bytes.starts(
                with: Array("region:string|year:integer|value:number:CNY|note:string\n".utf8) + [0xFF, 0, 10]))
    }

    @Test(arguments: [
        ("raw-miscount", "bytes of output not followed by a newline; it was stopped"),
        ("raw-huge", "with \"bytes\": 68157440, not a size from 0 to 67108864; it was stopped"),
    ])
    func aWrongByteCountStopsThePlugin(format: String, message: String) throws {
        #expect {
            _ = try Self.export(format: format)
        } throws: { error in
            let diagnostic = error as! Diagnostic
            let ok = diagnostic.code == .pluginProtocol && diagnostic.message.contains(message)
            if !ok { Issue.record("got \(diagnostic.code.rawValue): \(diagnostic.message)") }
            return ok
        }
    }

    /// What the host writes, read back by the kit: the dictionary-encoded batch gives the same values as
    /// the plain one, and both as the generic JSON reading of the plain one.
    @Test func dictionaryBatchesReadBackAsThePlainOnes() throws {
        let table = Self.table()
        func read(_ plan: ColumnarExportPlan) throws -> (TypedBatch, String) {
            let params = plan.encode(table, rows: 0..<table.rowCount)
            let line = PluginRequest.encode(id: 9, method: .exportRows, encodedParams: params)
            guard case .batch(let id, let batch) = try TypedBatchReader.read(line, types: plan.descriptors.map(\.type))
            else {
                throw PluginError("not read as a batch")
            }
            #expect(id == 9)
            return (batch, String(decoding: params, as: UTF8.self))
        }
        let (plain, plainText) = try read(ColumnarExportPlan(table))
        let (encoded, encodedText) = try read(ColumnarExportPlan(table, dictionaries: true))
        #expect(!plainText.contains("dictionary"))
        #expect(
            encodedText.contains(
                #"[{"dictionary":["Guangxi","百色",null,"Say \"hi\""],"codes":[0,1,2,0,0,1,3,2]},"#))
        #expect(encodedText.contains(#"["a","b","c","d","e","f","g","h"]"#))
        #expect(encoded == plain)
        let generic = try JSONParser.parse(Array(plainText.utf8)).objectValue?["batch"]
        #expect(try ColumnBatch(try #require(generic), context: "test") == plain.columnBatch)
    }

    // MARK: The kit

    static func hello(_ server: inout ExportPluginServer<PluginKitTests.Lines>, offering version: Int) throws -> Int {
        let answers = try PluginKitTests.ask(
            &server, 1, .hello, HelloParams(protocolVersion: version, alq: "0.1.0").json)
        guard case .result(let result) = answers.first?.body else { throw PluginError("no result") }
        return try #require(try HelloResult(result).protocolVersion.int)
    }

    @Test func theKitAnswersWithTheNewestVersionBothSpeak() throws {
        for (offered, spoken) in [(1, 1), (2, 2), (3, 3), (4, 4), (9, PluginServer.newestVersion)] {
            var server = ExportPluginServer(PluginKitTests.Lines())
            #expect(try Self.hello(&server, offering: offered) == spoken)
        }
    }

    /// One frame of a protocol-3 answer: the message, and the raw bytes after its newline.
    static func frame(_ bytes: [UInt8]) throws -> (PluginAnswer, [UInt8]) {
        let newline = try #require(bytes.firstIndex(of: 10))
        return (try PluginAnswer.decode(Array(bytes[..<newline])), Array(bytes[(newline + 1)...]))
    }

    @Test func theKitReadsDictionariesExactlyAndAnswersWithRawBytes() throws {
        var server = ExportPluginServer(PluginKitTests.Lines())
        #expect(try Self.hello(&server, offering: 3) == 3)
        let begin = ExportBegin(format: "lines", columns: [.init(name: "id", type: .any)], rowCount: 4)
        let began = try Self.frame(
            server.answer(PluginRequest(id: 2, method: .exportBegin, params: begin.json).encoded)[0])
        #expect(began.0.rawOutputCount == began.1.count && began.1 == Array("id:any\n".utf8))
        let line =
            #"{"id":3,"method":"export.rows","params":{"batch":{"length":4,"columns":[{"dictionary":["x",null,12345678901234567891],"codes":[2,0,1,0]}]}}}"#
        let frames = server.answer(Array(line.utf8))
        #expect(frames.count == 1)
        let (answer, bytes) = try Self.frame(frames[0])
        #expect(answer.id == 3 && answer.rawOutputCount == bytes.count)
        #expect(String(decoding: bytes, as: UTF8.self) == "12345678901234567891\nx\n\nx\n")
    }

    @Test func aVersionTwoHostGetsTextAnswersFromTheBatchPath() throws {
        var server = ExportPluginServer(PluginKitTests.Lines())
        #expect(try Self.hello(&server, offering: 2) == 2)
        _ = server.answer(
            PluginRequest(
                id: 2, method: .exportBegin, params: ExportBegin(format: "lines", columns: [], rowCount: 2).json
            ).encoded)
        let line = #"{"id":3,"method":"export.rows","params":{"batch":{"length":2,"columns":[["百色",null]]}}}"#
        let answers = try server.answer(Array(line.utf8)).map { try PluginAnswer.decode($0) }
        #expect(try PluginKitTests.text(answers) == "百色\n\n")
    }

    @Test(arguments: [
        (#"{"dictionary":["x"],"codes":[1]}"#, "code 1 in a dictionary of 1 values"),
        (#"{"dictionary":["x"],"codes":[0.5]}"#, "a code that is not a whole number from 0"),
        (#"{"dictionary":["x"]}"#, "a dictionary column without 'dictionary' and 'codes'"),
        (#"["x","y"]"#, "batch column 1 of 2 values; the batch's length is 1"),
        ("7", "batch column 1 that is neither an array nor a dictionary"),
    ])
    func aBrokenBatchIsAnErrorAnswer(column: String, message: String) throws {
        var server = ExportPluginServer(PluginKitTests.Lines())
        _ = try Self.hello(&server, offering: 3)
        _ = server.answer(
            PluginRequest(
                id: 2, method: .exportBegin, params: ExportBegin(format: "lines", columns: [], rowCount: 1).json
            ).encoded)
        let line = #"{"id":3,"method":"export.rows","params":{"batch":{"length":1,"columns":["# + column + "]}}}"
        let answers = try server.answer(Array(line.utf8)).map { try PluginAnswer.decode($0) }
        guard answers.count == 1, answers[0].id == 3, case .error(let text) = answers[0].body else {
            Issue.record("not an error answer: \(answers)")
            return
        }
        #expect(text.contains(message))
    }
}
