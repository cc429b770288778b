// A region module built from a region pack: the built-in regions and packs loaded at run time.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ALQRuntime

/// A ``RegionModule`` whose data is a ``RegionPack``.
///
/// The tables (`facts`, `companies`, `projects`, `people`, `events`, `sources`, `metrics`) are built
/// on first use and then kept, so registering a module costs only decoding its pack.
public final class PackRegionModule: RegionModule, @unchecked Sendable {
    /// The pack the module serves.
    public let pack: RegionPack
    /// Names, level, parent and summary, from the pack's `region`.
    public let info: RegionInfo

    /// The tables every pack module offers, in order.
    public static let tables = ["facts", "companies", "projects", "people", "events", "sources", "metrics"]

    /// The columns of the `facts` table: ``FactColumns/names``, then `base_year`, `as_of`, `note`.
    public static let factColumns = FactColumns.names + ["base_year", "as_of", "note"]

    private let lock = PackLock()
    private var built: [String: Table] = [:]
    private let quotesByFact: [String: [RegionPack.Quote]]
    private let sourcesByID: [String: RegionPack.Source]

    /// A module serving `pack` (which should have passed ``RegionPack/decode(_:file:)``).
    public init(pack: RegionPack) {
        self.pack = pack
        let region = pack.region
        info = RegionInfo(
            id: region.id, name: region.name, chinese: region.chinese ?? "", pinyin: region.pinyin ?? "",
            aliases: region.aliases, level: region.level, parent: region.parent, summary: region.summary)
        var quotes: [String: [RegionPack.Quote]] = [:]
        for fact in pack.facts { quotes[fact.id] = fact.quotes }
        quotesByFact = quotes
        var sources: [String: RegionPack.Source] = [:]
        for source in pack.sources { sources[source.id] = source }
        sourcesByID = sources
    }

    /// Decodes, validates and wraps a pack.
    ///
    /// - Throws: ``RegionPackError`` naming `file`, the JSON path and what was expected.
    public convenience init(bytes: [UInt8], file: String) throws(RegionPackError) {
        self.init(pack: try RegionPack.decode(bytes, file: file))
    }

    /// The pack's own version (`region.version`).
    public var version: String { pack.region.version }

    /// The tables the module offers.
    public var tableNames: [String] { Self.tables }

    /// A table by name, built on first use.
    public func table(named name: String) -> Table? {
        guard Self.tables.contains(name) else { return nil }
        return lock.withLock {
            if let table = built[name] { return table }
            let table = build(name)
            built[name] = table
            return table
        }
    }

    /// The quotes behind a fact, with their sources' file, date and language.
    public func quotes(forFact id: String) -> [SourceQuote] {
        (quotesByFact[id] ?? []).map(sourceQuote)
    }

    /// A pack quote with its source's details.
    public func sourceQuote(_ quote: RegionPack.Quote) -> SourceQuote {
        let source = sourcesByID[quote.source]
        return SourceQuote(
            sourceID: quote.source, file: source?.file ?? quote.source, date: source?.date ?? "",
            language: source?.language ?? "", text: quote.text)
    }

    // MARK: - Building tables

    private func build(_ name: String) -> Table {
        switch name {
        case "facts": return factsTable()
        case "companies": return companiesTable()
        case "projects": return projectsTable()
        case "people": return peopleTable()
        case "events": return eventsTable()
        case "sources": return sourcesTable()
        default: return metricsTable()
        }
    }

    private func text(_ s: String?) -> Value { s.map(Value.string) ?? .null }
    private func integer(_ n: Int?) -> Value { n.map { .number(Double($0)) } ?? .null }
    private func list(_ items: [String]) -> Value { .list(items.map(Value.string)) }

    /// The ids of the sources quoted, in order, joined with ", " (`001, 004`).
    private func sourceIDs(_ quotes: [RegionPack.Quote]) -> Value {
        var seen = Set<String>()
        let ids = quotes.map(\.source).filter { seen.insert($0).inserted }
        return ids.isEmpty ? .null : .string(ids.joined(separator: ", "))
    }

    /// Builds a table from rows given in `names` order, column by column.
    private func columnar(_ names: [String], _ rows: [[Value]]) -> Table {
        let columns = names.indices.map { i in ColumnBuilder.column(rows.lazy.map { $0[i] }) }
        return Table(columnNames: names, columns: columns, rowCount: rows.count)
    }

    private func factsTable() -> Table {
        let region = Value.string(info.name)
        let rows: [[Value]] = pack.facts.map { f in
            [.string(f.id), region, .string(f.metric), integer(f.year), text(f.period), .number(f.value),
             .string(f.unit.rawValue), .string(f.kind.rawValue), .string(f.bound.rawValue), text(f.scope),
             text(f.subject), sourceIDs(f.quotes), integer(f.baseYear), text(f.asOf), text(f.note)]
        }
        return columnar(Self.factColumns, rows)
    }

    private func companiesTable() -> Table {
        let region = Value.string(info.name)
        return columnar(
            ["id", "region", "name", "description", "tags", "customers", "export_destinations", "note", "source"],
            pack.companies.map { c in
                [.string(c.id), region, .string(c.name), .string(c.description), list(c.tags), list(c.customers),
                 list(c.exportDestinations), text(c.note), sourceIDs(c.quotes)]
            })
    }

    private func projectsTable() -> Table {
        let region = Value.string(info.name)
        return columnar(
            ["id", "region", "name", "description", "status", "source"],
            pack.projects.map { p in
                [.string(p.id), region, .string(p.name), .string(p.description), text(p.status), sourceIDs(p.quotes)]
            })
    }

    private func peopleTable() -> Table {
        let region = Value.string(info.name)
        return columnar(
            ["id", "region", "name", "office", "organization", "source"],
            pack.people.map { p in
                [.string(p.id), region, .string(p.name), text(p.office), text(p.organization), sourceIDs(p.quotes)]
            })
    }

    private func eventsTable() -> Table {
        let region = Value.string(info.name)
        return columnar(
            ["id", "region", "name", "date", "kind", "description", "source"],
            pack.events.map { e in
                [.string(e.id), region, .string(e.name), text(e.date), .string(e.kind), .string(e.description),
                 sourceIDs(e.quotes)]
            })
    }

    private func sourcesTable() -> Table {
        let region = Value.string(info.name)
        return columnar(
            ["id", "region", "file", "title", "date", "date_note", "language", "translated"],
            pack.sources.map { s in
                [.string(s.id), region, .string(s.file), .string(s.title), text(s.date), text(s.dateNote),
                 .string(s.language), s.translated.map(Value.bool) ?? .null]
            })
    }

    private func metricsTable() -> Table {
        columnar(
            ["id", "description", "unit"],
            pack.metrics.map { m in [.string(m.id), .string(m.description), .string(m.unit.rawValue)] })
    }
}

/// A mutual-exclusion lock for the lazily built tables.
final class PackLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    func withLock<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }
}
