import ALQRuntime

/// An export format that draws charts (`svg`). Given a table instead, it is an error.
public protocol ChartFormat: ExportFormat {
    /// Writes a whole chart as one document.
    func write(_ chart: Chart, to output: any OutputSink) throws
}
