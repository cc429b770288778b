/// The cells of a ``TypedColumn`` as text, ready to copy into the output row by row: for a text format
/// (HTML, CSV, Markdown, …), each distinct text is made once and writing a cell is one copy.
///
/// Numbers are written as alq wrote them (`2024`, `33.69`, `1e-07`: digits, `-`, `.`, `e`, `+`, which no
/// text format needs to escape). Every other cell goes through `text` once per distinct text: the strings
/// of a dictionary-encoded column once per batch, booleans as `true` and `false`, and lists, records and
/// values of mixed columns as their ``JSONValue/plainText``. A null cell is `null`. Each text may be
/// wrapped in `before` and `after`, so that a cell with its markup is one copy too.
///
/// ```swift
/// let cells = batch.columns.map { CellTexts($0, before: "<td>", after: "</td>", text: Self.escape) }
/// for row in 0..<batch.length { for column in cells { column.write(row, to: &output) } }
/// ```
public struct CellTexts {
    /// The texts, in memory of their own, kept as long as this value.
    @usableFromInline let storage: Storage
    /// Where the texts are in ``storage``: writing a cell reads these, not the reference.
    @usableFromInline let cells: Cells

    /// The texts of `column`: `text` appends the text of a string (or of another value's plain text) to
    /// the output it is given; `null` is the text of a null cell; every cell's text, null or not, is
    /// written between `before` and `after` (such as `<td>` and `</td>`).
    public init(
        _ column: TypedColumn, null: String = "", before: String = "", after: String = "",
        text: (String, inout PluginOutput) throws -> Void
    ) rethrows {
        var made = PluginOutput()
        var starts: [Int32] = []
        var ends: [Int32] = []
        let null = before + null + after
        switch column {
        case .numbers(let numbers) where before.isEmpty && after.isEmpty:
            // The numbers' texts as alq wrote them: the span of the message that holds them (a null's start
            // marks it).
            let first = numbers.textStarts.min() ?? 0
            let last = max(first, numbers.textEnds.max() ?? 0)
            let storage = Storage(
                bytes: Array(numbers.textBytes[Int(first)..<Int(last)]), null: null,
                ends: numbers.textEnds.map { $0 - first },
                starts: (0..<numbers.count).map { numbers.isNull($0) ? -1 : numbers.textStarts[$0] - first })
            self.init(storage)
            return
        case .numbers(let numbers):
            self.init(Self.numbers(numbers, null: null, before: before, after: after))
            return
        case .strings(let strings):
            var pieceStarts: [Int32] = []
            var pieceEnds: [Int32] = []
            pieceStarts.reserveCapacity(strings.dictionary.count)
            pieceEnds.reserveCapacity(strings.dictionary.count)
            for string in strings.dictionary {
                pieceStarts.append(Int32(truncatingIfNeeded: made.count))
                made.write(before)
                try text(string, &made)
                made.write(after)
                pieceEnds.append(Int32(truncatingIfNeeded: made.count))
            }
            starts = [Int32](repeating: -1, count: strings.count)
            ends = [Int32](repeating: 0, count: strings.count)
            for (row, code) in strings.codes.enumerated() where code >= 0 {
                starts[row] = pieceStarts[Int(code)]
                ends[row] = pieceEnds[Int(code)]
            }
        case .bools(let bools):
            made.write(before)
            try text("true", &made)
            made.write(after)
            let trueEnd = Int32(truncatingIfNeeded: made.count)
            made.write(before)
            try text("false", &made)
            made.write(after)
            let falseEnd = Int32(truncatingIfNeeded: made.count)
            starts = bools.values.map { $0 == nil ? -1 : $0! ? 0 : trueEnd }
            ends = bools.values.map { $0 == true ? trueEnd : falseEnd }
        case .values(let values):
            starts.reserveCapacity(values.count)
            ends.reserveCapacity(values.count)
            for value in values {
                let start = Int32(truncatingIfNeeded: made.count)
                switch value {
                case .null: starts.append(-1)
                case .number(let number):
                    made.write(before)
                    made.write(number.text)
                    made.write(after)
                    starts.append(start)
                default:
                    made.write(before)
                    try text(value.plainText, &made)
                    made.write(after)
                    starts.append(start)
                }
                ends.append(Int32(truncatingIfNeeded: made.count))
            }
        }
        self.init(Storage(bytes: made.bytes, null: null, ends: ends, starts: starts))
    }

    /// The texts in `storage`.
    init(_ storage: Storage) {
        self.storage = storage
        cells = Cells(storage)
    }

    /// The texts of `column`, strings as they are (see ``init(_:null:before:after:text:)``).
    public init(_ column: TypedColumn, null: String = "", before: String = "", after: String = "") {
        self.init(column, null: null, before: before, after: after) { $1.write($0) }
    }

    /// Each number between `before` and `after`, made in one buffer of the size they need.
    private static func numbers(_ numbers: TypedColumn.Numbers, null: String, before: String, after: String)
        -> Storage
    {
        let before = Array(before.utf8) + Array(repeating: 0, count: Storage.padding)
        let after = Array(after.utf8) + Array(repeating: 0, count: Storage.padding)
        let wrapping = before.count + after.count - 2 * Storage.padding
        let count = numbers.count
        return numbers.textBytes.withUnsafeBufferPointer { texts in
            numbers.textStarts.withUnsafeBufferPointer { textStarts in
                numbers.textEnds.withUnsafeBufferPointer { textEnds in
                    numbers.nulls.withUnsafeBufferPointer { nulls in
                        var size = 0
                        for row in 0..<count where nulls.isEmpty || !nulls[row] {
                            size += Int(textEnds[row] &- textStarts[row]) + wrapping
                        }
                        let storage = Storage(count: count, byteCount: size, null: null)
                        let target = storage.bytes.baseAddress!
                        let textLimit = texts.baseAddress.map { $0 + texts.count }
                        var written = 0
                        for row in 0..<count {
                            if !nulls.isEmpty, nulls[row] {
                                storage.starts[row] = -1
                                storage.ends[row] = 0
                                continue
                            }
                            storage.starts[row] = Int32(truncatingIfNeeded: written)
                            before.withUnsafeBufferPointer {
                                copy(
                                    $0.baseAddress!, $0.count - Storage.padding, limit: $0.baseAddress! + $0.count,
                                    to: target, at: &written)
                            }
                            let start = Int(textStarts[row])
                            copy(
                                texts.baseAddress! + start, Int(textEnds[row]) - start, limit: textLimit!,
                                to: target, at: &written)
                            after.withUnsafeBufferPointer {
                                copy(
                                    $0.baseAddress!, $0.count - Storage.padding, limit: $0.baseAddress! + $0.count,
                                    to: target, at: &written)
                            }
                            storage.ends[row] = Int32(truncatingIfNeeded: written)
                        }
                        return storage
                    }
                }
            }
        }
    }

    /// Copies `count` bytes from `source` to `target + offset` and moves `offset` past them, eight bytes
    /// at a time where reading up to seven bytes more stays before `limit`; the target must have
    /// ``Storage/padding`` bytes to spare after them.
    @inline(__always)
    static func copy(
        _ source: UnsafePointer<UInt8>, _ count: Int, limit: UnsafePointer<UInt8>,
        to target: UnsafeMutablePointer<UInt8>, at offset: inout Int
    ) {
        let destination = UnsafeMutableRawPointer(target + offset)
        if count <= 16, source + 16 <= limit {
            let raw = UnsafeRawPointer(source)
            destination.storeBytes(of: raw.loadUnaligned(as: UInt64.self), as: UInt64.self)
            (destination + 8).storeBytes(of: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self), as: UInt64.self)
        } else if count > 0 {
            destination.copyMemory(from: source, byteCount: count)
        }
        offset += count
    }

    /// The texts' bytes, and where each row's text is, in memory that never moves.
    @usableFromInline
    final class Storage {
        /// The bytes after the texts and after the null text that may be read and written (and are
        /// ignored), so that a short text is copied as two eight-byte words.
        static let padding = 16
        /// The number of rows.
        @usableFromInline let count: Int
        @usableFromInline let bytes: UnsafeMutableBufferPointer<UInt8>
        /// Row `row`'s text is `bytes[starts[row]..<ends[row]]`; a start below 0 marks null.
        @usableFromInline let starts: UnsafeMutableBufferPointer<Int32>
        @usableFromInline let ends: UnsafeMutableBufferPointer<Int32>
        /// The text of a null cell.
        @usableFromInline let null: UnsafeMutableBufferPointer<UInt8>

        /// Room for `count` rows whose texts take `byteCount` bytes, to be filled in.
        init(count: Int, byteCount: Int, null: String) {
            self.count = count
            bytes = Self.allocate(byteCount, padding: Self.padding)
            self.null = Self.allocate(null.utf8.count, padding: Self.padding)
            _ = self.null.initialize(from: null.utf8)
            starts = Self.allocate(count, padding: 1)
            ends = Self.allocate(count, padding: 1)
        }

        convenience init(bytes: [UInt8], null: String, ends: [Int32], starts: [Int32]) {
            self.init(count: starts.count, byteCount: bytes.count, null: null)
            _ = self.bytes.initialize(from: bytes)
            _ = self.starts.initialize(from: starts)
            _ = self.ends.initialize(from: ends)
        }

        /// Room for `count` values, each written before it is read, and `padding` zeros after them (so that
        /// even no values have an address).
        private static func allocate<T: FixedWidthInteger>(_ count: Int, padding: Int) -> UnsafeMutableBufferPointer<T>
        {
            let start = UnsafeMutablePointer<T>.allocate(capacity: count + padding)
            (start + count).initialize(repeating: 0, count: padding)
            return UnsafeMutableBufferPointer(start: start, count: count)
        }

        deinit {
            bytes.deallocate()
            null.deallocate()
            starts.deallocate()
            ends.deallocate()
        }
    }

    /// Where a ``Storage``'s texts are: plain pointers, valid while the storage lives.
    @usableFromInline
    struct Cells {
        @usableFromInline let count: Int
        @usableFromInline let bytes: UnsafePointer<UInt8>
        @usableFromInline let starts: UnsafePointer<Int32>
        @usableFromInline let ends: UnsafePointer<Int32>
        @usableFromInline let null: UnsafePointer<UInt8>
        @usableFromInline let nullCount: Int
        /// The bytes of all the rows' texts together.
        @usableFromInline let byteCount: Int
        /// The end of the memory a copy of a text may read (the padding after the texts, or after the
        /// null text, whichever comes last).
        let limit: UnsafePointer<UInt8>

        init(_ storage: Storage) {
            count = storage.count
            bytes = UnsafePointer(storage.bytes.baseAddress!)
            starts = UnsafePointer(storage.starts.baseAddress!)
            ends = UnsafePointer(storage.ends.baseAddress!)
            null = UnsafePointer(storage.null.baseAddress!)
            nullCount = storage.null.count
            limit = max(
                UnsafePointer(storage.bytes.baseAddress! + storage.bytes.count + Storage.padding),
                UnsafePointer(storage.null.baseAddress! + storage.null.count + Storage.padding))
            var total = 0
            for row in 0..<count { total += starts[row] < 0 ? nullCount : Int(ends[row] &- starts[row]) }
            byteCount = total
        }

        /// Row `row`'s text.
        @inlinable @inline(__always)
        func text(_ row: Int) -> (UnsafePointer<UInt8>, Int) {
            let start = Int(starts[row])
            return start < 0 ? (null, nullCount) : (bytes + start, Int(ends[row]) - start)
        }
    }

    /// The number of rows.
    public var count: Int { cells.count }

    /// Appends row `row`'s text to `output`.
    @inlinable
    public func write(_ row: Int, to output: inout PluginOutput) {
        precondition(row >= 0 && row < cells.count, "row \(row) of a column of \(cells.count) rows")
        let (start, count) = cells.text(row)
        withExtendedLifetime(storage) { output.write(bytes: UnsafeBufferPointer(start: start, count: count)) }
    }

    /// Appends every row of `columns` (all of one length) to `output`: `start`, the row's cells with
    /// `separator` between them, and `end`. The bytes are those of writing each piece with
    /// ``write(_:to:)``, made with one reservation for the whole batch instead of one per cell.
    ///
    /// ```swift
    /// CellTexts.writeRows(cells, start: "<tr>", end: "</tr>\n", to: &output)   // an HTML table's rows
    /// CellTexts.writeRows(cells, separator: ",", to: &output)                   // CSV
    /// ```
    public static func writeRows(
        _ columns: [CellTexts], start: String = "", separator: String = "", end: String = "\n",
        to output: inout PluginOutput
    ) {
        let rows = columns.first?.count ?? 0
        precondition(columns.allSatisfy { $0.count == rows }, "columns of different lengths")
        let start = Array(start.utf8)
        let separator = Array(separator.utf8)
        let end = Array(end.utf8)
        let cells = columns.map(\.cells)
        var total = rows * (start.count + end.count + max(0, columns.count - 1) * separator.count)
        for column in cells { total += column.byteCount }
        let target = output.reserve(total + Storage.padding)
        var written = 0
        let pieces = [start, separator, end].map { $0 + Array(repeating: 0, count: Storage.padding) }
        withExtendedLifetime(columns) {
            cells.withUnsafeBufferPointer { cells in
                pieces[0].withUnsafeBufferPointer { start in
                    pieces[1].withUnsafeBufferPointer { separator in
                        pieces[2].withUnsafeBufferPointer { end in
                            func piece(_ piece: UnsafeBufferPointer<UInt8>) {
                                copy(
                                    piece.baseAddress!, piece.count - Storage.padding,
                                    limit: piece.baseAddress! + piece.count, to: target, at: &written)
                            }
                            for row in 0..<rows {
                                piece(start)
                                for (index, column) in cells.enumerated() {
                                    if index > 0 { piece(separator) }
                                    let (bytes, count) = column.text(row)
                                    copy(bytes, count, limit: column.limit, to: target, at: &written)
                                }
                                piece(end)
                            }
                        }
                    }
                }
            }
        }
        precondition(written == total, "rows of another size than counted")
        output.count += total
        output.storage.end.pointee = output.count
    }

    /// Row `row`'s text.
    public func text(_ row: Int) -> String {
        var output = PluginOutput()
        write(row, to: &output)
        return String(decoding: output.bytes, as: UTF8.self)
    }
}
