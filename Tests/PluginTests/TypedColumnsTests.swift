import ALQJSON
import ALQPluginKit
import ALQPluginProtocol
import Testing

/// The plugin kit's typed columns (docs/plugins.md, "Typed columns"): `export.rows` frames read into
/// ``TypedBatch``es, ``CellTexts``, and the row-wise API on top of them.
@Suite struct TypedColumnsTests {
    /// Reads one `export.rows` line with the given batch JSON.
    static func read(_ batch: String, types: [ColumnDescription.ColumnType] = []) throws -> TypedBatch {
        let line = #"{"id":5,"method":"export.rows","params":{"batch":"# + batch + "}}"
        guard case .batch(let id, let typed) = try TypedBatchReader.read(Array(line.utf8), types: types) else {
            throw PluginError("not read as a batch")
        }
        #expect(id == 5)
        return typed
    }

    @Test func numbersKeepTheirTextAndTheirValue() throws {
        let json = #"{"length":7,"columns":[[2024,-0,33.69,1e-07,1E+21,null,12345678901234567891]]}"#
        let batch = try Self.read(json)
        guard case .numbers(let numbers) = batch.columns[0] else {
            Issue.record("not numbers: \(batch.columns[0])")
            return
        }
        #expect(
            (0..<7).map { numbers.text($0) } == [
                "2024", "-0", "33.69", "1e-07", "1E+21", nil, "12345678901234567891",
            ])
        #expect(Array(numbers.values.prefix(5)) == [2024, 0, 33.69, 1e-07, 1e21])
        #expect(numbers.values[6] == Double("12345678901234567891"))
        #expect(numbers.hasNulls && numbers.isNull(5) && !numbers.isNull(4) && numbers[5] == nil)
        #expect(!numbers.isInteger)
        // The column's type changes nothing when the batch has numbers.
        #expect(try Self.read(json, types: [.number]) == batch)
        #expect(batch.columns[0][6] == .number(try #require(JSONNumber(text: "12345678901234567891"))))
        let integers = try Self.read(#"{"length":3,"columns":[[1,null,-20]]}"#)
        guard case .numbers(let whole) = integers.columns[0] else {
            Issue.record("not numbers")
            return
        }
        #expect(whole.isInteger && whole.values == [1, 0, -20])
    }

    @Test func stringsAreUnescapedOnceAndKeepNonASCII() throws {
        let batch = try Self.read(
            #"{"length":4,"columns":[["Say \"hi\"","百色\nline","\u00e9\ud83d\ude00",null]]}"#)
        guard case .strings(let strings) = batch.columns[0] else {
            Issue.record("not strings")
            return
        }
        #expect((0..<4).map { strings[$0] } == ["Say \"hi\"", "百色\nline", "é😀", nil])
        #expect(strings.codes == [0, 1, 2, TypedColumn.Strings.null])
    }

    @Test func aDictionaryColumnStaysADictionaryWithNullsAsTheNullCode() throws {
        let batch = try Self.read(
            #"{"length":5,"columns":[{"codes":[2,0,1,0,2],"dictionary":["Guangxi",null,"Baise"]}]}"#)
        #expect(
            batch.columns[0] == .strings(.init(dictionary: ["Guangxi", "Baise"], codes: [1, 0, -1, 0, 1])))
        guard case .strings(let strings) = batch.columns[0] else { return }
        #expect(strings.dictionary == ["Guangxi", "Baise"])
    }

    @Test func boolsMixedValuesAndListsTakeTheirOwnCase() throws {
        let batch = try Self.read(#"{"length":3,"columns":[[true,null,false],[1,"a",null],[[1,"b"],{"k":null},null]]}"#)
        #expect(batch.columns[0] == .bools(.init([true, nil, false])))
        #expect(batch.columns[1] == .values([1, "a", nil]))
        #expect(batch.columns[2] == .values([[1, "b"], ["k": nil], nil]))
    }

    /// A column of nulls only, and a batch of no rows, take the case of the column's type in `export.begin`.
    @Test func emptyAndNullColumnsFollowTheirType() throws {
        let types: [ColumnDescription.ColumnType] = [.number, .string, .bool, .any, .date]
        let nulls = try Self.read(
            #"{"length":2,"columns":[[null,null],{"dictionary":[null],"codes":[0,0]},[null,null],[null,null],[null,null]]}"#,
            types: types)
        guard case .numbers(let numbers) = nulls.columns[0] else {
            Issue.record("not numbers: \(nulls.columns[0])")
            return
        }
        #expect(numbers.count == 2 && numbers.isNull(0) && numbers.isNull(1))
        #expect(nulls.columns[1] == .strings(.init([nil, nil])))
        #expect(nulls.columns[2] == .bools(.init([nil, nil])))
        #expect(nulls.columns[3] == .values([nil, nil]))
        #expect(nulls.columns[4] == .strings(.init([nil, nil])))
        let empty = try Self.read(#"{"length":0,"columns":[[],[],[],[],[]]}"#, types: types)
        #expect(empty.length == 0 && empty.columns.map(\.count) == [0, 0, 0, 0, 0])
        guard case .numbers = empty.columns[0], case .strings = empty.columns[1], case .bools = empty.columns[2],
            case .values = empty.columns[3]
        else {
            Issue.record("empty columns in other cases: \(empty.columns)")
            return
        }
    }

    @Test(arguments: [
        (#"{"length":1,"columns":[[01]]}"#, "malformed number"),
        (#"{"length":1,"columns":[[1e400]]}"#, "number out of range"),
        (#"{"length":1,"columns":[["\ud800"]]}"#, "lone UTF-16 surrogate"),
        (#"{"length":2,"columns":[[1]]}"#, "batch column 1 of 1 values; the batch's length is 2"),
        (#"{"length":1,"columns":[{"dictionary":["x"],"codes":[01]}]}"#, "a code that is not a whole number from 0"),
        (#"{"length":1,"columns":[{"dictionary":["x"],"codes":[99999999999]}]}"#, "a code that is not a whole number"),
        (#"{"length":1,"length":1,"columns":[[1]]}"#, "appears twice"),
    ])
    func malformedBatchesAreErrors(batch: String, message: String) throws {
        do {
            _ = try Self.read(batch)
            Issue.record("read: \(batch)")
        } catch {
            #expect("\(error)".contains(message))
        }
    }

    /// A batch read typed gives the values the general decoder reads from the same JSON.
    @Test func typedBatchesReadTheValuesOfTheGeneralDecoder() throws {
        let json =
            #"{"length":3,"columns":[[1.5,null,-2],["a",null,"\u0001"],[true,false,null],[null,[1],{"a":"b"}]]}"#
        let typed = try Self.read(json)
        let general = try ColumnBatch(try JSONParser.parse(Array(json.utf8)), context: "test")
        #expect(typed.columnBatch == general)
        #expect(TypedBatch(general) == typed)
        #expect(TypedBatch(rows: general.rows, types: []) == typed)
    }

    @Test func cellTextsMakeEachDistinctStringOnce() throws {
        let batch = try Self.read(
            #"{"length":6,"columns":[{"dictionary":["a<b",null,"c"],"codes":[0,0,1,2,0,1]},[1,null,2.5,-3,1e-07,0],[true,null,false,true,true,false],[null,"x",2,[1,"b"],null,false]]}"#
        )
        var made: [String] = []
        let cells = batch.columns.map { column in
            CellTexts(column, null: "NULL") { text, output in
                made.append(text)
                output.write("[\(text)]")
            }
        }
        #expect((0..<6).map { cells[0].text($0) } == ["[a<b]", "[a<b]", "NULL", "[c]", "[a<b]", "NULL"])
        #expect((0..<6).map { cells[1].text($0) } == ["1", "NULL", "2.5", "-3", "1e-07", "0"])
        #expect((0..<6).map { cells[2].text($0) } == ["[true]", "NULL", "[false]", "[true]", "[true]", "[false]"])
        #expect((0..<6).map { cells[3].text($0) } == ["NULL", "[x]", "2", "[[1,\"b\"]]", "NULL", "[false]"])
        // Once per dictionary entry and per boolean, once per row of the mixed column.
        #expect(made == ["a<b", "c", "true", "false", "x", "[1,\"b\"]", "false"])
        var output = PluginOutput()
        for row in 0..<batch.length {
            for column in cells { column.write(row, to: &output) }
        }
        #expect(String(decoding: output.bytes, as: UTF8.self).hasPrefix("[a<b]1[true]NULL[a<b]NULLNULL[x]"))
    }

    /// A copy of an output keeps its bytes while the original goes on appending, and the other way round.
    @Test func outputsStayValuesWhenCopied() {
        var first = PluginOutput()
        first.write("abc")
        var second = first
        first.write("123")
        second.write("xyz")
        #expect(first.bytes == Array("abc123".utf8) && second.bytes == Array("abcxyz".utf8))
        var third = second
        third.write(String(repeating: "z", count: 1000))
        second.write(byte: UInt8(ascii: "!"))
        #expect(second.bytes == Array("abcxyz!".utf8) && third.bytes.count == 1006)
    }

    // MARK: Plugins on the typed API and on the row-wise one

    /// A format that writes each batch's typed columns, one line per row, `|` between cells.
    struct Typed: ExportFormatPlugin {
        var name = "typed"
        let extensions = ["typed"]
        let mediaType = "text/plain"

        mutating func write(columns batch: TypedBatch, to output: inout PluginOutput) {
            let cells = batch.columns.map { CellTexts($0, null: "-") }
            for row in 0..<batch.length {
                for (index, column) in cells.enumerated() {
                    if index > 0 { output.write("|") }
                    column.write(row, to: &output)
                }
                output.write("\n")
            }
        }
    }

    /// A format that implements no way of writing rows.
    struct Writeless: ExportFormatPlugin {
        let name = "none"
        let extensions: [String] = []
        let mediaType = "text/plain"
    }

    static func export(_ server: inout PluginServer, protocol version: Int, format: String, rows: String) throws
        -> String
    {
        var bytes: [UInt8] = []
        func ask(_ line: [UInt8]) throws {
            for answer in server.answer(line) {
                let newline = answer.firstIndex(of: 10) ?? answer.count
                let message = try PluginAnswer.decode(Array(answer[..<newline]))
                switch message.body {
                case .result(let object), .chunk(let object):
                    if message.rawOutputCount != nil {
                        bytes += answer[(newline + 1)...]
                    } else {
                        bytes += try ExportOutput(object).bytes
                    }
                case .error(let text): bytes += Array("error: \(text)\n".utf8)
                }
            }
        }
        try ask(
            PluginRequest(id: 1, method: .hello, params: HelloParams(protocolVersion: version, alq: "0").json).encoded)
        let begin = ExportBegin(
            format: format, columns: [.init(name: "a", type: .number), .init(name: "b", type: .string)], rowCount: 2)
        try ask(PluginRequest(id: 2, method: .exportBegin, params: begin.json).encoded)
        try ask(Array(#"{"id":3,"method":"export.rows","params":"#.utf8) + Array(rows.utf8) + Array("}".utf8))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Protocol versions 1 (rows), 2 (columns) and 3 (dictionaries) reach `write(columns:to:)` alike.
    @Test(arguments: [
        (1, #"{"rows":[[2.50,"x"],[null,"y"]]}"#),
        (2, #"{"batch":{"length":2,"columns":[[2.50,null],["x","y"]]}}"#),
        (3, #"{"batch":{"length":2,"columns":[[2.50,null],{"dictionary":["y","x"],"codes":[1,0]}]}}"#),
    ])
    func everyProtocolReachesTheTypedAPI(version: Int, rows: String) throws {
        var server = PluginServer(formats: [Typed()], readers: [])
        #expect(try Self.export(&server, protocol: version, format: "typed", rows: rows) == "2.50|x\n-|y\n")
    }

    @Test func aFormatWithoutAWriteFailsTheExportWithAMessage() throws {
        var server = PluginServer(formats: [Writeless()], readers: [])
        let text = try Self.export(
            &server, protocol: 3, format: "none", rows: #"{"batch":{"length":1,"columns":[[1],["x"]]}}"#)
        #expect(text.contains("error: the format 'none' writes no rows"))
    }

    /// The row-wise API still gets every row, with its values, from a typed batch.
    @Test func aRowWiseFormatGetsTheRowsOfADictionaryBatch() throws {
        var server = PluginServer(formats: [PluginKitTests.Lines()], readers: [])
        let text = try Self.export(
            &server, protocol: 3, format: "lines",
            rows: #"{"batch":{"length":3,"columns":[{"dictionary":["百色",null],"codes":[0,1,0]},[1,2,3]]}}"#)
        #expect(text == "a:number,b:string\n百色\n\n百色\n")
    }
}
