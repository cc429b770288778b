import ALQPluginAPI
import ALQRuntime

/// How results are written: as text tables, or through a registered export format.
public enum OutputFormat {
    case table(ValueRenderer)
    case export(any ExportFormat)

    /// Writes one result to standard output.
    public func write(_ value: Value, registry: Registry) throws {
        switch self {
        case .table(let renderer):
            StandardStreams.out(renderer.render(value, registry: registry))
        case .export(let format):
            try format.write(OutputFormat.asTable(value), to: StandardOutputSink())
        }
        StandardStreams.flush()
    }

    /// Any result as a table: tables as they are, records as one row, lists of records as rows,
    /// anything else as one column named `value`.
    public static func asTable(_ value: Value) -> Table {
        switch value {
        case .table(let table):
            return table
        case .record(let record):
            return Table(records: [record])
        case .list(let values) where values.allSatisfy({ if case .record = $0 { true } else { false } }) && !values.isEmpty:
            return Table(records: values.map { if case .record(let record) = $0 { record } else { Record() } })
        case .list(let values):
            return Table(columnNames: ["value"], columns: [ColumnBuilder.column(values)], rowCount: values.count)
        case .module(let id):
            return Table(records: [Record([("region", .string(id))])])
        default:
            return Table(columnNames: ["value"], columns: [ColumnBuilder.column([value])], rowCount: 1)
        }
    }
}
