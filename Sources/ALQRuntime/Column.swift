import ALQSyntax

/// One column of a ``Table``: a typed array, not an array of boxed values.
///
/// Strings are dictionary-encoded (each row holds an index into a small array of distinct
/// strings), so filtering and grouping compare integers.
public enum Column: Sendable {
    case number(NumberColumn)
    case string(StringColumn)
    case bool(BoolColumn)
    /// Quantities of one dimension, stored in the base unit.
    case quantity(QuantityColumn)
    /// Anything else: mixed types, lists, records.
    case mixed([Value])

    public var count: Int {
        switch self {
        case .number(let column): column.values.count
        case .string(let column): column.codes.count
        case .bool(let column): column.values.count
        case .quantity(let column): column.values.count
        case .mixed(let values): values.count
        }
    }

    /// The value in a row.
    public subscript(row: Int) -> Value {
        switch self {
        case .number(let column): column.isNull(row) ? .null : .number(column.values[row])
        case .string(let column):
            column.codes[row] < 0 ? .null : .string(column.dictionary[Int(column.codes[row])])
        case .bool(let column):
            column.values[row] == BoolColumn.null ? .null : .bool(column.values[row] == 1)
        case .quantity(let column):
            column.isNull(row)
                ? .null
                : .quantity(
                    Quantity(value: column.values[row], dimension: column.dimension, displayUnit: column.displayUnit))
        case .mixed(let values): values[row]
        }
    }

    /// The type name shown in column listings: `number`, `integer`, `string`, `bool`, a unit, `any`.
    public var typeName: String {
        switch self {
        case .number(let column): column.isInteger ? "integer" : "number"
        case .string: "string"
        case .bool: "bool"
        case .quantity(let column): column.dimension.symbol
        case .mixed(let values):
            values.contains(where: { !$0.isNull })
                && values.allSatisfy({ value in
                    if case .date = value { return true }
                    return value.isNull
                }) ? "date" : "any"
        }
    }

    /// The rows at `indices`, in that order; stops with E0306 on Ctrl-C (``Interruption``).
    public func gather(_ indices: [Int]) throws(Diagnostic) -> Column {
        switch self {
        case .number(let column):
            .number(
                NumberColumn(
                    values: try column.values.gathered(indices), validity: try column.validity?.gathered(indices),
                    isInteger: column.isInteger))
        case .string(let column):
            .string(StringColumn(codes: try column.codes.gathered(indices), dictionary: column.dictionary))
        case .bool(let column):
            .bool(BoolColumn(values: try column.values.gathered(indices)))
        case .quantity(let column):
            .quantity(
                QuantityColumn(
                    values: try column.values.gathered(indices), dimension: column.dimension,
                    displayUnit: column.displayUnit, validity: try column.validity?.gathered(indices)))
        case .mixed(let values):
            .mixed(try values.gathered(indices))
        }
    }

    /// The first `count` rows.
    public func prefix(_ count: Int) -> Column {
        let end = Swift.max(0, Swift.min(count, self.count))
        switch self {
        case .number(let column):
            return .number(
                NumberColumn(
                    values: Array(column.values[..<end]), validity: column.validity.map { Array($0[..<end]) },
                    isInteger: column.isInteger))
        case .string(let column):
            return .string(StringColumn(codes: Array(column.codes[..<end]), dictionary: column.dictionary))
        case .bool(let column):
            return .bool(BoolColumn(values: Array(column.values[..<end])))
        case .quantity(let column):
            return .quantity(
                QuantityColumn(
                    values: Array(column.values[..<end]), dimension: column.dimension,
                    displayUnit: column.displayUnit, validity: column.validity.map { Array($0[..<end]) }))
        case .mixed(let values):
            return .mixed(Array(values[..<end]))
        }
    }
}

extension Array {
    /// The elements at `indices`, in that order, checking ``Interruption`` between batches of rows so that
    /// the per-row work stays one load and one store.
    fileprivate func gathered(_ indices: [Int]) throws(Diagnostic) -> [Element] {
        var interrupted = false
        let result = [Element](unsafeUninitializedCapacity: indices.count) { buffer, initialized in
            guard let target = buffer.baseAddress else { return }
            indices.withUnsafeBufferPointer { indices in
                for batch in Interruption.batches(indices.count) {
                    if Interruption.isRequested {
                        interrupted = true
                        return
                    }
                    for position in batch { (target + position).initialize(to: self[indices[position]]) }
                    initialized = batch.upperBound
                }
            }
        }
        if interrupted { throw Interruption.diagnostic }
        return result
    }
}

/// Numbers, with an optional validity mask (`false` marks a null).
public struct NumberColumn: Sendable {
    public var values: [Double]
    public var validity: [Bool]?
    /// Whether every value is a whole number (the column was read as integers).
    public var isInteger: Bool

    public init(values: [Double], validity: [Bool]? = nil, isInteger: Bool = false) {
        self.values = values
        self.validity = validity
        self.isInteger = isInteger
    }

    public func isNull(_ row: Int) -> Bool { validity.map { !$0[row] } ?? false }
}

/// Dictionary-encoded strings: `codes[row]` indexes `dictionary`, or is -1 for null.
public struct StringColumn: Sendable {
    public var codes: [Int32]
    public var dictionary: [String]

    public init(codes: [Int32], dictionary: [String]) {
        self.codes = codes
        self.dictionary = dictionary
    }

    /// Encodes strings, building the dictionary in order of first appearance.
    public init(_ strings: [String?]) {
        var lookup: [String: Int32] = [:]
        var dictionary: [String] = []
        var codes: [Int32] = []
        codes.reserveCapacity(strings.count)
        for string in strings {
            guard let string else {
                codes.append(-1)
                continue
            }
            if let code = lookup[string] {
                codes.append(code)
            } else {
                let code = Int32(dictionary.count)
                lookup[string] = code
                dictionary.append(string)
                codes.append(code)
            }
        }
        self.codes = codes
        self.dictionary = dictionary
    }

    /// The code of a string, if it occurs in the dictionary.
    public func code(of string: String) -> Int32? {
        dictionary.firstIndex(of: string).map { Int32($0) }
    }
}

/// Booleans as bytes: 0 false, 1 true, 2 null.
public struct BoolColumn: Sendable {
    public static let null: UInt8 = 2
    public var values: [UInt8]

    public init(values: [UInt8]) {
        self.values = values
    }

    public init(_ flags: [Bool]) {
        values = flags.map { $0 ? 1 : 0 }
    }
}

/// Quantities of one dimension, in its base unit.
public struct QuantityColumn: Sendable {
    public var values: [Double]
    public var dimension: Dimension
    public var displayUnit: Unit?
    public var validity: [Bool]?

    public init(values: [Double], dimension: Dimension, displayUnit: Unit? = nil, validity: [Bool]? = nil) {
        self.values = values
        self.dimension = dimension
        self.displayUnit = displayUnit
        self.validity = validity
    }

    public func isNull(_ row: Int) -> Bool { validity.map { !$0[row] } ?? false }
}
