import ALQRuntime
import ALQSyntax

/// A format that reads a regular file a chunk of records at a time (the CSV formats), so that a
/// pipeline can run its row-wise stages on each chunk and never hold the whole table
/// (docs/architecture.md, "Streamed pipelines").
public protocol ChunkedReader: ExportFormat {
    /// Reads the file at `path` in chunks of about `chunkSize` bytes (the format's own size when
    /// `nil`), handing each chunk's records to `body` as a table, in the file's order, on the calling
    /// thread; `body` returns `false` to stop. Every chunk's table has the column names and types the
    /// whole file read by ``ExportFormat/read(path:options:isCancelled:)`` has. With `columns`, the
    /// tables may hold only the columns so named (the reader need not build the others' values); the
    /// records are still checked as a whole read checks them, and whatever a whole read of a skipped
    /// column would report makes the read return `false`.
    ///
    /// Returns `true` when every chunk was handed over; `false` when the file cannot be read this way
    /// (not a regular file, options the reader does not take, an empty file), when `body` stopped,
    /// or when a later chunk shows that a column's type differs from what the chunks already handed
    /// over had: the caller then reads the whole file instead. Throws what reading it whole throws.
    func readChunks(
        path: String, options: ReadOptions, columns: Set<String>?, chunkSize: Int?, isCancelled: (() -> Bool)?,
        body: (Table) throws(Diagnostic) -> Bool
    ) throws(Diagnostic) -> Bool
}
