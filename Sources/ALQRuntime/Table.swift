import ALQSyntax

/// A table: named, typed columns of equal length.
///
/// Tables are values: copying one shares its column storage until either copy changes.
public struct Table: Sendable {
    public private(set) var columnNames: [String]
    public private(set) var columns: [Column]
    public let rowCount: Int
    /// For a series (such as `Guangxi.output_value`): the column that `table[key]` looks up.
    public var keyColumn: String?

    /// A table of the given columns; every column must have `rowCount` rows.
    public init(columnNames: [String], columns: [Column], rowCount: Int? = nil, keyColumn: String? = nil) {
        precondition(columnNames.count == columns.count, "one name per column")
        self.columnNames = columnNames
        self.columns = columns
        self.rowCount = rowCount ?? columns.first?.count ?? 0
        self.keyColumn = keyColumn
        precondition(columns.allSatisfy { $0.count == self.rowCount }, "columns of unequal length")
    }

    /// A table with no columns and no rows.
    public static let empty = Table(columnNames: [], columns: [], rowCount: 0)

    /// Builds a table from records; the columns are the union of their keys, in order of appearance.
    public init(records: [Record]) {
        var names: [String] = []
        var seen: Set<String> = []
        for record in records {
            for key in record.keys where !seen.contains(key) {
                seen.insert(key)
                names.append(key)
            }
        }
        let columns = names.map { name in ColumnBuilder.column(records.lazy.map { $0[name] ?? .null }) }
        self.init(columnNames: names, columns: columns, rowCount: records.count)
    }

    /// The index of a column by name.
    public func columnIndex(_ name: String) -> Int? {
        columnNames.firstIndex(of: name)
    }

    /// A column by name.
    public func column(_ name: String) -> Column? {
        columnIndex(name).map { columns[$0] }
    }

    /// One row as a record.
    public func row(_ index: Int) -> Record {
        var record = Record()
        for (name, column) in zip(columnNames, columns) { record[name] = column[index] }
        return record
    }

    /// The rows at `indices`, in that order; stops with E0306 on Ctrl-C (``Interruption``). Many rows of
    /// several columns are gathered a column per thread (``Parallel``).
    public func gather(_ indices: [Int]) throws(Diagnostic) -> Table {
        let gathered: [Column]
        if indices.count >= Parallel.minimumRowsPerPart && columns.count > 1 {
            gathered = try Parallel.map(columns) { (column: Column) throws(Diagnostic) -> Column in
                try column.gather(indices)
            }
        } else {
            var sequential: [Column] = []
            for column in columns { sequential.append(try column.gather(indices)) }
            gathered = sequential
        }
        return Table(columnNames: columnNames, columns: gathered, rowCount: indices.count, keyColumn: keyColumn)
    }

    /// The first `count` rows.
    public func prefix(_ count: Int) -> Table {
        count >= rowCount
            ? self
            : Table(
                columnNames: columnNames, columns: columns.map { $0.prefix(count) }, rowCount: max(0, count),
                keyColumn: keyColumn)
    }

    /// The same rows with a column added or replaced.
    public func setting(_ name: String, to column: Column) -> Table {
        var names = columnNames
        var columns = columns
        if let index = columnIndex(name) {
            columns[index] = column
        } else {
            names.append(name)
            columns.append(column)
        }
        return Table(columnNames: names, columns: columns, rowCount: rowCount, keyColumn: keyColumn)
    }

    /// The rows of several tables with the same columns, one after another.
    public static func concatenate(_ tables: [Table]) -> Table {
        guard let first = tables.first else { return .empty }
        if tables.count == 1 { return first }
        var names = first.columnNames
        for table in tables.dropFirst() {
            for name in table.columnNames where !names.contains(name) { names.append(name) }
        }
        let total = tables.reduce(0) { $0 + $1.rowCount }
        let columns = names.map { name -> Column in
            var builder = ColumnBuilder()
            for table in tables {
                if let column = table.column(name) {
                    for row in 0..<table.rowCount { builder.append(column[row]) }
                } else {
                    for _ in 0..<table.rowCount { builder.append(.null) }
                }
            }
            return builder.build()
        }
        return Table(columnNames: names, columns: columns, rowCount: total)
    }
}
