import ALQPluginAPI
import ALQSyntax

/// Turns a region pack's bytes into a region module. The one place that calls the pack decoder
/// (``RegionPack/decode(_:file:)`` through ``PackRegionModule``; docs/region-packs.md).
enum RegionPackLoading {
    /// The module, or `E0504` naming the file, the place in the document and what was expected;
    /// further problems are listed in the help text.
    static func module(from bytes: [UInt8], file: String) throws(Diagnostic) -> any RegionModule {
        let error: RegionPackError
        do {
            return try PackRegionModule(bytes: bytes, file: file)
        } catch let caught {
            error = caught
        }
        let lines = error.issues.map { "\(file): \($0)" }
        let more = lines.dropFirst()
        throw Diagnostic(
            .invalidPack, "invalid region pack \(lines.first ?? file)",
            help: more.isEmpty ? nil : "\(more.count) more problem\(more.count == 1 ? "" : "s"):\n" + more.joined(separator: "\n"))
    }
}
