extension Dictionary {
    /// Makes room for `count` keys at once when the dictionary already holds many
    /// (``Interruption/rowsBetweenChecks`` or more), so that a loop that adds a key per row never doubles
    /// a large dictionary: each doubling rehashes every key in one step that no check can interrupt
    /// (about 100 ms at a million keys), and stepping up once is faster too. A dictionary with few keys
    /// (a column of years) keeps its small size. Call it between batches of rows, with the rows' count.
    @inlinable
    public mutating func reserveForManyKeys(upTo count: Int) {
        if self.count >= Interruption.rowsBetweenChecks, capacity < count { reserveCapacity(count) }
    }
}
