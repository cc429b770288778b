import ALQPluginAPI
import ALQRuntime
import ALQSyntax

/// `source(x)`: the quotes behind a value, a row, a table of facts or a list of values.
enum Sources {
    static func table(for value: Value, registry: Registry) throws(Diagnostic) -> Value {
        let (ids, derived) = factIDs(of: value)
        guard !ids.isEmpty else {
            throw Diagnostic(
                .invalidArgument, "this \(value.typeName) does not come from the dataset, so it has no source",
                help: "ask for a fact, e.g. source(Guangxi.output_value[2024])")
        }
        var records: [Record] = []
        for id in ids {
            for quote in registry.quotes(forFact: id) {
                records.append(
                    Record([
                        ("fact", .string(id)), ("role", .string(derived ? "derived from" : "stated")),
                        ("file", .string(quote.file)),
                        ("date", CalendarDate.parse(quote.date).map(Value.date) ?? .string(quote.date)),
                        ("language", .string(quote.language)), ("quote", .string(quote.text)),
                    ]))
            }
        }
        return .table(Table(records: records))
    }

    private static func factIDs(of value: Value) -> ([String], Bool) {
        switch value {
        case .quantity(let quantity):
            return (quantity.provenance.factIDs, quantity.provenance.derived)
        case .record(let record):
            if case .string(let id)? = record["id"] { return ([id], false) }
            return ([], false)
        case .table(let table):
            guard let ids = table.column("id") else { return ([], false) }
            var result: [String] = []
            for row in 0..<table.rowCount {
                if case .string(let id) = ids[row], !result.contains(id) { result.append(id) }
            }
            return (result, false)
        case .list(let values):
            var result: [String] = []
            var derived = false
            for element in values {
                let (ids, elementDerived) = factIDs(of: element)
                result += ids.filter { !result.contains($0) }
                derived = derived || elementDerived
            }
            return (result, derived)
        default:
            return ([], false)
        }
    }
}
