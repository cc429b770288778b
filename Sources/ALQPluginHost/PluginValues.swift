import ALQPluginAPI
import ALQRuntime
import ALQSyntax

/// Values on the wire: JSON null, bools, numbers, strings, arrays and objects; a quantity is
/// `{"value": <number in the base unit>, "unit": "<base unit>"}`.
enum PluginValues {
    /// A value as it is sent to a plugin.
    static func wire(_ value: Value) -> Value {
        switch value {
        case .quantity(let quantity) where quantity.dimension == .none: return .number(quantity.value)
        case .quantity(let quantity):
            return .record(Record([("value", .number(quantity.value)), ("unit", .string(quantity.dimension.symbol))]))
        case .list(let items): return .list(items.map(wire))
        case .record(let record): return .record(Record(record.fields.map { ($0, wire($1)) }))
        case .table(let table): return .list((0..<table.rowCount).map { wire(.record(table.row($0))) })
        case .module(let id): return .string(id)
        default: return value
        }
    }

    /// A value received from a plugin: `{"value": n, "unit": "CNY"}` becomes a quantity.
    static func value(fromWire value: Value) -> Value {
        switch value {
        case .record(let record):
            if record.keys.count == 2, case .number(let number)? = record["value"],
                case .string(let symbol)? = record["unit"],
                let dimension = Dimension(symbol: symbol)
            {
                return .quantity(Quantity(value: number, dimension: dimension))
            }
            return .record(Record(record.fields.map { ($0, Self.value(fromWire: $1)) }))
        case .list(let items): return .list(items.map { Self.value(fromWire: $0) })
        default: return value
        }
    }

    /// A table from a `table` answer: `{"columns": [names], "rows": [[cells]]}`.
    static func table(from result: Record, plugin: String, table name: String) throws(Diagnostic) -> Table {
        guard case .list(let header)? = result["columns"], case .list(let rows)? = result["rows"] else {
            throw Diagnostic(
                .pluginProtocol, "\(plugin) answered 'table' for '\(name)' without 'columns' and 'rows' arrays")
        }
        let names = header.compactMap { if case .string(let text) = $0 { text } else { nil } }
        guard names.count == header.count else {
            throw Diagnostic(
                .pluginProtocol, "\(plugin) answered 'table' for '\(name)' with a column name that is not a string")
        }
        var builders = [ColumnBuilder](repeating: ColumnBuilder(), count: names.count)
        for (index, row) in rows.enumerated() {
            guard case .list(let cells) = row, cells.count == names.count else {
                throw Diagnostic(
                    .pluginProtocol,
                    "\(plugin) answered 'table' for '\(name)' with row \(index + 1) not an array of \(names.count) cells"
                )
            }
            for (column, cell) in cells.enumerated() { builders[column].append(value(fromWire: cell)) }
        }
        return Table(columnNames: names, columns: builders.map { $0.build() }, rowCount: rows.count)
    }
}
