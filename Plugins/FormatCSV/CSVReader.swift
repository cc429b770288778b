import ALQRuntime
import ALQSyntax
import FormatSupport

/// Reads CSV bytes into a table: the first record is the header, types are inferred per column.
///
/// A UTF-8 byte order mark is skipped; LF, CRLF and CR line endings are accepted; a record with fewer
/// fields than the header is padded with nulls, one with more is an error. Blank lines are skipped,
/// except in a one-column file, where a blank line is a row whose cell is null (what the writer
/// writes for it). A header cell protected against formulas (`'=x`) loses its `'`, as data cells do.
enum CSVReader {
    static func read(_ bytes: [UInt8], name: String, delimiter: UInt8 = UInt8(ascii: ","), header: Bool = true)
        throws(Diagnostic) -> Table
    {
        let result: Result<Table, Diagnostic> = bytes.withUnsafeBufferPointer { data in
            do throws(Diagnostic) {
                return .success(try read(data, name: name, delimiter: delimiter, hasHeader: header))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private static func read(_ data: UnsafeBufferPointer<UInt8>, name: String, delimiter: UInt8, hasHeader: Bool)
        throws(Diagnostic) -> Table
    {
        var start = 0
        if data.count >= 3, data[0] == 0xEF, data[1] == 0xBB, data[2] == 0xBF { start = 3 }
        var scanner = CSVScanner(data, from: start, delimiter: delimiter)
        guard scanner.startRecord() else { return .empty }
        let firstRecord = scanner.position

        var (header, units) = try readHeader(&scanner, name: name)
        header = uniqueNames(header)
        var bodyStart = scanner.position
        if !hasHeader {
            header = (1...header.count).map { "column\($0)" }
            units = header.map { _ in nil }
            bodyStart = firstRecord
            scanner = CSVScanner(data, from: bodyStart, delimiter: delimiter)
        }
        let width = header.count

        var builders = [ColumnBuilder](repeating: ColumnBuilder(), count: width)
        let rowCount = try scan(&scanner, name: name, width: width) { column, field, quoted in
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

        // A column that turned out not to be numeric or boolean is read again, as strings.
        let again = (0..<width).map { builders[$0].needsStringPass }
        if again.contains(true) {
            for index in 0..<width where again[index] { builders[index].restartAsStrings() }
            var rescan = CSVScanner(data, from: bodyStart, delimiter: delimiter)
            _ = try scan(&rescan, name: name, width: width) { column, field, quoted in
                guard again[column] else { return }
                if field.isEmpty && !quoted {
                    builders[column].appendNull()
                } else {
                    builders[column].appendString(utf8: CSVFormulaGuard.unprotected(field) ?? field)
                }
            } missing: { column in
                if again[column] { builders[column].appendNull() }
            }
        }

        var columns: [Column] = []
        columns.reserveCapacity(width)
        for index in 0..<width {
            try Interruption.check()
            guard var column = builders[index].buildCheckingUTF8() else {
                throw Diagnostic(
                    .malformedData, "\(name): column '\(header[index])' holds text that is not valid UTF-8")
            }
            if let unit = units[index], case .number(let numbers) = column {
                column = .quantity(QuantityColumn(values: numbers.values, dimension: unit, validity: numbers.validity))
            }
            if case .string(let strings) = column, let dates = CalendarDate.column(inferredFrom: strings) {
                column = dates
            }
            columns.append(column)
        }
        for index in 0..<width where units[index] != nil {
            if case .quantity = columns[index] { continue }
            header[index] = "\(header[index]) [\(units[index]!.symbol)]"
        }
        return Table(columnNames: uniqueNames(header), columns: columns, rowCount: rowCount)
    }

    /// The header record's names, each without its `[unit]`, and the units (`name [CNY]`).
    static func readHeader(_ scanner: inout CSVScanner, name: String) throws(Diagnostic) -> (
        names: [String], units: [Dimension?]
    ) {
        var header: [String] = []
        var units: [Dimension?] = []
        do {
            repeat {
                let (field, _) = try scanner.nextField()
                guard let text = String(validating: field, as: UTF8.self) else {
                    throw malformed(name, scanner.data, offset: scanner.position, "the header is not valid UTF-8")
                }
                let cell =
                    text.hasPrefix("'") && CSVFormulaGuard.needsPrefix(text.utf8) ? String(text.dropFirst()) : text
                if let (plain, unit) = ExportLayout.splitHeader(cell) {
                    header.append(plain)
                    units.append(unit)
                } else {
                    header.append(cell)
                    units.append(nil)
                }
            } while !scanner.atRecordEnd
        } catch let failure as CSVScanner.Failure {
            throw malformed(name, scanner.data, offset: failure.offset, failure.message)
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic(.malformedData, "\(name): \(error)")
        }
        return (header, units)
    }

    /// Reads every record after the header, handing each field to `field`; returns the record count.
    private static func scan(
        _ scanner: inout CSVScanner, name: String, width: Int,
        field: (Int, UnsafeBufferPointer<UInt8>, Bool) -> Void, missing: (Int) -> Void
    ) throws(Diagnostic) -> Int {
        var rows = 0
        do throws(CSVScanner.Failure) {
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
        } catch {
            throw malformed(name, scanner.data, offset: error.offset, error.message)
        }
        try Interruption.check()
        return rows
    }

    private static func malformed(
        _ name: String, _ data: UnsafeBufferPointer<UInt8>, offset: Int, _ message: String
    ) -> Diagnostic {
        let (line, column) = CSVScanner.lineAndColumn(of: offset, in: data)
        return Diagnostic(.malformedData, "\(name):\(line):\(column): \(message)")
    }

    /// Names every column: empty names become `column1`, … and repeated names get `_2`, `_3`, ….
    static func uniqueNames(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        var nextSuffix: [String: Int] = [:]
        var result: [String] = []
        result.reserveCapacity(names.count)
        for (index, raw) in names.enumerated() {
            var name = raw.isEmpty ? "column\(index + 1)" : raw
            if seen.contains(name) {
                let base = name
                var suffix = nextSuffix[base] ?? 2
                while seen.contains("\(base)_\(suffix)") { suffix += 1 }
                name = "\(base)_\(suffix)"
                nextSuffix[base] = suffix + 1
            }
            seen.insert(name)
            result.append(name)
        }
        return result
    }
}
