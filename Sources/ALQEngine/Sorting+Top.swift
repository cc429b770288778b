import ALQRuntime
import ALQSyntax

/// `sort … | take n` on number, quantity and string keys, on every core and without preparing whole key
/// columns: each part of the rows (``ALQRuntime/Parallel``) keeps its n best rows in a bounded max-heap,
/// reading each key's order as an integer straight from the column, and the parts' rows are then merged.
///
/// The integers are those of ``Sorting/encoded(_:descending:)`` (descending and nulls-last applied; a
/// string's is its rank in the sorted dictionary, computed once per dictionary entry, not per row), and
/// rows that tie on every key keep row order, so the rows found are exactly those of the full sort.
extension Sorting {
    /// One key, read row by row as an integer whose order is the key's sort order.
    struct RowCodes {
        private enum Source {
            case numbers([Double], validity: [Bool]?, flip: UInt64)
            case dictionary([Int32], codes: [UInt64])
        }

        private let source: Source

        /// The key's reader, or nil when the column's type has no integer order here (bools, boxed values)
        /// or it holds a NaN: the general path decides those.
        init?(_ column: Column, descending: Bool, checkNaN: Bool) {
            switch column {
            case .number(let numbers):
                self.init(numbers.values, numbers.validity, descending: descending, checkNaN: checkNaN)
            case .quantity(let quantities):
                self.init(quantities.values, quantities.validity, descending: descending, checkNaN: checkNaN)
            case .string(let strings):
                let ranks = Sorting.ranks(of: strings.dictionary)
                let top = UInt64(max(ranks.count, 1) - 1)
                self.init(
                    source: .dictionary(strings.codes, codes: ranks.map { descending ? top - UInt64($0) : UInt64($0) }))
            case .bool, .mixed:
                return nil
            }
        }

        private init?(_ values: [Double], _ validity: [Bool]?, descending: Bool, checkNaN: Bool) {
            if checkNaN, values.contains(where: \.isNaN) { return nil }
            self.init(source: .numbers(values, validity: validity, flip: descending ? ~0 : 0))
        }

        private init(source: Source) {
            self.source = source
        }

        /// The integer of a number: its bits, turned so that unsigned order is numeric order.
        @inline(__always)
        static func ordered(_ value: Double, flip: UInt64) -> UInt64 {
            // + 0 turns -0.0 into 0.0: they are equal, so they must tie.
            let bits = (value + 0).bitPattern
            return (bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)) ^ flip
        }

        /// The row's integer; a null is `UInt64.max`, after every value.
        func code(_ row: Int) -> UInt64 {
            switch source {
            case .numbers(let values, let validity, let flip):
                if let validity, !validity[row] { return .max }
                return Self.ordered(values[row], flip: flip)
            case .dictionary(let rows, let codes):
                return rows[row] < 0 ? .max : codes[Int(rows[row])]
            }
        }

        /// Calls `offer` with the integer of each row of `rows`, in order, in tight loops; false when a
        /// number in them is a NaN (then some rows may not have been offered).
        func scan(_ rows: Range<Int>, _ offer: (UInt64, Int) -> Void) -> Bool {
            switch source {
            case .numbers(let values, let validity, let flip):
                var sawNaN = false
                values.withUnsafeBufferPointer { values in
                    if let validity {
                        validity.withUnsafeBufferPointer { validity in
                            for row in rows {
                                let value = values[row]
                                if value.isNaN { sawNaN = true }
                                offer(validity[row] ? Self.ordered(value, flip: flip) : .max, row)
                            }
                        }
                    } else {
                        for row in rows {
                            let value = values[row]
                            if value.isNaN { sawNaN = true }
                            offer(Self.ordered(value, flip: flip), row)
                        }
                    }
                }
                return !sawNaN
            case .dictionary(let codes, let ranks):
                codes.withUnsafeBufferPointer { codes in
                    ranks.withUnsafeBufferPointer { ranks in
                        for row in rows {
                            let code = codes[row]
                            offer(code < 0 ? .max : ranks[Int(code)], row)
                        }
                    }
                }
                return true
            }
        }
    }

    /// The first `limit` rows (0 < limit) of the sorted order, or nil when a key has no integer order
    /// (the caller then takes the general path).
    static func topRowsInParallel(_ limit: Int, of columns: [Column], descending: [Bool]) throws(Diagnostic) -> [Int]? {
        guard let first = columns.first, limit > 0 else { return [] }
        // The first key is read in full by the scan, which looks for NaN as it goes.
        guard let leading = RowCodes(first, descending: descending[0], checkNaN: false) else { return nil }
        var others: [RowCodes] = []
        for (column, isDescending) in zip(columns.dropFirst(), descending.dropFirst()) {
            guard let key = RowCodes(column, descending: isDescending, checkNaN: true) else { return nil }
            others.append(key)
        }
        let order = TopOrder(others: others)
        // With one key, a row that ties the worst kept one comes after it (rows run in order): skip it.
        let skipsTies = others.isEmpty
        let parts = try Parallel.map(Parallel.ranges(first.count)) {
            (rows: Range<Int>) throws(Diagnostic) -> [TopEntry]? in
            var heap = TopHeap(limit: limit, order: order)
            for start in stride(from: rows.lowerBound, to: rows.upperBound, by: Interruption.rowsBetweenChecks) {
                try Interruption.check()
                let batch = start..<min(start + Interruption.rowsBetweenChecks, rows.upperBound)
                let complete = leading.scan(batch) { code, row in
                    if heap.isFull && (code > heap.worstCode || (code == heap.worstCode && skipsTies)) { return }
                    heap.offer(code, row)
                }
                if !complete { return nil }
            }
            return heap.entries
        }
        var candidates: [TopEntry] = []
        for part in parts {
            guard let part else { return nil }
            candidates += part
        }
        candidates.sort(by: order.precedes)
        return candidates.prefix(limit).map(\.row)
    }

    /// A row and its first key's integer.
    struct TopEntry {
        var code: UInt64
        var row: Int
    }

    /// Sort order of entries: the first key, then the other keys, then the row.
    struct TopOrder {
        let others: [RowCodes]

        func precedes(_ a: TopEntry, _ b: TopEntry) -> Bool {
            if a.code != b.code { return a.code < b.code }
            for key in others {
                let (x, y) = (key.code(a.row), key.code(b.row))
                if x != y { return x < y }
            }
            return a.row < b.row
        }
    }

    /// A max-heap of at most `limit` entries: the worst kept entry on top.
    struct TopHeap {
        let limit: Int
        let order: TopOrder
        private(set) var entries: [TopEntry] = []

        init(limit: Int, order: TopOrder) {
            self.limit = limit
            self.order = order
            entries.reserveCapacity(limit)
        }

        var isFull: Bool { entries.count == limit }
        var worstCode: UInt64 { entries[0].code }

        /// Keeps the entry if it precedes the worst one kept, or if there is room.
        mutating func offer(_ code: UInt64, _ row: Int) {
            let entry = TopEntry(code: code, row: row)
            if entries.count < limit {
                entries.append(entry)
                var child = entries.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    if !order.precedes(entries[parent], entries[child]) { break }
                    entries.swapAt(parent, child)
                    child = parent
                }
                return
            }
            guard order.precedes(entry, entries[0]) else { return }
            entries[0] = entry
            var parent = 0
            while true {
                let left = 2 * parent + 1
                if left >= entries.count { return }
                var worst = left
                if left + 1 < entries.count, order.precedes(entries[left], entries[left + 1]) { worst = left + 1 }
                if !order.precedes(entries[parent], entries[worst]) { return }
                entries.swapAt(parent, worst)
                parent = worst
            }
        }
    }
}
