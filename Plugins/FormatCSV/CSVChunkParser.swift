import ALQRuntime

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The columns of one chunk's records, typed as if the chunk were the whole body (see ``CSVReader``
/// for how the chunks' types are reconciled).
struct CSVChunkColumns: Sendable {
    var builders: [ColumnBuilder]
    var rows: Int
    /// The input offsets of the chunk's records: from the first record after the header to the end.
    var start: Int
    var end: Int
}

/// Parses one chunk of records into typed column builders.
enum CSVChunkParser {
    /// The records of `bytes` from `start` (a record start), each field appended to its column's
    /// builder with its type inferred; a column that turns out not to be numeric or boolean within the
    /// chunk is read again as strings. With `onlyStrings`, only the columns it marks are read, as
    /// strings. Stops early (with what it has) when the statement is interrupted.
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, width: Int, delimiter: UInt8, onlyStrings: [Bool]? = nil
    ) throws(CSVScanner.Failure) -> (builders: [ColumnBuilder], rows: Int) {
        var builders = [ColumnBuilder](repeating: ColumnBuilder(), count: width)
        let lines = lineCount(bytes, from: start)
        for index in 0..<width { builders[index].reserveCapacity(rows: lines) }
        var scanner = CSVScanner(bytes, from: start, delimiter: delimiter)
        if let onlyStrings {
            for index in 0..<width where onlyStrings[index] { builders[index].restartAsStrings() }
            let rows = try appendStrings(&scanner, width: width, columns: onlyStrings, to: &builders)
            return (builders, rows)
        }
        let rows = try scan(&scanner, width: width) { column, field, quoted in
            if field.isEmpty && !quoted {
                builders[column].appendNull()
            } else if let text = CSVFormulaGuard.unprotected(field) {
                builders[column].appendTextAsString(text)
            } else {
                builders[column].appendText(field)
            }
        } missing: { column in
            builders[column].appendNull()
        }
        let again = builders.map(\.needsStringPass)
        if again.contains(true) {
            for index in 0..<width where again[index] { builders[index].restartAsStrings() }
            var rescan = CSVScanner(bytes, from: start, delimiter: delimiter)
            _ = try appendStrings(&rescan, width: width, columns: again, to: &builders)
        }
        return (builders, rows)
    }

    /// The number of line ends from `start` (LFs, or CRs in a file without LFs), plus one: at least the
    /// number of records, and exactly it in a file without line breaks inside quotes or blank lines.
    private static func lineCount(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress, start < bytes.count else { return 0 }
        func count(_ byte: UInt8) -> Int {
            var found = 0
            var position = base + start
            let end = base + bytes.count
            while position < end, let hit = memchr(position, Int32(byte), end - position) {
                found += 1
                position = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) + 1
            }
            return found
        }
        let lineFeeds = count(10)
        return 1 + (lineFeeds > 0 ? lineFeeds : count(13))
    }

    private static func appendStrings(
        _ scanner: inout CSVScanner, width: Int, columns: [Bool], to builders: inout [ColumnBuilder]
    ) throws(CSVScanner.Failure) -> Int {
        try scan(&scanner, width: width) { column, field, quoted in
            guard columns[column] else { return }
            if field.isEmpty && !quoted {
                builders[column].appendNull()
            } else {
                builders[column].appendString(utf8: CSVFormulaGuard.unprotected(field) ?? field)
            }
        } missing: { column in
            if columns[column] { builders[column].appendNull() }
        }
    }

    /// Reads every record from the scanner's position, handing each field to `field`; returns the
    /// record count.
    static func scan(
        _ scanner: inout CSVScanner, width: Int,
        field: (Int, UnsafeBufferPointer<UInt8>, Bool) -> Void, missing: (Int) -> Void
    ) throws(CSVScanner.Failure) -> Int {
        var rows = 0
        while scanner.startRecord(blankLinesAreRecords: width == 1) {
            let recordStart = scanner.position
            var column = 0
            repeat {
                let (bytes, quoted) = try scanner.nextField()
                if column < width {
                    field(column, bytes, quoted)
                } else if !(bytes.isEmpty && !quoted && scanner.atRecordEnd && column == width) {
                    throw CSVScanner.Failure(
                        offset: recordStart, message: "this record has more fields than the header's \(width)")
                }
                column += 1
            } while !scanner.atRecordEnd
            while column < width {
                missing(column)
                column += 1
            }
            rows += 1
            if rows & 0x3FFF == 0, Interruption.isRequested { break }
        }
        return rows
    }
}
