import ALQJSON
import ALQPluginAPI
import ALQRuntime
import ALQSyntax
import FormatJSON
import Testing

@testable import ALQPluginHost

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

    /// A plugin answer is read by the one JSON reader and becomes a record in linear time: an object of
    /// 100,000 keys; a repeated key is an error at any size.
    @Test func anObjectWithAHundredThousandKeys() throws {
        let text = "{" + (0..<100_000).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}"
        guard case .record(let record) = PluginValues.value(try JSONParser.parse(Array(text.utf8))) else {
            Issue.record("not a record")
            return
        }
        #expect(record.keys.count == 100_000)
        #expect(record["k99999"]?.displayText == "99999")
        #expect(throws: JSONError.self) { try JSONParser.parse(Array((text.dropLast() + ",\"k7\":-1}").utf8)) }
    }
}
