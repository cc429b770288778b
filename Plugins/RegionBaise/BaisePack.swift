// The Baise region pack, embedded at build time from baise.json (the single source of truth).

/// The Baise region pack's JSON, compiled into the binary.
public enum BaisePack {
    /// The file the pack was embedded from, for diagnostics.
    public static let fileName = "Plugins/RegionBaise/baise.json"

    /// The pack's JSON bytes (UTF-8), as written in `baise.json`.
    public static var bytes: [UInt8] { PackageResources.baise_json }
}
