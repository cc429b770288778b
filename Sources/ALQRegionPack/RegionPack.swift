// The region pack model: one JSON document holds everything a region module holds.
// The format is documented in docs/region-packs.md; decoding and validation are in
// RegionPackDecoding.swift and RegionPackValidation.swift.

/// A region pack: a region's metadata, sources, metric vocabulary, facts, companies,
/// projects, people and events, every item carrying the quotes it came from.
///
/// Packs are plain data (format version ``RegionPack/formatVersion``); load one with
/// ``RegionPack/decode(_:file:)``, which decodes and validates it.
public struct RegionPack: Sendable, Hashable, Codable {
    /// The pack format version this build reads and writes.
    public static let formatVersion = 1

    /// The format version the pack was written for (`alq_pack`); must be ``formatVersion``.
    public var alqPack: Int
    /// The region the pack describes.
    public var region: Region
    /// The documents the pack's quotes come from.
    public var sources: [Source]
    /// The metrics the pack's facts use, with description and unit.
    public var metrics: [Metric]
    /// The numeric facts.
    public var facts: [Fact]
    /// Companies the sources name, with what they say of them.
    @OrEmpty public var companies: [Company]
    /// Projects (construction projects, production lines, services, brands).
    @OrEmpty public var projects: [Project]
    /// People the sources name, with their offices.
    @OrEmpty public var people: [Person]
    /// Meetings, reports, decisions and plans, with dates.
    @OrEmpty public var events: [Event]

    /// Creates a pack from its parts.
    public init(
        alqPack: Int = RegionPack.formatVersion, region: Region, sources: [Source], metrics: [Metric],
        facts: [Fact], companies: [Company] = [], projects: [Project] = [], people: [Person] = [],
        events: [Event] = []
    ) {
        self.alqPack = alqPack
        self.region = region
        self.sources = sources
        self.metrics = metrics
        self.facts = facts
        self.companies = companies
        self.projects = projects
        self.people = people
        self.events = events
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case alqPack = "alq_pack"
        case region, sources, metrics, facts, companies, projects, people, events
    }

    // MARK: - Region

    /// The region a pack describes: its names, administrative level and parent.
    public struct Region: Sendable, Hashable, Codable {
        /// Lower-case identifier (`guangxi`); the module's canonical name.
        public var id: String
        /// English name (`Guangxi`).
        public var name: String
        /// Chinese name (`广西`).
        public var chinese: String?
        /// Pinyin with tone marks (`Guǎngxī`).
        public var pinyin: String?
        /// Further names the region answers to.
        @OrEmpty public var aliases: [String]
        /// Administrative level: autonomous region, prefecture-level city, municipality, province, …
        public var level: String
        /// The enclosing region: a pack's region id when that region is a module (`guangxi`),
        /// otherwise its plain name (`Sichuan`); `nil` for a provincial-level region.
        public var parent: String?
        /// One or two sentences from the sources.
        public var summary: String
        /// The pack's own version (semantic versioning).
        public var version: String

        /// Creates a region description.
        public init(
            id: String, name: String, chinese: String? = nil, pinyin: String? = nil, aliases: [String] = [],
            level: String, parent: String? = nil, summary: String, version: String
        ) {
            self.id = id
            self.name = name
            self.chinese = chinese
            self.pinyin = pinyin
            self.aliases = aliases
            self.level = level
            self.parent = parent
            self.summary = summary
            self.version = version
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, name, chinese, pinyin, aliases, level, parent, summary, version
        }

        /// Every name the region answers to: id, English, Chinese, pinyin and aliases.
        public var names: [String] {
            var all = [id, name]
            if let chinese { all.append(chinese) }
            if let pinyin { all.append(pinyin) }
            all.append(contentsOf: aliases)
            var seen = Set<String>()
            return all.filter { seen.insert($0).inserted }
        }
    }

    // MARK: - Sources

    /// A source document.
    public struct Source: Sendable, Hashable, Codable {
        /// Short identifier the quotes refer to (`000`).
        public var id: String
        /// The document's file name (in the seeds folder).
        public var file: String
        /// A title: the document's own, or a short description of it.
        public var title: String
        /// The document's date: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or `--MM-DD` when the year is unknown; `nil` if unknown.
        public var date: String?
        /// How the date was established from the text.
        public var dateNote: String?
        /// The document's language as a BCP-47 tag (`en`, `id`, `te`).
        public var language: String
        /// Whether the document is a translation of a (Chinese) original.
        public var translated: Bool?
        /// Where the document was published, when known.
        public var url: String?

        /// Creates a source description.
        public init(
            id: String, file: String, title: String, date: String? = nil, dateNote: String? = nil,
            language: String, translated: Bool? = nil, url: String? = nil
        ) {
            self.id = id
            self.file = file
            self.title = title
            self.date = date
            self.dateNote = dateNote
            self.language = language
            self.translated = translated
            self.url = url
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, file, title, date
            case dateNote = "date_note"
            case language, translated, url
        }

    }

    // MARK: - Metrics and facts

    /// The base unit a fact's value is written in.
    public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
        /// Chinese yuan.
        case cny = "CNY"
        /// Metric tonnes.
        case tonnes = "t"
        /// Percent (41.4 means 41.4 %).
        case percent = "%"
        /// A count of things (enterprises, platforms, projects …).
        case count
        /// A rank or tier (1 = first).
        case rank
        /// A multiple ("5 times 2020").
        case multiple = "x"

    }

    /// What a fact's value is: a measured or reported value, an expectation, a target or a plan.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A value the source reports as achieved or current.
        case actual
        /// A forecast ("is expected to exceed").
        case expected
        /// An outcome goal ("should exceed", "will exceed by 2027").
        case target
        /// A planned action ("start no less than 5 key projects").
        case plan

    }

    /// How the value bounds the quantity the source speaks of.
    public enum Bound: String, Sendable, Hashable, Codable, CaseIterable {
        /// The value itself.
        case exact
        /// "more than", "exceed", "no less than", "over".
        case atLeast = "at_least"
        /// "up to".
        case atMost = "at_most"

    }

    /// A metric: what a fact measures, in which unit.
    public struct Metric: Sendable, Hashable, Codable {
        /// snake_case English identifier, one vocabulary across all packs (`alumina_output`).
        public var id: String
        /// What the metric measures.
        public var description: String
        /// The unit of every fact of this metric, in every pack.
        public var unit: Unit

        /// Creates a metric.
        public init(id: String, description: String, unit: Unit) {
            self.id = id
            self.description = description
            self.unit = unit
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case id, description, unit }

    }

    /// A verbatim clause from a source document.
    public struct Quote: Sendable, Hashable, Codable {
        /// The ``Source/id`` of the document.
        public var source: String
        /// The clause, verbatim (whitespace may differ).
        public var text: String
        /// How this quote reads the fact, where the sources differ ("more than 5 times", "5 times").
        public var reading: String?

        /// Creates a quote.
        public init(source: String, text: String, reading: String? = nil) {
            self.source = source
            self.text = text
            self.reading = reading
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case source, text, reading }

    }

    /// A numeric fact with its provenance.
    public struct Fact: Sendable, Hashable, Codable {
        /// Unique identifier (`guangxi.output_value.2024.actual`).
        public var id: String
        /// The ``Metric/id``.
        public var metric: String
        /// The year the value is for; `nil` where the source gives none.
        public var year: Int?
        /// A part of the year or a span ("Jan–Jul", "four years"); `nil` for a whole year.
        public var period: String?
        /// The value in the base unit (205 bn yuan is 205000000000).
        public var value: Double
        /// The unit; equal to the metric's unit.
        public var unit: Unit
        /// Actual, expected, target or plan.
        public var kind: Kind
        /// Exact, at least or at most; `exact` when left out.
        public var bound: Bound
        /// The scope the source states ("above designated size", "national").
        public var scope: String?
        /// What the value is about when not the region's aluminium industry itself ("Sichuan province").
        public var subject: String?
        /// The year a multiple, growth rate or increase compares with.
        public var baseYear: Int?
        /// The date at which a "current" value (no year) held, usually the source's date.
        public var asOf: String?
        /// Remarks on reading the source.
        public var note: String?
        /// The clauses that state the fact, at least one.
        public var quotes: [Quote]
        /// Whether the translations of one document disagree on the fact (each quote's `reading` says how).
        @FalseByDefault public var translationsDisagree: Bool

        /// Creates a fact.
        public init(
            id: String, metric: String, year: Int?, period: String? = nil, value: Double, unit: Unit,
            kind: Kind, bound: Bound = .exact, scope: String? = nil, subject: String? = nil,
            baseYear: Int? = nil, asOf: String? = nil, note: String? = nil, quotes: [Quote],
            translationsDisagree: Bool = false
        ) {
            self.id = id
            self.metric = metric
            self.year = year
            self.period = period
            self.value = value
            self.unit = unit
            self.kind = kind
            self.bound = bound
            self.scope = scope
            self.subject = subject
            self.baseYear = baseYear
            self.asOf = asOf
            self.note = note
            self.quotes = quotes
            self.translationsDisagree = translationsDisagree
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, metric, year, period, value, unit, kind, bound, scope, subject
            case baseYear = "base_year"
            case asOf = "as_of"
            case note, quotes
            case translationsDisagree = "translations_disagree"
        }

    }

    // MARK: - Entities

    /// A company the sources name.
    public struct Company: Sendable, Hashable, Codable {
        /// Identifier, unique in the pack.
        public var id: String
        /// The name as the source writes it.
        public var name: String
        /// What the source says of the company.
        public var description: String
        /// Short labels ("4N high-purity aluminium", "IPO candidate").
        @OrEmpty public var tags: [String]
        /// Customers the source names.
        @OrEmpty public var customers: [String]
        /// Countries and regions the company's products are exported to.
        @OrEmpty public var exportDestinations: [String]
        /// Remarks on reading the source.
        public var note: String?
        /// The clauses that name the company.
        public var quotes: [Quote]

        /// Creates a company.
        public init(
            id: String, name: String, description: String, tags: [String] = [], customers: [String] = [],
            exportDestinations: [String] = [], note: String? = nil, quotes: [Quote]
        ) {
            self.id = id
            self.name = name
            self.description = description
            self.tags = tags
            self.customers = customers
            self.exportDestinations = exportDestinations
            self.note = note
            self.quotes = quotes
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, name, description, tags, customers
            case exportDestinations = "export_destinations"
            case note, quotes
        }

    }

    /// A project: a construction project, production line, service, brand or programme.
    public struct Project: Sendable, Hashable, Codable {
        /// Identifier, unique in the pack.
        public var id: String
        /// The project's name.
        public var name: String
        /// What the source says of it.
        public var description: String
        /// Its state as the source describes it: planned, under construction, operating, established.
        public var status: String?
        /// The clauses that name the project.
        public var quotes: [Quote]

        /// Creates a project.
        public init(id: String, name: String, description: String, status: String? = nil, quotes: [Quote]) {
            self.id = id
            self.name = name
            self.description = description
            self.status = status
            self.quotes = quotes
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case id, name, description, status, quotes }

    }

    /// A person the sources name.
    public struct Person: Sendable, Hashable, Codable {
        /// Identifier, unique in the pack.
        public var id: String
        /// The name (family name first, as the sources write it).
        public var name: String
        /// The office the source gives.
        public var office: String?
        /// The organisation the office belongs to.
        public var organization: String?
        /// The clauses that name the person.
        public var quotes: [Quote]

        /// Creates a person.
        public init(id: String, name: String, office: String? = nil, organization: String? = nil, quotes: [Quote]) {
            self.id = id
            self.name = name
            self.office = office
            self.organization = organization
            self.quotes = quotes
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case id, name, office, organization, quotes }

    }

    /// A meeting, report, decision or plan.
    public struct Event: Sendable, Hashable, Codable {
        /// Identifier, unique in the pack.
        public var id: String
        /// The event's name.
        public var name: String
        /// Its date, in the forms ``Source/date`` allows; `nil` if the source gives none.
        public var date: String?
        /// meeting, symposium, press conference, report, decision, plan, …
        public var kind: String
        /// What happened or what it sets out.
        public var description: String
        /// The clauses that state it.
        public var quotes: [Quote]

        /// Creates an event.
        public init(id: String, name: String, date: String? = nil, kind: String, description: String, quotes: [Quote]) {
            self.id = id
            self.name = name
            self.date = date
            self.kind = kind
            self.description = description
            self.quotes = quotes
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case id, name, date, kind, description, quotes }

    }
}

extension RegionPack {
    /// The metric with this id, if the pack declares it.
    public func metric(_ id: String) -> Metric? { metrics.first { $0.id == id } }
    /// The source with this id, if the pack declares it.
    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }
}
