import ALQRuntime
import ALQSyntax

/// The `chart` stage: turns a table into a ``Chart``, reading how certain each value is from the
/// table's `kind`, `bound` and `period` columns where it has them (as `facts` and region series do).
struct ChartBuilder {
    /// The most bars a bar or column chart draws; more is an error that suggests `take` or `group`.
    static let maximumBars = 500

    let interpreter: Interpreter
    let table: Table
    let spec: ChartSpec
    let span: Span

    private var file: SourceFile { interpreter.file }

    func build() throws(Diagnostic) -> Chart {
        guard let kind = Chart.Kind(rawValue: spec.kind) else {
            throw Diagnostic(.invalidStage, "unknown chart kind '\(spec.kind)'", span: spec.kindSpan, file: file)
        }
        let title = try title()
        let xs = try column(spec.x)
        let ys = try column(spec.y)
        let seriesColumn = try spec.series.map { expr throws(Diagnostic) in try column(expr) }
        let marks = table.column("kind")
        let bounds = table.column("bound")
        let periods = table.column("period")
        let units = table.column("unit")
        let ids = table.column("id")

        var dimension: Dimension?
        var dimensionsFound: [Dimension] = []
        var seriesOrder: [String?] = []
        var pointsBySeries: [String?: [ChartPoint]] = [:]
        for row in 0..<table.rowCount {
            if row % 4096 == 0 { try interpreter.session.checkCancellation() }
            let y = ys[row]
            if y.isNull { continue }
            guard let (value, rowDimension, provenance) = Self.number(y, unit: units?[row]) else {
                throw Diagnostic(
                    .typeMismatch, "a chart draws numbers or quantities, found a \(y.typeName) in '\(yName)'",
                    span: spec.y.span, file: file)
            }
            guard value.isFinite else {
                throw Diagnostic(
                    .numericOverflow, "a chart cannot draw \(y.literalText)", span: spec.y.span, file: file)
            }
            if !dimensionsFound.contains(rowDimension) { dimensionsFound.append(rowDimension) }
            dimension = dimension ?? rowDimension
            let x = xs[row]
            var point = ChartPoint(
                label: x.isNull ? "null" : x.displayText, x: x.plainNumber, value: value,
                provenance: provenance.isEmpty ? Self.provenance(ids?[row]) : provenance)
            if case .string(let text) = marks?[row], let mark = ChartPoint.Mark(rawValue: text) { point.mark = mark }
            if case .string(let text) = bounds?[row], let bound = ChartPoint.Bound(rawValue: text) {
                point.bound = bound
            }
            if case .string(let text) = periods?[row] { point.period = text }
            let name: String? = seriesColumn.map { $0[row].isNull ? "null" : $0[row].displayText }
            if pointsBySeries[name] == nil { seriesOrder.append(name) }
            pointsBySeries[name, default: []].append(point)
        }
        if dimensionsFound.count > 1 {
            let names = dimensionsFound.map { $0 == .none ? "plain numbers" : $0.symbol }
            throw Diagnostic(
                .unitMismatch,
                "a chart needs values of one unit, found \(names.joined(separator: ", ")) in '\(yName)'",
                span: spec.y.span, file: file,
                help: "keep one unit first, for example: where unit == \"\(dimensionsFound[0].symbol)\"")
        }
        let series = seriesOrder.map { ChartSeries(name: $0, points: Self.distinguished(pointsBySeries[$0] ?? [])) }
        let pointCount = series.reduce(0) { $0 + $1.points.count }
        if kind != .line, pointCount > Self.maximumBars {
            throw Diagnostic(
                .invalidArgument,
                "a \(kind.rawValue) chart draws at most \(Self.maximumBars) bars, the table has \(pointCount)",
                span: span, file: file, help: "take or group the rows first, or draw a line chart")
        }
        let resolved = dimension ?? .none
        let largest = series.flatMap(\.points).map { abs($0.value) }.max() ?? 0
        return Chart(
            kind: kind, title: title, xName: name(of: spec.x), yName: yName, dimension: resolved,
            unit: resolved == .none ? .base(.none) : Unit.humanScale(for: largest, dimension: resolved),
            series: series)
    }

    private var yName: String { name(of: spec.y) }

    /// The points with a qualifier on each that shares its label and period with another, so that
    /// no point hides behind another in a bar or column chart.
    static func distinguished(_ points: [ChartPoint]) -> [ChartPoint] {
        var counts: [String: Int] = [:]
        for point in points { counts[point.fullLabel, default: 0] += 1 }
        guard counts.values.contains(where: { $0 > 1 }) else { return points }
        var kindCounts: [String: Int] = [:]
        for point in points { kindCounts[point.fullLabel + "|" + point.mark.rawValue, default: 0] += 1 }
        var seen: [String: Int] = [:]
        return points.map { point in
            guard counts[point.fullLabel, default: 0] > 1 else { return point }
            var point = point
            let key = point.fullLabel + "|" + point.mark.rawValue
            seen[key, default: 0] += 1
            point.qualifier =
                kindCounts[key, default: 0] > 1
                ? "\(point.mark.rawValue) \(seen[key, default: 1])" : point.mark.rawValue
            return point
        }
    }

    private func name(of expr: Expr) -> String { Parser.columnName(for: expr, in: file) }

    private func column(_ expr: Expr) throws(Diagnostic) -> Column {
        try VectorEvaluator(interpreter: interpreter, table: table).eval(expr).column(count: table.rowCount)
    }

    private func title() throws(Diagnostic) -> String? {
        guard let expr = spec.title else { return nil }
        let value = try interpreter.eval(expr)
        guard case .string(let text) = value else {
            throw Diagnostic(
                .typeMismatch, "a chart title must be a string, found a \(value.typeName)", span: expr.span, file: file)
        }
        return text
    }

    /// A y cell as a base-unit number, its dimension and provenance. A plain number in a table with a
    /// `unit` column (as `facts` has) is in that unit.
    static func number(_ value: Value, unit: Value?) -> (Double, Dimension, Provenance)? {
        switch value {
        case .quantity(let quantity):
            return (quantity.value, quantity.dimension, quantity.provenance)
        case .number(let number):
            if case .string(let symbol) = unit, let dimension = Dimension(symbol: symbol) {
                return (number, dimension, .none)
            }
            return (number, .none, .none)
        default:
            return nil
        }
    }

    private static func provenance(_ id: Value?) -> Provenance {
        if case .string(let id) = id { return Provenance(fact: id) }
        return .none
    }
}
