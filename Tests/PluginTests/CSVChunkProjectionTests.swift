import ALQRuntime
import ALQSyntax
import ALQTestSupport
import Testing

@testable import FormatCSV

/// A chunked read that needs only some columns (projection pushdown) hands over exactly those columns
/// of the whole-file read, and gives up or fails wherever reading every column would.
@Suite struct CSVChunkProjectionTests {
    /// The chunks' tables read with only `columns`, or `nil` when the reader gave up.
    static func chunks(_ bytes: [UInt8], columns: Set<String>, chunkSize: Int, workers: Int) throws -> [Table]? {
        var tables: [Table] = []
        let complete = try CSVReader.readChunks(
            .bytes(bytes), name: "t.csv", delimiter: UInt8(ascii: ","), hasHeader: true, columns: columns,
            chunkSize: chunkSize, workers: workers
        ) { table in
            tables.append(table)
            return true
        }
        return complete ? tables : nil
    }

    /// The whole-file table with only the named columns, in the file's order.
    static func wholeProjected(_ text: String, _ columns: Set<String>) throws -> Table {
        let whole = try CSVReader.read(.bytes(Array(text.utf8)), name: "t.csv", delimiter: 44, hasHeader: true)
        let indices = whole.columnNames.indices.filter { columns.contains(whole.columnNames[$0]) }
        return Table(
            columnNames: indices.map { whole.columnNames[$0] }, columns: indices.map { whole.columns[$0] },
            rowCount: whole.rowCount)
    }

    /// Reads `text` with only `columns` at every chunk size, serial and parallel, expecting the whole
    /// file's columns; returns how many reads streamed.
    @discardableResult
    static func expectProjectedAsWhole(
        _ text: String, _ columns: Set<String>, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Int {
        let whole = CSVChunkedReadTests.shape(try wholeProjected(text, columns))
        var streamed = 0
        for chunkSize in 1...(text.utf8.count + 1) {
            for workers in [1, 2] {
                guard
                    let tables = try chunks(Array(text.utf8), columns: columns, chunkSize: chunkSize, workers: workers)
                else { continue }
                streamed += 1
                #expect(
                    CSVChunkedReadTests.shape(try CSVChunkStreamTests.joined(tables)) == whole,
                    "chunk size \(chunkSize), \(workers) workers", sourceLocation: sourceLocation)
            }
        }
        return streamed
    }

    @Test func onlyTheNamedColumnsAreHandedOverAsTheWholeFileReadsThem() throws {
        // the skipped `note` holds quoted line breaks (across chunk ends), doubled quotes, a formula
        // guard, numbers then text; the read ones hold nulls, fractions and whole numbers
        let text =
            "region,note,value,kind\nA,\"x\ny\",1.5,actual\nB,\"a,\"\"b\"\"\",,plan\nA,12,3,\n"
            + "C,'=1+2,4.25,actual\nB,text after numbers,,actual\nC,\"\r\n\",7,plan\n"
        let columns: Set<String> = ["region", "value"]
        #expect(try Self.expectProjectedAsWhole(text, columns) == 2 * (text.utf8.count + 1))
        let tables = try #require(try Self.chunks(Array(text.utf8), columns: columns, chunkSize: 16, workers: 2))
        #expect(tables.allSatisfy { $0.columnNames == ["region", "value"] })
    }

    @Test func aSkippedColumnWhoseTypeChangesStillStreams() throws {
        // read whole, `code` (numbers, then text) would be strings, which the first chunk did not
        // show: reading it makes the stream give up at small chunks; skipping it does not
        let text = "id,code\n1,10\n2,20\n3,abc\n"
        #expect(try CSVChunkStreamTests.chunks(text, chunkSize: 8, workers: 1) == nil)
        #expect(try Self.expectProjectedAsWhole(text, ["id"]) == 2 * (text.utf8.count + 1))
    }

    @Test func textThatIsNotUTF8InASkippedColumnGivesUpAsReadingItWouldFail() throws {
        var bytes = Array("a,b\n1,ok\n2,".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\n3,fine\n".utf8)
        #expect(throws: Diagnostic.self) {
            _ = try CSVReader.read(.bytes(bytes), name: "t.csv", delimiter: 44, hasHeader: true)
        }
        for chunkSize in [4, 1000] {
            #expect(try Self.chunks(bytes, columns: ["a"], chunkSize: chunkSize, workers: 2) == nil)
        }
        // valid UTF-8 beyond ASCII is skipped like any text
        let text = "a,b\n1,重庆\n2,Bải\n"
        #expect(try Self.expectProjectedAsWhole(text, ["a"]) == 2 * (text.utf8.count + 1))
    }

    @Test func malformedRecordsInSkippedColumnsAreTheWholeFilesErrors() throws {
        for (text, message) in [
            ("a,b\n1,2\n3,4,5\n6,7\n", "t.csv:3:1: this record has more fields than the header's 2"),
            ("a,b\n1,2\n3,\"x\"y\n", "t.csv:3:6: expected a separator or the end of the line after a closing quote"),
            ("a,b\n1,2\n3,\"never closed\n", "t.csv:3:3: a quoted field is never closed"),
        ] {
            #expect {
                _ = try CSVReader.read(.bytes(Array(text.utf8)), name: "t.csv", delimiter: 44, hasHeader: true)
            } throws: { error in
                (error as? Diagnostic)?.message == message
            }
            for chunkSize in 1...text.utf8.count {
                #expect {
                    _ = try Self.chunks(Array(text.utf8), columns: ["a"], chunkSize: chunkSize, workers: 2)
                } throws: { error in
                    (error as? Diagnostic)?.code == .malformedData && (error as? Diagnostic)?.message == message
                }
            }
        }
    }

    @Test func aHeaderWithUnitsOrNoNamedColumnReadsEveryColumn() throws {
        for (text, columns) in [
            ("region,value [CNY],note\nA,1,x\nB,2,y\n", Set(["region"])),
            ("region,note\nA,x\nB,y\n", Set(["elsewhere"])),
        ] {
            let tables = try #require(try Self.chunks(Array(text.utf8), columns: columns, chunkSize: 8, workers: 1))
            #expect(tables.allSatisfy { $0.columns.count == 3 || $0.columns.count == 2 })
            #expect(
                CSVChunkedReadTests.shape(try CSVChunkStreamTests.joined(tables))
                    == CSVChunkedReadTests.shape(
                        try CSVReader.read(.bytes(Array(text.utf8)), name: "t.csv", delimiter: 44, hasHeader: true)))
        }
    }

    @Test func randomFilesProjectAsTheyRead() throws {
        var random = SplitMix(seed: 83)
        let pieces = ["1", "2.5", "-3", "x", "\"q\"", "\"a\nb\"", "\"c\"\"d\"", "", "true", "2024-05-06", " y "]
        for _ in 0..<30 {
            var text = "a,b,c\n"
            for _ in 0..<random.below(12) {
                let width = 1 + random.below(3)
                text += (0..<width).map { _ in pieces[random.below(pieces.count)] }.joined(separator: ",")
                text += ["\n", "\r\n", "\n\n"][random.below(3)]
            }
            for columns in [["a"], ["b"], ["a", "c"]] {
                try Self.expectProjectedAsWhole(text, Set(columns))
            }
        }
    }
}
