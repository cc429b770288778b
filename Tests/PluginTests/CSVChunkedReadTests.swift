import ALQPluginAPI
import ALQRuntime
import ALQSyntax
import ALQSystem
import ALQTestSupport
import Foundation
import Testing

@testable import FormatCSV

/// The CSV reader parses a file in chunks, on several threads: whatever the chunk size and the number
/// of threads, the table is the one a single pass over the whole input gives.
@Suite struct CSVChunkedReadTests {
    /// The table read in chunks of `chunkSize` bytes by `workers` threads.
    static func read(_ text: String, chunkSize: Int, workers: Int, header: Bool = true) throws -> Table {
        try CSVReader.read(
            .bytes(Array(text.utf8)), name: "t.csv", delimiter: UInt8(ascii: ","), hasHeader: header,
            chunkSize: chunkSize, workers: workers)
    }

    /// The names, types and cells of a table, to compare readings.
    static func shape(_ table: Table) -> [[String]] {
        [table.columnNames, table.columns.map(\.typeName)] + table.cellTexts
    }

    /// Expects every chunk size from 1 byte to past the whole input, serial and parallel, to read as one pass does.
    static func expectSameAtEveryChunkSize(
        _ text: String, header: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
    )
        throws
    {
        let whole = shape(try read(text, chunkSize: 1 << 30, workers: 1, header: header))
        for chunkSize in 1...(text.utf8.count + 1) {
            for workers in [1, 2, 3] {
                let chunked = shape(try read(text, chunkSize: chunkSize, workers: workers, header: header))
                #expect(
                    chunked == whole, "chunk size \(chunkSize), \(workers) workers", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func aChunkBoundaryInsideAQuotedFieldWithLineBreaks() throws {
        let text = "id,note\n1,\"first line\nsecond, line\r\nthird\"\n2,\"a \"\"quoted\"\"\nword\"\n3,plain\n"
        try Self.expectSameAtEveryChunkSize(text)
        let table = try Self.read(text, chunkSize: 5, workers: 2)
        #expect(table.rowCount == 3)
        #expect(table.cellTexts[0][1] == "'first line\nsecond, line\r\nthird'")
    }

    @Test func crlfAcrossAChunkBoundary() throws {
        try Self.expectSameAtEveryChunkSize("a,b\r\n1,x\r\n2,y\r\n\r\n3,z\r\n")
        // In a one-column file a blank line is a row: a CR and its LF in two chunks must not make two.
        let oneColumn = "a\r\n1\r\n\r\n2\r\n"
        try Self.expectSameAtEveryChunkSize(oneColumn)
        #expect(try Self.read(oneColumn, chunkSize: 4, workers: 2).rowCount == 3)
        try Self.expectSameAtEveryChunkSize("a,b\r1,x\r2,y\r")
    }

    @Test func aFileSmallerThanAChunkAndOneOfExactlyOneChunk() throws {
        let text = "region,value\nGuangxi,1.5\nYunnan,2\n"
        let whole = Self.shape(try Self.read(text, chunkSize: 1 << 30, workers: 2))
        #expect(Self.shape(try Self.read(text, chunkSize: CSVReader.defaultChunkSize, workers: 2)) == whole)
        #expect(Self.shape(try Self.read(text, chunkSize: text.utf8.count, workers: 2)) == whole)
        #expect(Self.shape(try Self.read(text, chunkSize: text.utf8.count - 1, workers: 2)) == whole)
        #expect(whole[1] == ["string", "number"])
    }

    @Test func typesAgreeAcrossChunks() throws {
        // numbers, then text: strings with the numbers' own text; numbers and bools: strings; a column
        // null in the first chunks; dates; big integers; formula-protected text; no header.
        try Self.expectSameAtEveryChunkSize("n,b,e\n1.50,true,\n2,false,\n1e3,1,x\nabc,TRUE,\n")
        try Self.expectSameAtEveryChunkSize("d,big\n2024-01-02,1\n,12345678901234567891\n2024-03-04,3\n")
        try Self.expectSameAtEveryChunkSize("a,b\n1,'=x\n2,3\n", header: false)
        let table = try Self.read("n\n1.50\n2\nabc\n", chunkSize: 3, workers: 2)
        #expect(table.cellTexts.map { $0[0] } == ["'1.50'", "'2'", "'abc'"])
    }

    @Test func aLongHeaderAndRecordsLongerThanAChunk() throws {
        let header = (1...30).map { "column_name_\($0)" }.joined(separator: ",")
        let row = (1...30).map { "\($0)" }.joined(separator: ",")
        try Self.expectSameAtEveryChunkSize(header + "\n" + row + "\n" + row)
    }

    @Test func errorsNameTheLineWhateverTheChunks() throws {
        let text = "a,b\n1,2\n3,4\n5,6,7\n8,9\n"
        let broken = "a,b\n1,2\n3,\"open\n4,5\n"
        for chunkSize in 1...text.utf8.count {
            for workers in [1, 2] {
                #expect {
                    _ = try Self.read(text, chunkSize: chunkSize, workers: workers)
                } throws: { error in
                    (error as? Diagnostic)?.message == "t.csv:4:1: this record has more fields than the header's 2"
                }
                #expect {
                    _ = try Self.read(broken, chunkSize: chunkSize, workers: workers)
                } throws: { error in
                    (error as? Diagnostic)?.message == "t.csv:3:3: a quoted field is never closed"
                }
            }
        }
    }

    @Test func randomFilesReadTheSameInChunks() throws {
        var random = SplitMix(seed: 16)
        let pieces = ["1", "2.5", "-3", "x", "\"q\"", "\"a\nb\"", "\"c\"\"d\"", "", "true", "2024-05-06", " y "]
        for _ in 0..<40 {
            var text = "a,b,c\n"
            for _ in 0..<random.below(12) {
                let width = 1 + random.below(3)
                text += (0..<width).map { _ in pieces[random.below(pieces.count)] }.joined(separator: ",")
                text += ["\n", "\r\n", "\r", "\n\n"][random.below(4)]
            }
            let whole = Self.shape(try Self.read(text, chunkSize: 1 << 30, workers: 1))
            for chunkSize in [1, 2, 3, 5, 8, 13, 21] {
                #expect(
                    Self.shape(try Self.read(text, chunkSize: chunkSize, workers: 2)) == whole,
                    "\(text.debugDescription)")
            }
        }
    }

    @Test func readsAFileInChunksWithoutHoldingIt() throws {
        let folder = try TemporaryFolder.make("csv-chunks")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/facts.csv"
        var text = "region,year,value,note\n"
        for row in 0..<5_000 {
            text += "R\(row % 37),\(2015 + row % 13),\(Double(row) / 4),\"line \(row)\nnext\"\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let file = try #require(FileRegions(path: path))
        let chunked = try CSVReader.read(
            .file(file, name: path), name: path, delimiter: UInt8(ascii: ","), hasHeader: true, chunkSize: 4096,
            workers: 2)
        let whole = try CSVReader.read(Array(text.utf8), name: path)
        #expect(Self.shape(chunked) == Self.shape(whole))
        #expect(chunked.rowCount == 5_000)
        let viaFormat = try #require(try CSVFormat().read(path: path, options: ReadOptions(), isCancelled: nil))
        #expect(Self.shape(viaFormat) == Self.shape(whole))
    }
}
