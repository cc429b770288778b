/// Builds the tightest column type for values that arrive one by one.
///
/// Starts typed from the first non-null value and falls back to ``Column/mixed(_:)`` when a value of
/// another type arrives. Each kind keeps its own stored array, so appending never copies.
public struct ColumnBuilder: Sendable {
    private enum Kind {
        case empty, number, string, bool, quantity, mixed
    }

    private var kind = Kind.empty
    private var count = 0
    private var hasNull = false
    private var numbers: [Double] = []
    private var validity: [Bool] = []
    private var allIntegers = true
    private var codes: [Int32] = []
    private var dictionary: [String] = []
    private var lookup: [String: Int32] = [:]
    private var flags: [UInt8] = []
    private var dimension = Dimension.none
    private var displayUnit: Unit?
    private var mixed: [Value] = []

    public init() {}

    /// Appends a row.
    public mutating func append(_ value: Value) {
        defer { count += 1 }
        switch (kind, value) {
        case (.empty, .null):
            hasNull = true
        case (.empty, _):
            start(with: value)
        case (.number, .number(let number)):
            numbers.append(number)
            validity.append(true)
            if allIntegers && number != number.rounded() { allIntegers = false }
        case (.quantity, .quantity(let quantity)) where quantity.dimension == dimension && quantity.isPlain:
            numbers.append(quantity.value)
            validity.append(true)
            if displayUnit != quantity.displayUnit { displayUnit = nil }
        case (.number, .null), (.quantity, .null):
            numbers.append(0)
            validity.append(false)
            hasNull = true
        case (.string, .string(let text)):
            appendString(text)
        case (.string, .null):
            codes.append(-1)
        case (.bool, .bool(let flag)):
            flags.append(flag ? 1 : 0)
        case (.bool, .null):
            flags.append(BoolColumn.null)
        case (.mixed, _):
            mixed.append(value)
        default:
            let existing = build()
            mixed = (0..<existing.count).map { existing[$0] }
            mixed.append(value)
            kind = .mixed
            numbers = []
            validity = []
            codes = []
            dictionary = []
            lookup = [:]
            flags = []
        }
    }

    private mutating func appendString(_ text: String) {
        if let code = lookup[text] {
            codes.append(code)
        } else {
            let code = Int32(dictionary.count)
            lookup[text] = code
            dictionary.append(text)
            codes.append(code)
        }
    }

    private mutating func start(with value: Value) {
        let nulls = count
        switch value {
        case .number(let number):
            kind = .number
            numbers = [Double](repeating: 0, count: nulls) + [number]
            validity = [Bool](repeating: false, count: nulls) + [true]
            allIntegers = number == number.rounded()
        case .string(let text):
            kind = .string
            codes = [Int32](repeating: -1, count: nulls)
            appendString(text)
        case .bool(let flag):
            kind = .bool
            flags = [UInt8](repeating: BoolColumn.null, count: nulls) + [flag ? 1 : 0]
        case .quantity(let quantity) where quantity.isPlain:
            kind = .quantity
            numbers = [Double](repeating: 0, count: nulls) + [quantity.value]
            validity = [Bool](repeating: false, count: nulls) + [true]
            dimension = quantity.dimension
            displayUnit = quantity.displayUnit
        default:
            kind = .mixed
            mixed = [Value](repeating: .null, count: nulls) + [value]
        }
    }

    /// The column of everything appended.
    public func build() -> Column {
        switch kind {
        case .empty:
            return .mixed([Value](repeating: .null, count: count))
        case .number:
            return .number(NumberColumn(values: numbers, validity: hasNull ? validity : nil, isInteger: allIntegers))
        case .string:
            return .string(StringColumn(codes: codes, dictionary: dictionary))
        case .bool:
            return .bool(BoolColumn(values: flags))
        case .quantity:
            return .quantity(
                QuantityColumn(
                    values: numbers, dimension: dimension, displayUnit: displayUnit, validity: hasNull ? validity : nil)
            )
        case .mixed:
            return .mixed(mixed)
        }
    }

    /// A column holding `values`.
    public static func column(_ values: some Sequence<Value>) -> Column {
        var builder = ColumnBuilder()
        for value in values { builder.append(value) }
        return builder.build()
    }
}
