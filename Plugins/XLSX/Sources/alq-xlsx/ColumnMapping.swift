import ALQPluginKit
import XLSX

/// How a sheet's columns become alq's: a type from the cells, a unit from the header.
enum ColumnMapping {
    /// alq's base units and their compounds (`CNY/t`, `t/a`, `kWh/t`), as a header such as
    /// `value (CNY)` names them.
    static func isUnit(_ text: String) -> Bool {
        let bases: Set<Substring> = ["CNY", "t", "kWh", "a", "count", "%", "x", "pp", "rank"]
        return !text.isEmpty
            && text.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { part in
                let pieces = part.split(separator: "^", maxSplits: 1, omittingEmptySubsequences: false)
                guard let base = pieces.first, bases.contains(base) else { return false }
                return pieces.count == 1 || (Int(pieces[1]).map { $0 > 0 } ?? false)
            }
    }

    /// A column: its descriptor and its values.
    struct Column {
        var description: ColumnDescription
        var values: [JSONValue]
    }

    /// The column of cells under a header: `integer` when every value is a whole number, `number`
    /// when they are numbers, `bool`, `date` (days as ISO 8601), `string` (texts, date-times as
    /// `YYYY-MM-DDTHH:MM:SS`, integers too long for a double as their digits), `any` for a mix or no
    /// values at all. A number column whose header is `NAME (UNIT)` with one of alq's units is a
    /// column of quantities named `NAME`.
    /// `progress` is called every 65,536 cells.
    static func column(name: String, cells: [XLSXCell], progress: () -> Void = {}) -> Column {
        var numbers = 0
        var wholeNumbers = 0
        var bools = 0
        var days = 0
        var texts = 0
        var filled = 0
        for (index, cell) in cells.enumerated() {
            if index & 0xFFFF == 0 { progress() }
            switch cell {
            case .empty: continue
            case .number(let value):
                numbers += 1
                if value == value.rounded(.towardZero), abs(value) < 9_007_199_254_740_992 { wholeNumbers += 1 }
            case .bool: bools += 1
            case .date: days += 1
            case .string, .bigInteger, .dateTime: texts += 1
            }
            filled += 1
        }
        let type: ColumnDescription.ColumnType =
            switch filled {
            case 0: .any
            case wholeNumbers: .integer
            case numbers: .number
            case bools: .bool
            case days: .date
            case texts: .string
            default: .any
            }
        var description = ColumnDescription(name: name, type: type)
        if type == .integer || type == .number, let split = HeaderUnit.split(name, isUnit: isUnit) {
            description.name = split.name
            description.unit = split.unit
        }
        var values: [JSONValue] = []
        values.reserveCapacity(cells.count)
        for (index, cell) in cells.enumerated() {
            if index & 0xFFFF == 0 { progress() }
            values.append(value(cell))
        }
        return Column(description: description, values: values)
    }

    /// A cell as a JSON value.
    static func value(_ cell: XLSXCell) -> JSONValue {
        switch cell {
        case .empty: .null
        case .number(let value): JSONNumber(value).map(JSONValue.number) ?? .null
        case .bigInteger(let digits): .string(digits)
        case .bool(let flag): .bool(flag)
        case .string(let text): .string(text)
        case .date(let day): .string(day.description)
        case .dateTime(let day, let seconds): .string(day.description + "T" + timeText(seconds))
        }
    }

    /// `HH:MM:SS`, with milliseconds when there are any.
    static func timeText(_ seconds: Double) -> String {
        let milliseconds = Int((seconds * 1000).rounded())
        func pad(_ value: Int, _ width: Int = 2) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let whole = milliseconds / 1000
        var text = "\(pad(whole / 3600)):\(pad(whole / 60 % 60)):\(pad(whole % 60))"
        if milliseconds % 1000 != 0 { text += "." + pad(milliseconds % 1000, 3) }
        return text
    }
}
