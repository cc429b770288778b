import ALQPluginAPI
import ALQRuntime
import ALQSyntax

/// The members of a region module used as a namespace: `Guangxi.facts`, `Guangxi.output_value`,
/// `Guangxi.name`.
struct RegionNamespace {
    let module: any RegionModule
    let registry: Registry

    /// The members every region has besides its tables and metrics.
    static let infoMembers = [
        "name", "chinese", "pinyin", "level", "parent", "summary", "subregions", "with_subregions",
    ]

    /// Every member name, for completion and suggestions.
    var memberNames: [String] {
        module.tableNames + metricIDs + RegionNamespace.infoMembers
    }

    /// The ids of the metrics the region has facts for, in order of first appearance.
    var metricIDs: [String] {
        guard let facts = module.table(named: "facts"), let metrics = facts.column("metric") else { return [] }
        if case .string(let strings) = metrics { return strings.dictionary }
        var seen: [String] = []
        for row in 0..<facts.rowCount {
            if case .string(let metric) = metrics[row], !seen.contains(metric) { seen.append(metric) }
        }
        return seen
    }

    func member(_ name: String, span: Span, file: SourceFile) throws(Diagnostic) -> Value {
        let info = module.info
        switch name {
        case "name": return .string(info.name)
        case "chinese": return .string(info.chinese)
        case "pinyin": return .string(info.pinyin)
        case "level": return .string(info.level)
        case "parent": return info.parent.map { .string(registry.region(id: $0)?.info.name ?? $0) } ?? .null
        case "summary": return .string(info.summary)
        case "subregions": return .list(registry.subregions(of: module).map { .module($0.info.id) })
        case "with_subregions": return .table(factsWithSubregions())
        default: break
        }
        if let table = module.table(named: name) {
            return .table(name == "facts" ? FactValues.withQuantities(table) : table)
        }
        if metricIDs.contains(name) { return .table(series(name)) }
        throw Diagnostic(
            .unknownMember, "region \(info.name) has no member '\(name)'", span: span, file: file,
            help: Suggestion.didYouMean(name, among: memberNames)
                ?? "its members are \(memberNames.joined(separator: ", "))")
    }

    /// The facts of one metric, keyed by year: `Guangxi.output_value[2024]`.
    func series(_ metric: String) -> Table {
        guard let table = module.table(named: "facts"), let metrics = table.column("metric") else { return .empty }
        let facts = FactValues.withQuantities(table)
        let rows = (0..<facts.rowCount).filter { if case .string(metric) = metrics[$0] { true } else { false } }
        let subset = Interruption.shielded { () throws(Diagnostic) in try facts.gather(rows) }
        var names: [String] = []
        var columns: [Column] = []
        for name in ["year", "period", "value", "kind", "bound", "scope", "source", "id"] {
            guard let column = subset.column(name) else { continue }
            names.append(name)
            columns.append(column)
        }
        return Table(columnNames: names, columns: columns, rowCount: subset.rowCount, keyColumn: "year")
    }

    /// The region's facts plus those of its sub-regions for every metric and year the region itself
    /// does not report, so that nothing is counted twice.
    func factsWithSubregions() -> Table {
        guard let own = module.table(named: "facts").map(FactValues.withQuantities) else { return .empty }
        let reported = Set((0..<own.rowCount).map { key(own, $0) })
        var parts = [own]
        for sub in registry.subregions(of: module) {
            guard let facts = sub.table(named: "facts").map(FactValues.withQuantities) else { continue }
            let rows = (0..<facts.rowCount).filter { !reported.contains(key(facts, $0)) }
            parts.append(Interruption.shielded { () throws(Diagnostic) in try facts.gather(rows) })
        }
        return Table.concatenate(parts)
    }

    private func key(_ table: Table, _ row: Int) -> String {
        let metric = table.column("metric")?[row].literalText ?? ""
        let year = table.column("year")?[row].literalText ?? ""
        let period = table.column("period")?[row].literalText ?? ""
        return "\(metric)|\(year)|\(period)"
    }
}

/// `series[key]`: the value of the row whose key column equals the key, with its provenance.
struct SeriesLookup {
    let table: Table
    let keyColumn: String

    func value(at key: Value, span: Span, file: SourceFile) throws(Diagnostic) -> Value {
        guard let keys = table.column(keyColumn) else { return .null }
        var rows = (0..<table.rowCount).filter { Comparison.equal(keys[$0], key) }
        if rows.count > 1, let periods = table.column("period") {
            let wholeYear = rows.filter { periods[$0].isNull }
            if !wholeYear.isEmpty { rows = wholeYear }
        }
        if rows.count > 1, let kinds = table.column("kind") {
            let actual = rows.filter { if case .string("actual") = kinds[$0] { true } else { false } }
            if actual.count == 1 { rows = actual }
        }
        guard let row = rows.first else {
            let available = (0..<table.rowCount).map { keys[$0].literalText }
            throw Diagnostic(
                .keyNotFound, "no value for \(keyColumn) \(key.literalText)", span: span, file: file,
                help: available.isEmpty
                    ? nil : "the series has \(keyColumn)s \(Array(Set(available)).sorted().joined(separator: ", "))")
        }
        guard rows.count == 1 else {
            let kinds = rows.map { table.row($0) }.map { record in
                [record["kind"], record["period"]].compactMap { $0 }.filter { !$0.isNull }.map(\.displayText).joined(
                    separator: " ")
            }
            throw Diagnostic(
                .ambiguousLookup,
                "\(rows.count) values for \(keyColumn) \(key.literalText) (\(kinds.joined(separator: "; ")))",
                span: span, file: file,
                help:
                    "choose one with where, e.g. | where kind == \"\(table.row(rows[0])["kind"]?.displayText ?? "actual")\""
            )
        }
        guard let valueColumn = table.column("value") else { return .record(table.row(row)) }
        return valueColumn[row]
    }
}
