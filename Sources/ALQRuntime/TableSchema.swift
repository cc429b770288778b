/// What a column holds, as far as it can be told without reading every row.
public enum ColumnType: Sendable, Hashable {
    case number
    /// Whole numbers only.
    case integer
    case string
    case bool
    /// Quantities of one dimension (a `value [CNY]` column, `facts.value` of one unit).
    case quantity(Dimension)
    /// Mixed types, lists or records.
    case any

    /// The type of a built column.
    public init(of column: Column) {
        switch column {
        case .number(let numbers): self = numbers.isInteger ? .integer : .number
        case .string: self = .string
        case .bool: self = .bool
        case .quantity(let quantities): self = .quantity(quantities.dimension)
        case .mixed: self = .any
        }
    }

    /// The name shown in column listings, as ``Column/typeName``: `integer`, `string`, a unit, `any`.
    public var name: String {
        switch self {
        case .number: "number"
        case .integer: "integer"
        case .string: "string"
        case .bool: "bool"
        case .quantity(let dimension): dimension.symbol
        case .any: "any"
        }
    }
}

/// A column's name and, where it is known, its type.
public struct SchemaColumn: Sendable, Hashable {
    public var name: String
    /// `nil` when the type cannot be told without running the query or reading the data.
    public var type: ColumnType?

    public init(_ name: String, _ type: ColumnType? = nil) {
        self.name = name
        self.type = type
    }
}

/// The columns of a table, in order, without its rows: what a pipeline produces, worked out without
/// running it, or what a file holds, read from its header.
public struct TableSchema: Sendable, Hashable {
    public private(set) var columns: [SchemaColumn]
    /// Whether the table has more columns than ``columns`` lists, named by the data (after `pivot`).
    public var isPartial: Bool

    public init(_ columns: [SchemaColumn], isPartial: Bool = false) {
        self.columns = columns
        self.isPartial = isPartial
    }

    /// The column names, in order.
    public var names: [String] { columns.map(\.name) }

    /// The column called `name`.
    public func column(_ name: String) -> SchemaColumn? {
        columns.first { $0.name == name }
    }

    /// The same columns with `column` added at the end, or replacing the column of its name in place
    /// (as ``Table/setting(_:to:)`` does).
    public func setting(_ column: SchemaColumn) -> TableSchema {
        var result = self
        if let index = columns.firstIndex(where: { $0.name == column.name }) {
            result.columns[index] = column
        } else {
            result.columns.append(column)
        }
        return result
    }
}

extension Table {
    /// The table's columns and their types.
    public var schema: TableSchema {
        TableSchema(zip(columnNames, columns).map { SchemaColumn($0, ColumnType(of: $1)) })
    }
}
