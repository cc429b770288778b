import ALQPluginAPI
import ALQRuntime

extension FileHost {
    /// How much of a file ``header(path:registry:)`` reads at most.
    public static let headerPrefixLimit = 1 << 16

    /// The columns `open(path)` would give, from the first 64 KiB of the file and the header reader of
    /// the format its extension names; `nil` when the file cannot be read or the format cannot tell.
    public func header(path: String, registry: Registry) -> TableSchema? {
        let path = PluginLocations.expandingHome(path)
        guard let format = registry.format(forPath: path),
            let (prefix, isWholeFile) = FileSystem.readPrefix(path, limit: FileHost.headerPrefixLimit)
        else { return nil }
        return try? format.readHeader(prefix, name: path, isWholeFile: isWholeFile)
    }
}
