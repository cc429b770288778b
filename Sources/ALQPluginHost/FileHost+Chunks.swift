import ALQPluginAPI
import ALQRuntime
import ALQSyntax
import ALQSystem

extension FileHost {
    /// Reads a regular file a chunk of records at a time, when its format (named, or else the one its
    /// extension names) is a ``ChunkedReader`` (the built-in CSV formats; no plugin's reader is);
    /// `false` for standard input, an unknown format, options the reader does not take, and whenever
    /// the reader does not hand over every chunk. Nothing is reported here: `open` reports it when the
    /// file is opened whole. With `columns`, the chunks may hold only the columns so named.
    public func openChunks(
        path: String, format name: String?, options: ReadOptions, columns: Set<String>?, registry: Registry,
        body: (Table) throws(Diagnostic) -> Bool
    ) throws(Diagnostic) -> Bool {
        guard path != "-", let checked = try? PathText.checked(path, .cannotOpenFile) else { return false }
        let path = HomeFolder.expanding(checked)
        let found = name.map { registry.format(named: $0) } ?? registry.format(forPath: path)
        guard let format = found as? any ChunkedReader else { return false }
        return try format.readChunks(
            path: path, options: options, columns: columns, chunkSize: chunkSize, isCancelled: isCancelled, body: body)
    }
}
