import ALQPluginAPI
import ALQRuntime
import ALQSyntax

/// `source(x)`: every fact behind a value, a cell, a column (a list), a row (a record) or a table,
/// each once, with one row per quote (so a Guangyuan fact shows its Indonesian and its Telugu
/// quote).
///
/// The columns are `fact`, `role` (`stated` when `x` is the fact's own value, else `derived from`),
/// `file`, `date`, `language`, `quote`, `reading` (how the quote reads the fact where the sources
/// differ) and `caveat`: that the fact's translations disagree, or that `x` combines facts of
/// different scope or subject.
enum Sources {
    /// What is known of a fact id behind a value: whether it was used as stated.
    private struct Collected {
        var ids: [String] = []
        var stated: Set<String> = []

        mutating func add(_ id: String, stated isStated: Bool) {
            if !ids.contains(id) { ids.append(id) }
            if isStated { stated.insert(id) }
        }

        mutating func add(_ provenance: Provenance) {
            for id in provenance.factIDs { add(id, stated: !provenance.derived) }
        }
    }

    static func table(for value: Value, registry: Registry) throws(Diagnostic) -> Value {
        var collected = Collected()
        collect(value, into: &collected, registry: registry)
        let ids = collected.ids.filter { !registry.quotes(forFact: $0).isEmpty }
        guard !ids.isEmpty else { throw noSource(value) }
        let scopeCaveat = scopeCaveat(ids, registry: registry)
        var records: [Record] = []
        for id in ids {
            let quotes = registry.quotes(forFact: id)
            var caveats: [String] = []
            if quotes.contains(where: \.translationsDisagree) {
                let readings = quotes.map { "\($0.sourceID) (\($0.language)): \($0.reading ?? "as quoted")" }
                caveats.append("the translations disagree — " + readings.joined(separator: "; "))
            }
            if let scopeCaveat { caveats.append(scopeCaveat) }
            for quote in quotes {
                records.append(
                    Record([
                        ("fact", .string(id)),
                        ("role", .string(collected.stated.contains(id) ? "stated" : "derived from")),
                        ("file", .string(quote.file)),
                        ("date", CalendarDate.parse(quote.date).map(Value.date) ?? .string(quote.date)),
                        ("language", .string(quote.language)), ("quote", .string(quote.text)),
                        ("reading", quote.reading.map(Value.string) ?? .null),
                        ("caveat", caveats.isEmpty ? .null : .string(caveats.joined(separator: "; "))),
                    ]))
            }
        }
        return .table(Table(records: records))
    }

    private static func noSource(_ value: Value) -> Diagnostic {
        switch value {
        case .table(let table) where table.rowCount == 0:
            return Diagnostic(
                .invalidArgument, "the table has no rows, so there is no fact behind it",
                help: "ask for a table that holds facts, e.g. source(Guangxi.facts)")
        case .quantity, .number:
            return Diagnostic(
                .invalidArgument,
                "this \(value.typeName) was computed from literals only: it does not come from the dataset, so it has no source",
                help: "ask for a fact, e.g. source(Guangxi.output_value[2024])")
        default:
            return Diagnostic(
                .invalidArgument, "this \(value.typeName) does not come from the dataset, so it has no source",
                help: "ask for a fact, e.g. source(Guangxi.output_value[2024]), or for a table of facts")
        }
    }

    private static func collect(_ value: Value, into collected: inout Collected, registry: Registry) {
        switch value {
        case .quantity(let quantity):
            collected.add(quantity.provenance)
        case .record(let record):
            if case .string(let id)? = record["id"], !registry.quotes(forFact: id).isEmpty {
                collected.add(id, stated: true)
            }
            for field in record.values { collect(field, into: &collected, registry: registry) }
        case .table(let table):
            for (name, column) in zip(table.columnNames, table.columns) {
                switch column {
                case .mixed(let cells):
                    for cell in cells { collect(cell, into: &collected, registry: registry) }
                case .string(let strings) where name == "id":
                    for row in 0..<table.rowCount where strings.codes[row] >= 0 {
                        let id = strings.dictionary[Int(strings.codes[row])]
                        if !registry.quotes(forFact: id).isEmpty { collected.add(id, stated: true) }
                    }
                default:
                    break
                }
            }
        case .list(let values):
            for element in values { collect(element, into: &collected, registry: registry) }
        default:
            break
        }
    }

    /// A caveat when the facts differ in scope or subject, naming each.
    private static func scopeCaveat(_ ids: [String], registry: Registry) -> String? {
        guard ids.count > 1, let facts = registry.table(named: "facts"), let idColumn = facts.column("id") else {
            return nil
        }
        let wanted = Set(ids)
        var described: [String: String] = [:]
        for row in 0..<facts.rowCount {
            guard case .string(let id) = idColumn[row], wanted.contains(id) else { continue }
            let record = facts.row(row)
            let parts = ["scope", "subject"].compactMap { key -> String? in
                guard case .string(let text)? = record[key] else { return nil }
                return text
            }
            described[id] = parts.isEmpty ? "not stated" : parts.joined(separator: ", ")
        }
        let distinct = Set(described.values)
        guard distinct.count > 1 else { return nil }
        let listing = ids.compactMap { id in described[id].map { "\(id): \($0)" } }
        return "combines facts of different scope or subject (" + listing.joined(separator: "; ") + ")"
    }
}
