import ALQJSON
import ALQPluginProtocol
import ALQRuntime
import FormatSupport

/// Values on the wire: JSON null, bools, numbers, strings, arrays and objects; a quantity is
/// `{"value": <number in the base unit>, "unit": "<base unit>"}` (the rule of `JSONText.appendValue`,
/// which writes every value alq sends).
enum PluginValues {
    /// A value as it is sent to a plugin, written by the one JSON text rule and read back as a tree.
    static func json(_ value: Value) -> JSONValue {
        (try? JSONParser.parse(Array(JSONText.text(value).utf8))) ?? .null
    }

    /// A value received from a plugin: `{"value": n, "unit": "CNY"}` becomes a quantity; everything else
    /// follows the one rule for JSON values (`JSONValues`).
    static func value(_ json: JSONValue) -> Value {
        switch json {
        case .object(let object):
            if object.count == 2, case .number(let number)? = object["value"],
                case .string(let symbol)? = object["unit"], let dimension = Dimension(symbol: symbol)
            {
                return .quantity(Quantity(value: number.double, dimension: dimension))
            }
            return .record(Record(object.members.map { ($0.key, value($0.value)) }))
        case .array(let items): return .list(items.map(value))
        default: return JSONValues.value(json)
        }
    }

    /// The table of a `table` answer.
    static func table(_ result: TableResult) -> Table {
        var builders = [ColumnBuilder](repeating: ColumnBuilder(), count: result.columns.count)
        for row in result.rows {
            for (column, cell) in row.enumerated() { builders[column].append(value(cell)) }
        }
        return Table(columnNames: result.columns, columns: builders.map { $0.build() }, rowCount: result.rows.count)
    }
}
