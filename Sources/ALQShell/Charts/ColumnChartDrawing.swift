import ALQRuntime

/// Vertical bars, one group per x label and one bar per series in each group.
struct ColumnChartDrawing: ChartDrawing {
    let chart: Chart
    let style: ChartRenderer

    /// The rows the bars take.
    static let height = 10
    private static let eighths: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    var listsNotes: Bool { true }

    func marker(_ point: ChartPoint, series: Int) -> String { String(style.barSymbol(point.mark)) }

    func legend() -> [String] {
        var lines: [String] = []
        if chart.series.count > 1 {
            let names = chart.series.enumerated().map { style.paint($1.name ?? "", series: $0) }
            lines.append("series, left to right in each group: " + names.joined(separator: ", "))
        }
        return lines + style.barMarksLegend(chart)
    }

    func plot() -> [String] {
        let labels = chart.labels
        let scale = ChartScale(low: chart.valueRange.lowerBound, high: chart.valueRange.upperBound, unit: chart.unit)
        let range = scale.range
        let ticks = AxisTicks(chart: chart, scale: scale, rows: Self.height, unicode: style.unicode)
        let available = style.width - ticks.width - 1
        guard let layout = layout(groups: labels.count, available: available) else {
            return ["(too many columns to draw in \(style.width) columns: drawn as bars)"]
                + BarChartDrawing(chart: chart, style: style).plot()
        }
        let step = (range.upperBound - range.lowerBound) / Double(Self.height)
        var lines: [String] = []
        for row in 0..<Self.height {
            let top = range.upperBound - Double(row) * step
            let bottom = top - step
            var line = ticks.label(row: row) + " "
            for label in labels {
                var group = ""
                for (index, series) in chart.series.enumerated() {
                    let point = series.points.first { $0.category == label }
                    let cell = point.map { self.cell($0, top: top, bottom: bottom, step: step) } ?? " "
                    group += style.paint(String(repeating: cell, count: layout.barWidth), series: index)
                }
                let used = chart.series.count * layout.barWidth
                line += group + String(repeating: " ", count: layout.groupWidth - used)
            }
            lines.append(line)
        }
        lines.append(ticks.baseline(width: labels.count * layout.groupWidth))
        var labelLine = String(repeating: " ", count: ticks.width + 1)
        for label in labels {
            let text = DisplayWidth.truncate(label, to: layout.groupWidth - 1)
            labelLine += DisplayWidth.pad(text, to: layout.groupWidth)
        }
        lines.append(labelLine)
        return lines
    }

    /// Bar and group widths that fit, widest first; `nil` when even one-column bars do not.
    private func layout(groups: Int, available: Int) -> (barWidth: Int, groupWidth: Int)? {
        let widest = chart.labels.map(DisplayWidth.of).max() ?? 1
        for barWidth in [3, 2, 1] {
            let bars = chart.series.count * barWidth
            for labelWidth in [min(widest, 10), min(widest, 6), 0] {
                let groupWidth = max(bars, labelWidth) + 1
                if groups * groupWidth <= available { return (barWidth, groupWidth) }
            }
        }
        return nil
    }

    /// The character of one cell of a bar: how much of the cell between `bottom` and `top` the bar
    /// from zero to the point's value covers. Actual positive bars use eighth blocks; others whole
    /// shaded cells.
    private func cell(_ point: ChartPoint, top: Double, bottom: Double, step: Double) -> Character {
        let value = point.value
        let covered =
            value >= 0 ? min(value, top) - max(0, bottom) : min(0, top) - max(value, bottom)
        let fill = step > 0 ? max(0, min(1, covered / step)) : 0
        guard fill > 0 else { return " " }
        if point.mark == .actual, style.unicode, value > 0 {
            let eighths = Int((fill * 8).rounded())
            return eighths == 0 ? " " : Self.eighths[eighths - 1]
        }
        let touchesZero = bottom <= 0 && top >= 0
        return fill >= 0.5 || touchesZero ? style.barSymbol(point.mark) : " "
    }
}

/// The value axis: tick labels on round values, each on the row its value falls in.
struct AxisTicks {
    let chart: Chart
    let scale: ChartScale
    let rows: Int
    let unicode: Bool
    let width: Int
    private let labels: [Int: String]

    init(chart: Chart, scale: ChartScale, rows: Int, unicode: Bool) {
        self.chart = chart
        self.scale = scale
        self.rows = rows
        self.unicode = unicode
        var labels: [Int: String] = [:]
        let span = scale.upper - scale.lower
        for tick in scale.ticks where span > 0 {
            let row = min(rows - 1, max(0, Int(((scale.upper - tick) / span * Double(rows - 1)).rounded())))
            if labels[row] == nil, labels[row - 1] == nil, labels[row + 1] == nil { labels[row] = chart.shown(tick) }
        }
        self.labels = labels
        self.width = labels.values.map(DisplayWidth.of).max() ?? 1
    }

    /// The axis column of a row: `240 ┤` where a tick is, `    │` elsewhere.
    func label(row: Int) -> String {
        if let text = labels[row] {
            return DisplayWidth.pad(text, to: width, right: true) + (unicode ? " ┤" : " +")
        }
        return String(repeating: " ", count: width) + (unicode ? " │" : " |")
    }

    /// The line under the plot.
    func baseline(width plotWidth: Int) -> String {
        String(repeating: " ", count: width + 1) + (unicode ? "└" : "+")
            + String(repeating: unicode ? "─" : "-", count: plotWidth)
    }
}
