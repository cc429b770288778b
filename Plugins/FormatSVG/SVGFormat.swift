import ALQPluginAPI
import ALQRuntime

/// The `svg` format: a chart as a standalone SVG 1.1 document (title, axes, units, legend, and the
/// same honest marks as in the terminal), with nothing external but a font stack that renders Chinese.
public struct SVGFormat: ChartFormat {
    public let name = "svg"
    public let fileExtensions = ["svg"]
    public let mediaType = "image/svg+xml"
    public let version = "1.0.0"

    public init() {}

    public func write(_ chart: Chart, to output: any OutputSink) throws {
        try output.write(SVGChartDocument(chart: chart).text())
    }

    /// A table is not a chart: the error says how to make one.
    public func write(_ table: Table, to output: any OutputSink) throws {
        throw SVGFormatError.notAChart
    }
}

/// Why the `svg` format refused to write.
public enum SVGFormatError: Error, CustomStringConvertible {
    case notAChart

    public var description: String {
        "svg draws charts, not tables: … | chart line year, value | export svg to \"chart.svg\""
    }
}
