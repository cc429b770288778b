import ALQRuntime
import ALQSyntax

extension CSVReader {
    /// The columns of a CSV file from its header record alone: the names `open` gives them, and the
    /// dimension of each `name [unit]` column. Other types need the rows, so they stay unknown.
    ///
    /// `nil` when `prefix` is not the whole file and the header record may go on past it, or when
    /// the header is malformed.
    static func readHeader(_ prefix: [UInt8], name: String, isWholeFile: Bool) -> TableSchema? {
        prefix.withUnsafeBufferPointer { data -> TableSchema? in
            var start = 0
            if data.count >= 3, data[0] == 0xEF, data[1] == 0xBB, data[2] == 0xBF { start = 3 }
            var scanner = CSVScanner(data, from: start)
            guard scanner.startRecord() else { return isWholeFile ? TableSchema([]) : nil }
            guard
                let (names, units) = try? readHeader(
                    &scanner, name: name, malformed: { _, message in Diagnostic(.malformedData, message) }),
                isWholeFile || scanner.position < data.count
            else { return nil }
            return TableSchema(zip(uniqueNames(names), units).map { SchemaColumn($0, $1.map(ColumnType.quantity)) })
        }
    }
}
