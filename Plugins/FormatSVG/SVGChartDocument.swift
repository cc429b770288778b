import ALQRuntime

/// Lays out and writes one chart as SVG 1.1.
///
/// Marks: an actual value is drawn solid; an expected one lightly filled with a dashed outline; a
/// planned one faintly filled with a dotted outline; a target hollow with a dashed outline. Lines
/// to points that are not actual are dashed, and such points are hollow circles. Bounds (`≥`) and
/// part-year periods are written beside their values; the legend names every mark used.
struct SVGChartDocument {
    let chart: Chart

    static let width = 800.0
    static let fontStack =
        "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', "
        + "'WenQuanYi Micro Hei', 'DejaVu Sans', Arial, sans-serif"
    static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf"]

    private var plotTop: Double { 56 }
    private var plotHeight: Double { chart.kind == .bar ? Double(chart.points.count) * 26 : 300 }

    func text() -> String {
        var body: [String] = []
        let legend = legendLines()
        let height = plotTop + plotHeight + 56 + labelDrop + Double(legend.count) * 20 + 16
        let title = SVGText.escaped(heading)
        body.append("<title>\(title)</title>")
        body.append(
            "<text x=\"\(SVGText.number(Self.width / 2))\" y=\"28\" text-anchor=\"middle\" font-size=\"16\" "
                + "font-weight=\"bold\">\(title)</text>")
        switch chart.kind {
        case .bar: body += bars()
        case .column: body += columns()
        case .line: body += lines()
        }
        var y = plotTop + plotHeight + 56 + labelDrop
        for line in legend {
            body.append(line.replacingPlaceholder(y: y))
            y += 20
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(SVGText.number(Self.width))" \
            height="\(SVGText.number(height))" viewBox="0 0 \(SVGText.number(Self.width)) \(SVGText.number(height))" \
            font-family="\(Self.fontStack)" font-size="12">
            <rect x="0" y="0" width="100%" height="100%" fill="#ffffff"/>
            \(body.joined(separator: "\n"))
            </svg>

            """
    }

    /// The width a column chart's group has for its label.
    private var groupWidth: Double {
        (Self.width - 20 - (30 + axisLabelWidth)) / Double(max(chart.labels.count, 1))
    }

    /// The left edge of a column chart's plot: room for the axis labels, and for the first label when
    /// labels are slanted.
    private var columnPlotLeft: Double {
        let axis = 30 + axisLabelWidth
        guard slantedLabels, let first = chart.labels.first else { return axis }
        return max(axis, SVGText.width(first) * 0.87 - groupWidth * 0.5 + 8)
    }

    /// Whether column labels are too wide for their groups and are drawn slanted.
    private var slantedLabels: Bool {
        chart.kind == .column && (chart.labels.map { SVGText.width($0) }.max() ?? 0) > groupWidth - 6
    }

    /// The extra room slanted labels take below the plot.
    private var labelDrop: Double {
        slantedLabels ? (chart.labels.map { SVGText.width($0) }.max() ?? 0) * 0.5 : 0
    }

    private var heading: String {
        let title = chart.title ?? "\(chart.yName) by \(chart.xName)"
        return chart.unitLabel.isEmpty ? title : "\(title) (\(chart.unitLabel))"
    }

    // MARK: Marks

    private func colour(_ series: Int) -> String { Self.palette[series % Self.palette.count] }

    /// The fill and outline of a bar of a kind of fact.
    private func barStyle(_ mark: ChartPoint.Mark, series: Int) -> String {
        let colour = colour(series)
        switch mark {
        case .actual: return "fill=\"\(colour)\""
        case .expected:
            return "fill=\"\(colour)\" fill-opacity=\"0.35\" stroke=\"\(colour)\" stroke-width=\"1.5\" "
                + "stroke-dasharray=\"5 3\""
        case .plan:
            return "fill=\"\(colour)\" fill-opacity=\"0.15\" stroke=\"\(colour)\" stroke-width=\"1.5\" "
                + "stroke-dasharray=\"1.5 2.5\""
        case .target:
            return "fill=\"#ffffff\" fill-opacity=\"0\" stroke=\"\(colour)\" stroke-width=\"1.5\" "
                + "stroke-dasharray=\"5 3\""
        }
    }

    /// `≥ 240 (expected, Jan–Jul)`
    private func valueLabel(_ point: ChartPoint) -> String {
        var text = point.bound.symbol.isEmpty ? "" : point.bound.symbol + " "
        text += chart.shown(point.value)
        var notes: [String] = []
        if point.mark != .actual { notes.append(point.mark.rawValue) }
        if let period = point.period { notes.append(period) }
        return notes.isEmpty ? text : text + " (" + notes.joined(separator: ", ") + ")"
    }

    private func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", extra: String = ""
    ) -> String {
        "<text x=\"\(SVGText.number(x))\" y=\"\(SVGText.number(y))\" text-anchor=\"\(anchor)\"\(extra)>"
            + SVGText.escaped(content) + "</text>"
    }

    // MARK: Value axis

    private var scale: ChartScale {
        let values = chart.points.map(\.value)
        if chart.kind == .line { return ChartScale(low: values.min() ?? 0, high: values.max() ?? 0, unit: chart.unit) }
        return ChartScale(low: chart.valueRange.lowerBound, high: chart.valueRange.upperBound, unit: chart.unit)
    }

    /// Horizontal grid lines and tick labels of a vertical value axis from `left` to `right`.
    private func valueAxis(left: Double, right: Double, y: (Double) -> Double) -> [String] {
        var elements: [String] = []
        for tick in scale.ticks {
            let position = y(tick)
            elements.append(
                "<line x1=\"\(SVGText.number(left))\" y1=\"\(SVGText.number(position))\" "
                    + "x2=\"\(SVGText.number(right))\" y2=\"\(SVGText.number(position))\" stroke=\"#dddddd\"/>")
            elements.append(text(chart.shown(tick), x: left - 6, y: position + 4, anchor: "end"))
        }
        elements.append(
            "<line x1=\"\(SVGText.number(left))\" y1=\"\(SVGText.number(plotTop))\" x2=\"\(SVGText.number(left))\" "
                + "y2=\"\(SVGText.number(plotTop + plotHeight))\" stroke=\"#333333\"/>")
        if !chart.unitLabel.isEmpty {
            elements.append(
                text(chart.unitLabel, x: left - 6, y: plotTop - 12, anchor: "end", extra: " fill=\"#555555\""))
        }
        return elements
    }

    private var axisLabelWidth: Double {
        (scale.ticks.map { SVGText.width(chart.shown($0)) } + [SVGText.width(chart.unitLabel)]).max() ?? 20
    }

    // MARK: Bar chart

    private func bars() -> [String] {
        let rows = chart.series.enumerated().flatMap { index, series in
            series.points.map { point in
                (label: series.name.map { "\(point.category) · \($0)" } ?? point.category, point: point, series: index)
            }
        }
        let labelWidth = min(260, (rows.map { SVGText.width($0.label) }.max() ?? 40) + 12)
        let valueWidth = min(220, (rows.map { SVGText.width(valueLabel($0.point)) }.max() ?? 40) + 12)
        let left = 20 + labelWidth
        let right = Self.width - 20 - valueWidth
        let range = chart.valueRange
        let span = range.upperBound - range.lowerBound
        let x = { (value: Double) in left + (span == 0 ? 0 : (value - range.lowerBound) / span * (right - left)) }
        var elements: [String] = []
        for (index, row) in rows.enumerated() {
            let top = plotTop + Double(index) * 26 + 4
            let start = x(min(0, row.point.value))
            let end = x(max(0, row.point.value))
            elements.append(text(row.label, x: left - 8, y: top + 13, anchor: "end"))
            elements.append(
                "<rect x=\"\(SVGText.number(start))\" y=\"\(SVGText.number(top))\" "
                    + "width=\"\(SVGText.number(max(end - start, 0.5)))\" height=\"18\" "
                    + "\(barStyle(row.point.mark, series: chart.series.count > 1 ? row.series : 0))/>")
            elements.append(text(valueLabel(row.point), x: end + 6, y: top + 13))
        }
        elements.append(
            "<line x1=\"\(SVGText.number(x(0)))\" y1=\"\(SVGText.number(plotTop))\" x2=\"\(SVGText.number(x(0)))\" "
                + "y2=\"\(SVGText.number(plotTop + plotHeight))\" stroke=\"#333333\"/>")
        return elements
    }

    // MARK: Column chart

    private func columns() -> [String] {
        let left = columnPlotLeft
        let right = Self.width - 20
        let scale = scale
        let y = { (value: Double) in
            plotTop + (scale.upper - value) / (scale.upper - scale.lower) * plotHeight
        }
        var elements = valueAxis(left: left, right: right, y: y)
        let labels = chart.labels
        let groupWidth = (right - left) / Double(max(labels.count, 1))
        let barWidth = groupWidth * 0.8 / Double(chart.series.count)
        for (group, label) in labels.enumerated() {
            let groupLeft = left + Double(group) * groupWidth + groupWidth * 0.1
            for (index, series) in chart.series.enumerated() {
                guard let point = series.points.first(where: { $0.category == label }) else { continue }
                let x = groupLeft + Double(index) * barWidth
                let top = y(max(0, point.value))
                let bottom = y(min(0, point.value))
                elements.append(
                    "<rect x=\"\(SVGText.number(x))\" y=\"\(SVGText.number(top))\" "
                        + "width=\"\(SVGText.number(barWidth * 0.92))\" height=\"\(SVGText.number(max(bottom - top, 0.5)))\" "
                        + "\(barStyle(point.mark, series: index))/>")
                if point.mark != .actual || point.bound != .exact || point.period != nil {
                    elements.append(
                        text(
                            valueLabel(point), x: x + barWidth * 0.46, y: top - 4, anchor: "middle",
                            extra: " font-size=\"10\""))
                }
            }
            let labelX = groupLeft + groupWidth * 0.4
            let labelY = plotTop + plotHeight + 18
            if slantedLabels {
                elements.append(
                    text(
                        label, x: labelX, y: labelY, anchor: "end",
                        extra: " transform=\"rotate(-30 \(SVGText.number(labelX)) \(SVGText.number(labelY)))\""))
            } else {
                elements.append(text(label, x: labelX, y: labelY, anchor: "middle"))
            }
        }
        elements.append(baseline(left: left, right: right, y: y(0)))
        return elements
    }

    private func baseline(left: Double, right: Double, y: Double) -> String {
        "<line x1=\"\(SVGText.number(left))\" y1=\"\(SVGText.number(y))\" x2=\"\(SVGText.number(right))\" "
            + "y2=\"\(SVGText.number(y))\" stroke=\"#333333\"/>"
    }

    // MARK: Line chart

    private func lines() -> [String] {
        let left = 30 + axisLabelWidth
        let right = Self.width - 40
        let scale = scale
        let y = { (value: Double) in
            plotTop + (scale.upper - value) / (scale.upper - scale.lower) * plotHeight
        }
        var elements = valueAxis(left: left, right: right, y: y)
        let numeric = chart.points.allSatisfy { $0.x != nil }
        let xs = chart.points.compactMap(\.x)
        let (minX, maxX) = (xs.min() ?? 0, xs.max() ?? 0)
        var seen = Set<String>()
        let labels = chart.points.map(\.label).filter { seen.insert($0).inserted }
        let order = Dictionary(labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let x = { (point: ChartPoint) -> Double in
            let fraction: Double
            if numeric, let value = point.x {
                fraction = maxX > minX ? (value - minX) / (maxX - minX) : 0.5
            } else {
                fraction = labels.count > 1 ? Double(order[point.label] ?? 0) / Double(labels.count - 1) : 0.5
            }
            return left + 20 + fraction * (right - left - 40)
        }
        for (index, series) in chart.series.enumerated() {
            let colour = colour(index)
            let placed = series.points.sorted { x($0) < x($1) }
            let path = placed.filter { $0.period == nil }
            for (from, to) in zip(path, path.dropFirst()) {
                let dashed = from.mark != .actual || to.mark != .actual
                elements.append(
                    "<line x1=\"\(SVGText.number(x(from)))\" y1=\"\(SVGText.number(y(from.value)))\" "
                        + "x2=\"\(SVGText.number(x(to)))\" y2=\"\(SVGText.number(y(to.value)))\" stroke=\"\(colour)\" "
                        + "stroke-width=\"2\"\(dashed ? " stroke-dasharray=\"6 4\"" : "")/>")
            }
            for point in placed {
                let fill = point.mark == .actual ? colour : "#ffffff"
                elements.append(
                    "<circle cx=\"\(SVGText.number(x(point)))\" cy=\"\(SVGText.number(y(point.value)))\" r=\"4.5\" "
                        + "fill=\"\(fill)\" stroke=\"\(colour)\" stroke-width=\"2\"/>")
                if point.mark != .actual || point.bound != .exact || point.period != nil {
                    let label = valueLabel(point)
                    let nearRightEdge = x(point) + 8 + SVGText.width(label, fontSize: 10) > Self.width - 4
                    elements.append(
                        text(
                            label, x: nearRightEdge ? x(point) - 8 : x(point) + 8, y: y(point.value) - 8,
                            anchor: nearRightEdge ? "end" : "start", extra: " font-size=\"10\" fill=\"\(colour)\""))
                }
            }
        }
        var labelled = Set<String>()
        for point in chart.points where labelled.insert(point.label).inserted {
            elements.append(text(point.label, x: x(point), y: plotTop + plotHeight + 18, anchor: "middle"))
        }
        elements.append(baseline(left: left, right: right, y: plotTop + plotHeight))
        return elements
    }

    // MARK: Legend

    /// Legend rows, each with a `{y}` placeholder for its baseline.
    private func legendLines() -> [LegendLine] {
        var lines: [LegendLine] = []
        if chart.series.count > 1 || chart.series.first?.name != nil {
            var items: [String] = []
            var x = 20.0
            for (index, series) in chart.series.enumerated() {
                let name = series.name ?? ""
                items.append(
                    "<rect x=\"\(SVGText.number(x))\" y=\"{y-10}\" width=\"12\" height=\"12\" fill=\"\(colour(index))\"/>"
                )
                items.append("<text x=\"\(SVGText.number(x + 16))\" y=\"{y}\">\(SVGText.escaped(name))</text>")
                x += 36 + SVGText.width(name)
            }
            lines.append(LegendLine(template: items.joined(separator: "\n")))
        }
        let marks = chart.marksUsed
        if marks != [.actual] {
            var items: [String] = []
            var x = 20.0
            for mark in marks {
                if chart.kind == .line {
                    let fill = mark == .actual ? colour(0) : "#ffffff"
                    items.append(
                        "<circle cx=\"\(SVGText.number(x + 6))\" cy=\"{y-4}\" r=\"4.5\" fill=\"\(fill)\" "
                            + "stroke=\"\(colour(0))\" stroke-width=\"2\"/>")
                } else {
                    items.append(
                        "<rect x=\"\(SVGText.number(x))\" y=\"{y-10}\" width=\"12\" height=\"12\" \(barStyle(mark, series: 0))/>"
                    )
                }
                let label =
                    chart.kind == .line && mark != .actual ? "\(mark.rawValue) (hollow, dashed line)" : mark.rawValue
                items.append("<text x=\"\(SVGText.number(x + 16))\" y=\"{y}\">\(SVGText.escaped(label))</text>")
                x += 36 + SVGText.width(label)
            }
            lines.append(LegendLine(template: items.joined(separator: "\n")))
        }
        if chart.hasBounds {
            lines.append(
                LegendLine(
                    template: "<text x=\"20\" y=\"{y}\" fill=\"#555555\">"
                        + SVGText.escaped("≥ at least, ≤ at most: the source gives a bound, not an exact figure")
                        + "</text>"))
        }
        return lines
    }
}

/// One legend row, positioned once the plot's height is known.
struct LegendLine {
    let template: String

    func replacingPlaceholder(y: Double) -> String {
        template.replacing("{y-10}", with: SVGText.number(y - 10)).replacing("{y-4}", with: SVGText.number(y - 4))
            .replacing("{y}", with: SVGText.number(y))
    }
}
