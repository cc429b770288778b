/// Builds the tightest column type for values that arrive one by one.
///
/// Starts typed from the first non-null value and falls back to ``Column/mixed(_:)`` when a value of
/// another type arrives.
public struct ColumnBuilder: Sendable {
    private enum State {
        case empty(nulls: Int)
        case number([Double], [Bool], allIntegers: Bool, hasNull: Bool)
        case string([Int32], [String], [String: Int32])
        case bool([UInt8])
        case quantity([Double], [Bool], Dimension, Unit?, hasNull: Bool)
        case mixed([Value])
    }

    private var state: State = .empty(nulls: 0)

    public init() {}

    /// Appends a row.
    public mutating func append(_ value: Value) {
        switch (state, value) {
        case (.empty(let nulls), .null):
            state = .empty(nulls: nulls + 1)
        case (.empty(let nulls), _):
            state = start(with: value, nulls: nulls)
        case (.number(var values, var validity, let allIntegers, let hasNull), .number(let number)):
            state = .mixed([])
            values.append(number)
            validity.append(true)
            state = .number(values, validity, allIntegers: allIntegers && number == number.rounded(), hasNull: hasNull)
        case (.number(var values, var validity, let allIntegers, _), .null):
            state = .mixed([])
            values.append(0)
            validity.append(false)
            state = .number(values, validity, allIntegers: allIntegers, hasNull: true)
        case (.string(var codes, var dictionary, var lookup), .string(let string)):
            state = .mixed([])
            if let code = lookup[string] {
                codes.append(code)
            } else {
                let code = Int32(dictionary.count)
                lookup[string] = code
                dictionary.append(string)
                codes.append(code)
            }
            state = .string(codes, dictionary, lookup)
        case (.string(var codes, let dictionary, let lookup), .null):
            state = .mixed([])
            codes.append(-1)
            state = .string(codes, dictionary, lookup)
        case (.bool(var values), .bool(let flag)):
            state = .mixed([])
            values.append(flag ? 1 : 0)
            state = .bool(values)
        case (.bool(var values), .null):
            state = .mixed([])
            values.append(BoolColumn.null)
            state = .bool(values)
        case (.quantity(var values, var validity, let dimension, let unit, let hasNull), .quantity(let quantity))
        where quantity.dimension == dimension && quantity.provenance.isEmpty:
            state = .mixed([])
            values.append(quantity.value)
            validity.append(true)
            state = .quantity(values, validity, dimension, unit == quantity.displayUnit ? unit : nil, hasNull: hasNull)
        case (.quantity(var values, var validity, let dimension, let unit, _), .null):
            state = .mixed([])
            values.append(0)
            validity.append(false)
            state = .quantity(values, validity, dimension, unit, hasNull: true)
        case (.mixed(var values), _):
            state = .empty(nulls: 0)
            values.append(value)
            state = .mixed(values)
        default:
            var values = currentValues()
            values.append(value)
            state = .mixed(values)
        }
    }

    private func start(with value: Value, nulls: Int) -> State {
        let padding = [Bool](repeating: false, count: nulls)
        switch value {
        case .number(let number):
            return .number(
                [Double](repeating: 0, count: nulls) + [number], padding + [true],
                allIntegers: number == number.rounded(), hasNull: nulls > 0)
        case .string(let string):
            return .string([Int32](repeating: -1, count: nulls) + [0], [string], [string: 0])
        case .bool(let flag):
            return .bool([UInt8](repeating: BoolColumn.null, count: nulls) + [flag ? 1 : 0])
        case .quantity(let quantity) where quantity.provenance.isEmpty:
            return .quantity(
                [Double](repeating: 0, count: nulls) + [quantity.value], padding + [true], quantity.dimension,
                quantity.displayUnit, hasNull: nulls > 0)
        default:
            return .mixed([Value](repeating: .null, count: nulls) + [value])
        }
    }

    private func currentValues() -> [Value] {
        let column = build()
        return (0..<column.count).map { column[$0] }
    }

    /// The column of everything appended.
    public func build() -> Column {
        switch state {
        case .empty(let nulls):
            return .mixed([Value](repeating: .null, count: nulls))
        case .number(let values, let validity, let allIntegers, let hasNull):
            return .number(NumberColumn(values: values, validity: hasNull ? validity : nil, isInteger: allIntegers))
        case .string(let codes, let dictionary, _):
            return .string(StringColumn(codes: codes, dictionary: dictionary))
        case .bool(let values):
            return .bool(BoolColumn(values: values))
        case .quantity(let values, let validity, let dimension, let unit, let hasNull):
            return .quantity(QuantityColumn(values: values, dimension: dimension, displayUnit: unit, validity: hasNull ? validity : nil))
        case .mixed(let values):
            return .mixed(values)
        }
    }

    /// A column holding `values`.
    public static func column(_ values: some Sequence<Value>) -> Column {
        var builder = ColumnBuilder()
        for value in values { builder.append(value) }
        return builder.build()
    }
}
