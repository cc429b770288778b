import ALQRuntime

/// The value of an expression over every row of a table: one value for all rows, or a column.
enum Vector {
    case scalar(Value)
    case column(Column)

    /// The value in a row.
    subscript(row: Int) -> Value {
        switch self {
        case .scalar(let value): value
        case .column(let column): column[row]
        }
    }

    /// The vector as a column of `count` rows.
    func column(count: Int) -> Column {
        switch self {
        case .column(let column): return column
        case .scalar(let value):
            switch value {
            case .number(let number):
                return .number(
                    NumberColumn(
                        values: [Double](repeating: number, count: count), isInteger: number == number.rounded()))
            case .string(let text):
                return .string(StringColumn(codes: [Int32](repeating: 0, count: count), dictionary: [text]))
            case .bool(let flag):
                return .bool(BoolColumn(values: [UInt8](repeating: flag ? 1 : 0, count: count)))
            default:
                return ColumnBuilder.column(repeatElement(value, count: count))
            }
        }
    }
}
