import ALQPluginAPI
import ALQRuntime
import ALQSystem

extension FileHost {
    /// How much of a file ``header(path:registry:)`` reads at most.
    public static let headerPrefixLimit = 1 << 16

    /// The columns `open(path)` would give, from the first 64 KiB of the file and the header reader of
    /// the format its extension names; `nil` when the file cannot be read or the format cannot tell.
    /// Reads regular files only: completion calls it on paths the user is typing, which may name a
    /// FIFO or an endless device.
    public func header(path: String, registry: Registry) -> TableSchema? {
        let path = HomeFolder.expanding(path)
        let limit = FileHost.headerPrefixLimit
        guard let format = registry.format(forPath: path), FileSystem.kind(of: path) == .file,
            let bytes = try? FileContents.read(path, limit: limit + 1, truncating: true)
        else { return nil }
        return try? format.readHeader(Array(bytes.prefix(limit)), name: path, isWholeFile: bytes.count <= limit)
    }
}
