import ALQRuntime
import ALQSyntax
import Synchronization

/// The one registry every module registers in: built-in regions and formats, region packs loaded at
/// run time, and external plugins.
///
/// Its state is behind a lock: a registry may be read and extended from any thread.
public final class Registry: Sendable {
    /// A registered region and where it came from.
    public struct RegisteredRegion: Sendable {
        public var module: any RegionModule
        public var origin: ModuleOrigin
    }

    /// A registered format and where it came from.
    public struct RegisteredFormat: Sendable {
        public var format: any ExportFormat
        public var origin: ModuleOrigin
    }

    /// What is registered, and the tables built from it.
    private struct State {
        var regions: [RegisteredRegion] = []
        var formats: [RegisteredFormat] = []
        var combinedTables: [String: Table] = [:]
        /// Every region name, folded (lower case, no tone marks), to the region's index in `regions`.
        var regionIndex: [String: Int] = [:]
    }

    private let state = Mutex(State())

    /// The registered regions, in the order they were registered.
    public var regions: [RegisteredRegion] { state.withLock { $0.regions } }
    /// The registered formats, in the order they were registered.
    public var formats: [RegisteredFormat] { state.withLock { $0.formats } }

    private static func fold(_ name: String) -> String { name.lowercased().asciiFolded }

    /// The tables that combine every region's table of the same name.
    public static let datasetTableNames = ["facts", "companies", "projects", "people", "events", "sources", "metrics"]

    public init() {}

    // MARK: Registration

    /// Registers a region module. A name already taken by another module is an error: a module never
    /// replaces another silently.
    public func register(region module: any RegionModule, origin: ModuleOrigin) throws(Diagnostic) {
        try state.withLock { (state) throws(Diagnostic) in
            for name in module.info.allNames where !name.isEmpty {
                if let index = state.regionIndex[Registry.fold(name)] {
                    let existing = state.regions[index]
                    throw Diagnostic(
                        .moduleConflict,
                        "region '\(module.info.name)' (\(origin.description)) conflicts with the registered region '\(existing.module.info.name)' (\(existing.origin.description)): both are named '\(name)'"
                    )
                }
            }
            for name in module.info.allNames where !name.isEmpty {
                state.regionIndex[Registry.fold(name)] = state.regions.count
            }
            state.regions.append(RegisteredRegion(module: module, origin: origin))
            state.combinedTables = [:]
        }
    }

    /// Registers an export format. A name already taken is an error.
    public func register(format: any ExportFormat, origin: ModuleOrigin) throws(Diagnostic) {
        try state.withLock { (state) throws(Diagnostic) in
            if let existing = state.formats.first(where: { $0.format.name.lowercased() == format.name.lowercased() }) {
                throw Diagnostic(
                    .moduleConflict,
                    "format '\(format.name)' (\(origin.description)) conflicts with the registered format of that name (\(existing.origin.description))"
                )
            }
            state.formats.append(RegisteredFormat(format: format, origin: origin))
        }
    }

    // MARK: Lookup

    /// A region by any of its names, ignoring case and tone marks.
    public func region(named name: String) -> (any RegionModule)? {
        let key = Registry.fold(name)
        return state.withLock { state in state.regionIndex[key].map { state.regions[$0].module } }
    }

    /// A region by its id.
    public func region(id: String) -> (any RegionModule)? {
        regions.first { $0.module.info.id == id }?.module
    }

    /// A format by name, ignoring case.
    public func format(named name: String) -> (any ExportFormat)? {
        formats.first { $0.format.name.lowercased() == name.lowercased() }?.format
    }

    /// The format whose extensions include a path's extension.
    public func format(forPath path: String) -> (any ExportFormat)? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        let ext = path[path.index(after: dot)...].lowercased()
        return formats.first { $0.format.fileExtensions.contains { $0.lowercased() == ext } }?.format
    }

    /// Where a module came from.
    public func origin(of module: any RegionModule) -> ModuleOrigin {
        regions.first { $0.module === module }?.origin ?? .builtIn
    }

    /// The regions whose parent is `module`, directly or further down.
    public func subregions(of module: any RegionModule) -> [any RegionModule] {
        var result: [any RegionModule] = []
        var frontier = [module.info.id]
        while let parent = frontier.popLast() {
            for entry in regions where entry.module.info.parent == parent {
                result.append(entry.module)
                frontier.append(entry.module.info.id)
            }
        }
        return result
    }

    /// The quotes behind a fact id, from whichever region holds it.
    public func quotes(forFact id: String) -> [SourceQuote] {
        for entry in regions {
            let quotes = entry.module.quotes(forFact: id)
            if !quotes.isEmpty { return quotes }
        }
        return []
    }

    // MARK: Tables

    /// The names of the tables the registry answers to.
    public var tableNames: [String] {
        Registry.datasetTableNames + ["regions", "formats", "modules"]
    }

    /// A table by name: a combined dataset table, or `regions`, `formats`, `modules`.
    public func table(named name: String) -> Table? {
        switch name {
        case "regions": return regionsTable()
        case "formats": return formatsTable()
        case "modules": return modulesTable()
        default:
            guard Registry.datasetTableNames.contains(name) else { return nil }
            let (cached, regions) = state.withLock { ($0.combinedTables[name], $0.regions) }
            if let cached { return cached }
            let parts = regions.compactMap { $0.module.table(named: name) }
            var combined = Table.concatenate(parts)
            if name == "sources" || name == "metrics" { combined = Registry.distinctByID(combined) }
            if name == "facts" { combined = FactValues.withQuantities(combined) }
            if parts.isEmpty {
                combined = Table(
                    columnNames: name == "facts" ? FactColumns.names : [],
                    columns: name == "facts" ? FactColumns.names.map { _ in .mixed([]) } : [])
            }
            // A region registered meanwhile emptied the cache: keep this table only if none was.
            state.withLock { state in
                if state.regions.count == regions.count { state.combinedTables[name] = combined }
            }
            return combined
        }
    }

    private static func distinctByID(_ table: Table) -> Table {
        guard let ids = table.column("id") else { return table }
        var seen: Set<String> = []
        var keep: [Int] = []
        for row in 0..<table.rowCount {
            guard case .string(let id) = ids[row] else {
                keep.append(row)
                continue
            }
            if seen.insert(id).inserted { keep.append(row) }
        }
        return Interruption.shielded { () throws(Diagnostic) in try table.gather(keep) }
    }

    /// One row per region module.
    public func regionsTable() -> Table {
        Table(
            records: regions.map { entry in
                let info = entry.module.info
                return Record([
                    ("name", .string(info.name)), ("chinese", .string(info.chinese)), ("pinyin", .string(info.pinyin)),
                    ("level", .string(info.level)), ("parent", info.parent.map { parentName($0) } ?? .null),
                    ("summary", .string(info.summary)), ("origin", .string(entry.origin.description)),
                ])
            })
    }

    private func parentName(_ parent: String) -> Value {
        .string(region(id: parent)?.info.name ?? parent)
    }

    /// One row per export format.
    public func formatsTable() -> Table {
        Table(
            records: formats.map { entry in
                Record([
                    ("name", .string(entry.format.name)),
                    ("extensions", .string(entry.format.fileExtensions.joined(separator: ", "))),
                    ("media_type", .string(entry.format.mediaType)), ("read", .bool(entry.format.reads)),
                    ("write", .bool(entry.format.writes)), ("version", .string(entry.format.version)),
                    ("origin", .string(entry.origin.description)),
                ])
            })
    }

    /// One row per module of either kind.
    public func modulesTable() -> Table {
        let regionRows = regions.map { entry in
            Record([
                ("name", .string(entry.module.info.name)), ("kind", .string("region")),
                ("version", .string(entry.module.version)), ("origin", .string(entry.origin.description)),
            ])
        }
        let formatRows = formats.map { entry in
            Record([
                ("name", .string(entry.format.name)), ("kind", .string("format")),
                ("version", .string(entry.format.version)), ("origin", .string(entry.origin.description)),
            ])
        }
        return Table(records: regionRows + formatRows)
    }
}
