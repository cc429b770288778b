import ALQRuntime

/// Points joined by lines on a Braille canvas (2 × 4 dots a cell), one line per series.
///
/// Actual points are filled marks joined by solid lines; expected, planned and target points are
/// hollow marks reached by dotted lines.
struct LineChartDrawing: ChartDrawing {
    let chart: Chart
    let style: ChartRenderer

    /// The rows the plot takes.
    static let height = 10
    private static let filled = ["●", "■", "▲", "◆", "★", "◉"]
    private static let hollow = ["○", "□", "△", "◇", "☆", "◎"]

    var listsNotes: Bool { true }

    func marker(_ point: ChartPoint, series: Int) -> String { glyph(point, series: series) }

    func plot() -> [String] {
        let values = chart.points.map(\.value)
        let scale = ChartScale(low: values.min() ?? 0, high: values.max() ?? 0, unit: chart.unit)
        let range = scale.range
        let ticks = AxisTicks(chart: chart, scale: scale, rows: Self.height, unicode: style.unicode)
        let columns = max(8, style.width - ticks.width - 2)
        var canvas = DotCanvas(columns: columns, rows: Self.height)
        let position = positions(columns: columns, range: range)
        for (index, series) in chart.series.enumerated() {
            let placed = series.points.map { (point: $0, at: position($0)) }.sorted { $0.at.x < $1.at.x }
            // A part-year value is marked but not joined to whole-year values: the line would claim a trend.
            let path = placed.filter { $0.point.period == nil }
            for (from, to) in zip(path, path.dropFirst()) {
                let dotted = from.point.mark != .actual || to.point.mark != .actual
                canvas.line(from: from.at, to: to.at, dotted: dotted, series: index)
            }
            for entry in placed {
                canvas.mark(at: entry.at, glyph: glyph(entry.point, series: index), series: index)
            }
        }
        var lines: [String] = []
        for row in 0..<Self.height {
            lines.append(ticks.label(row: row) + canvas.render(row: row, unicode: style.unicode, paint: style.paint))
        }
        lines.append(ticks.baseline(width: columns))
        lines.append(String(repeating: " ", count: ticks.width + 2) + xLabels(columns: columns, position: position))
        return lines
    }

    /// Where a point goes, in dots: numeric x values (years) on a linear scale, other labels evenly.
    private func positions(columns: Int, range: ClosedRange<Double>) -> (ChartPoint) -> DotCanvas.Dot {
        let width = Double(columns * 2 - 1)
        let height = Double(Self.height * 4 - 1)
        let numeric = chart.points.allSatisfy { $0.x != nil }
        let xs = chart.points.compactMap(\.x)
        let (minX, maxX) = (xs.min() ?? 0, xs.max() ?? 0)
        var seen = Set<String>()
        let labels = chart.points.map(\.label).filter { seen.insert($0).inserted }
        let order = Dictionary(labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return { point in
            let fraction: Double
            if numeric, let x = point.x {
                fraction = maxX > minX ? (x - minX) / (maxX - minX) : 0.5
            } else {
                fraction = labels.count > 1 ? Double(order[point.label] ?? 0) / Double(labels.count - 1) : 0.5
            }
            let y = (range.upperBound - point.value) / (range.upperBound - range.lowerBound)
            return DotCanvas.Dot(x: Int((fraction * width).rounded()), y: Int((y * height).rounded()))
        }
    }

    private func glyph(_ point: ChartPoint, series: Int) -> String {
        let actual = point.mark == .actual
        guard style.unicode else {
            if chart.series.count == 1 { return actual ? "*" : "o" }
            let letter = String(UnicodeScalar(UInt8(65 + series % 26)))
            return actual ? letter : letter.lowercased()
        }
        let glyphs = actual ? Self.filled : Self.hollow
        return glyphs[series % glyphs.count]
    }

    /// The x labels under their points, left to right, skipping any that would overlap.
    private func xLabels(columns: Int, position: (ChartPoint) -> DotCanvas.Dot) -> String {
        var line = ""
        var used = 0
        var seen = Set<String>()
        let placed = chart.points.map { ($0.label, position($0).x / 2) }.sorted { $0.1 < $1.1 }
        for (label, column) in placed where seen.insert(label).inserted {
            let width = DisplayWidth.of(label)
            let start = max(used == 0 ? 0 : used + 1, min(column - width / 2, columns - width))
            guard start + width <= columns, start >= used else { continue }
            line += String(repeating: " ", count: start - used) + label
            used = start + width
        }
        return line
    }

    func legend() -> [String] {
        var lines: [String] = []
        if chart.series.count > 1 || chart.series.first?.name != nil {
            let entries = chart.series.enumerated().map { index, series in
                style.paint(glyph(ChartPoint(label: "", x: nil, value: 0), series: index), series: index) + " "
                    + (series.name ?? "")
            }
            lines.append("series: " + entries.joined(separator: "  "))
        }
        let others = chart.marksUsed.filter { $0 != .actual }
        if !others.isEmpty {
            let hollow = glyph(ChartPoint(label: "", x: nil, value: 0, mark: .target), series: 0)
            let filled = glyph(ChartPoint(label: "", x: nil, value: 0), series: 0)
            let names = others.map(\.rawValue).joined(separator: ", ")
            lines.append("\(filled) actual  \(hollow) \(names) (hollow, reached by a dotted line)")
        }
        return lines
    }
}
