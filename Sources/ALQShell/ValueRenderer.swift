import ALQPluginAPI
import ALQRuntime

/// How results are laid out: `auto` chooses, `table` and `line` force one layout.
public enum DisplayMode: String, Sendable, CaseIterable {
    /// Tables as tables; a single record, and a short result too wide to show every column, as
    /// `field: value` lines.
    case auto
    case table
    case line
}

/// Renders any result for the `table` and `line` output formats: tables as tables or `field: value`
/// lines, regions as a summary, everything else as its literal text.
public struct ValueRenderer: Sendable {
    public var table: TableRenderer
    public var mode: DisplayMode
    /// Whether charts may use block and Braille characters (a UTF-8 locale).
    public var unicode: Bool
    /// At most this many rows go to line mode on their own when the table cannot show every column.
    public static let autoLineRows = 10

    public init(table: TableRenderer, mode: DisplayMode = .auto, unicode: Bool = ChartRenderer.localeIsUTF8()) {
        self.table = table
        self.mode = mode
        self.unicode = unicode
    }

    private var lines: LineRenderer { LineRenderer(maxWidth: table.maxWidth, color: table.color) }

    public func render(_ value: Value, registry: Registry) -> String {
        switch value {
        case .table(let result):
            return render(result)
        case .record(let record):
            let row = Table(records: [record])
            return mode == .table ? table.render(row) : lines.render(row)
        case .list where value.isListOfRecords:
            return render(Table(rowsOf: value) ?? .empty)
        case .chart(let chart):
            return ChartRenderer(width: table.maxWidth ?? 80, color: table.color, unicode: unicode).render(chart)
        case .module(let id):
            guard let module = registry.region(id: id) else { return value.displayText + "\n" }
            return describe(module, registry: registry)
        default:
            return DisplayWidth.escapingControls(value.displayText) + "\n"
        }
    }

    private func render(_ result: Table) -> String {
        switch mode {
        case .table: return table.render(result)
        case .line: return lines.render(result)
        case .auto:
            let tooWide = result.rowCount <= ValueRenderer.autoLineRows && !table.fitsEveryColumn(result)
            return tooWide ? lines.render(result) : table.render(result)
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
        return DisplayWidth.escapingControls(text)
    }
}
