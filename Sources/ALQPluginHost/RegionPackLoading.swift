import ALQPluginAPI
import ALQRegionPack
import ALQSyntax

/// Turns a region pack's bytes into a region module. The one place that calls the pack decoder
/// (``RegionPack/decode(_:file:)`` through ``PackRegionModule``; docs/region-packs.md).
enum RegionPackLoading {
    /// The module, or `E0504` naming the file, the place in the document and what was expected;
    /// further problems are listed in the help text. A metric the registered packs already use must
    /// have their unit (`RegionPack.validateCollection`).
    static func module(from bytes: [UInt8], file: String, registry: Registry) throws(Diagnostic) -> any RegionModule {
        let module: PackRegionModule
        do {
            module = try PackRegionModule(bytes: bytes, file: file)
        } catch {
            throw diagnostic(error.issues, file: file)
        }
        // Names are the registry's to check (E0505); units across packs are checked here.
        var packs: [(file: String, pack: RegionPack)] = []
        for entry in registry.regions {
            guard let other = entry.module as? PackRegionModule else { continue }
            let otherPack = other.pack
            if otherPack.metrics.contains(where: { metric in module.pack.metrics.contains { $0.id == metric.id } }) {
                packs.append(("region \(other.info.name) (\(entry.origin.description))", otherPack))
            }
        }
        if !packs.isEmpty {
            packs.append((file, module.pack))
            let issues = RegionPack.validateCollection(packs)
                .filter { $0.file == file }
                .flatMap(\.issues)
                .filter { $0.path.hasPrefix("metrics") }
            if !issues.isEmpty { throw diagnostic(issues, file: file) }
        }
        return module
    }

    private static func diagnostic(_ issues: [RegionPackIssue], file: String) -> Diagnostic {
        let lines = issues.map { "\(file): \($0)" }
        let more = lines.dropFirst()
        return Diagnostic(
            .invalidPack, "invalid region pack \(lines.first ?? file)",
            help: more.isEmpty
                ? nil : "\(more.count) more problem\(more.count == 1 ? "" : "s"):\n" + more.joined(separator: "\n"))
    }
}
