// 001 (Indonesian) and 004 (Telugu) are the same report: every Guangyuan fact quotes both, and the
// numbers written in the two quotes agree.

import ALQPluginAPI
import ALQRegionPack
import Testing

struct AgreementTests {
    static var guangyuan: RegionPack? { Dataset.packs.first { $0.region.id == "guangyuan" } }

    /// The numbers written in a quote (digits in the document's convention, and number words), sorted.
    static func numbers(_ quote: RegionPack.Quote, language: String) -> [Double] {
        NumberReader.all(in: NormalText(quote.text), language: language).map(\.value).sorted()
    }

    @Test("every Guangyuan fact has a quote from 001 and one from 004, with the same numbers")
    func indonesianAndTeluguAgree() throws {
        let pack = try #require(Self.guangyuan, "the Guangyuan pack did not decode")
        #expect(Set(pack.sources.map(\.id)) == ["001", "004"])
        #expect(pack.source("001")?.language == "id")
        #expect(pack.source("004")?.language == "te")
        #expect(pack.facts.count >= 20)
        for fact in pack.facts {
            let indonesian = fact.quotes.filter { $0.source == "001" }
            let telugu = fact.quotes.filter { $0.source == "004" }
            #expect(
                indonesian.count == 1 && telugu.count == 1, "\(fact.id): expected one quote from 001 and one from 004")
            guard let id = indonesian.first, let te = telugu.first else { continue }
            let idNumbers = Self.numbers(id, language: "id")
            let teNumbers = Self.numbers(te, language: "te")
            #expect(!idNumbers.isEmpty, "\(fact.id): the Indonesian quote states no number: \(id.text)")
            #expect(
                idNumbers == teNumbers,
                """
                \(fact.id): the documents disagree: 001 says \(idNumbers) (\(id.text)), 004 says \(teNumbers) (\(te.text))
                """)
            for (quote, numbers) in [(id, idNumbers), (te, teNumbers)] {
                #expect(
                    numbers.contains { NumberReader.matches($0, fact.value, unit: fact.unit) },
                    "\(fact.id): value \(fact.value) is not written in \(quote.source): \(quote.text)")
            }
        }
    }

    @Test("Guangyuan's companies, projects, people and events cite both documents")
    func entitiesCiteBoth() throws {
        let pack = try #require(Self.guangyuan)
        let cited: [(String, [RegionPack.Quote])] =
            pack.companies.map { ($0.id, $0.quotes) } + pack.projects.map { ($0.id, $0.quotes) }
            + pack.people.map { ($0.id, $0.quotes) } + pack.events.map { ($0.id, $0.quotes) }
        for (id, quotes) in cited {
            let sources = Set(quotes.map(\.source))
            #expect(sources == ["001", "004"], "\(id) cites \(sources.sorted())")
            let idNumbers = quotes.filter { $0.source == "001" }.flatMap { Self.numbers($0, language: "id") }.sorted()
            let teNumbers = quotes.filter { $0.source == "004" }.flatMap { Self.numbers($0, language: "te") }.sorted()
            #expect(idNumbers == teNumbers, "\(id): 001 says \(idNumbers), 004 says \(teNumbers)")
        }
    }

    @Test("the number reader follows each language's separators")
    func readerConventions() {
        func read(_ s: String, _ lang: String) -> [Double] {
            NumberReader.all(in: NormalText(s), language: lang).map(\.value)
        }
        #expect(read("mencapai 615.000 ton, 41,9 miliar dan 2,5 juta", "id") == [615000, 41.9, 2.5])
        #expect(read("615000 టన్నులకు 41.9 బిలియన్", "te") == [615000, 41.9])
        #expect(read("reached 14.543 million tons, 1,000 t", "en") == [14.543, 1000])
        #expect(read("ketiga perusahaan, tiga pusat, sepersepuluh", "id") == [3, 3, 0.1])
        #expect(read("మూడు ప్రధాన కేంద్రాల", "te") == [3])
        #expect(read("౧౦౦ కంటే", "te") == [100])
    }
}
