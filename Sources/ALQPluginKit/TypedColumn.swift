/// One column of a ``TypedBatch``: its values decoded into the type they share, so that an export format
/// works on doubles, dictionaries and codes instead of a `JSONValue` per cell (docs/plugins.md, "Typed
/// columns").
///
/// The case follows the values the batch holds: numbers and nulls are ``numbers(_:)``, strings and nulls
/// ``strings(_:)``, bools and nulls ``bools(_:)``, anything else (lists, records, values of several kinds)
/// ``values(_:)``. A batch holding nulls only, or no rows, takes the case of the column's type in
/// `export.begin` (`integer` and `number`: numbers; `string` and `date`: strings; `bool`: bools; `any`:
/// values).
public enum TypedColumn: Sendable, Equatable {
    /// Numbers, with their text as alq wrote it.
    case numbers(Numbers)
    /// Strings as a dictionary and one code per row.
    case strings(Strings)
    /// Booleans.
    case bools(Bools)
    /// Any JSON values, one per row.
    case values([JSONValue])

    /// A column of numbers (and nulls).
    public struct Numbers: Sendable, Equatable {
        /// Each row's number as the nearest double; 0 for null.
        public let values: [Double]
        /// Whether each row is null; empty when no row is.
        @usableFromInline let nulls: [Bool]
        /// Where the texts are: the batch's message, or bytes of their own.
        @usableFromInline let textBytes: [UInt8]
        /// Each row's text is `textBytes[textStarts[row]..<textEnds[row]]` (empty for null).
        @usableFromInline let textStarts: [Int32]
        @usableFromInline let textEnds: [Int32]
        /// Whether every number is written as an integer (no fraction, no exponent) that a double holds
        /// exactly, so `Int(values[row])` is exact (`true` for a column of nulls only).
        public let isInteger: Bool

        init(
            values: [Double], nulls: [Bool], textBytes: [UInt8], textStarts: [Int32], textEnds: [Int32],
            isInteger: Bool
        ) {
            self.values = values
            self.nulls = nulls
            self.textBytes = textBytes
            self.textStarts = textStarts
            self.textEnds = textEnds
            self.isInteger = isInteger
        }

        /// Numbers from JSON numbers (`nil` for null), each keeping its text.
        public init(_ numbers: [JSONNumber?]) {
            var builder = NumbersBuilder(textBytes: [], capacity: numbers.count)
            for number in numbers {
                if let number { builder.append(number) } else { builder.appendNull() }
            }
            self = builder.column
        }

        /// The number of rows.
        public var count: Int { values.count }

        /// Whether some row is null.
        public var hasNulls: Bool { !nulls.isEmpty }

        /// Whether row `row` is null.
        @inlinable
        public func isNull(_ row: Int) -> Bool { !nulls.isEmpty && nulls[row] }

        /// Row `row`'s number; `nil` for null.
        public subscript(row: Int) -> Double? { isNull(row) ? nil : values[row] }

        /// Row `row`'s number as alq wrote it (`2024`, `33.69`, `1e-07`, digits beyond what a double holds
        /// exactly); `nil` for null.
        public func text(_ row: Int) -> String? {
            isNull(row) ? nil : withText(row) { String(decoding: $0, as: UTF8.self) }
        }

        /// Calls `body` with the bytes of row `row`'s text (empty for null).
        @inlinable
        public func withText<R>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
            try textBytes.withUnsafeBufferPointer { bytes in
                try body(UnsafeBufferPointer(rebasing: bytes[Int(textStarts[row])..<Int(textEnds[row])]))
            }
        }

        /// Row `row` as a JSON number; `nil` for null.
        public func number(_ row: Int) -> JSONNumber? {
            text(row).flatMap { JSONNumber(text: $0) }
        }

        public static func == (lhs: Numbers, rhs: Numbers) -> Bool {
            lhs.count == rhs.count && (0..<lhs.count).allSatisfy { lhs.text($0) == rhs.text($0) }
        }
    }

    /// A column of strings (and nulls): the distinct strings once, and a code per row.
    public struct Strings: Sendable, Equatable {
        /// The strings the codes point at: a dictionary-encoded column's distinct strings, or for a column
        /// that arrived as a plain array, each row's string in order.
        public let dictionary: [String]
        /// One per row: an index into ``dictionary``, or ``null``.
        public let codes: [Int32]

        /// The code of a null row.
        public static let null: Int32 = -1

        /// Strings as `dictionary` and one code per row (an index into it, or ``null``); every code must be
        /// in range.
        public init(dictionary: [String], codes: [Int32]) {
            precondition(codes.allSatisfy { $0 >= -1 && $0 < dictionary.count }, "a code outside the dictionary")
            self.dictionary = dictionary
            self.codes = codes
        }

        /// Strings one per row (`nil` for null), each its own dictionary entry.
        public init(_ strings: [String?]) {
            var dictionary: [String] = []
            var codes: [Int32] = []
            codes.reserveCapacity(strings.count)
            for string in strings {
                if let string {
                    codes.append(Int32(dictionary.count))
                    dictionary.append(string)
                } else {
                    codes.append(Self.null)
                }
            }
            self.dictionary = dictionary
            self.codes = codes
        }

        init(uncheckedDictionary dictionary: [String], codes: [Int32]) {
            self.dictionary = dictionary
            self.codes = codes
        }

        /// The number of rows.
        public var count: Int { codes.count }

        /// Whether row `row` is null.
        public func isNull(_ row: Int) -> Bool { codes[row] < 0 }

        /// Row `row`'s string; `nil` for null.
        public subscript(row: Int) -> String? {
            let code = codes[row]
            return code < 0 ? nil : dictionary[Int(code)]
        }

        public static func == (lhs: Strings, rhs: Strings) -> Bool {
            lhs.count == rhs.count && (0..<lhs.count).allSatisfy { lhs[$0] == rhs[$0] }
        }
    }

    /// A column of booleans (and nulls).
    public struct Bools: Sendable, Equatable {
        /// Each row's value; `nil` for null.
        public let values: [Bool?]

        /// Booleans, one per row.
        public init(_ values: [Bool?]) { self.values = values }

        /// The number of rows.
        public var count: Int { values.count }
    }

    /// The number of rows.
    public var count: Int {
        switch self {
        case .numbers(let numbers): numbers.count
        case .strings(let strings): strings.count
        case .bools(let bools): bools.count
        case .values(let values): values.count
        }
    }

    /// Whether row `row` is null.
    public func isNull(_ row: Int) -> Bool {
        switch self {
        case .numbers(let numbers): numbers.isNull(row)
        case .strings(let strings): strings.isNull(row)
        case .bools(let bools): bools.values[row] == nil
        case .values(let values): values[row] == .null
        }
    }

    /// Row `row` as a JSON value (what the row-wise API hands over).
    public subscript(row: Int) -> JSONValue {
        switch self {
        case .numbers(let numbers): numbers.number(row).map(JSONValue.number) ?? .null
        case .strings(let strings): strings[row].map(JSONValue.string) ?? .null
        case .bools(let bools): bools.values[row].map(JSONValue.bool) ?? .null
        case .values(let values): values[row]
        }
    }

    /// Every row as a JSON value.
    public var jsonValues: [JSONValue] {
        if case .values(let values) = self { return values }
        return (0..<count).map { self[$0] }
    }

    /// A column from JSON values, in the case they share (see ``TypedColumn``); `type` decides a column
    /// without values (nulls only, or no rows).
    public init(_ values: [JSONValue], type: ColumnDescription.ColumnType = .any) {
        var kind: JSONValue?
        for value in values where value != .null {
            if let first = kind {
                guard Self.sameKind(first, value) else {
                    self = .values(values)
                    return
                }
            } else {
                kind = value
            }
        }
        switch kind {
        case .number?: self = .numbers(Numbers(values.map { if case .number(let number) = $0 { number } else { nil } }))
        case .string?: self = .strings(Strings(values.map(\.stringValue)))
        case .bool?: self = .bools(Bools(values.map(\.boolValue)))
        case nil: self = Self.nulls(values.count, type: type)
        default: self = .values(values)
        }
    }

    /// A column of `count` nulls in the case of `type`.
    static func nulls(_ count: Int, type: ColumnDescription.ColumnType) -> TypedColumn {
        switch type {
        case .integer, .number:
            .numbers(
                Numbers(
                    values: Array(repeating: 0, count: count), nulls: Array(repeating: true, count: count),
                    textBytes: [], textStarts: Array(repeating: 0, count: count),
                    textEnds: Array(repeating: 0, count: count), isInteger: true))
        case .string, .date:
            .strings(Strings(uncheckedDictionary: [], codes: Array(repeating: Strings.null, count: count)))
        case .bool: .bools(Bools(Array(repeating: nil, count: count)))
        case .any: .values(Array(repeating: .null, count: count))
        }
    }

    private static func sameKind(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.number, .number), (.string, .string), (.bool, .bool): true
        default: false
        }
    }
}

/// Builds a ``TypedColumn/Numbers`` a row at a time: from the texts of a message (spans of `textBytes`),
/// or from ``JSONNumber``s (their texts appended to `textBytes`).
struct NumbersBuilder {
    var values: [Double] = []
    var nulls: [Bool] = []
    var textBytes: [UInt8]
    var textStarts: [Int32] = []
    var textEnds: [Int32] = []
    var isInteger = true

    init(textBytes: [UInt8], capacity: Int) {
        self.textBytes = textBytes
        values.reserveCapacity(capacity)
        textStarts.reserveCapacity(capacity)
        textEnds.reserveCapacity(capacity)
    }

    /// A number whose text is `textBytes[start..<end]`.
    @inline(__always)
    mutating func append(_ parsed: JSONNumber.Parsed, start: Int, end: Int) {
        values.append(parsed.value)
        textStarts.append(Int32(truncatingIfNeeded: start))
        textEnds.append(Int32(truncatingIfNeeded: end))
        if !nulls.isEmpty { nulls.append(false) }
        if !(parsed.isInteger && parsed.isExact) { isInteger = false }
    }

    /// A number, its text appended to `textBytes`.
    mutating func append(_ number: JSONNumber) {
        let start = textBytes.count
        textBytes.append(contentsOf: number.text.utf8)
        values.append(number.double)
        textStarts.append(Int32(truncatingIfNeeded: start))
        textEnds.append(Int32(truncatingIfNeeded: textBytes.count))
        if !nulls.isEmpty { nulls.append(false) }
        if !number.isExactInteger || !number.isInteger { isInteger = false }
    }

    mutating func appendNull() {
        if nulls.isEmpty {
            nulls = Array(repeating: false, count: values.count)
            nulls.reserveCapacity(values.capacity)
        }
        nulls.append(true)
        values.append(0)
        let here = Int32(truncatingIfNeeded: textEnds.last ?? 0)
        textStarts.append(here)
        textEnds.append(here)
    }

    var column: TypedColumn.Numbers {
        TypedColumn.Numbers(
            values: values, nulls: nulls, textBytes: textBytes, textStarts: textStarts, textEnds: textEnds,
            isInteger: isInteger)
    }
}
