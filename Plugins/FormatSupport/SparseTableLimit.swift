/// The bound on tables whose rows share few keys (`[{"k0":1},{"k1":1},…]`): every key becomes a column
/// and every row holds a cell in every column, so such a file's table grows with the square of its size.
/// A table read from a file may hold at most 16 cells per byte of the file (at least 1M cells); dense
/// data never comes near (a cell takes at least a separator byte), sparse data is refused quickly.
public enum SparseTableLimit {
    /// The most cells a table read from `bytes` bytes may have.
    public static func cells(forInputBytes bytes: Int) -> Int {
        max(1 << 20, 16 &* bytes)
    }

    /// The message for a table that reached `rows` rows of `columns` columns beyond the limit.
    public static func message(_ rows: Int, _ columns: Int) -> String {
        "the rows share too few keys: \(columns) columns by \(rows) rows so far would need more than 16 cells "
            + "per byte of the file; give the rows the same keys"
    }
}
