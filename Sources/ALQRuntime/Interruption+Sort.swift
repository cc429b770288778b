import ALQSyntax

extension MutableCollection where Self: RandomAccessCollection {
    /// Sorts with the library's sort, asking ``Interruption`` every 4,096 comparisons (one comparison of
    /// boxed values can take a microsecond); once interrupted, every pair compares equal, so the sort
    /// finishes at once, and E0306 is thrown.
    @inlinable
    public mutating func sortStoppingOnInterruption(by areInIncreasingOrder: (Element, Element) -> Bool)
        throws(Diagnostic)
    {
        var comparisons = 0
        var interrupted = false
        sort { a, b in
            comparisons &+= 1
            if comparisons & 0xFFF == 0, Interruption.isRequested { interrupted = true }
            return !interrupted && areInIncreasingOrder(a, b)
        }
        if interrupted { throw Interruption.diagnostic }
    }
}

extension Sequence {
    /// ``MutableCollection/sortStoppingOnInterruption(by:)`` on a copy.
    @inlinable
    public func sortedStoppingOnInterruption(by areInIncreasingOrder: (Element, Element) -> Bool)
        throws(Diagnostic) -> [Element]
    {
        var sorted = Array(self)
        try sorted.sortStoppingOnInterruption(by: areInIncreasingOrder)
        return sorted
    }
}

extension Sequence where Element: Comparable {
    /// The elements in ascending order, stopping on Ctrl-C as ``MutableCollection/sortStoppingOnInterruption(by:)``.
    @inlinable
    public func sortedStoppingOnInterruption() throws(Diagnostic) -> [Element] {
        try sortedStoppingOnInterruption(by: <)
    }
}
