import ALQJSON
import ALQPluginAPI
import ALQPluginKit
import ALQPluginProtocol
import ALQRuntime
import ALQSyntax
import Testing

@testable import ALQPluginHost

/// Protocol version 4: `export.rows` batches as binary frames, negotiated in `hello` (docs/plugins.md,
/// "Protocol version 4"). A Python plugin (Fixtures/plugins/frames_v4.py) decodes every frame as the
/// documentation says, checks what the frame promises (alignment, zero padding, code widths, null
/// masks, texts) and writes every value back.
@Suite struct ProtocolV4Tests {
    static let frames = Support.fixture("plugins/frames_v4.py")

    /// Strings that repeat, with nulls, non-ASCII text and a quote; integers with a null; quantities of
    /// one unit with a null; fractional numbers with a non-finite value; bools with a null; and a column
    /// of mixed values.
    static func table() -> Table {
        Table(
            columnNames: ["region", "year", "value", "share", "ok", "any"],
            columns: [
                .string(StringColumn(["Guangxi", "百色", nil, "Guangxi", "గుంటూరు", "Say \"hi\""])),
                .number(
                    NumberColumn(
                        values: [2024, 2023, 0, -5, 12_345_678_901, 2016],
                        validity: [true, true, false, true, true, true], isInteger: true)),
                .quantity(
                    QuantityColumn(
                        values: [205e9, 1, 2, 3.25, 4, 5], dimension: .money,
                        validity: [true, true, true, true, true, false])),
                .number(NumberColumn(values: [0.1, 1e-7, .infinity, 1e21, -33.69, 2.5])),
                .bool(BoolColumn(values: [1, 0, BoolColumn.null, 1, 1, 0])),
                .mixed([.number(1), .string("x"), .null, .bool(true), .number(2.5), .string("百色")]),
            ])
    }

    static func export(_ table: Table, format: String) throws -> String {
        let host = FileHost(limits: PluginLimits(timeout: 30))
        defer { host.shutdown() }
        let registry = Registry()
        _ = try host.load(path: frames, registry: registry)
        #expect(host.plugins.map(\.protocolVersion) == [4])
        let sink = MemorySink()
        try host.write(table, format: try #require(registry.format(named: format)), to: sink, label: "memory")
        return sink.text
    }

    @Test func aVersionFourPluginGetsFramesWithEveryValue() throws {
        #expect(
            try Self.export(Self.table(), format: "frames") == """
                region:string|year:integer|value:number:CNY|share:number|ok:bool|any:any
                batch 6 d8 fnt fnt fnt d8 v
                "Guangxi"|2024|205000000000|0.1|true|1
                "百色"|2023|1|1e-07|false|"x"
                null|null|2|null|null|null
                "Guangxi"|-5|3.25|1e+21|true|true
                "గుంటూరు"|12345678901|4|-33.69|true|2.5
                "Say \\"hi\\""|2016|null|2.5|false|"百色"

                """)
    }

    @Test func withoutNumberTextNumbersAreDoublesOnly() throws {
        let text = try Self.export(Self.table(), format: "frames-binary")
        #expect(text.contains("batch 6 d8 fn fn fn d8 v\n"))
        #expect(text.contains("\"గుంటూరు\"|12345678901|4|-33.69|true|2.5\n"))
        #expect(text.contains("null|null|2|null|null|null\n"))
    }

    /// 20,000 distinct strings (codes of 16 bits in both batches), 300 (16 bits) and 256 (8 bits), each
    /// value checked.
    @Test func largeDictionariesTakeWiderCodes() throws {
        let count = 20_000
        let distinct = (0..<count).map { "名\($0)" }
        let table = Table(
            columnNames: ["all", "three_hundred", "two_fifty_six"],
            columns: [
                .string(StringColumn(distinct)),
                .string(StringColumn((0..<count).map { "r\($0 % 300)" })),
                .string(StringColumn((0..<count).map { $0 % 256 == 255 ? nil : "k\($0 % 256)" })),
            ])
        let text = try Self.export(table, format: "frames")
        var expected = "all:string|three_hundred:string|two_fifty_six:string\n"
        for start in stride(from: 0, to: count, by: PluginProtocol.rowsPerColumnarBatch) {
            let end = min(count, start + PluginProtocol.rowsPerColumnarBatch)
            expected += "batch \(end - start) d16 d16 d8\n"
            for row in start..<end {
                expected += "\"名\(row)\"|\"r\(row % 300)\"|" + (row % 256 == 255 ? "null" : "\"k\(row % 256)\"") + "\n"
            }
        }
        #expect(text == expected)
    }

    /// The frame of 70,000 distinct strings (more than a batch ever has) takes 32-bit codes, and a frame of
    /// no rows is valid; the Python plugin decodes both, and both read back as the plain batch.
    @Test func thirtyTwoBitCodesAndEmptyFrames() throws {
        let count = 70_000
        let table = Table(
            columnNames: ["name", "n"],
            columns: [
                .string(StringColumn((0..<count).map { "s\($0)" })),
                .number(NumberColumn(values: (0..<count).map(Double.init), isInteger: true)),
            ])
        let plan = ColumnarExportPlan(table)
        let encoder = ExportFrameEncoder(plan: plan, table: table, numberText: true)
        var input = Array(#"{"id":1,"method":"hello","params":{"protocol":4}}"#.utf8) + [10]
        let begin = ExportBegin(format: "frames", columns: plan.descriptors, rowCount: count)
        input += PluginRequest(id: 2, method: .exportBegin, params: begin.json).encoded + [10]
        for (id, rows) in [(3, 0..<count), (4, 0..<0)] {
            let frame = encoder.encode(rows: rows)
            input += PluginRequest.encode(id: id, method: .exportRows, encodedParams: frame.params) + [10]
            input += frame.bytes + [10]
            let header = try #require(try JSONParser.parse(frame.params).objectValue?["frame"])
            let decoded = try ExportFrame(header).batch(bytes: frame.bytes)
            let plain = plan.encode(table, rows: rows)
            let generic = try #require(try JSONParser.parse(plain).objectValue?["batch"])
            #expect(try decoded == ColumnBatch(generic, context: "test"))
        }
        input += Array(#"{"id":5,"method":"shutdown","params":{}}"#.utf8) + [10]
        let (status, output, error) = try Support.run(Self.frames, [], input: input)
        #expect(status == 0, "\(error)")
        #expect(!output.contains("\"error\""), "\(output.prefix(500))")
        #expect(output.contains("batch 70000 d32 ft\n\"s0\"|0\n\"s1\"|1\n"))
        #expect(output.contains("\"s69999\"|69999\n"))
        #expect(output.contains("batch 0 d8 ft\n"))
    }

    /// Every export form reads back as the plain batch through the frame's typed reader.
    @Test func framesReadBackAsThePlainBatch() throws {
        let table = Self.table()
        let plan = ColumnarExportPlan(table)
        for numberText in [false, true] {
            let frame = ExportFrameEncoder(plan: plan, table: table, numberText: numberText).encode(
                rows: 1..<table.rowCount)
            let header = try #require(try JSONParser.parse(frame.params).objectValue?["frame"])
            let typed = try ExportFrame(header)
            #expect(try ExportFrame(typed.json) == typed)
            let plain = try #require(
                try JSONParser.parse(plan.encode(table, rows: 1..<table.rowCount)).objectValue?["batch"])
            #expect(try typed.batch(bytes: frame.bytes) == ColumnBatch(plain, context: "test"))
        }
    }

    @Test(arguments: [
        (#"{"length":1,"bytes":8,"columns":[{"form":"float64","offset":4}]}"#, "a multiple of 8"),
        (#"{"length":2,"bytes":8,"columns":[{"form":"float64","offset":0}]}"#, "of 16 bytes within the frame's 8"),
        (
            #"{"length":1,"bytes":8,"columns":[{"form":"dictionary","dictionary":[],"codes":"int8","offset":0}]}"#,
            "is not uint8, uint16 or uint32"
        ),
        (#"{"length":1,"bytes":8,"columns":[{"form":"float64","offset":0,"text":[8,4]}]}"#, "not [start, end]"),
        (#"{"length":1,"bytes":0,"columns":[{"form":"values","values":[]}]}"#, "not an array of 1 values"),
        (#"{"length":1,"bytes":0,"columns":[{"form":"bits"}]}"#, "'form' is not dictionary, float64 or values"),
        (#"{"length":-1,"bytes":0,"columns":[]}"#, "without a 'length'"),
    ])
    func aBrokenHeaderIsAnError(header: String, message: String) throws {
        #expect {
            _ = try ExportFrame(try JSONParser.parse(Array(header.utf8)))
        } throws: { error in
            let text = (error as? PluginProtocolError)?.message ?? "\(error)"
            if !text.contains(message) { Issue.record("got: \(text)") }
            return text.contains(message)
        }
    }

    @Test func aCodeBeyondTheDictionaryIsAnError() throws {
        let frame = ExportFrame(
            length: 1, byteCount: 8, columns: [.dictionary([.string("x")], codes: .uint8, offset: 0)])
        #expect(throws: PluginProtocolError("frame column 1 with code 1 in a dictionary of 1")) {
            _ = try frame.batch(bytes: [1, 0, 0, 0, 0, 0, 0, 0])
        }
        #expect(try frame.batch(bytes: [0, 0, 0, 0, 0, 0, 0, 0]).columns == [[.string("x")]])
    }

    @Test func theKitSpeaksVersionFourWhenOfferedFour() throws {
        var server = ExportPluginServer(PluginKitTests.Lines())
        #expect(try ProtocolV3Tests.hello(&server, offering: 4) == 4)
    }
}
