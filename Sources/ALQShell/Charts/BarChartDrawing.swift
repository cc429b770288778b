import ALQRuntime

/// Horizontal bars, one per point, at ⅛-cell resolution for actual values.
struct BarChartDrawing: ChartDrawing {
    let chart: Chart
    let style: ChartRenderer

    private static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    var listsNotes: Bool { false }

    func marker(_ point: ChartPoint, series: Int) -> String { String(style.barSymbol(point.mark)) }

    func legend() -> [String] {
        var lines: [String] = []
        if chart.series.count > 1 {
            let names = chart.series.enumerated().map { style.paint($1.name ?? "", series: $0) }
            lines.append("series: " + names.joined(separator: ", "))
        }
        return lines + style.barMarksLegend(chart)
    }

    func plot() -> [String] {
        let rows = chart.series.enumerated().flatMap { index, series in
            series.points.map { (label: label($0, series: series.name), point: $0, series: index) }
        }
        let valueTexts = rows.map { style.valueLabel($0.point, in: chart) }
        let labelWidth = min(rows.map { DisplayWidth.of($0.label) }.max() ?? 0, max(8, style.width / 3))
        let valueWidth = valueTexts.map(DisplayWidth.of).max() ?? 0
        let barWidth = max(4, style.width - labelWidth - valueWidth - 3)
        let range = chart.valueRange
        let span = range.upperBound - range.lowerBound
        let zeroColumn = span == 0 ? 0 : Int((Double(barWidth) * -range.lowerBound / span).rounded())
        return zip(rows, valueTexts).map { row, valueText in
            let label = DisplayWidth.pad(DisplayWidth.truncate(row.label, to: labelWidth), to: labelWidth)
            let cells = span == 0 ? 0 : Double(barWidth) * abs(row.point.value) / span
            var bar: String
            if row.point.value < 0 {
                let whole = Int(cells.rounded())
                bar =
                    String(repeating: " ", count: max(0, zeroColumn - whole))
                    + String(repeating: style.barSymbol(row.point.mark), count: min(whole, zeroColumn))
            } else {
                bar = String(repeating: " ", count: zeroColumn) + draw(cells, mark: row.point.mark)
            }
            let padding = String(repeating: " ", count: max(1, barWidth - DisplayWidth.of(bar) + 1))
            bar = style.paint(bar, series: chart.series.count > 1 ? row.series : 0)
            return label + " " + bar + padding + valueText
        }
    }

    /// `2025 (Jan–Jul)`, and the series name when there are several.
    private func label(_ point: ChartPoint, series: String?) -> String {
        guard let series else { return point.category }
        return point.category + " · " + series
    }

    /// A positive bar `cells` long: solid with an eighth-cell tip for actual values, whole shaded
    /// cells (at least one) for expectations, plans and targets.
    private func draw(_ cells: Double, mark: ChartPoint.Mark) -> String {
        let symbol = style.barSymbol(mark)
        guard mark == .actual, style.unicode else {
            let whole = cells > 0 ? max(1, Int(cells.rounded())) : 0
            return String(repeating: symbol, count: whole)
        }
        let eighths = Int((cells * 8).rounded())
        var bar = String(repeating: symbol, count: eighths / 8)
        if eighths % 8 > 0 { bar.append(Self.eighths[eighths % 8 - 1]) }
        return bar
    }
}
