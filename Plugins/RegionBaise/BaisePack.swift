// The Baise region module: its data is the region pack baise.json (the single source of truth),
// embedded at build time.

import ALQPluginAPI
import ALQRegionPack

/// The Baise region pack, compiled into the binary.
public enum BaisePack {
    /// The file the pack was embedded from, for diagnostics.
    public static let fileName = "Plugins/RegionBaise/baise.json"

    /// The pack's JSON bytes (UTF-8), as written in `baise.json`.
    public static var bytes: [UInt8] { PackageResources.baise_json }

    /// The region module: its `region` is decoded now, the rest of the pack and its tables on first use.
    ///
    /// - Throws: ``RegionPackError`` if the embedded `region` does not decode (the dataset tests validate the whole pack).
    public static func module() throws(RegionPackError) -> PackRegionModule {
        try PackRegionModule(deferring: bytes, file: fileName)
    }
}
