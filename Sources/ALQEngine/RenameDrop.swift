import ALQRuntime
import ALQSyntax

/// `rename new = old, …` and `drop column, …`: change a table's columns without touching their cells.
struct RenameDrop {
    let file: SourceFile

    /// Renames columns, all at once (so `rename a = b, b = a` swaps two names); every other column
    /// keeps its name and place.
    func renamed(_ table: Table, _ renames: [ColumnRename]) throws(Diagnostic) -> Table {
        var names = table.columnNames
        var renamedPositions: Set<Int> = []
        for rename in renames {
            let position = try index(of: rename.old, in: table)
            guard renamedPositions.insert(position).inserted else {
                throw Diagnostic(
                    .invalidArgument, "column '\(rename.old.name)' is renamed twice", span: rename.old.span, file: file)
            }
            names[position] = rename.new.name
        }
        for rename in renames where names.filter({ $0 == rename.new.name }).count > 1 {
            throw Diagnostic(
                .invalidArgument, "there would be two columns named '\(rename.new.name)'", span: rename.new.span,
                file: file, help: "drop the other '\(rename.new.name)' first, or choose another name")
        }
        var key = table.keyColumn
        if let current = key, let position = table.columnIndex(current), renamedPositions.contains(position) {
            key = names[position]
        }
        return Table(columnNames: names, columns: table.columns, rowCount: table.rowCount, keyColumn: key)
    }

    /// The table without the named columns.
    func dropped(_ table: Table, _ drops: [ColumnName]) throws(Diagnostic) -> Table {
        var removed: Set<Int> = []
        for drop in drops { removed.insert(try index(of: drop, in: table)) }
        let kept = table.columnNames.indices.filter { !removed.contains($0) }
        let key = table.keyColumn.flatMap { name in kept.contains { table.columnNames[$0] == name } ? name : nil }
        return Table(
            columnNames: kept.map { table.columnNames[$0] }, columns: kept.map { table.columns[$0] },
            rowCount: table.rowCount, keyColumn: key)
    }

    private func index(of column: ColumnName, in table: Table) throws(Diagnostic) -> Int {
        if let index = table.columnIndex(column.name) { return index }
        throw Diagnostic(
            .unknownColumn, "unknown column '\(column.name)'", span: column.span, file: file,
            help: Suggestion.didYouMean(column.name, among: table.columnNames)
                ?? "the columns are \(table.columnNames.joined(separator: ", "))")
    }
}
