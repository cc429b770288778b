import ALQCalendar
import ALQPluginKit
import XLSX

/// How alq's values become cells.
enum CellMapping {
    /// A value of a column of `type` as a cell: numbers as numbers (an integer a double cannot hold
    /// keeps its digits), booleans as booleans, strings as text, null as an empty cell, lists and
    /// records as their JSON text. In a column of dates (`date`), or of mixed values (`any`) where a
    /// version-1 export puts alq's dates, an ISO 8601 day (`2025-09-23`) becomes a date cell.
    static func cell(_ value: JSONValue, type: ExportColumnDescription.ColumnType) -> XLSXCell {
        switch value {
        case .null: return .empty
        case .bool(let flag): return .bool(flag)
        case .number(let number):
            return number.isInteger && !number.isExactInteger ? .bigInteger(number.text) : .number(number.double)
        case .string(let text):
            if type == .any || type == .date, let day = CivilDay(iso8601: text) { return .date(day) }
            return .string(text)
        case .array, .object: return .string(value.plainText)
        }
    }
}
