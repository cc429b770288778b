import ALQSyntax

extension Array {
    /// Sorts stably, stopping with E0306 on Ctrl-C: runs of `runLength` elements are sorted by the
    /// library's sort, then merged pairwise, with a check before each run and every 4,096 merged
    /// elements. A counter in the comparison closure would cost more than twice the instructions of
    /// the library's sort of numbers; the runs and merges cost about the same as that sort. Where one
    /// comparison is slow (boxed values), pass a shorter run so that one run sorts quickly.
    @inlinable
    public mutating func sortStoppingOnInterruption(
        runLength run: Int = Interruption.rowsBetweenChecks, by areInIncreasingOrder: (Element, Element) -> Bool
    ) throws(Diagnostic) {
        guard count > run else { return sort(by: areInIncreasingOrder) }
        for start in stride(from: 0, to: count, by: run) {
            try Interruption.check()
            self[start..<Swift.min(start + run, count)].sort(by: areInIncreasingOrder)
        }
        let total = count
        var spare = self
        var sortedInSpare = false
        var width = run
        while width < total {
            var interrupted = false
            withUnsafeMutableBufferPointer { main in
                spare.withUnsafeMutableBufferPointer { other in
                    let source = sortedInSpare ? other : main
                    let target = sortedInSpare ? main : other
                    var start = 0
                    while start < total {
                        let middle = Swift.min(start + width, total)
                        let end = Swift.min(start + 2 * width, total)
                        var left = start
                        var right = middle
                        var out = start
                        while left < middle && right < end {
                            if out & 0xFFF == 0, Interruption.isRequested {
                                interrupted = true
                                return
                            }
                            // Ties take the left run's element first: the merge is stable.
                            if areInIncreasingOrder(source[right], source[left]) {
                                target[out] = source[right]
                                right += 1
                            } else {
                                target[out] = source[left]
                                left += 1
                            }
                            out += 1
                        }
                        while left < middle {
                            target[out] = source[left]
                            left += 1
                            out += 1
                        }
                        while right < end {
                            target[out] = source[right]
                            right += 1
                            out += 1
                        }
                        start = end
                    }
                }
            }
            if interrupted { throw Interruption.diagnostic }
            sortedInSpare.toggle()
            width *= 2
        }
        if sortedInSpare { self = spare }
    }
}

extension Sequence {
    /// ``Swift/Array/sortStoppingOnInterruption(by:)`` on a copy.
    @inlinable
    public func sortedStoppingOnInterruption(
        runLength: Int = Interruption.rowsBetweenChecks, by areInIncreasingOrder: (Element, Element) -> Bool
    ) throws(Diagnostic) -> [Element] {
        var sorted = Array(self)
        try sorted.sortStoppingOnInterruption(runLength: runLength, by: areInIncreasingOrder)
        return sorted
    }
}

extension Sequence where Element: Comparable {
    /// The elements in ascending order, stopping on Ctrl-C as ``Swift/Array/sortStoppingOnInterruption(by:)``.
    @inlinable
    public func sortedStoppingOnInterruption() throws(Diagnostic) -> [Element] {
        try sortedStoppingOnInterruption(by: <)
    }
}
