import ALQPluginAPI
import ALQRuntime

/// Renders any result for the `table` output format: tables as tables, records as field/value tables,
/// regions as a summary, everything else as its literal text.
public struct ValueRenderer: Sendable {
    public var table: TableRenderer
    /// Whether charts may use block and Braille characters (a UTF-8 locale).
    public var unicode: Bool

    public init(table: TableRenderer, unicode: Bool = ChartRenderer.localeIsUTF8()) {
        self.table = table
        self.unicode = unicode
    }

    public func render(_ value: Value, registry: Registry) -> String {
        switch value {
        case .table(let result):
            return table.render(result)
        case .record(let record):
            let rows = Table(
                columnNames: ["field", "value"],
                columns: [
                    ColumnBuilder.column(record.keys.map { .string($0) }),
                    .mixed(Array(record.values)),
                ])
            return table.render(rows)
        case .list where value.isListOfRecords:
            return table.render(Table(rowsOf: value) ?? .empty)
        case .chart(let chart):
            return ChartRenderer(width: table.maxWidth ?? 80, color: table.color, unicode: unicode).render(chart)
        case .module(let id):
            guard let module = registry.region(id: id) else { return value.displayText + "\n" }
            return describe(module, registry: registry)
        default:
            return value.displayText + "\n"
        }
    }

    private func describe(_ module: any RegionModule, registry: Registry) -> String {
        let info = module.info
        var text = table.color.paint(info.name, .bold) + " (\(info.chinese), \(info.pinyin)) — \(info.level)"
        if let parent = info.parent { text += ", in \(registry.region(id: parent)?.info.name ?? parent)" }
        text += "\n\(info.summary)\n"
        text += "tables: \(module.tableNames.joined(separator: ", "))\n"
        if let facts = module.table(named: "facts"), case .string(let metrics)? = facts.column("metric") {
            text += "metrics: \(metrics.dictionary.joined(separator: ", "))\n"
        }
        return text
    }
}
