// The Guangxi region pack, embedded at build time from guangxi.json (the single source of truth).

/// The Guangxi region pack's JSON, compiled into the binary.
public enum GuangxiPack {
    /// The file the pack was embedded from, for diagnostics.
    public static let fileName = "Plugins/RegionGuangxi/guangxi.json"

    /// The pack's JSON bytes (UTF-8), as written in `guangxi.json`.
    public static var bytes: [UInt8] { PackageResources.guangxi_json }
}
