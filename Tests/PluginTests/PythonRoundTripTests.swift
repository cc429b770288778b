import ALQPluginAPI
import ALQRuntime
import FormatCSV
import FormatJSON
import Foundation
import Testing

/// Round trips through Python's csv and json modules: what alq writes, Python reads as meant; what
/// Python writes, alq reads.
@Suite struct PythonRoundTripTests {
    @Test func pythonCSVReadsWhatAlqWrites() throws {
        let bytes = try Support.written(Support.sampleTable(), CSVFormat())
        let result = try Support.python(
            "import csv, io, json, sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline='')))))",
            input: bytes)
        #expect(result.status == 0, "\(result.error)")
        let rows = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [[String]]
        #expect(rows.count == 7)
        #expect(rows[0] == ["region", "year", "share", "ok", "output [CNY]", "note", "mixed", "mixed_unit"])
        #expect(rows[1] == ["Guangxi", "2024", "0.5", "true", "205000000000", "'=SUM(A1)", "14543000", "t"])
        #expect(rows[2][0] == "百色")
        #expect(rows[3][0] == "Comma, Inc.")
        #expect(rows[4][0] == "Say \"hi\"")
        #expect(rows[5][5] == "line1\nline2")
        #expect(rows[5][6] == "[1,\"b\"]")
    }

    @Test func pythonCSVReadsTheExcelVariant() throws {
        let bytes = try Support.written(Support.sampleTable(), CSVFormat.excel)
        let result = try Support.python(
            "import csv, io, sys; rows = list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode('utf-8-sig'), newline=''))); print(len(rows), rows[0][0], rows[5][5] == 'line1\\nline2')",
            input: bytes)
        #expect(result.output == "7 region True\n", "\(result.error)")
    }

    @Test func alqReadsWhatPythonCSVWrites() throws {
        let script = """
            import csv, sys
            w = csv.writer(sys.stdout, lineterminator='\\r\\n')
            w.writerow(['name', 'n', 'x', 'flag', 'text'])
            w.writerow(['Guangxi', 1, 1.5, 'true', 'a, "quoted"\\nline'])
            w.writerow(['百色', 2, '', 'false', ''])
            """
        let result = try Support.python(script)
        let table = try #require(try CSVFormat().read(Array(result.output.utf8), name: "py.csv"))
        #expect(table.columns.map(\.typeName) == ["string", "integer", "number", "bool", "string"])
        #expect(
            table.cellTexts == [
                ["'Guangxi'", "1.0", "1.5", "true", "'a, \"quoted\"\nline'"], ["'百色'", "2.0", "null", "false", "null"],
            ])
    }

    @Test func pythonJSONReadsWhatAlqWrites() throws {
        for format in [JSONFormat() as any ExportFormat, NDJSONFormat()] {
            let bytes = try Support.written(Support.sampleTable(), format)
            let load =
                format.name == "json"
                ? "rows = json.load(sys.stdin)"
                : "rows = [json.loads(l) for l in sys.stdin]"
            let result = try Support.python(
                "import json, sys\n\(load)\nprint(json.dumps([len(rows), rows[0], rows[2]['year'], rows[4]['share'], rows[4]['note']], ensure_ascii=False))",
                input: bytes)
            #expect(result.status == 0, "\(result.error)")
            #expect(
                result.output == """
                    [6, {"region": "Guangxi", "year": 2024, "share": 0.5, "ok": true, "output": 205000000000, "output_unit": "CNY", "note": "=SUM(A1)", "mixed": 14543000, "mixed_unit": "t"}, null, 1e+21, "line1\\nline2"]

                    """)
        }
    }

    @Test func alqReadsWhatPythonJSONWrites() throws {
        let result = try Support.python(
            "import json; print(json.dumps([{'a': 1, 'b': 'x\\u00e9\\n', 'c': 0.1}, {'a': None, 'b': '广西', 'c': 1e100}]))"
        )
        let table = try #require(try JSONFormat().read(Array(result.output.utf8), name: "py.json"))
        #expect(table.cellTexts == [["1.0", "'xé\n'", "0.1"], ["null", "'广西'", "1e+100"]])
    }
}
