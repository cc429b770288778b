import ALQPluginAPI
import ALQSyntax

/// Turns a region pack's bytes into a region module. The one place that calls the pack decoder
/// (`RegionPack.decode(_:file:)` and `PackRegionModule`, docs/region-packs.md).
enum RegionPackLoading {
    static func module(from bytes: [UInt8], file: String) throws(Diagnostic) -> any RegionModule {
        throw Diagnostic(
            .invalidPack, "cannot load region pack '\(file)': this build of alq has no region pack decoder yet")
    }
}
