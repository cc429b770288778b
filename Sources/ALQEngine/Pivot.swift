import ALQRuntime
import ALQSyntax

/// `pivot names values values` and its inverse `unpivot column, … into name, value`.
///
/// `pivot` makes one row per combination of the remaining columns (the row keys, in order of first
/// appearance) and one column per distinct value of `names` (sorted, named by the value's text), each
/// cell moved whole from the `values` column. A combination without a row is null; two rows for one
/// cell are an error naming the row keys and the column.
struct Pivot {
    let interpreter: Interpreter
    let table: Table

    /// The most columns a pivot may make.
    static let maximumColumns = 10_000

    private var file: SourceFile { interpreter.file }

    func pivoted(names: ColumnName, values: ColumnName) throws(Diagnostic) -> Table {
        let nameColumn = try column(names)
        let valueColumn = try column(values)
        guard names.name != values.name else {
            throw Diagnostic(
                .invalidArgument, "pivot needs two different columns for the names and the values",
                span: names.span.merged(with: values.span), file: file,
                help: "for example: pivot year values value")
        }
        let keyNames = table.columnNames.filter { $0 != names.name && $0 != values.name }
        let keyColumns = keyNames.map { table.column($0)! }
        let (ids, firstRows): ([Int32], [Int])
        if keyColumns.isEmpty {
            (ids, firstRows) = ([Int32](repeating: 0, count: table.rowCount), table.rowCount == 0 ? [] : [0])
        } else {
            (ids, firstRows) = try Aggregation(interpreter: interpreter, table: table).groups(of: keyColumns)
        }
        let (slots, headers) = try distinctNames(nameColumn, span: names.span)
        let groupCount = firstRows.count
        var cells = [Int](repeating: -1, count: groupCount * headers.count)
        for row in 0..<table.rowCount {
            if row & 0xFFFF == 0xFFFF { try interpreter.session.checkCancellation() }
            let cell = Int(ids[row]) * headers.count + slots[row]
            if cells[cell] >= 0 {
                throw duplicate(rows: cells[cell], row, keyNames: keyNames, names: names, span: values.span)
            }
            cells[cell] = row
        }
        var resultNames = keyNames
        var columns: [Column] = []
        for column in keyColumns { columns.append(try column.gather(firstRows)) }
        for (slot, header) in headers.enumerated() {
            guard !resultNames.contains(header) else {
                throw Diagnostic(
                    .invalidArgument, "pivot would make a second column named '\(header)'", span: names.span,
                    file: file, help: "rename the column '\(header)' first")
            }
            resultNames.append(header)
            columns.append(try valueColumn.gather(orNull: (0..<groupCount).map { cells[$0 * headers.count + slot] }))
        }
        return Table(columnNames: resultNames, columns: columns, rowCount: groupCount)
    }

    /// The column of each row's name (an index into the headers), and the headers in sorted order.
    private func distinctNames(_ column: Column, span: Span) throws(Diagnostic) -> ([Int], [String]) {
        var lookup: [String: Int] = [:]
        var representatives: [Value] = []
        var slots = [Int](repeating: 0, count: column.count)
        for row in 0..<column.count {
            try Interruption.check(atRow: row)
            let value = column[row]
            let key = "\(value.typeName):\(value.literalText)"
            if let slot = lookup[key] {
                slots[row] = slot
            } else {
                lookup[key] = representatives.count
                slots[row] = representatives.count
                representatives.append(value)
                if representatives.count > Pivot.maximumColumns {
                    throw Diagnostic(
                        .invalidArgument, "pivot would make more than \(Pivot.maximumColumns) columns", span: span,
                        file: file, help: "pivot a column with fewer distinct values, such as year")
                }
            }
        }
        let order = representatives.indices.sorted {
            Comparison.sortOrder(representatives[$0], representatives[$1]) < 0
        }
        var position = [Int](repeating: 0, count: order.count)
        for (sorted, slot) in order.enumerated() { position[slot] = sorted }
        return (slots.map { position[$0] }, order.map { representatives[$0].displayText })
    }

    private func duplicate(rows first: Int, _ second: Int, keyNames: [String], names: ColumnName, span: Span)
        -> Diagnostic
    {
        let record = table.row(second)
        let key = (keyNames + [names.name]).map { "\($0) \(record[$0]?.literalText ?? "null")" }
        return Diagnostic(
            .invalidArgument,
            "pivot found several values for one cell: \(key.joined(separator: ", ")) (rows \(first) and \(second))",
            span: span, file: file,
            help: "keep one row per cell first: select only the key columns, filter with where, or group … | agg")
    }

    // MARK: unpivot

    /// One row per input row and listed column whose cell is not null: the other columns, then the
    /// column's name and its cell. Names that are all whole numbers (years) make a number column.
    func unpivoted(_ listed: [ColumnName], name: ColumnName, value: ColumnName) throws(Diagnostic) -> Table {
        var sources: [Column] = []
        var seen: Set<String> = []
        for column in listed {
            guard seen.insert(column.name).inserted else {
                throw Diagnostic(
                    .invalidArgument, "column '\(column.name)' is listed twice", span: column.span, file: file)
            }
            sources.append(try self.column(column))
        }
        let keptNames = table.columnNames.filter { !seen.contains($0) }
        for new in [name, value] where keptNames.contains(new.name) || (new.name == name.name && new.span != name.span)
        {
            throw Diagnostic(
                .invalidArgument, "there would be two columns named '\(new.name)'", span: new.span, file: file,
                help: "choose another name after 'into'")
        }
        var rows: [Int] = []
        var slots: [Int32] = []
        var cells: [Int] = []
        rows.reserveCapacity(table.rowCount * sources.count)
        for row in 0..<table.rowCount {
            if row & 0xFFFF == 0xFFFF { try interpreter.session.checkCancellation() }
            for (slot, source) in sources.enumerated() where !source.isNullCell(row) {
                rows.append(row)
                slots.append(Int32(slot))
                cells.append(slot * table.rowCount + row)
            }
        }
        var names = keptNames
        var columns: [Column] = []
        for name in keptNames { columns.append(try table.column(name)!.gather(rows)) }
        let headers = listed.map(\.name)
        let years = headers.compactMap { Int($0) }
        names.append(name.name)
        if years.count == headers.count {
            columns.append(.number(NumberColumn(values: slots.map { Double(years[Int($0)]) }, isInteger: true)))
        } else {
            columns.append(.string(StringColumn(codes: slots, dictionary: headers)))
        }
        names.append(value.name)
        columns.append(try Column.concatenate(sources).gather(cells))
        return Table(columnNames: names, columns: columns, rowCount: rows.count)
    }

    private func column(_ name: ColumnName) throws(Diagnostic) -> Column {
        if let column = table.column(name.name) { return column }
        throw Diagnostic(
            .unknownColumn, "unknown column '\(name.name)'", span: name.span, file: file,
            help: Suggestion.didYouMean(name.name, among: table.columnNames)
                ?? "the columns are \(table.columnNames.joined(separator: ", "))")
    }
}

extension Column {
    /// Whether a row is null, without building its value.
    fileprivate func isNullCell(_ row: Int) -> Bool {
        switch self {
        case .number(let column): column.isNull(row)
        case .string(let column): column.codes[row] < 0
        case .bool(let column): column.values[row] == BoolColumn.null
        case .quantity(let column): column.isNull(row)
        case .mixed(let values): values[row].isNull
        }
    }
}
