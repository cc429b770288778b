import ALQJSON
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
    /// Whether the columns the parse skipped held only valid UTF-8 (see ``CSVChunkParser/parse(_:from:width:delimiter:onlyStrings:skipping:)``).
    var skippedValidUTF8 = true
}

/// Parses one chunk of records into typed column builders.
enum CSVChunkParser {
    /// The records of `bytes` from `start` (a record start), each field appended to its column's
    /// builder with its type inferred; a column that turns out not to be numeric or boolean within the
    /// chunk is read again as strings. With `onlyStrings`, only the columns it marks are read, as
    /// strings. With `skipping`, the columns it marks are only split off their records (their builders
    /// stay empty), and `skippedValidUTF8` says whether their text was all valid UTF-8, as reading
    /// them would have required. Stops early (with what it has) when the statement is interrupted.
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, width: Int, delimiter: UInt8, onlyStrings: [Bool]? = nil,
        skipping: [Bool]? = nil
    ) throws(CSVScanner.Failure) -> (builders: [ColumnBuilder], rows: Int, skippedValidUTF8: Bool) {
        var builders = [ColumnBuilder](repeating: ColumnBuilder(), count: width)
        let lines = lineCount(bytes, from: start)
        let skipped = skipping ?? [Bool](repeating: false, count: width)
        for index in 0..<width where !skipped[index] { builders[index].reserveCapacity(rows: lines) }
        var scanner = CSVScanner(bytes, from: start, delimiter: delimiter)
        if let onlyStrings {
            for index in 0..<width where onlyStrings[index] { builders[index].restartAsStrings() }
            let rows = try appendStrings(&scanner, width: width, columns: onlyStrings, to: &builders)
            return (builders, rows, true)
        }
        var skippedValidUTF8 = true
        // Through buffer pointers: no copy-on-write check or bounds check per field.
        let rows = try builders.withUnsafeMutableBufferPointer { columns throws(CSVScanner.Failure) in
            try skipped.withUnsafeBufferPointer { skipped throws(CSVScanner.Failure) in
                try scan(&scanner, width: width) { column, field, quoted in
                    if skipped[column] {
                        if skippedValidUTF8, !isASCII(field), !JSONScanner.isValidUTF8(field) {
                            skippedValidUTF8 = false
                        }
                    } else if field.isEmpty && !quoted {
                        columns[column].appendNull()
                    } else if let text = CSVFormulaGuard.unprotected(field) {
                        columns[column].appendTextAsString(text)
                    } else {
                        columns[column].appendText(field)
                    }
                } missing: { column in
                    if !skipped[column] { columns[column].appendNull() }
                }
            }
        }
        let again = builders.map(\.needsStringPass)
        if again.contains(true) {
            for index in 0..<width where again[index] { builders[index].restartAsStrings() }
            var rescan = CSVScanner(bytes, from: start, delimiter: delimiter)
            _ = try appendStrings(&rescan, width: width, columns: again, to: &builders)
        }
        return (builders, rows, skippedValidUTF8)
    }

    /// Whether every byte is below 0x80, eight at a time.
    @inline(__always)
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var seen: UInt64 = 0
        var i = 0
        while i + 8 <= bytes.count {
            seen |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < bytes.count {
            seen |= UInt64(base[i])
            i += 1
        }
        return seen & 0x8080_8080_8080_8080 == 0
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
