extension Value {
    /// Whether the value is a non-empty list whose elements are all records.
    public var isListOfRecords: Bool {
        guard case .list(let values) = self, !values.isEmpty else { return false }
        return values.allSatisfy { if case .record = $0 { true } else { false } }
    }
}

extension Table {
    /// A value as rows: a table as it is, a list of records as one row each, a record as one row,
    /// any other list as one column named `value`; `nil` for anything else.
    public init?(rowsOf value: Value) {
        switch value {
        case .table(let table):
            self = table
        case .record(let record):
            self.init(records: [record])
        case .list(let values) where value.isListOfRecords:
            self.init(records: values.map { if case .record(let record) = $0 { record } else { Record() } })
        case .list(let values):
            self.init(columnNames: ["value"], columns: [ColumnBuilder.column(values)], rowCount: values.count)
        default:
            return nil
        }
    }
}
