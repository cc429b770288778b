import ALQJSON
import ALQPluginAPI
import ALQRuntime
import ALQSyntax
import FormatJSON
import FormatSupport
import Testing

@Suite struct JSONTests {
    @Test func writesTheGoldenFiles() throws {
        let json = try Support.written(Support.sampleTable(), JSONFormat())
        #expect(Support.matchesGolden(json, "sample.json"), "\n\(String(decoding: json, as: UTF8.self))")
        let lines = try Support.written(Support.sampleTable(), NDJSONFormat())
        #expect(Support.matchesGolden(lines, "sample.ndjson"), "\n\(String(decoding: lines, as: UTF8.self))")
    }

    @Test func emptyTableIsAnEmptyArray() throws {
        let empty = Table(columnNames: ["a"], columns: [.number(NumberColumn(values: []))])
        #expect(String(decoding: try Support.written(empty, JSONFormat()), as: UTF8.self) == "[]\n")
        #expect(try Support.written(empty, NDJSONFormat()).isEmpty)
    }

    @Test func numbersAreShortestAndNonFiniteIsNull() throws {
        let table = Table(
            columnNames: ["x"],
            columns: [
                .number(NumberColumn(values: [1, -0.0, 0.1, 1e300, 123_456_789_012_345, .nan, .infinity, 2.5e-8]))
            ])
        let text = String(decoding: try Support.written(table, NDJSONFormat()), as: UTF8.self)
        #expect(
            text == """
                {"x":1}
                {"x":0}
                {"x":0.1}
                {"x":1e+300}
                {"x":123456789012345}
                {"x":null}
                {"x":null}
                {"x":2.5e-08}

                """)
    }

    @Test func escapesStrings() throws {
        let table = Table(columnNames: ["s\"k"], columns: [.string(StringColumn(["a\"b\\c\n\t\u{01}广西/"]))])
        let text = String(decoding: try Support.written(table, NDJSONFormat()), as: UTF8.self)
        #expect(text == "{\"s\\\"k\":\"a\\\"b\\\\c\\n\\t\\u0001广西/\"}\n")
    }

    @Test func roundTripsThroughTheReader() throws {
        let table = Support.sampleTable()
        for format in [JSONFormat() as any ExportFormat, NDJSONFormat()] {
            let back = try #require(try format.read(try Support.written(table, format), name: "x"))
            #expect(
                back.columnNames == [
                    "region", "year", "share", "ok", "output", "output_unit", "note", "mixed", "mixed_unit",
                ])
            #expect(back.rowCount == 6)
            #expect(back.column("region")!.typeName == "string")
            #expect(back.column("year")!.typeName == "integer")
            #expect(back.column("share")!.typeName == "number")
            #expect(back.column("ok")!.typeName == "bool")
            #expect(back.column("note")!.typeName == "string")
            for name in ["region", "year", "share", "ok", "note"] {
                #expect(
                    (0..<6).map { describe(back.column(name)![$0]) }
                        == (0..<6).map { describe(table.column(name)![$0]) })
            }
            #expect(
                (0..<6).map { describe(back.column("output")![$0]) } == [
                    "205000000000.0", "41900000000.0", "null", "1.0", "2.5", "0.0",
                ])
            #expect(
                (0..<6).map { describe(back.column("mixed")![$0]) } == [
                    "14543000.0", "3.0", "'a'", "null", "[1.0,'b']", "5.0",
                ])
        }
    }

    @Test func readsMissingKeysAsNullAndMixedTypes() throws {
        let text = #"[{"a":1,"b":"x"},{"b":2,"c":null},{"a":2.5,"c":{"k":[true]}}]"#
        let table = try #require(try JSONFormat().read(Array(text.utf8), name: "t.json"))
        #expect(table.columnNames == ["a", "b", "c"])
        #expect(table.cellTexts == [["1.0", "'x'", "null"], ["null", "2.0", "null"], ["2.5", "null", "{k:[true]}"]])
        #expect(table.columns.map(\.typeName) == ["number", "any", "any"])
    }

    @Test func readsEscapesAndSurrogatePairs() throws {
        let text = #"[{"s":"a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"}]"#
        let table = try #require(try JSONFormat().read(Array(text.utf8), name: "t.json"))
        #expect(table.cellTexts == [["'a\"\\/\u{08}\u{0C}\n\r\té😀'"]])
    }

    @Test(arguments: [
        ("[{\"a\":1,}]", "bad.json:1:9: expected a key in quotes, found '}'"),
        ("[{\"a\":1}\n{\"a\":2}]", "bad.json:2:1: expected ',' or ']', found '{'"),
        ("{\"a\":1}", "bad.json:1:1: expected '[' (a JSON table is an array of objects), found '{'"),
        ("[1,2]", "bad.json:1:2: expected an object (one row), found '1'"),
        ("[{\"a\":01}]", "bad.json:1:7: malformed number"),
        ("[{\"a\":1e400}]", "bad.json:1:7: number out of range (larger than a double can hold)"),
        ("[{\"a\":\"open}]", "bad.json:1:7: a string is never closed"),
        ("[{\"a\":tru}]", "bad.json:1:7: expected a value, found 't'"),
        ("[{\"a\":1}] x", "bad.json:1:11: expected the end of the input, found 'x'"),
        ("", "bad.json:1:1: expected '[' (a JSON table is an array of objects), found the end of the input"),
    ])
    func malformedInputNamesThePlace(text: String, message: String) throws {
        #expect {
            _ = try JSONFormat().read(Array(text.utf8), name: "bad.json")
        } throws: { error in
            let diagnostic = error as! Diagnostic
            return diagnostic.code == .malformedData && diagnostic.message == message
        }
    }

    @Test func aRepeatedKeyIsAnError() throws {
        for text in [#"[{"a":1,"a":2}]"#, #"[{"a":{"b":1,"b":2}}]"#] {
            #expect {
                _ = try JSONFormat().read(Array(text.utf8), name: "dup.json")
            } throws: { error in
                (error as? Diagnostic)?.message.contains(#"the key "#) == true
            }
        }
        #expect(throws: Diagnostic.self) { _ = try NDJSONFormat().read(Array("{\"a\":1,\"a\":1}\n".utf8), name: "d") }
    }

    @Test func bigIntegersKeepTheirDigitsThroughAReadAndAWrite() throws {
        let text = #"[{"id":12345678901234567891,"n":9007199254740993,"ok":9007199254740992}]"#
        let table = try #require(try JSONFormat().read(Array(text.utf8), name: "ids.json"))
        #expect(table.cellTexts == [["'12345678901234567891'", "'9007199254740993'", "9007199254740992.0"]])
        let written = String(decoding: try Support.written(table, NDJSONFormat()), as: UTF8.self)
        #expect(written.contains("12345678901234567891") && written.contains("9007199254740993"))
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let text = "[{\"a\":" + String(repeating: "[", count: 100_000) + "}]"
        #expect(throws: Diagnostic.self) { _ = try JSONFormat().read(Array(text.utf8), name: "deep.json") }
    }

    @Test func parserReadsAnyValue() throws {
        let json = try JSONParser.parse(Array(#" {"id": 3, "result": {"list": [1, "two", null, false]}} "#.utf8))
        let value = JSONValues.value(json)
        #expect(describe(value) == "{id:3.0,result:{list:[1.0,'two',null,false]}}")
    }
}
