import ALQPluginAPI
import ALQRegionPack

/// The built-in regions: region packs (`packs/*.json`) compiled into the binary and served by the one
/// generic ``PackRegionModule``. A built-in region is data: adding one means adding its pack file to
/// `packs/` and one line to ``packs``.
public enum BuiltinRegions {
    /// One embedded region pack.
    public struct Pack: Sendable {
        /// The file the pack was embedded from, for diagnostics (`Plugins/Regions/packs/guangxi.json`).
        public let file: String
        /// The pack's JSON bytes (UTF-8), as written in the file.
        public let bytes: [UInt8]

        init(_ name: String, _ bytes: [UInt8]) {
            file = "Plugins/Regions/packs/\(name)"
            self.bytes = bytes
        }

        /// The region module: its `region` is decoded now, the rest of the pack and its tables on first use.
        ///
        /// - Throws: ``RegionPackError`` if the embedded `region` does not decode (the dataset tests
        ///   validate every whole pack).
        public func module() throws(RegionPackError) -> PackRegionModule {
            try PackRegionModule(deferring: bytes, file: file)
        }
    }

    /// The built-in region packs, in registration order: the one list.
    public static let packs: [Pack] = [
        Pack("guangxi.json", PackageResources.guangxi_json),
        Pack("guangyuan.json", PackageResources.guangyuan_json),
        Pack("chongqing.json", PackageResources.chongqing_json),
        Pack("baise.json", PackageResources.baise_json),
    ]

    /// A region module per pack, in the order of ``packs``.
    public static func modules() throws(RegionPackError) -> [PackRegionModule] {
        var modules: [PackRegionModule] = []
        for pack in packs { modules.append(try pack.module()) }
        return modules
    }
}
