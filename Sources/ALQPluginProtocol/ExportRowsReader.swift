import ALQJSON

/// Reads an `export.rows` request straight from its line, one row at a time, without building a tree
/// for the whole batch: the fast path of the plugin kit. The grammar and policy are ``JSONScanner``'s,
/// as everywhere.
public enum ExportRowsReader {
    /// What ``read(_:row:each:)`` found.
    public enum Outcome: Sendable, Equatable {
        /// An `export.rows` request with this id; every row was handed over.
        case rows(id: Int)
        /// Another request, or one whose `params` come before its `id` and `method`: read it with
        /// ``PluginRequest/decode(_:)``.
        case other
    }

    /// Calls `each` with every row of an `export.rows` request (in `row`, reused from row to row).
    /// A malformed line throws a ``PluginProtocolError``; an error `each` throws is rethrown.
    public static func read(
        _ line: [UInt8], row: inout [JSONValue], each: (inout [JSONValue]) throws -> Void
    ) throws -> Outcome {
        try line.withUnsafeBufferPointer { bytes in
            var scanner = JSONScanner(bytes)
            do {
                return try read(&scanner, row: &row, each: each)
            } catch let error as JSONError {
                throw PluginProtocolError("a request that is not JSON (\(error))")
            }
        }
    }

    private static func read(
        _ scanner: inout JSONScanner, row: inout [JSONValue], each: (inout [JSONValue]) throws -> Void
    ) throws -> Outcome {
        var sawParams = false
        let id = try ExportRowsEnvelope.read(&scanner) { scanner in
            try readRows(&scanner, row: &row, each: each)
            sawParams = true
            return true
        }
        guard let id else { return .other }
        guard sawParams else { throw PluginProtocolError("export.rows without 'rows'") }
        return .rows(id: id)
    }

    /// Reads `{"rows": [[…], …]}`, handing over each row.
    private static func readRows(
        _ scanner: inout JSONScanner, row: inout [JSONValue], each: (inout [JSONValue]) throws -> Void
    ) throws {
        try scanner.expect(UInt8(ascii: "{"), "'{'")
        var sawRows = false
        if scanner.peek() != UInt8(ascii: "}") {
            while true {
                let (key, _) = try scanner.key()
                if key == "rows", !sawRows {
                    sawRows = true
                    try readArrayOfRows(&scanner, row: &row, each: each)
                } else {
                    try scanner.skipValue(depth: 2)
                }
                if scanner.peek() == UInt8(ascii: ",") {
                    scanner.position += 1
                    continue
                }
                break
            }
        }
        try scanner.expect(UInt8(ascii: "}"), "',' or '}'")
        guard sawRows else { throw PluginProtocolError("export.rows without 'rows'") }
    }

    private static func readArrayOfRows(
        _ scanner: inout JSONScanner, row: inout [JSONValue], each: (inout [JSONValue]) throws -> Void
    ) throws {
        try scanner.expect(UInt8(ascii: "["), "an array of rows")
        if scanner.peek() == UInt8(ascii: "]") {
            scanner.position += 1
            return
        }
        while true {
            guard scanner.peek() == UInt8(ascii: "[") else {
                throw PluginProtocolError("export.rows with a row that is not an array")
            }
            scanner.position += 1
            row.removeAll(keepingCapacity: true)
            if scanner.peek() == UInt8(ascii: "]") {
                scanner.position += 1
            } else {
                while true {
                    row.append(try scanner.value(depth: 4))
                    if scanner.peek() == UInt8(ascii: ",") {
                        scanner.position += 1
                        continue
                    }
                    try scanner.expect(UInt8(ascii: "]"), "',' or ']'")
                    break
                }
            }
            try each(&row)
            if scanner.peek() == UInt8(ascii: ",") {
                scanner.position += 1
                continue
            }
            try scanner.expect(UInt8(ascii: "]"), "',' or ']'")
            return
        }
    }
}
