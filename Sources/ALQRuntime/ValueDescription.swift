extension Quantity {
    /// The quantity as a person reads it, in a single value and in a table cell: the number in its
    /// unit with its bound and, in parentheses, its period and kind when it is not an actual figure:
    /// `≥ 240 bn CNY (expected)`, `133 bn CNY (Jan–Jul)`, `1.4 pp`, `-5 bn CNY (target, bound unknown)`.
    public var formatted: String {
        var text = numberText
        switch bound {
        case .exact, .unknown: break
        case .atLeast: text = "≥ " + text
        case .atMost: text = "≤ " + text
        }
        var notes: [String] = []
        if let period { notes.append(period) }
        if let kind, kind != .actual { notes.append(kind.rawValue) }
        if bound == .unknown { notes.append("bound unknown") }
        return notes.isEmpty ? text : "\(text) (\(notes.joined(separator: ", ")))"
    }

    /// The number and unit alone: `205 bn CNY`, `14,543 kt`, `41.4 %`, `4.892601432` (dimensionless).
    public var numberText: String {
        if dimension == .none {
            if let unit = displayUnit, unit.scale != 1 {
                return "\(NumberFormat.grouped(value / unit.scale)) \(unit.symbol)"
            }
            return NumberFormat.plain(value)
        }
        let unit = shownUnit
        return "\(NumberFormat.grouped(value / unit.scale)) \(unit.symbol)"
    }
}

extension Value {
    /// How a value is written at the top level of a result: strings without quotes.
    public var displayText: String {
        if case .string(let text) = self { return text }
        return literalText
    }

    /// How a value is written inside a list or record: strings quoted.
    public var literalText: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return NumberFormat.plain(number)
        case .string(let text): return quoted(text)
        case .date(let date): return date.displayText
        case .quantity(let quantity): return quantity.formatted
        case .list(let values): return "[" + values.map(\.literalText).joined(separator: ", ") + "]"
        case .record(let record):
            return "{" + record.fields.map { "\($0.0): \($0.1.literalText)" }.joined(separator: ", ") + "}"
        case .table(let table): return "<table: \(table.rowCount) rows × \(table.columnNames.count) columns>"
        case .module(let id): return "<region \(id)>"
        case .chart(let chart):
            let points = chart.points.count
            return
                "<\(chart.kind.rawValue) chart of \(chart.yName) by \(chart.xName): \(points) point\(points == 1 ? "" : "s")>"
        }
    }

    private func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
