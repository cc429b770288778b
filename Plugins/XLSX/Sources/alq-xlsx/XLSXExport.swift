import ALQPluginKit
import XLSX

/// The `xlsx` export format: a table as a workbook with one sheet, a bold header row, typed cells.
struct XLSXExport: ExportFormatPlugin {
    let name = "xlsx"
    let extensions = ["xlsx"]
    let mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    private var workbook = WorkbookWriter()
    private var columns: [ExportColumnDescription] = []

    mutating func begin(_ export: ExportBegin, to output: inout PluginOutput) throws {
        workbook = WorkbookWriter()
        columns = export.columns
        try workbook.addSheet(named: "Sheet1", header: columns.map(\.name))
    }

    mutating func write(row: [JSONValue], to output: inout PluginOutput) throws {
        try workbook.appendRow(zip(row, columns).map { value, column in CellMapping.cell(value, type: column.type) })
    }

    mutating func end(to output: inout PluginOutput) throws {
        output.write(bytes: try workbook.finish())
        workbook = WorkbookWriter()
    }
}
