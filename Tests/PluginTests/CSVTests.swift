import ALQPluginAPI
import ALQRuntime
import ALQSyntax
import FormatCSV
import Testing

@Suite struct CSVTests {
    @Test func writesTheGoldenFile() throws {
        let bytes = try Support.written(Support.sampleTable(), CSVFormat())
        #expect(Support.matchesGolden(bytes, "sample.csv"), "\n\(String(decoding: bytes, as: UTF8.self))")
    }

    @Test func excelVariantHasByteOrderMarkAndCRLF() throws {
        let bytes = try Support.written(Support.sampleTable(), CSVFormat.excel)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(Support.matchesGolden(bytes, "sample-excel.csv"))
        #expect(CSVFormat.excel.name == "csv-excel")
    }

    @Test func protectsAgainstFormulasInStringsOnly() throws {
        let table = Table(
            columnNames: ["text", "number"],
            columns: [
                .string(StringColumn(["=1+1", "+x", "-y", "@z", "\tt", "plain", "'=q", "'plain"])),
                .number(NumberColumn(values: [-1, -2.5, 3, 4, 5, 6, 7, 8])),
            ])
        let text = String(decoding: try Support.written(table, CSVFormat()), as: UTF8.self)
        #expect(text == "text,number\n'=1+1,-1\n'+x,-2.5\n'-y,3\n'@z,4\n'\tt,5\nplain,6\n''=q,7\n'plain,8\n")
        let back = try #require(try CSVFormat().read(Array(text.utf8), name: "t.csv"))
        #expect(
            back.cellTexts.map { $0[0] } == ["'=1+1'", "'+x'", "'-y'", "'@z'", "'\tt'", "'plain'", "''=q'", "''plain'"])
    }

    @Test func readsTypesPerColumn() throws {
        let text = "i,n,b,s,e,late\n1,1.5,true,x,,1\n-2,2,FALSE,007,,2\n3,,True,,,three\n"
        let table = try #require(try CSVFormat().read(Array(text.utf8), name: "t.csv"))
        #expect(table.columnNames == ["i", "n", "b", "s", "e", "late"])
        #expect(table.columns.map(\.typeName) == ["integer", "number", "bool", "string", "any", "string"])
        #expect(table.cellTexts[1] == ["-2.0", "2.0", "false", "'007'", "null", "'2'"])
        #expect(table.cellTexts[2] == ["3.0", "null", "true", "null", "null", "'three'"])
    }

    @Test func readsQuotesBOMAndLineEndings() throws {
        let text = "\u{FEFF}a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",\"\"\r\n\r\nlast,\n"
        let table = try #require(try CSVFormat().read(Array(text.utf8), name: "t.csv"))
        #expect(table.columnNames == ["a", "b"])
        #expect(table.cellTexts == [["'x, y'", "'say \"hi\"'"], ["'two\nlines'", "''"], ["'last'", "null"]])
    }

    @Test func unitInTheHeaderReadsBackAsQuantities() throws {
        let table = try #require(try CSVFormat().read(Array("value [CNY],n [bogus]\n5,1\n,2\n".utf8), name: "t.csv"))
        #expect(table.columnNames == ["value", "n [bogus]"])
        #expect(table.columns[0].typeName == "CNY")
        #expect(table.cellTexts == [["5.0 CNY", "1.0"], ["null", "2.0"]])
    }

    @Test func malformedInputNamesThePlace() throws {
        #expect {
            _ = try CSVFormat().read(Array("a,b\n1,\"open\n2,3\n".utf8), name: "bad.csv")
        } throws: { error in
            let diagnostic = error as! Diagnostic
            return diagnostic.code == .malformedData
                && diagnostic.message == "bad.csv:2:3: a quoted field is never closed"
        }
        #expect {
            _ = try CSVFormat().read(Array("a,b\n1,2,3\n".utf8), name: "wide.csv")
        } throws: { error in
            (error as! Diagnostic).message == "wide.csv:2:1: this record has more fields than the header's 2"
        }
        #expect {
            _ = try CSVFormat().read(Array("a\n\"x\"y\n".utf8), name: "q.csv")
        } throws: { error in
            (error as! Diagnostic).message.hasPrefix("q.csv:2:4:")
        }
        #expect {
            _ = try CSVFormat().read([0x61, 0x0A, 0xFF, 0xFE, 0x0A], name: "utf.csv")
        } throws: { error in
            (error as! Diagnostic).message.contains("not valid UTF-8")
        }
    }

    @Test func roundTripsThroughTheReader() throws {
        let table = Support.sampleTable()
        let bytes = try Support.written(table, CSVFormat())
        let back = try #require(try CSVFormat().read(bytes, name: "sample.csv"))
        #expect(back.columnNames == ["region", "year", "share", "ok", "output", "note", "mixed", "mixed_unit"])
        #expect(back.cellTexts.map { Array($0[0..<6]) } == table.cellTexts.map { Array($0[0..<6]) })
        #expect(back.cellTexts.map { $0[7] } == ["'t'", "null", "null", "null", "null", "'%'"])
    }

    @Test func emptyInputs() throws {
        #expect(try CSVFormat().read([], name: "e.csv")?.columnNames == [])
        let headerOnly = try #require(try CSVFormat().read(Array("a,b\n".utf8), name: "h.csv"))
        #expect(headerOnly.columnNames == ["a", "b"] && headerOnly.rowCount == 0)
        let empty = Table(columnNames: ["a"], columns: [.number(NumberColumn(values: []))])
        #expect(String(decoding: try Support.written(empty, CSVFormat()), as: UTF8.self) == "a\n")
    }

    @Test func streamsInChunks() throws {
        let rows = 200_000
        let table = Table(
            columnNames: ["n", "s"],
            columns: [
                .number(NumberColumn(values: (0..<rows).map(Double.init), isInteger: true)),
                .string(StringColumn((0..<rows).map { "row \($0 % 7)" })),
            ])
        let sink = CountingSink()
        try CSVFormat().write(table, to: sink)
        #expect(sink.largestWrite <= 64 * 1024)
        #expect(sink.writes > 10)
    }
}

/// Counts writes, keeps nothing.
final class CountingSink: OutputSink {
    var writes = 0
    var largestWrite = 0
    var total = 0
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        writes += 1
        largestWrite = max(largestWrite, bytes.count)
        total += bytes.count
    }

    @Test func integersADoubleCannotHoldStayText() throws {
        let text = "id,n\n12345678901234567891,1\n2,2\n"
        let table = try #require(try CSVFormat().read(Array(text.utf8), name: "t.csv"))
        #expect(table.columns.map(\.typeName) == ["string", "integer"])
        #expect(table.cellTexts == [["'12345678901234567891'", "1.0"], ["'2'", "2.0"]])
    }
}
