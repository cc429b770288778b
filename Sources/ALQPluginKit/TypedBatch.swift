/// A batch of rows as typed columns (docs/plugins.md, "Typed columns"): what
/// ``ExportFormatPlugin/write(columns:to:)`` gets. Numbers come as doubles with their text, strings as a
/// dictionary and codes, so that a format does its per-string work (escaping, quoting) once per distinct
/// string and never builds a value per cell.
public struct TypedBatch: Sendable, Equatable {
    /// The number of rows.
    public var length: Int
    /// The columns, in the order `export.begin` gave, each of ``length`` rows.
    public var columns: [TypedColumn]

    /// A batch; every column must have `length` rows.
    public init(length: Int, columns: [TypedColumn]) {
        precondition(columns.allSatisfy { $0.count == length }, "a column of another length than the batch")
        self.length = length
        self.columns = columns
    }

    /// The batch of a ``ColumnBatch``, each column in the case its values share; `types` (the columns'
    /// types in `export.begin`) decides a column of nulls only.
    public init(_ batch: ColumnBatch, types: [ColumnDescription.ColumnType] = []) {
        length = batch.length
        columns = batch.columns.enumerated().map { index, values in
            TypedColumn(values, type: index < types.count ? types[index] : .any)
        }
    }

    /// The batch of some rows, one value per column each (a missing value is null); as many columns as
    /// `types` has, or as the longest row.
    public init(rows: [[JSONValue]], types: [ColumnDescription.ColumnType]) {
        let width = rows.reduce(types.count) { max($0, $1.count) }
        self.init(ColumnBatch(rows: rows, columnCount: width), types: types)
    }

    /// The batch as JSON values, one array per column.
    public var columnBatch: ColumnBatch {
        ColumnBatch(length: length, columns: columns.map(\.jsonValues))
    }
}
