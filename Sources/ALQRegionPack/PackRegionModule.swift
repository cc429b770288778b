// A region module built from a region pack: the built-in regions and packs loaded at run time.

import ALQPluginAPI
import ALQRuntime

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A ``RegionModule`` whose data is a ``RegionPack``.
///
/// The tables (`facts`, `companies`, `projects`, `people`, `events`, `sources`, `metrics`) are built
/// on first use and then kept. A module made with ``init(deferring:file:)`` decodes only the pack's
/// `region` at start-up and the rest on first use, so registering the built-in regions costs almost
/// nothing.
// Safe: `loaded`, `deferred`, `failure` and `built` are set in init and otherwise touched only under `lock`.
public final class PackRegionModule: RegionModule, @unchecked Sendable {
    /// Names, level, parent and summary, from the pack's `region`.
    public let info: RegionInfo
    /// The pack's own version (`region.version`).
    public let version: String

    /// The tables every pack module offers, in order.
    public static let tables = ["facts", "companies", "projects", "people", "events", "sources", "metrics"]

    /// The columns of the `facts` table: ``FactColumns/names``, then `base_year`, `as_of`, `note`.
    public static let factColumns = FactColumns.names + ["base_year", "as_of", "note"]

    /// The decoded pack and the indexes built from it.
    private struct Loaded {
        var pack: RegionPack
        var quotesByFact: [String: [RegionPack.Quote]]
        var disagreeing: Set<String>
        var sourcesByID: [String: RegionPack.Source]

        init(_ pack: RegionPack) {
            self.pack = pack
            var quotes: [String: [RegionPack.Quote]] = [:]
            for fact in pack.facts { quotes[fact.id] = fact.quotes }
            quotesByFact = quotes
            disagreeing = Set(pack.facts.filter(\.translationsDisagree).map(\.id))
            var sources: [String: RegionPack.Source] = [:]
            for source in pack.sources { sources[source.id] = source }
            sourcesByID = sources
        }
    }

    private let lock = PackLock()
    private var loaded: Loaded?
    private var deferred: (bytes: [UInt8], file: String)?
    private var failure: RegionPackError?
    private var built: [String: Table] = [:]

    /// A module serving `pack` (which should have passed ``RegionPack/decode(_:file:)``).
    public init(pack: RegionPack) {
        info = Self.info(pack.region)
        version = pack.region.version
        loaded = Loaded(pack)
    }

    /// Decodes, validates and wraps a pack now: for packs read at run time, whose problems must be
    /// reported when they are loaded.
    ///
    /// - Throws: ``RegionPackError`` naming `file`, the JSON path and what was expected.
    public convenience init(bytes: [UInt8], file: String) throws(RegionPackError) {
        self.init(pack: try RegionPack.decode(bytes, file: file))
    }

    /// Decodes only the pack's `alq_pack` and `region` now, and the whole pack (with validation) on
    /// first use: for the built-in packs, which the dataset tests validate.
    ///
    /// - Throws: ``RegionPackError`` if the version or the `region` object is invalid. A problem in
    ///   the rest of the pack surfaces on first use as ``loadError`` and empty tables.
    public init(deferring bytes: [UInt8], file: String) throws(RegionPackError) {
        let region = try RegionPack.decodeRegion(bytes, file: file)
        info = Self.info(region)
        version = region.version
        deferred = (bytes, file)
    }

    private static func info(_ region: RegionPack.Region) -> RegionInfo {
        RegionInfo(
            id: region.id, name: region.name, chinese: region.chinese ?? "", pinyin: region.pinyin ?? "",
            aliases: region.aliases, level: region.level, parent: region.parent, summary: region.summary)
    }

    /// The pack, decoded on first use. Empty (no sources, metrics, facts) if a deferred pack failed
    /// to decode; ``loadError`` then says why.
    public var pack: RegionPack { lock.withLock { load().pack } }

    /// Why a deferred pack could not be decoded, if it could not.
    public var loadError: RegionPackError? {
        lock.withLock {
            _ = load()
            return failure
        }
    }

    /// Decodes a deferred pack once; call with the lock held.
    private func load() -> Loaded {
        if let loaded { return loaded }
        var result = Loaded(
            RegionPack(
                region: RegionPack.Region(
                    id: info.id, name: info.name, chinese: info.chinese, pinyin: info.pinyin, aliases: info.aliases,
                    level: info.level, parent: info.parent, summary: info.summary, version: version),
                sources: [], metrics: [], facts: []))
        if let (bytes, file) = deferred {
            do {
                result = Loaded(try RegionPack.decode(bytes, file: file))
            } catch {
                failure = error
            }
            deferred = nil
        }
        loaded = result
        return result
    }

    /// The tables the module offers.
    public var tableNames: [String] { Self.tables }

    /// A table by name, built on first use.
    public func table(named name: String) -> Table? {
        guard Self.tables.contains(name) else { return nil }
        return lock.withLock {
            if let table = built[name] { return table }
            let table = build(name, load())
            built[name] = table
            return table
        }
    }

    /// The quotes behind a fact, with their sources' file, date and language.
    public func quotes(forFact id: String) -> [SourceQuote] {
        lock.withLock {
            let loaded = load()
            return (loaded.quotesByFact[id] ?? []).map { quote in
                var result = Self.sourceQuote(quote, loaded.sourcesByID[quote.source])
                result.translationsDisagree = loaded.disagreeing.contains(id)
                return result
            }
        }
    }

    /// A pack quote with its source's details.
    public func sourceQuote(_ quote: RegionPack.Quote) -> SourceQuote {
        lock.withLock { Self.sourceQuote(quote, load().sourcesByID[quote.source]) }
    }

    private static func sourceQuote(_ quote: RegionPack.Quote, _ source: RegionPack.Source?) -> SourceQuote {
        return SourceQuote(
            sourceID: quote.source, file: source?.file ?? quote.source, date: source?.date ?? "",
            language: source?.language ?? "", text: quote.text, reading: quote.reading)
    }

    // MARK: - Building tables

    private func build(_ name: String, _ loaded: Loaded) -> Table {
        let pack = loaded.pack
        switch name {
        case "facts": return factsTable(pack)
        case "companies": return companiesTable(pack)
        case "projects": return projectsTable(pack)
        case "people": return peopleTable(pack)
        case "events": return eventsTable(pack)
        case "sources": return sourcesTable(pack)
        default: return metricsTable(pack)
        }
    }

    private func text(_ s: String?) -> Value { s.map(Value.string) ?? .null }
    /// An ISO 8601 date as a date value (a pack's dates are validated as ISO 8601).
    private func date(_ s: String?) -> Value {
        guard let s else { return .null }
        return CalendarDate.parse(s).map(Value.date) ?? .string(s)
    }
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

    private func factsTable(_ pack: RegionPack) -> Table {
        let region = Value.string(info.name)
        let rows: [[Value]] = pack.facts.map { f in
            [
                .string(f.id), region, .string(f.metric), integer(f.year), text(f.period), .number(f.value),
                .string(f.unit.rawValue), .string(f.kind.rawValue), .string(f.bound.rawValue), text(f.scope),
                text(f.subject), sourceIDs(f.quotes), integer(f.baseYear), text(f.asOf), text(f.note),
            ]
        }
        return FactValues.withQuantities(columnar(Self.factColumns, rows))
    }

    private func companiesTable(_ pack: RegionPack) -> Table {
        let region = Value.string(info.name)
        return columnar(
            ["id", "region", "name", "description", "tags", "customers", "export_destinations", "note", "source"],
            pack.companies.map { c in
                [
                    .string(c.id), region, .string(c.name), .string(c.description), list(c.tags), list(c.customers),
                    list(c.exportDestinations), text(c.note), sourceIDs(c.quotes),
                ]
            })
    }

    private func projectsTable(_ pack: RegionPack) -> Table {
        let region = Value.string(info.name)
        return columnar(
            ["id", "region", "name", "description", "status", "source"],
            pack.projects.map { p in
                [.string(p.id), region, .string(p.name), .string(p.description), text(p.status), sourceIDs(p.quotes)]
            })
    }

    private func peopleTable(_ pack: RegionPack) -> Table {
        let region = Value.string(info.name)
        return columnar(
            ["id", "region", "name", "office", "organization", "source"],
            pack.people.map { p in
                [.string(p.id), region, .string(p.name), text(p.office), text(p.organization), sourceIDs(p.quotes)]
            })
    }

    private func eventsTable(_ pack: RegionPack) -> Table {
        let region = Value.string(info.name)
        return columnar(
            ["id", "region", "name", "date", "kind", "description", "source"],
            pack.events.map { e in
                [
                    .string(e.id), region, .string(e.name), date(e.date), .string(e.kind), .string(e.description),
                    sourceIDs(e.quotes),
                ]
            })
    }

    private func sourcesTable(_ pack: RegionPack) -> Table {
        let region = Value.string(info.name)
        return columnar(
            ["id", "region", "file", "title", "date", "date_note", "language", "translated"],
            pack.sources.map { s in
                [
                    .string(s.id), region, .string(s.file), .string(s.title), date(s.date), text(s.dateNote),
                    .string(s.language), s.translated.map(Value.bool) ?? .null,
                ]
            })
    }

    private func metricsTable(_ pack: RegionPack) -> Table {
        columnar(
            ["id", "description", "unit"],
            pack.metrics.map { m in [.string(m.id), .string(m.description), .string(m.unit.rawValue)] })
    }
}

/// A mutual-exclusion lock for the lazily built tables.
// Safe: the pthread mutex is the synchronisation; the pointer to it never changes after init.
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
