import ALQRuntime
import ALQSyntax

/// Group ids from dense keys (every key below a known count), on every core.
///
/// The rows are split into consecutive ranges (``ALQRuntime/Parallel``). Each range lists its keys in
/// the order they first appear in it, with the row where each does; taking those lists in range order,
/// a key's group is the next id the first time it is met, which is its order of first appearance in the
/// whole table, as the one-pass loop gives it. Then each range writes its rows' ids from that mapping.
/// A table of one range (a small one) is the one-pass loop itself.
extension GroupKeys {
    /// A group id for every row (in order of first appearance) and the first row of each group.
    static func dense<Key: FixedWidthInteger & Sendable>(_ keys: [Key], keyCount: Int) throws(Diagnostic) -> (
        ids: [Int32], firstRows: [Int]
    ) {
        let ranges = Parallel.ranges(keys.count)
        if ranges.count == 1 { return try onePass(keys, keyCount: keyCount) }
        let appearances = try Parallel.map(ranges) {
            (rows: Range<Int>) throws(Diagnostic) -> (keys: [Int32], firstRows: [Int]) in
            var seen = [Bool](repeating: false, count: keyCount)
            var order: [Int32] = []
            var firstRows: [Int] = []
            for batch in Interruption.batches(rows.count) {
                try Interruption.check()
                keys.withUnsafeBufferPointer { keys in
                    seen.withUnsafeMutableBufferPointer { seen in
                        for row in (rows.lowerBound + batch.lowerBound)..<(rows.lowerBound + batch.upperBound) {
                            let key = Int(keys[row])
                            if !seen[key] {
                                seen[key] = true
                                order.append(Int32(key))
                                firstRows.append(row)
                            }
                        }
                    }
                }
            }
            return (order, firstRows)
        }
        var merged = [Int32](repeating: -1, count: keyCount)
        var firstRows: [Int] = []
        for part in appearances {
            for (key, row) in zip(part.keys, part.firstRows) where merged[Int(key)] < 0 {
                merged[Int(key)] = Int32(firstRows.count)
                firstRows.append(row)
            }
        }
        let mapping = merged
        let parts = try Parallel.map(ranges) { (rows: Range<Int>) throws(Diagnostic) -> [Int32] in
            var ids = [Int32](repeating: 0, count: rows.count)
            for batch in Interruption.batches(rows.count) {
                try Interruption.check()
                keys.withUnsafeBufferPointer { keys in
                    mapping.withUnsafeBufferPointer { mapping in
                        ids.withUnsafeMutableBufferPointer { ids in
                            for index in batch { ids[index] = mapping[Int(keys[rows.lowerBound + index])] }
                        }
                    }
                }
            }
            return ids
        }
        var ids: [Int32] = []
        ids.reserveCapacity(keys.count)
        for part in parts { ids.append(contentsOf: part) }
        return (ids, firstRows)
    }

    /// The one-pass loop: each key's id is assigned when it is first met.
    static func onePass<Key: FixedWidthInteger>(_ keys: [Key], keyCount: Int) throws(Diagnostic) -> (
        ids: [Int32], firstRows: [Int]
    ) {
        var ids = [Int32](repeating: 0, count: keys.count)
        var firstRows: [Int] = []
        var mapping = [Int32](repeating: -1, count: keyCount)
        for batch in Interruption.batches(keys.count) {
            try Interruption.check()
            keys.withUnsafeBufferPointer { keys in
                ids.withUnsafeMutableBufferPointer { ids in
                    mapping.withUnsafeMutableBufferPointer { mapping in
                        for row in batch {
                            let key = Int(keys[row])
                            if mapping[key] < 0 {
                                mapping[key] = Int32(firstRows.count)
                                firstRows.append(row)
                            }
                            ids[row] = mapping[key]
                        }
                    }
                }
            }
        }
        return (ids, firstRows)
    }
}

extension GroupKeys {
    /// How many rows each group has, counted per range on every core and added up (whole numbers, so
    /// in any order the same).
    static func sizes(_ ids: [Int32], groupCount: Int) throws(Diagnostic) -> [Double] {
        let parts = try Parallel.map(Parallel.ranges(ids.count)) { (rows: Range<Int>) throws(Diagnostic) -> [Int] in
            var counts = [Int](repeating: 0, count: groupCount)
            for batch in Interruption.batches(rows.count) {
                try Interruption.check()
                ids.withUnsafeBufferPointer { ids in
                    counts.withUnsafeMutableBufferPointer { counts in
                        for index in batch { counts[Int(ids[rows.lowerBound + index])] += 1 }
                    }
                }
            }
            return counts
        }
        var sizes = [Double](repeating: 0, count: groupCount)
        for counts in parts {
            for group in 0..<groupCount { sizes[group] += Double(counts[group]) }
        }
        return sizes
    }
}
