import ALQPluginAPI
import ALQRuntime

/// How results are written: as text tables, or through a registered export format.
public enum OutputFormat {
    case table(ValueRenderer)
    case export(any ExportFormat)

    /// The formats the shell renders itself, before the registered export formats.
    public static let shellFormats = ["table", "line"]

    /// Writes one result to standard output.
    public func write(_ value: Value, registry: Registry) throws {
        switch self {
        case .table(let renderer):
            StandardStreams.out(renderer.render(value, registry: registry))
        case .export(let format):
            try OutputFormat.write(value, as: format, to: StandardOutputSink())
        }
        StandardStreams.flush()
        if let failure = StandardStreams.outputFailure { throw StandardOutputError(reason: failure) }
    }

    /// Writes one result with an export format: a chart with a chart format (`svg`), anything else
    /// (a chart as its points) as a table.
    public static func write(_ value: Value, as format: any ExportFormat, to sink: any OutputSink) throws {
        if case .chart(let chart) = value, let chartFormat = format as? any ChartFormat {
            try chartFormat.write(chart, to: sink)
        } else {
            try format.write(asTable(value, writingListsAsText: !format.writesLists), to: sink)
        }
    }

    /// Any result as a table: tables as they are, records as one row, lists of records as rows,
    /// anything else as one column named `value`. A single quantity is one row with its kind, bound,
    /// period and sources; `writingListsAsText` joins the sources by `;`, as `export … with fact_ids`
    /// writes fact ids for a format that has no lists.
    public static func asTable(_ value: Value, writingListsAsText: Bool = false) -> Table {
        if let table = Table(rowsOf: value) { return table }
        switch value {
        case .chart(let chart):
            return chart.dataTable
        case .module(let id):
            return Table(records: [Record([("region", .string(id))])])
        case .quantity(let quantity):
            let table = Table(records: [quantity.exportRecord])
            guard writingListsAsText else { return table }
            let ids = quantity.provenance.factIDs
            return table.setting("sources", to: .string(StringColumn([ids.isEmpty ? nil : ids.joined(separator: ";")])))
        default:
            return Table(columnNames: ["value"], columns: [ColumnBuilder.column([value])], rowCount: 1)
        }
    }
}
