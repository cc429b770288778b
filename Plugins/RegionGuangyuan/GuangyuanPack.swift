// The Guangyuan region pack, embedded at build time from guangyuan.json (the single source of truth).

/// The Guangyuan region pack's JSON, compiled into the binary.
public enum GuangyuanPack {
    /// The file the pack was embedded from, for diagnostics.
    public static let fileName = "Plugins/RegionGuangyuan/guangyuan.json"

    /// The pack's JSON bytes (UTF-8), as written in `guangyuan.json`.
    public static var bytes: [UInt8] { PackageResources.guangyuan_json }
}
