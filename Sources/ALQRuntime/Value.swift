/// Every value the language computes with.
public enum Value: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    /// A calendar date, full or partial.
    case date(CalendarDate)
    /// A number with a unit, or a plain number that carries the facts it came from.
    case quantity(Quantity)
    case list([Value])
    case record(Record)
    case table(Table)
    /// A registered region module, by id: a namespace (`Guangxi.output_value`).
    case module(String)
    /// A chart made by the `chart` stage.
    case chart(Chart)

    /// The name of the value's type, as messages and `type()` show it.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .number: "number"
        case .string: "string"
        case .date: "date"
        case .quantity(let quantity): quantity.dimension == .none ? "number" : "quantity"
        case .list: "list"
        case .record: "record"
        case .table: "table"
        case .module: "module"
        case .chart: "chart"
        }
    }

    /// The plain number, if the value is a number or a dimensionless quantity.
    public var plainNumber: Double? {
        switch self {
        case .number(let number): number
        case .quantity(let quantity) where quantity.dimension == .none: quantity.value
        default: nil
        }
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Whether the value counts as true in `where`, `and`, `or`, `not`.
    public var truthiness: Bool? {
        switch self {
        case .bool(let flag): flag
        case .null: false
        default: nil
        }
    }
}

/// A record: named fields in order.
public struct Record: Sendable {
    public private(set) var keys: [String]
    public private(set) var values: [Value]

    public init() {
        keys = []
        values = []
    }

    /// A record of `fields` in order; of a repeated key, the last value wins (in the first one's place).
    public init(_ fields: [(String, Value)]) {
        self.init()
        var positions: [String: Int] = [:]
        for (key, value) in fields {
            if let position = positions[key] {
                values[position] = value
            } else {
                positions[key] = keys.count
                keys.append(key)
                values.append(value)
            }
        }
    }

    public subscript(key: String) -> Value? {
        get { keys.firstIndex(of: key).map { values[$0] } }
        set {
            if let index = keys.firstIndex(of: key) {
                if let newValue {
                    values[index] = newValue
                } else {
                    keys.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    public var fields: Zip2Sequence<[String], [Value]> { zip(keys, values) }
}
