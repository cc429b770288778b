import ALQPluginAPI
import FormatCSV
import FormatJSON
import FormatMarkdown
import FormatSVG
import RegionBaise
import RegionChongqing
import RegionGuangxi
import RegionGuangyuan

/// The modules compiled into alq, registered at start-up through the same interface an external
/// plugin or a region pack uses. This is the one list of them.
public enum BuiltinModules {
    /// The built-in region modules, decoded from their embedded packs.
    static func regions() throws(RegionPackError) -> [any RegionModule] {
        [
            try GuangxiPack.module(),
            try GuangyuanPack.module(),
            try ChongqingPack.module(),
            try BaisePack.module(),
        ]
    }

    /// The built-in export formats.
    static let formats: [any ExportFormat] = [
        CSVFormat(), CSVFormat.excel, JSONFormat(), NDJSONFormat(), MarkdownFormat(), SVGFormat(),
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
