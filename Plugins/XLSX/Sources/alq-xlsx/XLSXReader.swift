import ALQPluginKit
import XLSX

/// The `xlsx` reader: `open("f.xlsx")` reads the first sheet, `open("f.xlsx", sheet = "Facts")` a
/// named one; `options = {header_row: 3}` takes the names from row 3, `{header: false}` from no row.
struct XLSXReader: ReaderPlugin {
    let name = "xlsx"
    let extensions = ["xlsx"]
    let mediaType = XLSXWriter.mediaTypeName
    let version = XLSXWriter.pluginVersion

    mutating func read(path: String, options: JSONObject) throws -> TableReader {
        try read(path: path, options: options, progress: .none)
    }

    /// Reads the whole sheet before answering, since a column's type depends on all its cells, and
    /// ticks `progress` meanwhile so that a large sheet is not taken for a hung plugin.
    mutating func read(path: String, options: JSONObject, progress: PluginProgress) throws -> TableReader {
        var sheet: String?
        var header = HeaderRow.firstFilled
        for (key, value) in options.members {
            switch (key, value) {
            case ("sheet", .string(let name)): sheet = name
            case ("sheet", _): throw PluginError("the option sheet takes a sheet's name, such as sheet = \"Facts\"")
            case ("header_row", .number(let number)):
                guard let row = number.int, row >= 1 else {
                    throw PluginError("the option header_row takes a row number from 1, such as header_row = 2")
                }
                header = .row(row)
            case ("header_row", _):
                throw PluginError("the option header_row takes a row number, such as header_row = 2")
            case ("header", .bool(let flag)): if !flag { header = .none }
            case ("header", _): throw PluginError("the option header takes true or false")
            default:
                throw PluginError("xlsx has no option '\(key)'; it reads sheet, header_row and header")
            }
        }
        let table: SheetTable
        do {
            table = try WorkbookReader(path: path).read(sheet: sheet, header: header, progress: progress.tick)
        } catch {
            throw PluginError("cannot read '\(path)': \(error.message)")
        }
        let columns = zip(table.columnNames, table.columns).map {
            ColumnMapping.column(name: $0, cells: $1, progress: progress.tick)
        }
        var start = 0
        let count = table.rowCount
        return TableReader(columns: columns.map(\.description)) { maximumRows in
            guard start < count else { return nil }
            let end = min(count, start + max(1, maximumRows))
            defer { start = end }
            return ColumnBatch(length: end - start, columns: columns.map { Array($0.values[start..<end]) })
        }
    }
}
