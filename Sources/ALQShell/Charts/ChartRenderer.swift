import ALQRuntime

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Draws a chart as terminal text: horizontal bars, vertical columns or Braille lines.
///
/// Points from expected, planned or target facts never look like actual ones: bars are shaded
/// instead of solid, line points are hollow and the line to them is dotted; bounds show `≥`/`≤`,
/// part-year values their period, and the legend names every mark used.
public struct ChartRenderer: Sendable {
    /// The columns the drawing may use.
    public var width: Int
    public var color: ColorPolicy
    /// Block and Braille characters when true; plain ASCII otherwise.
    public var unicode: Bool

    public init(width: Int, color: ColorPolicy, unicode: Bool) {
        self.width = max(width, 24)
        self.color = color
        self.unicode = unicode
    }

    /// Whether the locale the environment names is UTF-8. An unset locale counts as UTF-8, as alq
    /// reads and writes UTF-8 whatever the locale; `LANG=C` or a non-UTF-8 code set selects ASCII.
    public static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            // Searched as bytes: `String.contains(String)` builds generic metadata on first use, at every start.
            let lowered = Array(value.lowercased().utf8)
            return lowered.indices.contains { start in
                lowered[start...].starts(with: "utf-8".utf8) || lowered[start...].starts(with: "utf8".utf8)
            }
        }
        return true
    }

    /// ``localeIsUTF8(_:)`` of this process's environment.
    public static func localeIsUTF8() -> Bool {
        var environment: [String: String] = [:]
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return localeIsUTF8(environment)
    }

    public func render(_ chart: Chart) -> String {
        var lines: [String] = []
        lines.append(color.paint(heading(chart), .bold))
        if chart.points.isEmpty {
            lines.append("(no values to draw)")
            return lines.joined(separator: "\n") + "\n"
        }
        let drawing: any ChartDrawing =
            switch chart.kind {
            case .bar: BarChartDrawing(chart: chart, style: self)
            case .column: ColumnChartDrawing(chart: chart, style: self)
            case .line: LineChartDrawing(chart: chart, style: self)
            }
        lines += drawing.plot()
        lines += drawing.legend()
        if drawing.listsNotes { lines += ChartNotes(chart: chart, style: self).lines(marker: drawing.marker) }
        lines += boundsLegend(chart)
        // Drawings are laid out to fit; the cut is a safety net for text without escape sequences.
        if !color.enabled { lines = lines.map { DisplayWidth.truncate($0, to: width) } }
        lines = lines.map { line in
            var line = line
            while line.last == " " { line.removeLast() }
            return line
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The title, or what is drawn against what, with the unit.
    func heading(_ chart: Chart) -> String {
        let title = chart.title ?? "\(chart.yName) by \(chart.xName)"
        return chart.unitLabel.isEmpty ? title : "\(title) (\(chart.unitLabel))"
    }

    // MARK: Shared pieces

    /// The symbol a bar of a kind of fact is drawn with.
    func barSymbol(_ mark: ChartPoint.Mark) -> Character {
        switch (mark, unicode) {
        case (.actual, true): "█"
        case (.expected, true): "▓"
        case (.plan, true): "▒"
        case (.target, true): "░"
        case (.actual, false): "#"
        case (.expected, false): "="
        case (.plan, false): ":"
        case (.target, false): "."
        }
    }

    /// `≥ 240 (expected)`: a value with its bound, its kind when it is not an actual, and its period.
    func valueLabel(_ point: ChartPoint, in chart: Chart, withPeriod: Bool = false) -> String {
        var text = boundSymbol(point.bound)
        if !text.isEmpty { text += " " }
        text += chart.shown(point.value)
        var notes: [String] = []
        if point.mark != .actual { notes.append(point.mark.rawValue) }
        if withPeriod, let period = point.period { notes.append(period) }
        return notes.isEmpty ? text : text + " (" + notes.joined(separator: ", ") + ")"
    }

    func boundSymbol(_ bound: ChartPoint.Bound) -> String {
        switch bound {
        case .exact: ""
        case .atLeast: unicode ? "≥" : ">="
        case .atMost: unicode ? "≤" : "<="
        }
    }

    /// The colour of the series at `index`, when colour is on.
    func paint(_ text: String, series index: Int) -> String {
        let palette: [ColorPolicy.Style] = [.cyan, .yellow, .magenta, .green, .blue, .red]
        return color.paint(text, palette[index % palette.count])
    }

    /// What the bound symbols mean, when the chart has bounds.
    func boundsLegend(_ chart: Chart) -> [String] {
        guard chart.hasBounds else { return [] }
        var bounds: [String] = []
        if chart.points.contains(where: { $0.bound == .atLeast }) { bounds.append("\(boundSymbol(.atLeast)) at least") }
        if chart.points.contains(where: { $0.bound == .atMost }) { bounds.append("\(boundSymbol(.atMost)) at most") }
        return [bounds.joined(separator: "  ") + " (the source gives a bound, not an exact figure)"]
    }

    /// `█ actual  ▓ expected`: the bar symbols a chart uses, when it uses more than the actual one.
    func barMarksLegend(_ chart: Chart) -> [String] {
        let marks = chart.marksUsed
        guard marks != [.actual] else { return [] }
        return [marks.map { "\(barSymbol($0)) \($0.rawValue)" }.joined(separator: "  ")]
    }
}

/// One way of drawing a chart: the plot, its legend, and the marker notes use for a point.
protocol ChartDrawing {
    /// The plot with its axes and labels.
    func plot() -> [String]
    /// The series and marks the plot uses.
    func legend() -> [String]
    /// Whether points that are not plain actual figures are listed under the plot (a bar chart
    /// writes them beside their bars instead).
    var listsNotes: Bool { get }
    /// The mark that stands for a point of a series in the notes.
    func marker(_ point: ChartPoint, series: Int) -> String
}
