import ALQJSON
import ALQRuntime
import ALQSyntax
import FormatSupport

/// Reads a JSON array of objects (or NDJSON, one object per line) into a table: one column per key,
/// in order of first appearance; a key missing from an object is null in that row.
enum JSONTableReader {
    static func read(_ bytes: [UInt8], name: String, style: JSONStyle) throws(Diagnostic) -> Table {
        let result: Result<Table, Diagnostic> = bytes.withUnsafeBufferPointer { data in
            var scanner = JSONScanner(data)
            do throws(JSONError) {
                return .success(try read(&scanner, style: style))
            } catch {
                if Interruption.isRequested { return .failure(Interruption.diagnostic) }
                if error.offset < 0 { return .failure(Diagnostic(.malformedData, "\(name): \(error.message)")) }
                return .failure(Diagnostic(.malformedData, "\(name):\(error.line):\(error.column): \(error.message)"))
            }
        }
        return try result.get()
    }

    private static func read(_ scanner: inout JSONScanner, style: JSONStyle) throws(JSONError) -> Table {
        var keys = ByteInterner()
        var columnOfKey: [Int] = []
        var builders: [ColumnBuilder] = []
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
                    let keyStart = scanner.position
                    let code = Int(try scanner.string { keys.intern($0) })
                    if code == columnOfKey.count {
                        columnOfKey.append(builders.count)
                        builders.append(ColumnBuilder(nulls: rows))
                    }
                    let column = columnOfKey[code]
                    try scanner.expect(UInt8(ascii: ":"), "':'")
                    if builders[column].rowCount > rows {
                        let key = try? keys.strings().get()[code]
                        throw scanner.duplicateKey(key ?? "", at: keyStart)
                    }
                    try readCell(&scanner, into: &builders[column], depth: style == .array ? 2 : 1)
                    if scanner.peek() == UInt8(ascii: ",") {
                        scanner.position += 1
                        continue
                    }
                    try scanner.expect(UInt8(ascii: "}"), "',' or '}'")
                    break
                }
            }
            rows += 1
            if rows & 0x3FFF == 0, Interruption.isRequested { throw JSONError(offset: -1, "interrupted") }
            if rows &* builders.count > SparseTableLimit.cells(forInputBytes: scanner.data.count) {
                throw JSONError(
                    SparseTableLimit.message(rows, builders.count), at: scanner.position, in: scanner.data)
            }
            for index in builders.indices where builders[index].rowCount < rows { builders[index].appendNull() }
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
        try scanner.expectEnd()

        guard case .success(let names) = keys.strings() else {
            throw JSONError(offset: -1, "a key is not valid UTF-8")
        }
        var columns: [Column] = []
        for (code, name) in names.enumerated() {
            if Interruption.isRequested { throw JSONError(offset: -1, "interrupted") }
            guard let column = builders[columnOfKey[code]].buildCheckingUTF8() else {
                throw JSONError(offset: -1, "the values of '\(name)' hold text that is not valid UTF-8")
            }
            columns.append(column)
        }
        return Table(columnNames: names, columns: columns, rowCount: rows)
    }

    @inline(__always)
    private static func readCell(
        _ scanner: inout JSONScanner, into builder: inout ColumnBuilder, depth: Int
    ) throws(JSONError) {
        switch scanner.peek() {
        case UInt8(ascii: "\""):
            try scanner.string { builder.appendString(utf8: $0) }
        case let byte? where byte == UInt8(ascii: "-") || byte &- 48 < 10:
            let start = scanner.position
            let number = try scanner.number()
            if number.isExact {
                builder.appendNumber(number.value, isInteger: number.isInteger)
            } else {
                // An integer a double cannot hold exactly keeps its digits (docs/plugins.md, "JSON").
                builder.appendString(utf8: UnsafeBufferPointer(rebasing: scanner.data[start..<scanner.position]))
            }
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            switch try scanner.literal() {
            case .true: builder.appendBool(true)
            case .false: builder.appendBool(false)
            case .null: builder.appendNull()
            }
        default:
            builder.append(JSONValues.value(try scanner.value(depth: depth)))
        }
    }
}
