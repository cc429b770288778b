import ALQJSON

/// Builds the tightest column type for values that arrive one by one: the one column builder, used by
/// the runtime (stages, aggregation, tables from records), the JSON reader and the CSV reader.
///
/// Two kinds of input share one store:
/// - **typed values** (``append(_:)``, ``appendNumber(_:isInteger:)``, ``appendBool(_:)``,
///   ``appendString(utf8:)``, ``appendNull()``): the column takes the type of its first non-null value
///   and falls back to ``Column/mixed(_:)`` when a value of another type arrives;
/// - **text to infer** (``appendText(_:)``, as CSV fields are): a column is numbers if every field is
///   a number in JSON's grammar that a double holds exactly, bools if every field is `true` or `false`
///   in any case, and strings otherwise. Once a numeric or boolean column meets other text it becomes
///   ``needsStringPass``: the caller reads the fields again as strings (``restartAsStrings()``,
///   ``appendString(utf8:)``), so the first pass never keeps a `String` per field.
///
/// Strings are dictionary-encoded straight from their UTF-8 bytes (``ByteInterner``): one `String` per
/// distinct value, made when the column is built. Each kind keeps its own array, so appending never copies.
public struct ColumnBuilder: Sendable {
    @usableFromInline
    enum Kind: Sendable {
        case empty, number, string, bool, quantity, mixed, needsStringPass
    }

    @usableFromInline var kind = Kind.empty
    @usableFromInline var count = 0
    @usableFromInline var hasNull = false
    @usableFromInline var numbers: [Double] = []
    @usableFromInline var validity: [Bool] = []
    @usableFromInline var allIntegers = true
    @usableFromInline var codes: [Int32] = []
    @usableFromInline var interner = ByteInterner()
    @usableFromInline var flags: [UInt8] = []
    @usableFromInline var dimension = Dimension.none
    @usableFromInline var displayUnit: Unit?
    @usableFromInline var mixed: [Value] = []
    /// How many rows typed storage makes room for when it starts (``reserveCapacity(rows:)``).
    @usableFromInline var reservedRows = 0

    /// An empty builder.
    public init() {}

    /// A builder that starts with `rows` nulls (a column first seen in a later row).
    public init(nulls rows: Int) {
        count = rows
        hasNull = rows > 0
    }

    /// The number of rows appended.
    public var rowCount: Int { count }

    /// Whether a text column turned out not to be numeric or boolean and must be read again as strings.
    public var needsStringPass: Bool { kind == .needsStringPass }

    // MARK: Typed values

    /// Appends a row.
    public mutating func append(_ value: Value) {
        switch value {
        case .null: appendNull()
        case .number(let number): appendNumber(number, isInteger: number == number.rounded())
        case .bool(let flag): appendBool(flag)
        case .string(var text): text.withUTF8 { appendString(utf8: $0) }
        case .quantity(let quantity) where quantity.isPlain && (kind == .empty || kind == .quantity):
            appendQuantity(quantity)
        default: appendOther(value)
        }
    }

    /// Appends a null.
    @inlinable
    public mutating func appendNull() {
        count += 1
        hasNull = true
        switch kind {
        case .number, .quantity:
            numbers.append(0)
            validity.append(false)
        case .string: codes.append(-1)
        case .bool: flags.append(BoolColumn.null)
        case .mixed: mixed.append(.null)
        case .empty, .needsStringPass: break
        }
    }

    /// Appends a number; `isInteger` says whether it is a whole number.
    @inlinable
    public mutating func appendNumber(_ value: Double, isInteger: Bool) {
        if kind == .empty { start(.number) }
        guard kind == .number else { return appendOther(.number(value)) }
        count += 1
        numbers.append(value)
        validity.append(true)
        if !isInteger { allIntegers = false }
    }

    /// Appends a bool.
    @inlinable
    public mutating func appendBool(_ flag: Bool) {
        if kind == .empty { start(.bool) }
        guard kind == .bool else { return appendOther(.bool(flag)) }
        count += 1
        flags.append(flag ? 1 : 0)
    }

    /// Appends a string given as UTF-8 bytes (checked when the column is built).
    @inlinable
    public mutating func appendString(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        if kind == .empty { start(.string) }
        guard kind == .string else { return appendOther(.string(String(decoding: bytes, as: UTF8.self))) }
        count += 1
        codes.append(interner.intern(bytes))
    }

    private mutating func appendQuantity(_ quantity: Quantity) {
        if kind == .empty {
            start(.quantity)
            dimension = quantity.dimension
            displayUnit = quantity.displayUnit
        }
        guard quantity.dimension == dimension else { return appendOther(.quantity(quantity)) }
        count += 1
        numbers.append(quantity.value)
        validity.append(true)
        if displayUnit != quantity.displayUnit { displayUnit = nil }
    }

    /// Starts typed storage after the nulls appended so far.
    @usableFromInline
    mutating func start(_ newKind: Kind) {
        kind = newKind
        switch newKind {
        case .number, .quantity:
            numbers = [Double](repeating: 0, count: count)
            validity = [Bool](repeating: false, count: count)
        case .string: codes = [Int32](repeating: -1, count: count)
        case .bool: flags = [UInt8](repeating: BoolColumn.null, count: count)
        case .mixed: mixed = [Value](repeating: .null, count: count)
        case .empty, .needsStringPass: break
        }
        guard reservedRows > count else { return }
        switch newKind {
        case .number, .quantity:
            numbers.reserveCapacity(reservedRows)
            validity.reserveCapacity(reservedRows)
        case .string: codes.reserveCapacity(reservedRows)
        case .bool: flags.reserveCapacity(reservedRows)
        case .mixed, .empty, .needsStringPass: break
        }
    }

    /// Appends a value the typed storage cannot hold: the column becomes a column of values.
    @usableFromInline
    mutating func appendOther(_ value: Value) {
        switch kind {
        case .mixed: break
        case .empty: start(.mixed)
        case .needsStringPass: return
        default:
            let existing = build()
            mixed = (0..<existing.count).map { existing[$0] }
            kind = .mixed
            numbers = []
            validity = []
            codes = []
            interner = ByteInterner()
            flags = []
        }
        count += 1
        mixed.append(value)
    }

    // MARK: Text to infer

    /// Appends a field whose type is inferred from its text (see the type's documentation).
    @inlinable
    public mutating func appendText(_ field: UnsafeBufferPointer<UInt8>) {
        switch kind {
        case .empty:
            if let number = JSONNumber.parse(field), number.isExact {
                appendNumber(number.value, isInteger: number.isInteger)
            } else if let flag = ColumnBuilder.parseBool(field) {
                appendBool(flag)
            } else {
                appendString(utf8: field)
            }
        case .number:
            if let number = JSONNumber.parse(field), number.isExact {
                appendNumber(number.value, isInteger: number.isInteger)
            } else {
                becomeStringPass()
            }
        case .bool:
            if let flag = ColumnBuilder.parseBool(field) { appendBool(flag) } else { becomeStringPass() }
        case .string:
            count += 1
            codes.append(interner.intern(field))
        case .quantity, .mixed:
            appendOther(.string(String(decoding: field, as: UTF8.self)))
        case .needsStringPass:
            break
        }
    }

    /// Appends text that is a string whatever it looks like; in a numeric or boolean text column it
    /// calls for the string pass.
    @inlinable
    public mutating func appendTextAsString(_ field: UnsafeBufferPointer<UInt8>) {
        switch kind {
        case .number, .bool: becomeStringPass()
        default: appendString(utf8: field)
        }
    }

    @usableFromInline
    mutating func becomeStringPass() {
        kind = .needsStringPass
        numbers = []
        validity = []
        flags = []
    }

    /// Empties the column for the string pass: every field is then appended as a string.
    public mutating func restartAsStrings() {
        self = ColumnBuilder()
        start(.string)
    }

    /// `true` or `false` in any case.
    @inlinable
    public static func parseBool(_ field: UnsafeBufferPointer<UInt8>) -> Bool? {
        func matches(_ word: StaticString) -> Bool {
            guard field.count == word.utf8CodeUnitCount else { return false }
            for i in 0..<field.count where field[i] | 0x20 != word.utf8Start[i] { return false }
            return true
        }
        if matches("true") { return true }
        if matches("false") { return false }
        return nil
    }

    // MARK: Building

    /// The column of everything appended; text that is not UTF-8 (possible only through
    /// ``appendString(utf8:)``) is repaired with U+FFFD. Readers use ``buildCheckingUTF8()``.
    public func build() -> Column {
        buildColumn { interner.strings(repairing: true) } ?? .mixed([])
    }

    /// The column of everything appended, or `nil` when a string is not valid UTF-8.
    public func buildCheckingUTF8() -> Column? {
        buildColumn { interner.strings(repairing: false) }
    }

    private func buildColumn(_ strings: () -> [String]?) -> Column? {
        switch kind {
        case .empty, .needsStringPass:
            return .mixed([Value](repeating: .null, count: count))
        case .number:
            return .number(NumberColumn(values: numbers, validity: hasNull ? validity : nil, isInteger: allIntegers))
        case .string:
            guard let dictionary = strings() else { return nil }
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
