// The Baise region module: its data is the region pack baise.json (the single source of truth),
// embedded at build time.

import ALQPluginAPI

/// The Baise region pack, compiled into the binary.
public enum BaisePack {
    /// The file the pack was embedded from, for diagnostics.
    public static let fileName = "Plugins/RegionBaise/baise.json"

    /// The pack's JSON bytes (UTF-8), as written in `baise.json`.
    public static var bytes: [UInt8] { PackageResources.baise_json }

    /// Decodes the pack and wraps it as a region module (its tables are built on first use).
    ///
    /// - Throws: RegionPackError if the embedded pack does not validate (the dataset tests prevent this).
    public static func module() throws(RegionPackError) -> PackRegionModule {
        try PackRegionModule(bytes: bytes, file: fileName)
    }
}
