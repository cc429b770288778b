/// A chart: what the `chart` stage makes of a table, drawn in the terminal or exported (`svg`).
///
/// A chart keeps the numbers in their base unit and says, point by point, how certain each one is,
/// so every drawing of it can mark expectations, plans and targets apart from actual figures.
public struct Chart: Sendable {
    /// How the points are drawn.
    public enum Kind: String, Sendable, CaseIterable {
        /// Horizontal bars, one per row.
        case bar
        /// Points joined by lines, one line per series.
        case line
        /// Vertical bars, grouped by series.
        case column
    }

    public var kind: Kind
    public var title: String?
    /// The name of the x column (the labels).
    public var xName: String
    /// The name of the y column (the values).
    public var yName: String
    /// The dimension every y value has.
    public var dimension: Dimension
    /// The unit the axis and labels show values in: a human scale of the largest value.
    public var unit: Unit
    /// The series in the order they first appear; one unnamed series without `by`.
    public var series: [ChartSeries]

    public init(
        kind: Kind, title: String? = nil, xName: String, yName: String, dimension: Dimension, unit: Unit,
        series: [ChartSeries]
    ) {
        self.kind = kind
        self.title = title
        self.xName = xName
        self.yName = yName
        self.dimension = dimension
        self.unit = unit
        self.series = series
    }

    /// Every point of every series.
    public var points: [ChartPoint] { series.flatMap(\.points) }

    /// The categories (x labels with their period) in the order they first appear across all series.
    public var labels: [String] {
        var seen = Set<String>()
        var labels: [String] = []
        for point in points where seen.insert(point.category).inserted { labels.append(point.category) }
        return labels
    }

    /// The marks the chart uses, in the order of ``ChartPoint/Mark/allCases``.
    public var marksUsed: [ChartPoint.Mark] {
        let used = Set(points.map(\.mark))
        return ChartPoint.Mark.allCases.filter(used.contains)
    }

    /// Whether any point is a bound (at least, at most) rather than an exact figure.
    public var hasBounds: Bool { points.contains { $0.bound != .exact } }

    /// The smallest and largest y value in base units, always including zero.
    public var valueRange: ClosedRange<Double> {
        let values = points.map(\.value)
        return min(0, values.min() ?? 0)...max(0, values.max() ?? 0)
    }

    /// A value in the chart's unit, as a label: `205`, `1.06`.
    public func shown(_ value: Double) -> String {
        NumberFormat.grouped(NumberFormat.roundToSignificant(value / unit.scale, digits: 4))
    }

    /// The unit's symbol as axes show it (`bn CNY`, `Mt`, `%`), empty for plain numbers.
    public var unitLabel: String { dimension == .none ? "" : unit.symbol }
}

/// One named line or group of bars.
public struct ChartSeries: Sendable {
    /// The value of the `by` column, or `nil` for a chart without `by`.
    public var name: String?
    public var points: [ChartPoint]

    public init(name: String?, points: [ChartPoint]) {
        self.name = name
        self.points = points
    }
}

/// One drawn value: its x label, its y value and how sure the source is of it.
public struct ChartPoint: Sendable {
    /// How a point is drawn, from the fact kind behind it: solid for actual figures, and an
    /// unmistakably different mark for expectations, plans and targets.
    public enum Mark: String, Sendable, CaseIterable {
        case actual, expected, plan, target
    }

    /// Whether the value is exact or a bound, as the source states it.
    public enum Bound: String, Sendable {
        case exact
        case atLeast = "at_least"
        case atMost = "at_most"

        /// `≥`, `≤` or nothing.
        public var symbol: String {
            switch self {
            case .exact: ""
            case .atLeast: "≥"
            case .atMost: "≤"
            }
        }
    }

    public var label: String
    /// The x value as a number where the x column is numeric (years), for line charts.
    public var x: Double?
    /// The y value in the chart dimension's base unit.
    public var value: Double
    public var mark: Mark
    public var bound: Bound
    /// A part-year period such as `Jan–Jul`, or `nil` for a whole year.
    public var period: String?
    public var provenance: Provenance

    public init(
        label: String, x: Double?, value: Double, mark: Mark = .actual, bound: Bound = .exact, period: String? = nil,
        provenance: Provenance = .none
    ) {
        self.label = label
        self.x = x
        self.value = value
        self.mark = mark
        self.bound = bound
        self.period = period
        self.provenance = provenance
    }

    /// Set when a series has two points with the same label and period (an expectation and a target
    /// for one year): the kind, and a number if that is not enough, keeps them apart.
    public var qualifier: String?

    /// The label with its period, as axes show it: `2025 (Jan–Jul)`.
    public var fullLabel: String { period.map { "\(label) (\($0))" } ?? label }

    /// What the point is drawn under in bar and column charts: its full label and any qualifier.
    public var category: String { qualifier.map { "\(fullLabel) [\($0)]" } ?? fullLabel }
}

extension Chart {
    /// The chart's points as a table (x, series, y, kind, bound, period): what a chart exports as
    /// in a table format such as CSV or JSON.
    public var dataTable: Table {
        let points = points
        var xs: [Value] = []
        var seriesNames: [Value] = []
        var marks: [Value] = []
        var bounds: [Value] = []
        var periods: [Value] = []
        var ys: [Value] = []
        for series in series {
            for point in series.points {
                xs.append(point.x.map(Value.number) ?? .string(point.label))
                seriesNames.append(series.name.map(Value.string) ?? .null)
                var quantity = Quantity(value: point.value, dimension: dimension, provenance: point.provenance)
                if dimension == .none { quantity.displayUnit = nil }
                ys.append(dimension == .none ? .number(point.value) : .quantity(quantity))
                marks.append(.string(point.mark.rawValue))
                bounds.append(.string(point.bound.rawValue))
                periods.append(point.period.map(Value.string) ?? .null)
            }
        }
        var names = [xName]
        var columns = [ColumnBuilder.column(xs)]
        if series.contains(where: { $0.name != nil }) {
            names.append("series")
            columns.append(ColumnBuilder.column(seriesNames))
        }
        names += [yName, "kind", "bound", "period"]
        columns += [
            ColumnBuilder.column(ys), ColumnBuilder.column(marks), ColumnBuilder.column(bounds),
            ColumnBuilder.column(periods),
        ]
        return Table(columnNames: names, columns: columns, rowCount: points.count)
    }
}

/// Axis bounds on round numbers (steps of 1, 2, 2.5 or 5 times a power of ten, in the unit shown).
public struct ChartScale: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var step: Double

    /// A scale over `low…high` (base units) with about `ticks` steps, in the steps of `unit`.
    public init(low: Double, high: Double, ticks: Int = 5, unit: Unit) {
        var low = low / unit.scale
        var high = high / unit.scale
        if low == high {
            low -= abs(low) * 0.1 + 1
            high += abs(high) * 0.1 + 1
        }
        let rough = (high - low) / Double(max(ticks, 1))
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        while magnitude > rough { magnitude /= 10 }
        let step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? magnitude * 10
        self.lower = (low / step).rounded(.down) * step * unit.scale
        self.upper = (high / step).rounded(.up) * step * unit.scale
        self.step = step * unit.scale
    }

    /// The tick values from the lower to the upper bound, in base units.
    public var ticks: [Double] {
        guard step > 0 else { return [lower] }
        let count = Int(((upper - lower) / step).rounded())
        return (0...max(count, 0)).map { lower + Double($0) * step }
    }

    public var range: ClosedRange<Double> { lower...upper }
}
