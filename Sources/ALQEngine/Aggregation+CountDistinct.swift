import ALQRuntime
import ALQSyntax

/// `count_distinct` per group over a number or quantity column, on every core: the distinct (group,
/// value) pairs are what is counted, so each pair is looked up once in an open-addressing set, and the
/// pairs are split by their hash into one set per thread (``ALQRuntime/Parallel``), each thread reading
/// every row and keeping only its own pairs. A group's count is the sum of its counts in the sets.
///
/// Values are equal as `Double`'s `==` says, as ``GroupKeys/numberCodes(_:_:)`` has them: `-0` and `0`
/// are one value, and a NaN is distinct from everything, so each NaN counts once; nulls do not count.
extension Aggregation {
    static func countDistinctNumbers(_ values: [Double], _ validity: [Bool]?, ids: [Int32], groupCount: Int)
        throws(Diagnostic) -> Column
    {
        let count = values.count
        let partCount = Parallel.ranges(count).count
        let perPart = try Parallel.map(Array(0..<partCount)) { (part: Int) throws(Diagnostic) -> [Int] in
            var pairs = DistinctPairs(expected: min(count / partCount, 1 << 18))
            var counts = [Int](repeating: 0, count: groupCount)
            for batch in Interruption.batches(count) {
                try Interruption.check()
                values.withUnsafeBufferPointer { values in
                    ids.withUnsafeBufferPointer { ids in
                        for row in batch {
                            if let validity, !validity[row] { continue }
                            let value = values[row]
                            let group = ids[row]
                            if value.isNaN {
                                if part == 0 { counts[Int(group)] += 1 }
                                continue
                            }
                            let bits = (value == 0 ? 0 : value).bitPattern
                            let hash = DistinctPairs.hash(bits, group)
                            if partCount > 1 && Int((hash >> 40) % UInt64(partCount)) != part { continue }
                            if pairs.insert(bits, group, hash: hash) { counts[Int(group)] += 1 }
                        }
                    }
                }
            }
            return counts
        }
        var totals = [Double](repeating: 0, count: groupCount)
        for counts in perPart {
            for group in 0..<groupCount { totals[group] += Double(counts[group]) }
        }
        return .number(NumberColumn(values: totals, isInteger: true))
    }
}

/// A set of (value bits, group) pairs: open addressing with linear probing, at most half full.
struct DistinctPairs {
    private struct Slot {
        var bits: UInt64
        /// -1: empty.
        var group: Int32
    }

    private var slots: [Slot]
    private var mask: Int
    private var count = 0

    /// A set with room for about `expected` pairs before it first grows.
    init(expected: Int) {
        var capacity = 16
        while capacity < 2 * expected { capacity *= 2 }
        slots = [Slot](repeating: Slot(bits: 0, group: -1), count: capacity)
        mask = capacity - 1
    }

    /// The hash of a pair (a 64-bit finaliser of MurmurHash3 over the bits mixed with the group).
    @inline(__always)
    static func hash(_ bits: UInt64, _ group: Int32) -> UInt64 {
        var key = bits ^ (UInt64(UInt32(bitPattern: group)) &* 0x9E37_79B9_7F4A_7C15)
        key ^= key >> 33
        key &*= 0xFF51_AFD7_ED55_8CCD
        key ^= key >> 33
        key &*= 0xC4CE_B9FE_1A85_EC53
        key ^= key >> 33
        return key
    }

    /// Adds the pair; whether it was not there yet.
    @inline(__always)
    mutating func insert(_ bits: UInt64, _ group: Int32, hash: UInt64) -> Bool {
        var index = Int(truncatingIfNeeded: hash) & mask
        let found: Bool = slots.withUnsafeMutableBufferPointer { slots in
            while true {
                let slot = slots[index]
                if slot.group < 0 {
                    slots[index] = Slot(bits: bits, group: group)
                    return false
                }
                if slot.bits == bits && slot.group == group { return true }
                index = (index + 1) & mask
            }
        }
        if found { return false }
        count += 1
        if 2 * count > slots.count { grow() }
        return true
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(bits: 0, group: -1), count: 2 * old.count)
        mask = slots.count - 1
        slots.withUnsafeMutableBufferPointer { slots in
            for slot in old where slot.group >= 0 {
                var index = Int(truncatingIfNeeded: Self.hash(slot.bits, slot.group)) & mask
                while slots[index].group >= 0 { index = (index + 1) & mask }
                slots[index] = slot
            }
        }
    }
}
