import ALQPluginAPI
import ALQRuntime
import ALQSyntax
import ALQTestSupport
import Testing

@testable import FormatCSV

/// The CSV reader hands a file over chunk by chunk (for streamed pipelines): the chunks' tables, one
/// after another, are the table the whole file gives, or the reader says it could not promise that.
@Suite struct CSVChunkStreamTests {
    /// The chunks' tables read with `chunkSize` and `workers`, or `nil` when the reader gave up.
    static func chunks(_ text: String, chunkSize: Int, workers: Int) throws -> [Table]? {
        var tables: [Table] = []
        let complete = try CSVReader.readChunks(
            .bytes(Array(text.utf8)), name: "t.csv", delimiter: UInt8(ascii: ","), hasHeader: true,
            chunkSize: chunkSize, workers: workers
        ) { table in
            tables.append(table)
            return true
        }
        return complete ? tables : nil
    }

    /// The chunks' tables joined, column by column.
    static func joined(_ tables: [Table]) throws -> Table {
        let first = try #require(tables.first)
        #expect(tables.allSatisfy { $0.columnNames == first.columnNames })
        let columns = try first.columns.indices.map { index in
            try Column.concatenate(tables.map { $0.columns[index] })
        }
        return Table(columnNames: first.columnNames, columns: columns, rowCount: tables.reduce(0) { $0 + $1.rowCount })
    }

    /// Reads `text` at every chunk size; returns how many sizes the reader streamed.
    @discardableResult
    static func expectChunksReadAsWhole(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> Int
    {
        let whole = CSVChunkedReadTests.shape(
            try CSVReader.read(.bytes(Array(text.utf8)), name: "t.csv", delimiter: 44, hasHeader: true))
        var streamed = 0
        for chunkSize in 1...(text.utf8.count + 1) {
            for workers in [1, 2] {
                guard let tables = try chunks(text, chunkSize: chunkSize, workers: workers) else { continue }
                streamed += 1
                #expect(
                    CSVChunkedReadTests.shape(try joined(tables)) == whole, "chunk size \(chunkSize)",
                    sourceLocation: sourceLocation)
            }
        }
        return streamed
    }

    @Test func quotedLineBreaksNullsAndUnitsAcrossChunks() throws {
        let text =
            "region,value [CNY],note,day,n\nA,1.5,\"x\ny\",2024-01-02,1\nB,,\"a,\"\"b\"\"\",2024-02-03,\n"
            + "A,3,,2024-03-04,2\nC,4.25,plain,,3\n"
        let streamed = try Self.expectChunksReadAsWhole(text)
        #expect(streamed == 2 * (text.utf8.count + 1))
    }

    @Test func aColumnWhoseTypeChangesInALaterChunkIsNotStreamed() throws {
        // numbers, then text: the whole file reads the column as strings, which the first chunk did not
        let text = "id,code\n1,10\n2,20\n3,abc\n"
        try Self.expectChunksReadAsWhole(text)
        #expect(try Self.chunks(text, chunkSize: 8, workers: 1) == nil)
        // text first, numbers later: the later chunk is read again as strings, and streams
        let reversed = "id,code\n1,abc\n2,20\n3,30\n"
        #expect(try Self.expectChunksReadAsWhole(reversed) == 2 * (reversed.utf8.count + 1))
        // whole numbers, then a fraction; nulls only in more chunks than are held, then values; dates,
        // then other text
        for text in ["a\n1\n2\n2.5\n", "a,b\n1,\n2,\n3,\n4,\n5,\n6,x\n", "d\n2024-01-02\n2024-01-03\nsoon\n"] {
            try Self.expectChunksReadAsWhole(text)
            #expect(try Self.chunks(text, chunkSize: 4, workers: 1) == nil, "\(text.debugDescription)")
        }
        // a fraction first, whole numbers later; values first, a chunk of nulls only later; nulls only
        // in the first chunks (which are held until a value shows), then values: streamed
        for text in ["a\n2.5\n1\n2\n", "a,b\n1,x\n2,\n3,\n", "a,b\n1,\n2,\n3,x\n"] {
            #expect(try Self.expectChunksReadAsWhole(text) == 2 * (text.utf8.count + 1), "\(text.debugDescription)")
        }
    }

    @Test func aMalformedRecordInALaterChunkIsTheWholeFilesError() throws {
        let text = "a,b\n1,2\n3,4\n5,6,7\n8,9\n"
        for chunkSize in 1...text.utf8.count {
            #expect {
                _ = try Self.chunks(text, chunkSize: chunkSize, workers: 2)
            } throws: { error in
                (error as? Diagnostic)?.message == "t.csv:4:1: this record has more fields than the header's 2"
            }
        }
    }

    @Test func randomFilesStreamAsTheyRead() throws {
        var random = SplitMix(seed: 61)
        let pieces = ["1", "2.5", "-3", "x", "\"q\"", "\"a\nb\"", "\"c\"\"d\"", "", "true", "2024-05-06", " y "]
        for _ in 0..<30 {
            var text = "a,b,c\n"
            for _ in 0..<random.below(12) {
                let width = 1 + random.below(3)
                text += (0..<width).map { _ in pieces[random.below(pieces.count)] }.joined(separator: ",")
                text += ["\n", "\r\n", "\n\n"][random.below(3)]
            }
            try Self.expectChunksReadAsWhole(text)
        }
    }
}
