// Every quote in every pack occurs verbatim (whitespace-normalised) in the source file it names.

import ALQPluginAPI
import ALQRegionPack
import Testing

@Suite(needsSeeds)
struct QuoteTests {
    @Test("every quote is a verbatim substring of its source", arguments: Dataset.embedded.map(\.file))
    func quotesAreVerbatim(file: String) throws {
        let bytes = try #require(Dataset.embedded.first { $0.file == file }?.bytes)
        let pack = try RegionPack.decode(bytes, file: file)
        var texts: [String: NormalText] = [:]
        for source in pack.sources { texts[source.id] = NormalText(try Dataset.seed(source.file)) }

        var quotes: [(String, RegionPack.Quote)] = []
        for (i, f) in pack.facts.enumerated() { quotes += f.quotes.map { ("facts[\(i)] \(f.id)", $0) } }
        for (i, c) in pack.companies.enumerated() { quotes += c.quotes.map { ("companies[\(i)] \(c.id)", $0) } }
        for (i, p) in pack.projects.enumerated() { quotes += p.quotes.map { ("projects[\(i)] \(p.id)", $0) } }
        for (i, p) in pack.people.enumerated() { quotes += p.quotes.map { ("people[\(i)] \(p.id)", $0) } }
        for (i, e) in pack.events.enumerated() { quotes += e.quotes.map { ("events[\(i)] \(e.id)", $0) } }
        #expect(!quotes.isEmpty)
        for (place, quote) in quotes {
            let text = try #require(texts[quote.source], "\(file): \(place) quotes undeclared source \(quote.source)")
            #expect(
                !text.ranges(of: NormalText(quote.text)).isEmpty,
                "\(file): \(place): quote not found in \(quote.source): \(quote.text)")
        }
    }

    @Test("every source file named by a pack exists in the seeds folder")
    func sourceFilesExist() throws {
        for pack in Dataset.packs {
            for source in pack.sources { _ = try Dataset.seed(source.file) }
        }
    }
}
