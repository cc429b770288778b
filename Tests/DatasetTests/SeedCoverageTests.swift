// Every number written in every seed document is in the dataset, or is on the short list of
// numbers that are not facts below.

import ALQPluginAPI
import ALQRegionPack
import Testing

/// A number in a seed that is not a fact: the text around it (which must occur in the file) and why.
struct NonFact: CustomStringConvertible {
    var source: String
    var context: String
    var reason: String
    init(_ source: String, _ context: String, _ reason: String) {
        self.source = source
        self.context = context
        self.reason = reason
    }
    var description: String { "\(source): \(context)" }
}

/// The numbers in the seeds that are not facts. Decisions, applied to all five documents alike:
/// - dates (of meetings, reports, postings) are sources' and events' dates, not facts;
/// - ordinals and numbers inside names are names: "20th meeting", "14th Standing Committee",
///   "three-year action plan", "2023 Work Plan", "Phase II", "twin-city", "dual control", "4N-grade";
/// - slogans and tier labels are names: "100 Enterprises, 100 Billion", Guangxi's "100 billion yuan
///   industrial cluster" (a cluster tier, no year, no measurement), "ten-billion-level" (the count
///   "a new" one is a fact; the level is part of its quote);
/// - ordinals that describe a thing rather than rank it: the city's "first leading industry" (a
///   designation) and Sichuan's "first designated delivery warehouse" (kept in the project's description);
/// - "the two places" refers to Sichuan and Chongqing;
/// - the goal year 2027 where the introduction announces the goals (each goal is a fact with year 2027).
/// Durations that qualify a fact ("one year ahead of schedule", "in four years", "within five years",
/// "the first round") are part of that fact's quote, period or note, not facts of their own; counts,
/// ranks ("third"), fractions ("sepersepuluh") and multiples ("doubled") are facts.
let nonFacts: [NonFact] = [
    // 000 Guangxi (English)
    NonFact("000", "On September 23rd", "date of the meeting and report (the source's date)"),
    NonFact(
        "000", "the 20th meeting of the 14th Standing Committee",
        "ordinal names of a meeting and of the congress's term"),
    NonFact("000", "the three-year action plan for industrial revitalization", "name of a plan (an event in the pack)"),
    NonFact("000", "4N-grade high-purity", "purity grade name (4N = 99.99 %), kept as a company tag"),
    // 001 Guangyuan (Indonesian)
    NonFact("001", "Pada tanggal 11 November", "date of the press conference (an event in the pack)"),
    NonFact(
        "001", "pada tahun 2027 dalam membangun",
        "the goals' year as the introduction announces them; each goal is a 2027 fact"),
    NonFact(
        "001", "\"100 Perusahaan, 100 Miliar\"", "slogan (both occurrences): name of the goal (an event in the pack)"),
    NonFact("001", "industri unggulan pertama", "designation 'first leading industry' (首位产业), not a ranking"),
    NonFact(
        "001", "gudang pengiriman khusus pertama", "'the first' such warehouse in Sichuan: described in the project"),
    NonFact("001", "Waktu posting: 14-Nov-2025", "posting date (the source's date)"),
    // 004 Guangyuan (Telugu): the same decisions as 001
    NonFact("004", "నవంబర్ 11న", "date of the press conference (an event in the pack)"),
    NonFact("004", "మరియు 2027 దీర్ఘకాలిక", "the goals' year as the introduction announces them; each goal is a 2027 fact"),
    NonFact("004", "\"100 ఎంటర్ప్రైజెస్, 100 బిలియన్\"", "slogan (both occurrences): name of the goal (an event in the pack)"),
    NonFact("004", "మొట్టమొదటి ప్రముఖ పరిశ్రమగా", "designation 'first leading industry' (首位产业), not a ranking"),
    NonFact("004", "మొదటి నియమించబడిన డెలివరీ గిడ్డంగి", "'the first' such warehouse in Sichuan: described in the project"),
    NonFact("004", "పోస్ట్ సమయం: నవంబర్-14-2025", "posting date (the source's date)"),
    // 002 Chongqing (English)
    NonFact("002", "On April 17", "date of the announcement (the source's date)"),
    NonFact("002", "“2023 Work Plan for", "name of the plan (an event in the pack); its facts carry year 2023"),
    NonFact("002", "Jiulong Wanbo Phase II alumina project", "project name (a project in the pack)"),
    NonFact("002", "the twin-city economic circle", "name of the Chengdu–Chongqing economic circle"),
    NonFact("002", "aluminum enterprises in the two places", "'the two places' are Sichuan and Chongqing"),
    // 003 Baise (English)
    NonFact("003", "On the afternoon of July 30", "date of the symposium (an event in the pack)"),
    NonFact(
        "003", "Guangxi’s 100 billion yuan industrial cluster",
        "cluster tier name (千亿元产业集群): no year, not a measurement"),
    NonFact("003", "energy consumption “dual control”", "policy name (能耗双控)"),
]

struct SeedCoverageTests {
    static let seedIDs = ["000", "001", "002", "003", "004"]

    @Test("every number written in a seed is a fact or a listed non-fact", needsSeeds, arguments: seedIDs)
    func everyNumberIsAccounted(seedID: String) throws {
        let source = try #require(Dataset.sources[seedID], "no pack declares source \(seedID)")
        let text = NormalText(try Dataset.seed(source.file))

        // Spans of fact quotes in this file, with their facts.
        var spans: [(range: Range<Int>, fact: RegionPack.Fact)] = []
        for pack in Dataset.packs {
            for fact in pack.facts {
                for quote in fact.quotes where quote.source == seedID {
                    for r in text.ranges(of: NormalText(quote.text)) { spans.append((r, fact)) }
                }
            }
        }
        // Spans of non-fact contexts; each entry must still occur and hold a number.
        var excused: [Range<Int>] = []
        let numbers = NumberReader.all(in: text, language: source.language)
        for entry in nonFacts where entry.source == seedID {
            let found = text.ranges(of: NormalText(entry.context))
            #expect(!found.isEmpty, "non-fact entry no longer occurs in \(seedID): \(entry.context)")
            for r in found {
                #expect(
                    numbers.contains { r.contains($0.range.lowerBound) }, "non-fact entry holds no number: \(entry)")
            }
            excused += found
        }

        var unaccounted: [String] = []
        for number in numbers {
            let inside = spans.filter {
                $0.range.contains(number.range.lowerBound) && $0.range.contains(number.range.upperBound - 1)
            }
            let covered: Bool
            if number.isWord {
                covered = !inside.isEmpty
            } else {
                covered = inside.contains { span in
                    let f = span.fact
                    return NumberReader.matches(number.value, f.value, unit: f.unit)
                        || f.year.map { Double($0) == number.value } == true
                        || f.baseYear.map { Double($0) == number.value } == true
                }
            }
            if covered { continue }
            if excused.contains(where: {
                $0.contains(number.range.lowerBound) && $0.contains(number.range.upperBound - 1)
            }) {
                continue
            }
            unaccounted.append("'\(number.text)' in …\(text.context(number.range))…")
        }
        #expect(
            unaccounted.isEmpty,
            """
            \(source.file): \(unaccounted.count) number(s) neither in a fact (a quote containing it, with a \
            matching value or year) nor on the non-fact list:
            \(unaccounted.joined(separator: "\n"))
            """)
    }

    @Test("the seeds folder is found (without it: skipped, or failed with ALQ_REQUIRE_SEEDS=1)", needsSeeds)
    func seedsFolderExists() throws {
        for id in Self.seedIDs {
            let source = try #require(Dataset.sources[id])
            _ = try Dataset.seed(source.file)
        }
    }

    @Test("a missing seeds folder is an error that says where the folder was expected")
    func missingSeedsFolderFails() {
        let nowhere = Dataset.packageRoot.appendingPathComponent("no-such-seeds-folder")
        do {
            _ = try Dataset.seed("000_5fdf5b7c782c7ec0.txt", in: nowhere)
            Issue.record("reading from a missing folder succeeded")
        } catch {
            #expect("\(error)".contains("The seed documents are missing"))
            #expect("\(error)".contains("no-such-seeds-folder"))
        }
    }

    @Test("the Telugu document writes its numbers in Arabic digits", needsSeeds)
    func teluguUsesArabicDigits() throws {
        let source = try #require(Dataset.sources["004"])
        let text = try Dataset.seed(source.file)
        let teluguDigits = text.unicodeScalars.filter { (0x0C66...0x0C6F).contains($0.value) }
        #expect(
            teluguDigits.isEmpty,
            "004 uses Telugu digits; the number reader reads them, but the quotes' numbers must be re-checked")
        #expect(text.unicodeScalars.contains { ("0"..."9").contains($0) })
    }
}
