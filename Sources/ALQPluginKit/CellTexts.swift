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
    /// The texts, in memory of their own, so that writing a cell reads through one reference.
    @usableFromInline let storage: Storage

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
            // The numbers' texts as alq wrote them, where they are (a null's start marks it).
            storage = Storage(
                bytes: numbers.textBytes, null: null, ends: numbers.textEnds,
                starts: numbers.hasNulls
                    ? (0..<numbers.count).map { numbers.nulls[$0] ? -1 : numbers.textStarts[$0] }
                    : numbers.textStarts)
            return
        case .numbers(let numbers):
            starts.reserveCapacity(numbers.count)
            ends.reserveCapacity(numbers.count)
            numbers.textBytes.withUnsafeBufferPointer { bytes in
                for row in 0..<numbers.count {
                    if numbers.isNull(row) {
                        starts.append(-1)
                    } else {
                        starts.append(Int32(truncatingIfNeeded: made.count))
                        made.write(before)
                        made.write(
                            bytes: UnsafeBufferPointer(
                                rebasing: bytes[Int(numbers.textStarts[row])..<Int(numbers.textEnds[row])]))
                        made.write(after)
                    }
                    ends.append(Int32(truncatingIfNeeded: made.count))
                }
            }
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
        storage = Storage(bytes: made.bytes, null: null, ends: ends, starts: starts)
    }

    /// The texts of `column`, strings as they are (see ``init(_:null:before:after:text:)``).
    public init(_ column: TypedColumn, null: String = "", before: String = "", after: String = "") {
        self.init(column, null: null, before: before, after: after) { $1.write($0) }
    }

    /// The texts' bytes, and where each row's text is, in memory that never moves.
    @usableFromInline
    final class Storage {
        /// The number of rows.
        @usableFromInline let count: Int
        @usableFromInline let bytes: UnsafeMutableBufferPointer<UInt8>
        /// Row `row`'s text is `bytes[starts[row]..<ends[row]]`; a start below 0 marks null.
        @usableFromInline let starts: UnsafeMutableBufferPointer<Int32>
        @usableFromInline let ends: UnsafeMutableBufferPointer<Int32>
        /// The text of a null cell.
        @usableFromInline let null: UnsafeMutableBufferPointer<UInt8>

        init(bytes: [UInt8], null: String, ends: [Int32], starts: [Int32]) {
            count = starts.count
            self.bytes = Self.copy(bytes)
            self.null = Self.copy(Array(null.utf8))
            self.starts = Self.copy(starts)
            self.ends = Self.copy(ends)
        }

        private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
            // At least one element, so that even an empty buffer has an address.
            let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
            _ = buffer.initialize(from: array)
            return UnsafeMutableBufferPointer(start: buffer.baseAddress, count: array.count)
        }

        deinit {
            bytes.deallocate()
            null.deallocate()
            starts.deallocate()
            ends.deallocate()
        }
    }

    /// The number of rows.
    public var count: Int { storage.count }

    /// Appends row `row`'s text to `output`.
    @inlinable
    public func write(_ row: Int, to output: inout PluginOutput) {
        let storage = self.storage
        precondition(row >= 0 && row < storage.count, "row \(row) of a column of \(storage.count) rows")
        let start = Int(storage.starts[row])
        if start < 0 {
            output.write(bytes: UnsafeBufferPointer(storage.null))
        } else {
            output.write(
                bytes: UnsafeBufferPointer(
                    start: storage.bytes.baseAddress! + start, count: Int(storage.ends[row]) - start))
        }
    }

    /// Row `row`'s text.
    public func text(_ row: Int) -> String {
        var output = PluginOutput()
        write(row, to: &output)
        return String(decoding: output.bytes, as: UTF8.self)
    }
}
