import ALQPluginKit
import XLSX

/// The `xlsx` export format: a table as a workbook with one sheet, a bold header row, typed cells.
struct XLSXWriter: ExportFormatPlugin {
    /// The plugin's version, for the handshake and `modules`.
    static let pluginVersion = "1.0.0"
    static let mediaTypeName = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    let name = "xlsx"
    let extensions = ["xlsx"]
    let mediaType = XLSXWriter.mediaTypeName
    let version = XLSXWriter.pluginVersion
    private var workbook = WorkbookWriter()
    private var columns: [ExportColumnDescription] = []

    mutating func begin(_ export: ExportBegin, to output: inout PluginOutput) throws {
        workbook = WorkbookWriter()
        columns = export.columns
        // The sheet is named after the table (the file's base name), made valid for Excel; else `Sheet1`.
        // A column whose quantities share a unit has it in the header: `value (CNY)`.
        try workbook.addSheet(
            named: export.name ?? "Sheet1", header: columns.map { HeaderUnit.header(name: $0.name, unit: $0.unit) })
    }

    mutating func write(row: [JSONValue], to output: inout PluginOutput) throws {
        try workbook.appendRow(zip(row, columns).map { value, column in CellMapping.cell(value, type: column.type) })
    }

    mutating func end(to output: inout PluginOutput) throws {
        output.write(bytes: try workbook.finish())
        workbook = WorkbookWriter()
    }
}
