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
    /// How many bytes a chunk of the input holds (records are never split; see ``CSVChunker``).
    static let defaultChunkSize = 8 << 20

    static func read(_ bytes: [UInt8], name: String, delimiter: UInt8 = UInt8(ascii: ","), header: Bool = true)
        throws(Diagnostic) -> Table
    {
        try read(.bytes(bytes), name: name, delimiter: delimiter, hasHeader: header)
    }

    /// Reads `input` a chunk at a time: the first chunk's header names the columns, then the chunks'
    /// records are parsed on up to `workers` threads while the next chunk is read, each into its own
    /// column builders, which are joined in order at the end. Only the chunks being parsed are held,
    /// not the whole input.
    ///
    /// A column is numbers (or bools) only if it is in every chunk; where chunks disagree, those that
    /// read it otherwise are read again, as strings for that column, so the types are those of a
    /// single pass over the whole input.
    static func read(
        _ input: CSVInput, name: String, delimiter: UInt8, hasHeader: Bool, chunkSize: Int = defaultChunkSize,
        workers: Int = CSVParallelism.workers, isCancelled: (() -> Bool)? = nil
    ) throws(Diagnostic) -> Table {
        var chunker = CSVChunker(chunkSize: chunkSize, delimiter: delimiter)
        guard let first = try chunker.next(from: input) else { return .empty }
        let layout = try first.bytes.withUnsafeBufferPointer { data throws(Diagnostic) in
            try readLayout(data, name: name, input: input, delimiter: delimiter, hasHeader: hasHeader)
        }
        guard let layout else { return .empty }
        let width = layout.header.count

        let parsing = CSVParallelParse(workers: input.size > chunkSize ? workers : 1)
        var chunk: CSVChunk? = first
        while let next = chunk {
            if isCancelled?() == true { throw Diagnostic(.interrupted, "interrupted while reading '\(name)'") }
            try Interruption.check()
            if parsing.hasFailed { break }
            let start = next.index == 0 ? layout.bodyStart : 0
            parsing.submit(next, from: start, width: width, delimiter: delimiter)
            chunk = try chunker.next(from: input)
        }
        var parts = parsing.finish()
        try Interruption.check()
        if let failure = parsing.firstFailure {
            throw try malformed(name, input, offset: failure.offset, failure.message)
        }

        // A column the chunks read as different kinds, or as strings in some, is strings in all.
        var columns: [Column] = []
        columns.reserveCapacity(width)
        for index in 0..<width {
            try Interruption.check()
            let asStrings = readsAsStrings(parts, column: index)
            var pieces: [ColumnBuilder] = []
            pieces.reserveCapacity(parts.count)
            for part in parts.indices {
                var piece = ColumnBuilder()
                swap(&piece, &parts[part].builders[index])
                if asStrings, !piece.holdsStrings, !piece.holdsOnlyNulls {
                    piece = try readAgainAsStrings(
                        input, parts[part], column: index, width: width, name: name, delimiter: delimiter)
                }
                pieces.append(piece)
            }
            let builder = ColumnBuilder.concatenating(&pieces)
            MemoryRelease.returnFreedMemory()
            columns.append(
                try column(
                    builder, unit: layout.units[index], inferringDates: true, name: name, header: layout.header[index]))
        }
        let rowCount = parts.reduce(0) { $0 + $1.rows }
        return Table(columnNames: columnNames(layout, columns), columns: columns, rowCount: rowCount)
    }

    /// The column a builder holds: numbers under a header with a unit (`value [CNY]`) as quantities,
    /// strings that are all dates as dates (with `inferringDates`); E0402 for text that is not UTF-8.
    static func column(_ builder: ColumnBuilder, unit: Dimension?, inferringDates: Bool, name: String, header: String)
        throws(Diagnostic) -> Column
    {
        guard var column = builder.buildCheckingUTF8() else {
            throw Diagnostic(.malformedData, "\(name): column '\(header)' holds text that is not valid UTF-8")
        }
        if let unit, case .number(let numbers) = column {
            column = .quantity(QuantityColumn(values: numbers.values, dimension: unit, validity: numbers.validity))
        }
        if inferringDates, case .string(let strings) = column, let dates = CalendarDate.column(inferredFrom: strings) {
            column = dates
        }
        return column
    }

    /// The names of the table's columns: a column with a unit in its header that is not read as
    /// quantities keeps the unit in its name.
    static func columnNames(_ layout: (header: [String], units: [Dimension?], bodyStart: Int), _ columns: [Column])
        -> [String]
    {
        var header = layout.header
        for index in 0..<header.count where layout.units[index] != nil {
            if case .quantity = columns[index] { continue }
            header[index] = "\(header[index]) [\(layout.units[index]!.symbol)]"
        }
        return uniqueNames(header)
    }

    /// Whether the chunks read a column as strings, or as different kinds (numbers in one, bools in
    /// another): then it is strings in all of them.
    private static func readsAsStrings(_ parts: [CSVChunkColumns], column: Int) -> Bool {
        var kind: ColumnBuilder?
        for part in parts where !part.builders[column].holdsOnlyNulls {
            let builder = part.builders[column]
            if builder.holdsStrings { return true }
            if let kind, !kind.storesLike(builder) { return true }
            if kind == nil { kind = builder }
        }
        return false
    }

    /// The column names and units, and where the first row starts in the first chunk; `nil` when the
    /// input holds no record.
    static func readLayout(
        _ data: UnsafeBufferPointer<UInt8>, name: String, input: CSVInput, delimiter: UInt8, hasHeader: Bool
    ) throws(Diagnostic) -> (header: [String], units: [Dimension?], bodyStart: Int)? {
        var start = 0
        if data.count >= 3, data[0] == 0xEF, data[1] == 0xBB, data[2] == 0xBF { start = 3 }
        var scanner = CSVScanner(data, from: start, delimiter: delimiter)
        guard scanner.startRecord() else { return nil }
        let firstRecord = scanner.position
        var (header, units) = try readHeader(&scanner, name: name) { offset, message throws(Diagnostic) in
            try malformed(name, input, offset: offset, message)
        }
        header = uniqueNames(header)
        if !hasHeader {
            return ((1...header.count).map { "column\($0)" }, header.map { _ in nil }, firstRecord)
        }
        return (header, units, scanner.position)
    }

    /// One column of a chunk's records, read again from the input as strings.
    static func readAgainAsStrings(
        _ input: CSVInput, _ part: CSVChunkColumns, column: Int, width: Int, name: String, delimiter: UInt8
    ) throws(Diagnostic) -> ColumnBuilder {
        let bytes = try input.read(part.end - part.start, at: part.start)
        let only = (0..<width).map { $0 == column }
        let result = bytes.withUnsafeBufferPointer { data in
            Result { () throws(CSVScanner.Failure) in
                try CSVChunkParser.parse(data, from: 0, width: width, delimiter: delimiter, onlyStrings: only)
            }
        }
        switch result {
        case .success(let parsed): return parsed.builders[column]
        case .failure(let failure):
            throw try malformed(name, input, offset: part.start + failure.offset, failure.message)
        }
    }

    /// The header record's names, each without its `[unit]`, and the units (`name [CNY]`).
    static func readHeader(
        _ scanner: inout CSVScanner, name: String,
        malformed: (Int, String) throws(Diagnostic) -> Diagnostic
    ) throws(Diagnostic) -> (names: [String], units: [Dimension?]) {
        var header: [String] = []
        var units: [Dimension?] = []
        do {
            repeat {
                let (field, _) = try scanner.nextField()
                guard let text = String(validating: field, as: UTF8.self) else {
                    throw try malformed(scanner.position, "the header is not valid UTF-8")
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
            throw try malformed(failure.offset, failure.message)
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic(.malformedData, "\(name): \(error)")
        }
        return (header, units)
    }

    /// E0402 naming the line and column of `offset` in the input, counted from its start.
    static func malformed(_ name: String, _ input: CSVInput, offset: Int, _ message: String)
        throws(Diagnostic) -> Diagnostic
    {
        let prefix = try input.read(offset + 1, at: 0)
        let (line, column) = prefix.withUnsafeBufferPointer { CSVScanner.lineAndColumn(of: offset, in: $0) }
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
