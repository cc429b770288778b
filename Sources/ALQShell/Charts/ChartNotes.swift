import ALQRuntime

/// The lines under a chart that spell out every point that is not a plain actual figure: an
/// expectation, plan or target, a bound, or a part-year value.
struct ChartNotes {
    let chart: Chart
    let style: ChartRenderer
    /// The most notes listed before `… and N more`.
    static let limit = 8

    func lines(marker: (ChartPoint, Int) -> String) -> [String] {
        var notes: [String] = []
        for (index, series) in chart.series.enumerated() {
            for point in series.points where point.mark != .actual || point.bound != .exact || point.period != nil {
                let name = series.name.map { " \($0)" } ?? ""
                notes.append(
                    "\(marker(point, index)) \(point.label)\(name): \(style.valueLabel(point, in: chart, withPeriod: true))"
                )
            }
        }
        guard notes.count > Self.limit else { return notes }
        return Array(notes.prefix(Self.limit)) + ["… and \(notes.count - Self.limit) more"]
    }
}
