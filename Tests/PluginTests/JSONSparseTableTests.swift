import ALQPluginAPI
import ALQRuntime
import ALQSyntax
import FormatJSON
import Testing

/// A JSON table whose rows share few keys is refused before it grows with the square of the file.
@Suite struct JSONSparseTableTests {
    @Test func rowsWithDistinctKeysAreRefused() throws {
        let text = "[" + (0..<20_000).map { "{\"k\($0)\":1}" }.joined(separator: ",") + "]"
        #expect {
            _ = try JSONFormat().read(Array(text.utf8), name: "sparse.json")
        } throws: { error in
            guard let diagnostic = error as? Diagnostic else { return false }
            return diagnostic.code == .malformedData && diagnostic.message.contains("share too few keys")
        }
    }

    @Test func denseAndModeratelySparseTablesRead() throws {
        let dense = "[" + (0..<20_000).map { "{\"a\":\($0),\"b\":\"x\"}" }.joined(separator: ",") + "]"
        #expect(try JSONFormat().read(Array(dense.utf8), name: "dense.json")?.rowCount == 20_000)
        let sparse = "[" + (0..<500).map { "{\"k\($0)\":1}" }.joined(separator: ",") + "]"
        #expect(try JSONFormat().read(Array(sparse.utf8), name: "sparse.json")?.columns.count == 500)
    }

    /// A plugin answer is parsed by the same reader: an object of 100,000 keys is built in linear time,
    /// and of a repeated key the last value wins.
    @Test func anObjectWithAHundredThousandKeys() throws {
        let text = "{" + (0..<100_000).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + ",\"k7\":-1}"
        guard case .record(let record) = try JSONParser.parse(Array(text.utf8)) else {
            Issue.record("not a record")
            return
        }
        #expect(record.keys.count == 100_000)
        #expect(record["k99999"]?.displayText == "99999")
        #expect(record["k7"]?.displayText == "-1")
    }
}
