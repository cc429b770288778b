import ALQRuntime

// The rules a decoded region pack must satisfy (documented in docs/region-packs.md).

extension RegionPack {
    /// The problems of a pack's `alq_pack` and `region` alone: the first checks of ``validate()``, which
    /// registering a deferred pack makes without building the rest.
    static func headerIssues(alqPack: Int, region: Region) -> [RegionPackIssue] {
        var issues: [RegionPackIssue] = []
        func fail(_ path: String, _ message: String) { issues.append(RegionPackIssue(path: path, message: message)) }

        if alqPack != Self.formatVersion {
            fail("alq_pack", "unsupported pack format version \(alqPack); this alq reads version \(Self.formatVersion)")
        }
        if !Self.isIdentifier(region.id) {
            fail("region.id", "expected a lower-case identifier (letters, digits, _), found '\(region.id)'")
        }
        if region.name.trimmed.isEmpty { fail("region.name", "expected a name, found an empty string") }
        if region.level.trimmed.isEmpty {
            fail("region.level", "expected an administrative level, found an empty string")
        }
        if region.summary.trimmed.isEmpty { fail("region.summary", "expected a summary, found an empty string") }
        if !Self.isVersion(region.version) {
            fail("region.version", "expected a version like 1.0.0, found '\(region.version)'")
        }
        if region.parent == region.id { fail("region.parent", "a region cannot be its own parent") }
        return issues
    }

    /// Checks the pack's own consistency and returns every problem found (empty when valid):
    ///
    /// - `alq_pack` is ``formatVersion``; the region id is a lower-case identifier; names are not empty;
    /// - source, metric, fact, company, project, person and event ids are unique in their lists;
    /// - metric ids are snake_case; every fact's metric is declared and the fact's unit is the metric's;
    /// - values are finite; years and base years are plausible (1900–2200);
    /// - dates are `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `--MM-DD`; languages are BCP-47 tags;
    /// - every fact and entity has at least one quote, and every quote names a declared source and is not empty.
    public func validate() -> [RegionPackIssue] {
        var issues = Self.headerIssues(alqPack: alqPack, region: region)
        func fail(_ path: String, _ message: String) { issues.append(RegionPackIssue(path: path, message: message)) }

        // Sources.
        var sourceIDs = Set<String>()
        for (i, source) in sources.enumerated() {
            let path = "sources[\(i)]"
            if source.id.trimmed.isEmpty { fail("\(path).id", "expected an id, found an empty string") }
            if !sourceIDs.insert(source.id).inserted { fail("\(path).id", "duplicate source id '\(source.id)'") }
            if source.file.trimmed.isEmpty { fail("\(path).file", "expected a file name, found an empty string") }
            if let date = source.date, !Self.isPartialDate(date) {
                fail("\(path).date", "expected a date YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD, found '\(date)'")
            }
            if !Self.isLanguageTag(source.language) {
                fail(
                    "\(path).language",
                    "expected a BCP-47 language tag such as en, id or te, found '\(source.language)'")
            }
        }
        if sources.isEmpty { fail("sources", "expected at least one source") }

        func checkQuotes(_ quotes: [Quote], _ path: String) {
            if quotes.isEmpty { fail("\(path).quotes", "expected at least one quote") }
            for (j, quote) in quotes.enumerated() {
                if !sourceIDs.contains(quote.source) {
                    let known = sources.map(\.id).joined(separator: ", ")
                    fail("\(path).quotes[\(j)].source", "unknown source '\(quote.source)'; the pack declares \(known)")
                }
                if quote.text.trimmed.isEmpty {
                    fail("\(path).quotes[\(j)].text", "expected a quote, found an empty string")
                }
            }
        }

        // Metrics.
        var metricUnits: [String: Unit] = [:]
        for (i, metric) in metrics.enumerated() {
            let path = "metrics[\(i)]"
            if !Self.isIdentifier(metric.id) {
                fail("\(path).id", "expected a snake_case metric id, found '\(metric.id)'")
            }
            if metricUnits[metric.id] != nil { fail("\(path).id", "duplicate metric id '\(metric.id)'") }
            metricUnits[metric.id] = metric.unit
            if metric.description.trimmed.isEmpty {
                fail("\(path).description", "expected a description, found an empty string")
            }
        }

        // Facts.
        var factIDs = Set<String>()
        for (i, fact) in facts.enumerated() {
            let path = "facts[\(i)]"
            if fact.id.trimmed.isEmpty { fail("\(path).id", "expected an id, found an empty string") }
            if !factIDs.insert(fact.id).inserted { fail("\(path).id", "duplicate fact id '\(fact.id)'") }
            if let unit = metricUnits[fact.metric] {
                if unit != fact.unit {
                    fail(
                        "\(path).unit",
                        "expected '\(unit.rawValue)' (the unit of metric '\(fact.metric)'), found '\(fact.unit.rawValue)'"
                    )
                }
            } else {
                fail("\(path).metric", "metric '\(fact.metric)' is not declared in 'metrics'")
            }
            if !fact.value.isFinite { fail("\(path).value", "expected a finite number") }
            if let year = fact.year, !(1900...2200).contains(year) {
                fail("\(path).year", "expected a year between 1900 and 2200, found \(year)")
            }
            if let year = fact.baseYear, !(1900...2200).contains(year) {
                fail("\(path).base_year", "expected a year between 1900 and 2200, found \(year)")
            }
            if let period = fact.period, period.trimmed.isEmpty {
                fail("\(path).period", "expected a period or null, found an empty string")
            }
            if let asOf = fact.asOf, !Self.isPartialDate(asOf) {
                fail("\(path).as_of", "expected a date YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD, found '\(asOf)'")
            }
            checkQuotes(fact.quotes, path)
        }

        // Entities.
        func checkIDs(_ ids: [String], _ table: String) {
            var seen = Set<String>()
            for (i, id) in ids.enumerated() {
                if id.trimmed.isEmpty { fail("\(table)[\(i)].id", "expected an id, found an empty string") }
                if !seen.insert(id).inserted { fail("\(table)[\(i)].id", "duplicate \(table) id '\(id)'") }
            }
        }
        checkIDs(companies.map(\.id), "companies")
        checkIDs(projects.map(\.id), "projects")
        checkIDs(people.map(\.id), "people")
        checkIDs(events.map(\.id), "events")
        for (i, company) in companies.enumerated() {
            if company.name.trimmed.isEmpty { fail("companies[\(i)].name", "expected a name, found an empty string") }
            checkQuotes(company.quotes, "companies[\(i)]")
        }
        for (i, project) in projects.enumerated() {
            if project.name.trimmed.isEmpty { fail("projects[\(i)].name", "expected a name, found an empty string") }
            checkQuotes(project.quotes, "projects[\(i)]")
        }
        for (i, person) in people.enumerated() {
            if person.name.trimmed.isEmpty { fail("people[\(i)].name", "expected a name, found an empty string") }
            checkQuotes(person.quotes, "people[\(i)]")
        }
        for (i, event) in events.enumerated() {
            if event.name.trimmed.isEmpty { fail("events[\(i)].name", "expected a name, found an empty string") }
            if let date = event.date, !Self.isPartialDate(date) {
                fail("events[\(i)].date", "expected a date YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD, found '\(date)'")
            }
            checkQuotes(event.quotes, "events[\(i)]")
        }
        return issues
    }

    /// Checks rules that span packs and returns every problem found (empty when consistent):
    /// region ids and names are unique across packs, and a metric id has the same unit in every pack.
    ///
    /// - Parameter packs: each pack with the file name to report against.
    public static func validateCollection(_ packs: [(file: String, pack: RegionPack)]) -> [RegionPackError] {
        var byFile: [String: [RegionPackIssue]] = [:]
        var order: [String] = []
        func fail(_ file: String, _ path: String, _ message: String) {
            if byFile[file] == nil { order.append(file) }
            byFile[file, default: []].append(RegionPackIssue(path: path, message: message))
        }
        var regionOwner: [String: String] = [:]  // lower-cased name -> file
        var metricUnit: [String: (unit: Unit, file: String)] = [:]
        for (file, pack) in packs {
            for name in pack.region.names {
                let key = name.lowercased()
                if let owner = regionOwner[key], owner != file {
                    fail(file, "region", "region name '\(name)' is already used by \(owner)")
                } else {
                    regionOwner[key] = file
                }
            }
            for (i, metric) in pack.metrics.enumerated() {
                if let first = metricUnit[metric.id] {
                    if first.unit != metric.unit {
                        fail(
                            file, "metrics[\(i)].unit",
                            "metric '\(metric.id)' has unit '\(first.unit.rawValue)' in \(first.file), found '\(metric.unit.rawValue)'"
                        )
                    }
                } else {
                    metricUnit[metric.id] = (metric.unit, file)
                }
            }
        }
        return order.map { RegionPackError(file: $0, issues: byFile[$0]!) }
    }

    // MARK: - Lexical rules

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    static func isVersion(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return (1...3).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }

    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `--MM-DD`, with months 01–12 and days that exist in that month
    /// (29 February only in a leap year; `--02-29` is allowed).
    static func isPartialDate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        func number(_ p: String, digits: Int, _ range: ClosedRange<Int>) -> Bool {
            p.count == digits && p.allSatisfy(\.isASCIIDigit) && range.contains(Int(p)!)
        }
        switch parts.count {
        case 1: return number(parts[0], digits: 4, 1000...9999)
        case 2: return number(parts[0], digits: 4, 1000...9999) && number(parts[1], digits: 2, 1...12)
        case 3:
            return number(parts[0], digits: 4, 1000...9999) && number(parts[1], digits: 2, 1...12)
                && number(parts[2], digits: 2, 1...CalendarDate.days(inMonth: Int(parts[1])!, year: Int(parts[0])!))
        case 4:
            return parts[0].isEmpty && parts[1].isEmpty && number(parts[2], digits: 2, 1...12)
                && number(parts[3], digits: 2, 1...CalendarDate.days(inMonth: Int(parts[2])!, year: nil))
        default: return false
        }
    }

    /// A simple BCP-47 check: a 2–3 letter language, then optional 2–8 character subtags.
    static func isLanguageTag(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count), language.allSatisfy(\.isASCIILetter) else {
            return false
        }
        return parts.dropFirst().allSatisfy {
            (1...8).contains($0.count) && $0.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit }
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
    fileprivate var isASCIILetter: Bool { isASCII && isLetter }
}

extension String {
    fileprivate var trimmed: Substring {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return s
    }
}
