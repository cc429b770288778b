import ALQPluginAPI
import ALQRuntime
import ALQSyntax
import ALQSystem

extension CSVFormat: ChunkedReader {
    /// Reads a regular file a chunk at a time (see ``CSVReader/readChunks(_:name:delimiter:hasHeader:columns:chunkSize:workers:isCancelled:body:)``);
    /// anything else, or reader options, is not read this way.
    public func readChunks(
        path: String, options read: ReadOptions, columns: Set<String>?, chunkSize: Int?, isCancelled: (() -> Bool)?,
        body: (Table) throws(Diagnostic) -> Bool
    ) throws(Diagnostic) -> Bool {
        guard read.formatOptions.isEmpty, let file = FileRegions(path: path) else { return false }
        return try CSVReader.readChunks(
            .file(file, name: path), name: path, delimiter: read.delimiter ?? options.delimiter,
            hasHeader: read.header, columns: columns, chunkSize: chunkSize ?? CSVReader.defaultChunkSize,
            isCancelled: isCancelled, body: body)
    }
}

extension CSVReader {
    /// How the first chunks read a column; later chunks must read it the same way, since the chunks
    /// already handed over cannot be read again.
    private enum Shape: Equatable {
        /// Only nulls: the whole column's type is not known yet.
        case nulls
        case numbers(isInteger: Bool)
        case quantities
        case bools
        case strings
        case dates
        case other

        init(_ column: Column, builder: ColumnBuilder) {
            if builder.holdsOnlyNulls {
                self = .nulls
                return
            }
            switch column {
            case .number(let numbers): self = .numbers(isInteger: numbers.isInteger)
            case .quantity: self = .quantities
            case .bool: self = .bools
            case .string: self = .strings
            case .mixed: self = builder.holdsStrings ? .dates : .other
            }
        }
    }

    /// Reads `input` a chunk at a time as ``read(_:name:delimiter:hasHeader:chunkSize:workers:isCancelled:)``
    /// does, but hands each chunk's records to `body` as a table, in input order, instead of joining
    /// them; only the chunks being parsed and the one handed over are held.
    ///
    /// Each chunk's columns get the types a single pass over the whole input gives, as far as the
    /// chunks read so far tell (the first chunks are held until each column has shown a value, see
    /// `ChunkHandover`): a column of strings is strings in every chunk (a later chunk that reads it as
    /// numbers is read again as strings, as the whole-file reader does), whole numbers that meet a
    /// fraction later become numbers that are not all whole, and a chunk with nulls only in a column
    /// gets nulls of the column's type. When a later chunk shows that the type already handed over was
    /// wrong (numbers, then text; nulls only, then values; dates, then other text; whole numbers, then
    /// fractions), or the input has no record, it returns `false` and the caller reads the whole input
    /// instead. Errors are those of `read`.
    ///
    /// With `columns`, the tables hold only the columns so named (in the file's order): the others are
    /// split off their records, which checks the records' shape as reading them does, but their text
    /// becomes no strings or numbers (see ``projection(_:columns:)``). A skipped field that is not valid
    /// UTF-8 (an error when the column is read) makes it return `false`.
    static func readChunks(
        _ input: CSVInput, name: String, delimiter: UInt8, hasHeader: Bool, columns: Set<String>? = nil,
        chunkSize: Int = defaultChunkSize, workers: Int = CSVParallelism.workers, isCancelled: (() -> Bool)? = nil,
        body: (Table) throws(Diagnostic) -> Bool
    ) throws(Diagnostic) -> Bool {
        var chunker = CSVChunker(chunkSize: chunkSize, delimiter: delimiter)
        guard let first = try chunker.next(from: input) else { return false }
        let found = try first.bytes.withUnsafeBufferPointer { data throws(Diagnostic) in
            try readLayout(data, name: name, input: input, delimiter: delimiter, hasHeader: hasHeader)
        }
        guard let layout = found else { return false }
        let width = layout.header.count
        let skipping = projection(layout, columns: columns)
        let parsing = CSVParallelParse(workers: input.size > chunkSize ? workers : 1)
        defer { _ = parsing.finish() }
        var handover = ChunkHandover(
            layout: layout, name: name, input: input, kept: (0..<width).filter { skipping?[$0] != true },
            width: width, delimiter: delimiter)

        var chunk: CSVChunk? = first
        var next = 0
        while let current = chunk {
            if isCancelled?() == true { throw Diagnostic(.interrupted, "interrupted while reading '\(name)'") }
            try Interruption.check()
            if parsing.hasFailed { break }
            parsing.submit(
                current, from: current.index == 0 ? layout.bodyStart : 0, width: width, delimiter: delimiter,
                skipping: skipping)
            while let part = parsing.take(next) {
                next += 1
                guard part.skippedValidUTF8, try handover.handOver(part, to: body) else { return false }
            }
            chunk = try chunker.next(from: input)
        }
        let rest = parsing.finish()
        try Interruption.check()
        if let failure = parsing.firstFailure {
            throw try malformed(name, input, offset: failure.offset, failure.message)
        }
        for part in rest {
            if isCancelled?() == true { throw Diagnostic(.interrupted, "interrupted while reading '\(name)'") }
            guard part.skippedValidUTF8, try handover.handOver(part, to: body) else { return false }
        }
        return try handover.finish(body)
    }

    /// Which columns of the layout a read that needs only `columns` may skip; `nil` to read them all:
    /// when `columns` is `nil`, names none of the file's columns, or the header gives a column a unit
    /// (`value [CNY]`: the column's name then depends on how its values read, so every column is read
    /// to name them as the whole-file read does).
    static func projection(_ layout: (header: [String], units: [Dimension?], bodyStart: Int), columns: Set<String>?)
        -> [Bool]?
    {
        guard let columns, layout.units.allSatisfy({ $0 == nil }) else { return nil }
        let skipping = layout.header.map { !columns.contains($0) }
        guard skipping.contains(true), skipping.contains(false) else { return nil }
        return skipping
    }

    /// Turns each chunk's builders into a table whose columns have the types the first chunks show.
    ///
    /// The first chunks are held until every column has shown a value in one of them (or
    /// ``heldChunks`` are held): a column's type is that of the first chunk with a value in it, whole
    /// numbers only if they are in every held chunk.
    private struct ChunkHandover {
        /// How many chunks are held at most before the columns' types are settled.
        static let heldChunks = 4

        let layout: (header: [String], units: [Dimension?], bodyStart: Int)
        let name: String
        let input: CSVInput
        /// The indices of the columns read (and handed over), in the file's order.
        let kept: [Int]
        let width: Int
        let delimiter: UInt8
        /// The columns' shapes once settled, and columns of their types without rows (to make nulls).
        private var shapes: [Shape]?
        private var empty: [Column] = []
        private var names: [String] = []
        private var held: [CSVChunkColumns] = []

        init(
            layout: (header: [String], units: [Dimension?], bodyStart: Int), name: String, input: CSVInput,
            kept: [Int], width: Int, delimiter: UInt8
        ) {
            self.layout = layout
            self.name = name
            self.input = input
            self.kept = kept
            self.width = width
            self.delimiter = delimiter
        }

        /// Hands the chunk to `body` as a table, or holds it while the types are not settled; `false`
        /// when a chunk reads a column otherwise than the types settled, or `body` stops. Chunks
        /// without records before the first that has some (the header alone) are not handed over.
        mutating func handOver(_ part: CSVChunkColumns, to body: (Table) throws(Diagnostic) -> Bool)
            throws(Diagnostic) -> Bool
        {
            guard shapes == nil else {
                guard let table = try table(part) else { return false }
                return try body(table)
            }
            if part.rows == 0 && held.isEmpty { return true }
            held.append(part)
            let shown = kept.allSatisfy { index in held.contains { !$0.builders[index].holdsOnlyNulls } }
            guard shown || held.count >= Self.heldChunks else { return true }
            return try release(to: body)
        }

        /// Hands over the chunks still held at the end of the input; `false` when none had a record.
        mutating func finish(_ body: (Table) throws(Diagnostic) -> Bool) throws(Diagnostic) -> Bool {
            if shapes == nil, !held.isEmpty { return try release(to: body) }
            return shapes != nil
        }

        /// Settles the types from the held chunks and hands them over.
        private mutating func release(to body: (Table) throws(Diagnostic) -> Bool) throws(Diagnostic) -> Bool {
            var found: [Shape] = []
            var columns: [Column] = []
            for index in kept {
                let shown = held.filter { !$0.builders[index].holdsOnlyNulls }
                let builder = (shown.first ?? held[0]).builders[index]
                let column = try CSVReader.column(
                    builder, unit: layout.units[index], inferringDates: true, name: name, header: layout.header[index])
                var shape = Shape(column, builder: builder)
                if case .numbers(true) = shape {
                    for part in shown.dropFirst() {
                        let other = try CSVReader.column(
                            part.builders[index], unit: nil, inferringDates: false, name: name,
                            header: layout.header[index])
                        if case .number(let numbers) = other, !numbers.isInteger { shape = .numbers(isInteger: false) }
                    }
                }
                found.append(shape)
                columns.append(column)
            }
            shapes = found
            empty = columns.map { $0.prefix(0) }
            // Only a layout without units is read in part (`projection`): its names are the header's.
            names = kept.count == width ? CSVReader.columnNames(layout, columns) : kept.map { layout.header[$0] }
            let parts = held
            held = []
            for part in parts {
                guard let table = try table(part), try body(table) else { return false }
            }
            return true
        }

        /// The chunk as a table, or `nil` when it reads a column otherwise than the first chunk did.
        private mutating func table(_ part: CSVChunkColumns) throws(Diagnostic) -> Table? {
            var part = part
            var columns: [Column] = []
            columns.reserveCapacity(kept.count)
            guard let shapes else { return nil }
            for (position, index) in kept.enumerated() {
                var builder = ColumnBuilder()
                swap(&builder, &part.builders[index])
                let shape = shapes[position]
                if builder.holdsOnlyNulls {
                    columns.append(
                        shape == .nulls
                            ? try CSVReader.column(
                                builder, unit: nil, inferringDates: false, name: name, header: layout.header[index])
                            : try empty[position].gather(orNull: [Int](repeating: -1, count: part.rows)))
                    continue
                }
                switch shape {
                case .nulls, .other:
                    return nil
                case .strings, .dates:
                    if !builder.holdsStrings {
                        builder = try CSVReader.readAgainAsStrings(
                            input, part, column: index, width: width, name: name, delimiter: delimiter)
                    }
                    let column = try CSVReader.column(
                        builder, unit: layout.units[index], inferringDates: shape == .dates, name: name,
                        header: layout.header[index])
                    guard Shape(column, builder: builder) == shape else { return nil }
                    columns.append(column)
                case .numbers(let wholeNumbers):
                    let column = try CSVReader.column(
                        builder, unit: nil, inferringDates: false, name: name, header: layout.header[index])
                    guard case .number(var numbers) = column, !builder.holdsStrings else { return nil }
                    if numbers.isInteger != wholeNumbers {
                        guard !wholeNumbers else { return nil }
                        numbers.isInteger = false
                    }
                    columns.append(.number(numbers))
                case .quantities, .bools:
                    let column = try CSVReader.column(
                        builder, unit: layout.units[index], inferringDates: false, name: name,
                        header: layout.header[index])
                    guard Shape(column, builder: builder) == shape else { return nil }
                    columns.append(column)
                }
            }
            return Table(columnNames: names, columns: columns, rowCount: part.rows)
        }
    }
}
