import ALQJSON

/// Reads a columnar `export.rows` request (versions 2 and 3) straight from its line into a
/// ``ColumnBatch``: no tree for the message around the batch, and each string of a dictionary-encoded
/// column (version 3) is made once per batch, not once per row. The grammar and policy are
/// ``JSONScanner``'s, as everywhere.
public enum ExportBatchReader {
    /// What ``read(_:)`` found.
    public enum Outcome: Sendable, Equatable {
        /// An `export.rows` request with this id and its batch.
        case batch(id: Int, ColumnBatch)
        /// Another request, or one whose `params` come before its `id` and `method`, or one without a
        /// `batch`: read it with ``PluginRequest/decode(_:)``.
        case other
    }

    /// Reads the request on `line`. A malformed line or batch throws a ``PluginProtocolError``.
    public static func read(_ line: [UInt8]) throws(PluginProtocolError) -> Outcome {
        do {
            return try line.withUnsafeBufferPointer { bytes in
                var scanner = JSONScanner(bytes)
                return try read(&scanner)
            }
        } catch {
            throw PluginProtocolError("a request that is not JSON (\(error))")
        }
    }

    /// A batch that breaks the rules, as a JSON error at the scanner's position.
    private static func invalid(_ scanner: borrowing JSONScanner, _ message: String) -> JSONError {
        scanner.error("export.rows with \(message)", at: scanner.position)
    }

    private static func read(_ scanner: inout JSONScanner) throws -> Outcome {
        var batch: ColumnBatch?
        let id = try ExportRowsEnvelope.read(&scanner) { scanner in
            batch = try params(&scanner)
            return batch != nil
        }
        guard let id, let batch else { return .other }
        return .batch(id: id, batch)
    }

    /// Reads `{"batch": {…}}`; `nil` when the params hold no batch (a version-1 request).
    private static func params(_ scanner: inout JSONScanner) throws(JSONError) -> ColumnBatch? {
        try scanner.expect(UInt8(ascii: "{"), "'{'")
        var batch: ColumnBatch?
        var keys = Set<String>()
        if scanner.peek() != UInt8(ascii: "}") {
            while true {
                let (key, start) = try scanner.key()
                guard keys.insert(key).inserted else { throw scanner.duplicateKey(key, at: start) }
                if key == "batch" {
                    batch = try self.batch(&scanner)
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
        return batch
    }

    /// Reads `{"length": N, "columns": [column, …]}` and checks every column's length.
    private static func batch(_ scanner: inout JSONScanner) throws(JSONError) -> ColumnBatch {
        try scanner.expect(UInt8(ascii: "{"), "a batch (an object)")
        var length: Int?
        var columns: [[JSONValue]]?
        var keys = Set<String>()
        let start = scanner.position
        if scanner.peek() != UInt8(ascii: "}") {
            while true {
                let (key, keyStart) = try scanner.key()
                guard keys.insert(key).inserted else { throw scanner.duplicateKey(key, at: keyStart) }
                switch key {
                case "length":
                    guard let number = try scanner.value(depth: 3).numberValue?.int, number >= 0 else {
                        throw invalid(scanner, "a batch 'length' that is not a whole number, 0 or more")
                    }
                    length = number
                case "columns":
                    columns = try self.columns(&scanner)
                default:
                    try scanner.skipValue(depth: 3)
                }
                if scanner.peek() == UInt8(ascii: ",") {
                    scanner.position += 1
                    continue
                }
                break
            }
        }
        try scanner.expect(UInt8(ascii: "}"), "',' or '}'")
        guard let length else {
            throw scanner.error("export.rows with a batch without a 'length' (a whole number, 0 or more)", at: start)
        }
        guard let columns else {
            throw scanner.error("export.rows with a batch without 'columns' (an array of arrays)", at: start)
        }
        for (index, column) in columns.enumerated() where column.count != length {
            throw scanner.error(
                "export.rows with batch column \(index + 1) of \(column.count) values; the batch's length is \(length)",
                at: start)
        }
        return ColumnBatch(length: length, columns: columns)
    }

    private static func columns(_ scanner: inout JSONScanner) throws(JSONError) -> [[JSONValue]] {
        guard scanner.peek() == UInt8(ascii: "[") else {
            throw invalid(scanner, "batch 'columns' that is not an array")
        }
        scanner.position += 1
        var columns: [[JSONValue]] = []
        if scanner.peek() == UInt8(ascii: "]") {
            scanner.position += 1
            return columns
        }
        while true {
            switch scanner.peek() {
            case UInt8(ascii: "[")?: columns.append(try values(&scanner, depth: 4))
            case UInt8(ascii: "{")?: columns.append(try dictionaryColumn(&scanner))
            default:
                throw invalid(scanner, "batch column \(columns.count + 1) that is neither an array nor a dictionary")
            }
            if scanner.peek() == UInt8(ascii: ",") {
                scanner.position += 1
                continue
            }
            try scanner.expect(UInt8(ascii: "]"), "',' or ']'")
            return columns
        }
    }

    /// An array of values (the position is at its `[`).
    private static func values(_ scanner: inout JSONScanner, depth: Int) throws(JSONError) -> [JSONValue] {
        scanner.position += 1
        var values: [JSONValue] = []
        if scanner.peek() == UInt8(ascii: "]") {
            scanner.position += 1
            return values
        }
        while true {
            values.append(try scanner.value(depth: depth + 1))
            if scanner.peek() == UInt8(ascii: ",") {
                scanner.position += 1
                continue
            }
            try scanner.expect(UInt8(ascii: "]"), "',' or ']'")
            return values
        }
    }

    /// A dictionary-encoded column (version 3), `{"dictionary": [v, …], "codes": [i, …]}`, decoded into its
    /// values: each code is an index into the dictionary.
    private static func dictionaryColumn(_ scanner: inout JSONScanner) throws(JSONError) -> [JSONValue] {
        let start = scanner.position
        scanner.position += 1
        var dictionary: [JSONValue]?
        var codes: [Int]?
        var keys = Set<String>()
        if scanner.peek() != UInt8(ascii: "}") {
            while true {
                let (key, keyStart) = try scanner.key()
                guard keys.insert(key).inserted else { throw scanner.duplicateKey(key, at: keyStart) }
                switch key {
                case "dictionary":
                    guard scanner.peek() == UInt8(ascii: "[") else {
                        throw invalid(scanner, "a 'dictionary' that is not an array")
                    }
                    dictionary = try values(&scanner, depth: 5)
                case "codes":
                    codes = try self.codes(&scanner)
                default:
                    try scanner.skipValue(depth: 5)
                }
                if scanner.peek() == UInt8(ascii: ",") {
                    scanner.position += 1
                    continue
                }
                break
            }
        }
        try scanner.expect(UInt8(ascii: "}"), "',' or '}'")
        guard let dictionary, let codes else {
            throw scanner.error("export.rows with a dictionary column without 'dictionary' and 'codes'", at: start)
        }
        var column: [JSONValue] = []
        column.reserveCapacity(codes.count)
        for code in codes {
            guard code < dictionary.count else {
                throw scanner.error(
                    "export.rows with code \(code) in a dictionary of \(dictionary.count) values", at: start)
            }
            column.append(dictionary[code])
        }
        return column
    }

    /// An array of codes: whole numbers from 0, written plainly (no sign, fraction or exponent).
    private static func codes(_ scanner: inout JSONScanner) throws(JSONError) -> [Int] {
        guard scanner.peek() == UInt8(ascii: "[") else { throw invalid(scanner, "'codes' that is not an array") }
        scanner.position += 1
        var codes: [Int] = []
        if scanner.peek() == UInt8(ascii: "]") {
            scanner.position += 1
            return codes
        }
        let data = scanner.data
        while true {
            _ = scanner.peek()
            var position = scanner.position
            let first = position
            var code = 0
            while position < data.count, data[position] &- 48 < 10, position - first < 18 {
                code = code &* 10 &+ Int(data[position] &- 48)
                position += 1
            }
            let digits = position - first
            if digits == 0 || (digits > 1 && data[first] == UInt8(ascii: "0"))
                || (position < data.count && (data[position] == UInt8(ascii: ".") || data[position] | 0x20 == 0x65))
            {
                throw invalid(scanner, "a code that is not a whole number from 0")
            }
            scanner.position = position
            codes.append(code)
            if scanner.peek() == UInt8(ascii: ",") {
                scanner.position += 1
                continue
            }
            try scanner.expect(UInt8(ascii: "]"), "',' or ']'")
            return codes
        }
    }
}
