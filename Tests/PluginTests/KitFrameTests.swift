import ALQJSON
import ALQPluginKit
import ALQPluginProtocol
import ALQRuntime
import Foundation
import Testing

@testable import ALQPluginHost

/// The plugin kit on protocol version 4 (docs/plugins.md, "The plugin kit"): frames written by alq's
/// encoder read into the same typed batches as the JSON batches of version 3, malformed frames refused
/// with an error, and the example plugin writing the same bytes in both versions.
@Suite struct KitFrameTests {
    /// The frame of `rows` as the request line and the bytes after it.
    static func frame(_ table: Table, rows: Range<Int>, numberText: Bool = true, id: Int = 3) -> ([UInt8], [UInt8]) {
        let frame = ExportFrameEncoder(plan: ColumnarExportPlan(table), table: table, numberText: numberText)
            .encode(rows: rows)
        return (PluginRequest.encode(id: id, method: .exportRows, encodedParams: frame.params), frame.bytes)
    }

    /// The version-3 JSON batch of `rows` as a request line.
    static func batchLine(_ table: Table, rows: Range<Int>, id: Int = 3) -> [UInt8] {
        let plan = ColumnarExportPlan(table, dictionaries: true)
        return PluginRequest.encode(id: id, method: .exportRows, encodedParams: plan.encode(table, rows: rows))
    }

    static func types(_ table: Table) -> [ColumnDescription.ColumnType] {
        ColumnarExportPlan(table).descriptors.map(\.type)
    }

    /// Reads a frame through the kit's header reader and decoder.
    static func typed(_ line: [UInt8], _ bytes: [UInt8], types: [ColumnDescription.ColumnType]) throws -> TypedBatch {
        guard case .frame(let id, let frame) = try TypedFrameReader.read(line, types: types) else {
            throw PluginError("not read as a frame")
        }
        #expect(id == 3)
        return try frame.batch(bytes: bytes)
    }

    /// Every column type, with nulls, empty strings, non-ASCII text, big and fractional numbers and values
    /// that are not finite.
    static func table() -> Table {
        Table(
            columnNames: ["region", "year", "value", "share", "ok", "any", "empty", "nothing"],
            columns: [
                .string(StringColumn(["Guangxi", "百色", nil, "", "గుంటూరు", "Say \"hi\"\n"])),
                .number(
                    NumberColumn(
                        values: [2024, 2023, 0, -5, 12_345_678_901, 2016],
                        validity: [true, true, false, true, true, true], isInteger: true)),
                .quantity(
                    QuantityColumn(
                        values: [205e9, 1, 2, 3.25, 4, 5], dimension: .money,
                        validity: [true, true, true, true, true, false])),
                .number(NumberColumn(values: [0.1, 1e-7, .infinity, 1e21, -33.69, .nan])),
                .bool(BoolColumn(values: [1, 0, BoolColumn.null, 1, 1, 0])),
                .mixed([.number(1), .string("x"), .null, .bool(true), .number(2.5), .string("百色")]),
                .string(StringColumn(["", "", "", "", "", ""])),
                .string(StringColumn([nil, nil, nil, nil, nil, nil])),
            ])
    }

    /// A frame reads into the typed batch the JSON batch of version 3 reads into, cell for cell (numbers
    /// by their text and value), in every batch of the table, with and without number text.
    @Test(arguments: [true, false])
    func framesReadAsTheJSONBatch(numberText: Bool) throws {
        let table = Self.table()
        let types = Self.types(table)
        for rows in [0..<table.rowCount, 1..<4, 2..<3, 0..<0] {
            let (line, bytes) = Self.frame(table, rows: rows, numberText: numberText)
            let fromFrame = try Self.typed(line, bytes, types: types)
            guard
                case .batch(_, let fromJSON) = try TypedBatchReader.read(
                    Self.batchLine(table, rows: rows), types: types)
            else { throw PluginError("not read as a batch") }
            #expect(fromFrame == fromJSON)
            #expect(fromFrame.columnBatch == fromJSON.columnBatch)
            for (frameColumn, jsonColumn) in zip(fromFrame.columns, fromJSON.columns) {
                for row in 0..<rows.count { #expect(frameColumn.isNull(row) == jsonColumn.isNull(row)) }
                if case .numbers(let a) = frameColumn, case .numbers(let b) = jsonColumn {
                    #expect(a.isInteger == b.isInteger)
                    #expect((0..<rows.count).map { a[$0] } == (0..<rows.count).map { b[$0] })
                } else if case .numbers = jsonColumn {
                    Issue.record("a number column read as \(frameColumn)")
                }
            }
        }
    }

    @Test func stringsStayADictionaryAndBoolsFlags() throws {
        let table = Self.table()
        let (line, bytes) = Self.frame(table, rows: 0..<table.rowCount)
        let batch = try Self.typed(line, bytes, types: Self.types(table))
        guard case .strings(let region) = batch.columns[0], case .bools(let ok) = batch.columns[4],
            case .strings(let empty) = batch.columns[6], case .strings(let nothing) = batch.columns[7],
            case .values(let any) = batch.columns[5]
        else {
            Issue.record("columns of other cases: \(batch.columns)")
            return
        }
        #expect(region.dictionary == ["Guangxi", "百色", "", "గుంటూరు", "Say \"hi\"\n"])
        #expect(region.codes == [0, 1, TypedColumn.Strings.null, 2, 3, 4])
        #expect(ok.values == [true, false, nil, true, true, false])
        #expect(empty.dictionary == [""] && empty.codes == [0, 0, 0, 0, 0, 0])
        #expect(nothing.dictionary.isEmpty && nothing.codes.allSatisfy { $0 < 0 })
        #expect(any == [1, "x", nil, true, .number(JSONNumber(2.5)!), "百色"])
    }

    /// Numbers keep alq's text (`1e+21`, digits a double shows exactly) and their doubles; a value that is not
    /// finite is null, and `isInteger` says whether every number is a whole one.
    @Test func numbersKeepTextValuesAndNulls() throws {
        let table = Self.table()
        let (line, bytes) = Self.frame(table, rows: 0..<table.rowCount)
        let batch = try Self.typed(line, bytes, types: Self.types(table))
        guard case .numbers(let year) = batch.columns[1], case .numbers(let share) = batch.columns[3] else {
            Issue.record("number columns of other cases")
            return
        }
        #expect((0..<6).map { year.text($0) } == ["2024", "2023", nil, "-5", "12345678901", "2016"])
        #expect(year.values == [2024, 2023, 0, -5, 12_345_678_901, 2016] && year.isInteger)
        #expect((0..<6).map { share.text($0) } == ["0.1", "1e-07", nil, "1e+21", "-33.69", nil])
        #expect(share.values[2] == 0 && share.hasNulls && !share.isInteger)
    }

    /// 256 entries (255 strings and null) take 8-bit codes, 301 and 20,001 16-bit ones, 70,000 32-bit ones;
    /// each decodes to its strings.
    @Test(arguments: [(255, "uint8"), (300, "uint16"), (20_000, "uint16"), (70_000, "uint32")])
    func everyCodeWidthDecodes(distinct: Int, width: String) throws {
        let rows = max(distinct, 1000)
        let strings = (0..<rows).map { $0 % 7 == 3 && distinct < 1 << 16 ? nil : "名\($0 % distinct)" }
        let table = Table(columnNames: ["s"], columns: [.string(StringColumn(strings))])
        let (line, bytes) = Self.frame(table, rows: 0..<rows)
        #expect(String(decoding: line, as: UTF8.self).contains("\"codes\":\"\(width)\""))
        let batch = try Self.typed(line, bytes, types: [.string])
        guard case .strings(let column) = batch.columns[0] else {
            Issue.record("not strings")
            return
        }
        #expect((0..<rows).map { column[$0] } == strings)
    }

    // MARK: Malformed frames

    /// Bytes that break a frame's promises: an error that says which, never a crash.
    @Test(
        arguments: [
            (
                #"{"form":"dictionary","dictionary":["a"],"codes":"uint8","offset":0}"#, [1, 0],
                "code 1 in a dictionary of 1"
            ),
            (#"{"form":"dictionary","dictionary":["a","b"],"codes":"uint16","offset":0}"#, [1, 0, 2, 0], "code 2"),
            (#"{"form":"float64","offset":0,"nulls":16}"#, Array(repeating: 0, count: 16) + [0, 2], "null mask byte"),
            (
                #"{"form":"float64","offset":0,"text":[16,19]}"#, Array(repeating: 0, count: 16) + Array("1\n2".utf8),
                "2 lines"
            ),
            (
                #"{"form":"float64","offset":0,"text":[16,22]}"#,
                Array(repeating: 0, count: 16) + Array("1\n<b>\n".utf8), "text is not numbers, one a line"
            ),
            (
                #"{"form":"float64","offset":0,"text":[16,20]}"#,
                Array(repeating: 0, count: 16) + Array("1\n\n\n".utf8), "row 2 is not a number"
            ),
            (#"{"form":"float64","offset":4}"#, Array(repeating: 0, count: 24), "a multiple of 8"),
            (#"{"form":"dictionary","codes":"uint8","offset":0}"#, [0, 0], "without a 'dictionary'"),
            (#"{"form":"values","values":[1]}"#, [], "not an array of 2 values"),
            (#"{"form":"bits","offset":0}"#, [0, 0], "'form' is not dictionary, float64 or values"),
        ] as [(String, [UInt8], String)])
    func malformedFramesAreErrors(column: String, bytes: [UInt8], message: String) throws {
        let line =
            Array(
                #"{"id":3,"method":"export.rows","params":{"frame":{"length":2,"columns":["#.utf8) + Array(column.utf8)
            + Array(#"],"bytes":\#(bytes.count)}}}"#.utf8)
        let error = #expect(throws: PluginProtocolError.self) { try Self.typed(line, bytes, types: [.any]) }
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
    }

    @Test func aFrameOfOtherBytesThanItsHeaderSaysIsAnError() throws {
        let table = Self.table()
        let (line, bytes) = Self.frame(table, rows: 0..<table.rowCount)
        let error = #expect(throws: PluginProtocolError.self) {
            try Self.typed(line, Array(bytes.dropLast(8)), types: Self.types(table))
        }
        #expect(error?.message.contains("its header says \(bytes.count)") == true)
    }

    // MARK: The server

    /// A format that writes each cell's text, `|` between cells.
    static func cells() -> TypedColumnsTests.Typed { TypedColumnsTests.Typed(name: "cells") }

    /// The output of a whole export through a server that speaks `version`; each `export.rows` of a
    /// version-4 host comes with its frame's bytes, and `damage` may change them.
    static func export(
        _ format: any ExportFormatPlugin, table: Table, version: Int, batches: [Range<Int>],
        damage: (inout [UInt8], inout [UInt8]) -> Void = { _, _ in }
    ) throws -> (output: String, spoken: Int, describe: String) {
        var server = PluginServer(formats: [format], readers: [])
        var input: [UInt8] = []
        var output: [UInt8] = []
        var spoken = 0
        var describe = ""
        func ask(_ line: [UInt8], _ bytes: [UInt8]? = nil) throws {
            input = bytes.map { $0 + [10] } ?? []
            let answers = server.answer(line) { count in
                guard input.count >= count else { return nil }
                defer { input.removeFirst(count) }
                return Array(input.prefix(count))
            }
            #expect(input.isEmpty, "the server left bytes of the frame unread")
            for answer in answers {
                let newline = answer.firstIndex(of: 10) ?? answer.count
                let message = try PluginAnswer.decode(Array(answer[..<newline]))
                switch message.body {
                case .result(let object), .chunk(let object):
                    if let number = object["protocol"], case .number(let version) = number {
                        spoken = version.int ?? 0
                    } else if object["formats"] != nil {
                        describe = String(decoding: answer, as: UTF8.self)
                    } else if message.rawOutputCount != nil {
                        output += answer[(newline + 1)...]
                    } else {
                        output += try ExportOutput(object).bytes
                    }
                case .error(let text): output += Array("error: \(text)\n".utf8)
                }
            }
        }
        try ask(
            PluginRequest(id: 1, method: .hello, params: HelloParams(protocolVersion: version, alq: "0").json).encoded)
        try ask(PluginRequest(id: 2, method: .describe, params: JSONObject()).encoded)
        let plan = ColumnarExportPlan(table, dictionaries: version == 3)
        let begin = ExportBegin(format: format.name, columns: plan.descriptors, rowCount: table.rowCount)
        try ask(PluginRequest(id: 3, method: .exportBegin, params: begin.json).encoded)
        for (index, rows) in batches.enumerated() {
            if version >= 4 {
                var (line, bytes) = Self.frame(table, rows: rows, id: 4 + index)
                damage(&line, &bytes)
                try ask(line, bytes)
            } else {
                try ask(Self.batchLine(table, rows: rows, id: 4 + index))
            }
        }
        try ask(PluginRequest(id: 99, method: .exportEnd, params: JSONObject()).encoded)
        return (String(decoding: output, as: UTF8.self), spoken, describe)
    }

    @Test func theKitSpeaksVersionFourAndAsksForNumberText() throws {
        let table = Self.table()
        let four = try Self.export(Self.cells(), table: table, version: 4, batches: [0..<2, 2..<6])
        let three = try Self.export(Self.cells(), table: table, version: 3, batches: [0..<2, 2..<6])
        #expect(four.spoken == 4 && three.spoken == 3)
        #expect(four.describe.contains("\"number_text\":true") && !three.describe.contains("number_text"))
        #expect(four.output == three.output)
        #expect(four.output.hasPrefix("Guangxi|2024|205000000000|0.1|true|1||-\n百色|2023|1|1e-07|false|x||-\n"))
        // A host newer than the kit gets the kit's newest version.
        #expect(
            try Self.export(Self.cells(), table: table, version: 9, batches: []).spoken == PluginServer.newestVersion)
    }

    /// A row-wise format gets the same rows from frames.
    @Test func rowWiseFormatsGetTheRowsOfFrames() throws {
        let table = Self.table()
        let four = try Self.export(PluginKitTests.Lines(), table: table, version: 4, batches: [0..<6])
        let three = try Self.export(PluginKitTests.Lines(), table: table, version: 3, batches: [0..<6])
        #expect(four.output == three.output && !four.output.contains("error"))
    }

    /// A malformed frame fails its request (and so the export) with an error; its bytes are still read, so
    /// the next line is read as a request again.
    @Test func aMalformedFrameFailsItsRequestAndTheNextOneIsRead() throws {
        let table = Self.table()
        var count = 0
        let damaged = try Self.export(Self.cells(), table: table, version: 4, batches: [0..<2, 2..<4]) { line, bytes in
            count += 1
            if count == 1 {
                let text = String(decoding: line, as: UTF8.self)
                line = Array(text.replacingOccurrences(of: "\"codes\":\"uint8\"", with: "\"codes\":\"uint7\"").utf8)
            }
        }
        #expect(damaged.output.contains("error: cells received frame column 1 whose 'codes' is not uint8"))
        // The failed request ends the export; the next frame's line is read as a request, not its bytes.
        #expect(
            damaged.output.hasSuffix("error: export.rows before export.begin\nerror: export.end before export.begin\n"))
        let cut = try Self.export(Self.cells(), table: table, version: 4, batches: [0..<2]) { _, bytes in
            bytes.removeLast(1)
        }
        #expect(cut.output.contains("error: cells received a frame whose"), "\(cut.output)")
    }
}

/// alq-html writes the same bytes whether alq speaks protocol 3 (JSON batches) or 4 (binary frames).
@Suite(.serialized) struct KitFrameEndToEndTests {
    /// The output of alq-html for `table`, driven through its standard input as a host of `version` would.
    static func html(_ table: Table, version: Int) throws -> [UInt8] {
        var input =
            PluginRequest(id: 1, method: .hello, params: HelloParams(protocolVersion: version, alq: "0").json)
            .encoded + [10]
        let plan = ColumnarExportPlan(table, dictionaries: version == 3)
        let begin = ExportBegin(format: "html", columns: plan.descriptors, rowCount: table.rowCount)
        input += PluginRequest(id: 2, method: .exportBegin, params: begin.json).encoded + [10]
        var id = 3
        for start in stride(from: 0, to: table.rowCount, by: PluginProtocol.rowsPerColumnarBatch) {
            let rows = start..<min(start + PluginProtocol.rowsPerColumnarBatch, table.rowCount)
            if version >= 4 {
                let (line, bytes) = KitFrameTests.frame(table, rows: rows, id: id)
                input += line + [10] + bytes + [10]
            } else {
                input += KitFrameTests.batchLine(table, rows: rows, id: id) + [10]
            }
            id += 1
        }
        input += PluginRequest(id: id, method: .exportEnd, params: JSONObject()).encoded + [10]
        input += PluginRequest(id: id + 1, method: .shutdown, params: JSONObject()).encoded + [10]
        let (status, output, error) = try Support.run(try ExamplePluginTests.htmlPlugin(), [], input: input)
        #expect(status == 0, "\(error)")
        // Every answer's raw output, in order.
        var bytes = Array(output.utf8)[...]
        var result: [UInt8] = []
        while let newline = bytes.firstIndex(of: 10) {
            let message = try PluginAnswer.decode(Array(bytes[..<newline]))
            bytes = bytes[(newline + 1)...]
            if case .error(let text) = message.body { Issue.record("alq-html answered with an error: \(text)") }
            if let count = message.rawOutputCount {
                result += bytes.prefix(count)
                bytes = bytes.dropFirst(count + 1)
            }
        }
        return result
    }

    @Test func alqHTMLWritesTheSameBytesInVersionsThreeAndFour() throws {
        let rows = 40_000
        let big = Table(
            columnNames: ["region", "year", "value", "flag"],
            columns: [
                .string(StringColumn((0..<rows).map { $0 % 11 == 0 ? nil : "R<\($0 % 301)> & 百色" })),
                .number(NumberColumn(values: (0..<rows).map { Double(2000 + $0 % 25) }, isInteger: true)),
                .quantity(
                    QuantityColumn(
                        values: (0..<rows).map { Double($0) * 0.37 }, dimension: .money,
                        validity: (0..<rows).map { $0 % 13 != 0 })),
                .bool(BoolColumn(values: (0..<rows).map { UInt8($0 % 3) })),
            ])
        for table in [Support.sampleTable(), KitFrameTests.table(), big] {
            let three = try Self.html(table, version: 3)
            let four = try Self.html(table, version: 4)
            #expect(three.count > 100)
            #expect(three == four)
        }
    }
}
