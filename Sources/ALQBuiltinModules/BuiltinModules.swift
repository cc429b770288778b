import ALQPluginAPI
import ALQRegionPack
import BuiltinRegions
import FormatCSV
import FormatJSON
import FormatMarkdown
import FormatSVG

/// The modules compiled into alq, registered at start-up through the same interface an external
/// plugin or a region pack uses. This is the one list of them.
public enum BuiltinModules {
    /// The built-in region modules, decoded from their embedded packs (the list is `BuiltinRegions.packs`).
    static func regions() throws(RegionPackError) -> [any RegionModule] {
        try BuiltinRegions.modules()
    }

    /// The built-in export formats.
    static let formats: [any ExportFormat] = [
        CSVFormat(), CSVFormat.excel, CSVFormat.tsv, JSONFormat(), NDJSONFormat(), MarkdownFormat(), SVGFormat(),
    ]

    /// Registers every built-in region and format.
    ///
    /// The built-in packs are validated by the dataset tests, so a failure here is a build defect; it
    /// is reported rather than ignored.
    public static func register(into registry: Registry) throws {
        for region in try regions() { try registry.register(region: region, origin: .builtIn) }
        for format in formats { try registry.register(format: format, origin: .builtIn) }
    }

    /// A registry holding every built-in module.
    public static func registry() throws -> Registry {
        let registry = Registry()
        try register(into: registry)
        return registry
    }
}
