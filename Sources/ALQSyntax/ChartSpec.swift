/// What a `chart` stage asks for: `chart line year, value by region title "Output value"`.
public struct ChartSpec: Sendable {
    /// The chart kinds the stage knows, as written.
    public static let kinds = ["bar", "line", "column"]

    /// `bar`, `line` or `column`.
    public var kind: String
    public var kindSpan: Span
    /// The labels (x axis; the bars' names in a bar chart).
    public var x: Expr
    /// The values.
    public var y: Expr
    /// `by SERIES`: one line or bar group per value.
    public var series: Expr?
    /// `title TEXT`
    public var title: Expr?

    public init(kind: String, kindSpan: Span, x: Expr, y: Expr, series: Expr?, title: Expr?) {
        self.kind = kind
        self.kindSpan = kindSpan
        self.x = x
        self.y = y
        self.series = series
        self.title = title
    }
}
