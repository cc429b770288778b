import ALQRuntime
import ALQSyntax

/// `median` per group over a number or quantity column, without sorting the groups.
///
/// One pass scatters the present values into one buffer, each group's values contiguous and in row order
/// (a counting sort by group id); each group is then copied to a scratch buffer where a quickselect finds
/// the middle value (or the two middle values), in time linear in the group's size.
///
/// The answer is the one sorting the group's values with `<` gives (``ListAggregates/apply(_:_:)``): the
/// middle value of an odd-sized group, the mean of the two middle values of an even one through
/// ``Arithmetic``. Where values are equal but not identical (only `-0` and `0`), the value is the one a
/// stable sort would put in that place: among the equal values, the one at the same rank in row order.
/// A group holding a NaN, which `<` does not order, is sorted as before.
extension Aggregation {
    func typedMedian(_ column: Column, _ values: [Double], _ validity: [Bool]?, ids: [Int32], groupCount: Int)
        throws(Diagnostic) -> Column
    {
        let buckets = MedianBuckets(values, validity, ids: ids, groupCount: groupCount)
        var scratch: [Double] = []
        var builder = ColumnBuilder()
        var sinceCheck = 0
        for group in 0..<groupCount {
            let members = buckets.starts[group]..<buckets.starts[group + 1]
            sinceCheck += members.count
            if sinceCheck >= 0x10000 {
                sinceCheck = 0
                try interpreter.session.checkCancellation()
            }
            guard !members.isEmpty else {
                builder.appendNull()
                continue
            }
            let (lower, upper) = buckets.middle(of: members, scratch: &scratch)
            var median = Self.value(upper, like: column)
            if members.count % 2 == 0 {
                let sum = try Arithmetic.apply(.add, Self.value(lower, like: column), median)
                median = try Arithmetic.apply(.divide, sum, .number(2))
            }
            // Quantities are annotated as chosen from every input (`ListAggregates.picked`); the values of one
            // typed column carry the same annotations, so any two of them stand for all.
            if case .quantity = column, members.count > 1 {
                let input = Self.value(buckets.values[members.lowerBound], like: column)
                median = ListAggregates.picked(median, from: [input, input], interval: nil)
            }
            builder.append(median)
        }
        return builder.build()
    }

    /// A present value of a number or quantity column as its subscript gives it.
    private static func value(_ number: Double, like column: Column) -> Value {
        guard case .quantity(let quantities) = column else { return .number(number) }
        return .quantity(Quantity(value: number, dimension: quantities.dimension, displayUnit: quantities.displayUnit))
    }
}

/// The present values of a column, grouped: group `g`'s values are `values[starts[g]..<starts[g + 1]]`, in
/// row order.
struct MedianBuckets {
    let values: [Double]
    let starts: [Int]

    init(_ column: [Double], _ validity: [Bool]?, ids: [Int32], groupCount: Int) {
        var starts = [Int](repeating: 0, count: groupCount + 1)
        ids.withUnsafeBufferPointer { ids in
            starts.withUnsafeMutableBufferPointer { starts in
                if let validity {
                    for row in ids.indices where validity[row] { starts[Int(ids[row]) + 1] += 1 }
                } else {
                    for id in ids { starts[Int(id) + 1] += 1 }
                }
                for group in 0..<groupCount { starts[group + 1] += starts[group] }
            }
        }
        var next = Array(starts.dropLast())
        let total = starts[groupCount]
        values = [Double](unsafeUninitializedCapacity: total) { buffer, initialized in
            ids.withUnsafeBufferPointer { ids in
                column.withUnsafeBufferPointer { column in
                    next.withUnsafeMutableBufferPointer { next in
                        for row in ids.indices where validity?[row] ?? true {
                            let group = Int(ids[row])
                            buffer[next[group]] = column[row]
                            next[group] += 1
                        }
                    }
                }
            }
            initialized = total
        }
        self.starts = starts
    }

    /// The values at ranks `(n - 1) / 2` and `n / 2` of a sort of the group's `n` values (one value twice
    /// when `n` is odd), each with the sign a stable sort would give it.
    func middle(of members: Range<Int>, scratch: inout [Double]) -> (lower: Double, upper: Double) {
        let count = members.count
        let upperRank = count / 2
        let lowerRank = (count - 1) / 2
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: values[members])
        if scratch.contains(where: \.isNaN) {
            let order = members.sorted { values[$0] < values[$1] }
            return (values[order[lowerRank]], values[order[upperRank]])
        }
        let upper = scratch.withUnsafeMutableBufferPointer { buffer -> Double in
            Quickselect.select(upperRank, in: buffer)
            return buffer[upperRank]
        }
        // After the selection every value before `upperRank` is at most `upper`: the largest is the lower middle.
        let lower = lowerRank == upperRank ? upper : scratch[..<upperRank].max() ?? upper
        return (stable(lower, rank: lowerRank, in: members), stable(upper, rank: upperRank, in: members))
    }

    /// `value` as the element at `rank` of a stable sort: equal values differ only in the sign of a zero.
    private func stable(_ value: Double, rank: Int, in members: Range<Int>) -> Double {
        guard value == 0 else { return value }
        var less = 0
        for position in members where values[position] < 0 { less += 1 }
        var wanted = rank - less
        for position in members where values[position] == 0 {
            if wanted == 0 { return values[position] }
            wanted -= 1
        }
        return value
    }
}

/// Hoare's selection over a buffer of non-NaN numbers (median-of-three pivots); sorts the range left when
/// partitioning stops shrinking it fast enough, so the worst case stays `n log n`.
enum Quickselect {
    /// Reorders `buffer` so that `buffer[rank]` is the value a sort would put there, none before it larger
    /// and none after it smaller.
    static func select(_ rank: Int, in buffer: UnsafeMutableBufferPointer<Double>) {
        var low = 0
        var high = buffer.count - 1
        var budget = 2 * (Int.bitWidth - buffer.count.leadingZeroBitCount) + 4
        while high - low > 16 {
            budget -= 1
            if budget == 0 { break }
            let middle = low + (high - low) / 2
            if buffer[middle] < buffer[low] { buffer.swapAt(middle, low) }
            if buffer[high] < buffer[low] { buffer.swapAt(high, low) }
            if buffer[high] < buffer[middle] { buffer.swapAt(high, middle) }
            let pivot = buffer[middle]
            var left = low
            var right = high
            while left <= right {
                while buffer[left] < pivot { left += 1 }
                while pivot < buffer[right] { right -= 1 }
                if left <= right {
                    buffer.swapAt(left, right)
                    left += 1
                    right -= 1
                }
            }
            // Now [low, right] ≤ pivot ≤ [left, high], and values strictly between right and left equal it.
            if rank <= right {
                high = right
            } else if rank >= left {
                low = left
            } else {
                return
            }
        }
        guard high > low else { return }
        var rest = UnsafeMutableBufferPointer(rebasing: buffer[low...high])
        rest.sort()
    }
}
