// The Chongqing region pack, embedded at build time from chongqing.json (the single source of truth).

/// The Chongqing region pack's JSON, compiled into the binary.
public enum ChongqingPack {
    /// The file the pack was embedded from, for diagnostics.
    public static let fileName = "Plugins/RegionChongqing/chongqing.json"

    /// The pack's JSON bytes (UTF-8), as written in `chongqing.json`.
    public static var bytes: [UInt8] { PackageResources.chongqing_json }
}
