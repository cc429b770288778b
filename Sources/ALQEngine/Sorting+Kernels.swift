import ALQRuntime
import ALQSyntax

/// Typed sorting without comparison closures: each key becomes one unsigned integer per row whose order is
/// the key's sort order (descending and nulls-last already applied), so a full sort is a stable LSD radix
/// sort and a top-N keeps a bounded heap over integer comparisons. Ties keep row order, as in `Sorting`.
extension Sorting {
    /// One key's rows as order-preserving integers, or nil when the key has no integer encoding
    /// (values of mixed kinds, bools, lists, or a NaN among the numbers).
    static func encoded(_ key: Key, descending: Bool) throws(Diagnostic) -> [UInt64]? {
        switch key {
        case .numbers(let values, let validity):
            var codes = [UInt64](repeating: 0, count: values.count)
            var sawNaN = false
            for batch in Interruption.batches(values.count) {
                try Interruption.check()
                values.withUnsafeBufferPointer { values in
                    codes.withUnsafeMutableBufferPointer { codes in
                        for row in batch {
                            let value = values[row]
                            if value.isNaN { sawNaN = true }
                            // + 0 turns -0.0 into 0.0: they are equal, so they must tie.
                            let bits = (value + 0).bitPattern
                            let ordered = bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
                            codes[row] = descending ? ~ordered : ordered
                        }
                    }
                }
            }
            if sawNaN { return nil }
            if let validity {
                for row in 0..<values.count where !validity[row] { codes[row] = UInt64.max }
            }
            return codes
        case .ranks(let ranks):
            let top = UInt64(ranks.lazy.filter { $0 != Int32.max }.max() ?? 0)
            return ranks.map { rank in
                if rank == Int32.max { return top + 1 }
                return descending ? top - UInt64(rank) : UInt64(rank)
            }
        case .values:
            return nil
        }
    }

    /// The rows in sorted order: a stable LSD radix sort, last key first, skipping bytes all rows share.
    static func radixOrder(_ keys: [[UInt64]], count: Int, session: Session) throws(Diagnostic) -> [Int] {
        var rows = [Int32](0..<Int32(count))
        var spare = [Int32](repeating: 0, count: count)
        var current = [UInt64](repeating: 0, count: count)
        var next = [UInt64](repeating: 0, count: count)
        for key in keys.reversed() {
            var histograms = [Int](repeating: 0, count: 8 * 256)
            for batch in Interruption.batches(count) {
                try session.checkCancellation()
                for position in batch { current[position] = key[Int(rows[position])] }
                current.withUnsafeBufferPointer { current in
                    histograms.withUnsafeMutableBufferPointer { histograms in
                        for code in current[batch] {
                            for byte in 0..<8 { histograms[byte << 8 | Int((code >> (byte * 8)) & 0xFF)] += 1 }
                        }
                    }
                }
            }
            for byte in 0..<8 {
                let counts = histograms[(byte << 8)..<((byte + 1) << 8)]
                if counts.contains(count) { continue }
                var offsets = [Int](repeating: 0, count: 256)
                var total = 0
                for bucket in 0..<256 {
                    offsets[bucket] = total
                    total += counts[(byte << 8) + bucket]
                }
                for batch in Interruption.batches(count) {
                    try session.checkCancellation()
                    current.withUnsafeBufferPointer { current in
                        next.withUnsafeMutableBufferPointer { next in
                            rows.withUnsafeBufferPointer { rows in
                                spare.withUnsafeMutableBufferPointer { spare in
                                    for position in batch {
                                        let code = current[position]
                                        let bucket = Int((code >> (byte * 8)) & 0xFF)
                                        let target = offsets[bucket]
                                        offsets[bucket] = target + 1
                                        next[target] = code
                                        spare[target] = rows[position]
                                    }
                                }
                            }
                        }
                    }
                }
                swap(&current, &next)
                swap(&rows, &spare)
            }
        }
        return rows.map(Int.init)
    }

    /// The first `limit` rows of the sorted order, found with a bounded max-heap (the worst kept row on top).
    static func topRows(_ limit: Int, count: Int, session: Session, precedes: (Int, Int) -> Bool)
        throws(Diagnostic) -> [Int]
    {
        guard limit > 0 else { return [] }
        var heap: [Int] = []
        heap.reserveCapacity(limit)
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1
                if left >= heap.count { return }
                var worst = left
                if left + 1 < heap.count, precedes(heap[left], heap[left + 1]) { worst = left + 1 }
                if !precedes(heap[parent], heap[worst]) { return }
                heap.swapAt(parent, worst)
                parent = worst
            }
        }
        for row in 0..<count {
            if row & 0xFFFF == 0xFFFF { try session.checkCancellation() }
            if heap.count < limit {
                heap.append(row)
                var child = heap.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    if !precedes(heap[parent], heap[child]) { break }
                    heap.swapAt(parent, child)
                    child = parent
                }
            } else if precedes(row, heap[0]) {
                heap[0] = row
                siftDown(0)
            }
        }
        return heap.sorted(by: precedes)
    }
}
