import ALQRuntime
import ALQSyntax
import FormatSupport

/// Reads a JSON array of objects (or NDJSON, one object per line) into a table: one column per key,
/// in order of first appearance; a key missing from an object is null in that row.
enum JSONTableReader {
    static func read(_ bytes: [UInt8], name: String, style: JSONStyle) throws(Diagnostic) -> Table {
        let result: Result<Table, Diagnostic> = bytes.withUnsafeBufferPointer { data in
            var start = 0
            if data.count >= 3, data[0] == 0xEF, data[1] == 0xBB, data[2] == 0xBF { start = 3 }
            var scanner = JSONScanner(data, from: start)
            do throws(JSONScanner.Failure) {
                return .success(try read(&scanner, style: style))
            } catch {
                if error.offset < 0 { return .failure(Diagnostic(.malformedData, "\(name): \(error.message)")) }
                let (line, column) = JSONScanner.lineAndColumn(of: error.offset, in: data)
                return .failure(Diagnostic(.malformedData, "\(name):\(line):\(column): \(error.message)"))
            }
        }
        return try result.get()
    }

    private static func read(_ scanner: inout JSONScanner, style: JSONStyle) throws(JSONScanner.Failure) -> Table {
        var keys = ByteInterner()
        var columnOfKey: [Int] = []
        var builders: [JSONColumnBuilder] = []
        var rows = 0

        if style == .array {
            try scanner.expect(UInt8(ascii: "["), "'[' (a JSON table is an array of objects)")
            if scanner.peek() == UInt8(ascii: "]") {
                scanner.position += 1
                rows = -1
            }
        }
        while rows >= 0 {
            if style == .lines, scanner.peek() == nil { break }
            guard scanner.peek() == UInt8(ascii: "{") else { throw scanner.failure("an object (one row)") }
            scanner.position += 1
            if scanner.peek() == UInt8(ascii: "}") {
                scanner.position += 1
            } else {
                while true {
                    guard scanner.peek() == UInt8(ascii: "\"") else { throw scanner.failure("a key in quotes") }
                    let code = Int(try scanner.string { keys.intern($0) })
                    if code == columnOfKey.count {
                        columnOfKey.append(builders.count)
                        builders.append(JSONColumnBuilder(nulls: rows))
                    }
                    let column = columnOfKey[code]
                    try scanner.expect(UInt8(ascii: ":"), "':'")
                    if builders[column].rows > rows {
                        _ = try scanner.value(depth: 1)  // a repeated key: the first one wins
                    } else {
                        try readCell(&scanner, into: &builders[column])
                    }
                    if scanner.peek() == UInt8(ascii: ",") {
                        scanner.position += 1
                        continue
                    }
                    try scanner.expect(UInt8(ascii: "}"), "',' or '}'")
                    break
                }
            }
            rows += 1
            if rows &* builders.count > SparseTableLimit.cells(forInputBytes: scanner.data.count) {
                throw JSONScanner.Failure(
                    offset: scanner.position, message: SparseTableLimit.message(rows, builders.count))
            }
            for index in builders.indices where builders[index].rows < rows { builders[index].appendNull() }
            if style == .array {
                if scanner.peek() == UInt8(ascii: ",") {
                    scanner.position += 1
                    continue
                }
                try scanner.expect(UInt8(ascii: "]"), "',' or ']'")
                break
            }
        }
        rows = max(rows, 0)
        if scanner.peek() != nil { throw scanner.failure("the end of the input") }

        guard case .success(let names) = keys.strings() else {
            throw JSONScanner.Failure(offset: -1, message: "a key is not valid UTF-8")
        }
        var columns: [Column] = []
        for (code, name) in names.enumerated() {
            guard let column = builders[columnOfKey[code]].build() else {
                throw JSONScanner.Failure(
                    offset: -1, message: "the values of '\(name)' hold text that is not valid UTF-8")
            }
            columns.append(column)
        }
        return Table(columnNames: names, columns: columns, rowCount: rows)
    }

    @inline(__always)
    private static func readCell(_ scanner: inout JSONScanner, into builder: inout JSONColumnBuilder) throws(JSONScanner
        .Failure)
    {
        switch scanner.peek() {
        case UInt8(ascii: "\""):
            try scanner.string { builder.appendString($0) }
        case let byte? where byte == UInt8(ascii: "-") || byte &- 48 < 10:
            let (value, isInteger) = try scanner.number()
            builder.appendNumber(value, isInteger: isInteger)
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            switch try scanner.literal() {
            case .bool(let flag): builder.appendBool(flag)
            default: builder.appendNull()
            }
        default:
            builder.appendValue(try scanner.value(depth: 1))
        }
    }
}
