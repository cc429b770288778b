import ALQRuntime

extension Table {
    /// The table as `export … with fact_ids` writes it in `format`: with a column `fact_ids` holding
    /// each row's fact ids, as a list where the format writes lists (JSON), else as one text cell with
    /// the ids joined by `;` (CSV, Markdown, spreadsheets).
    public func withFactIDs(in format: any ExportFormat) -> Table {
        withFactIDs(joinedBy: format.writesLists ? nil : ";")
    }
}
