import ALQRuntime
import FormatSupport

/// Builds one column of a CSV file from its fields, inferring the tightest type: integer, number,
/// bool (`true`/`false` in any case) or string. An unquoted empty field is null; a quoted one (`""`)
/// is the empty string. A column that turns out not to be numeric or boolean after some rows is
/// marked ``Kind/deferred`` and read again as strings in a second pass, so the first pass never keeps
/// a `String` per field.
struct CSVColumnBuilder {
    enum Kind {
        case empty, number, bool, string, deferred
    }

    private(set) var kind = Kind.empty
    private var rows = 0
    private var numbers: [Double] = []
    private var validity: [Bool] = []
    private var hasNull = false
    private var allIntegers = true
    private var flags: [UInt8] = []
    private var codes: [Int32] = []
    private var interner = ByteInterner()
    /// Whether an added `'` (see `CSVFormulaGuard`) is removed from strings.
    let unprotect: Bool

    init(unprotect: Bool = true) {
        self.unprotect = unprotect
    }

    @inline(__always)
    mutating func append(_ field: UnsafeBufferPointer<UInt8>, quoted: Bool) {
        defer { rows += 1 }
        if field.isEmpty && !quoted {
            appendNull()
            return
        }
        switch kind {
        case .empty:
            if let (value, isInteger) = NumberText.parse(field) {
                kind = .number
                numbers = [Double](repeating: 0, count: rows)
                validity = [Bool](repeating: false, count: rows)
                hasNull = rows > 0
                appendNumber(value, isInteger)
            } else if let flag = CSVColumnBuilder.parseBool(field) {
                kind = .bool
                flags = [UInt8](repeating: BoolColumn.null, count: rows)
                flags.append(flag ? 1 : 0)
            } else {
                kind = .string
                codes = [Int32](repeating: -1, count: rows)
                appendString(field)
            }
        case .number:
            if let (value, isInteger) = NumberText.parse(field) {
                appendNumber(value, isInteger)
            } else {
                deferToLaterTypes()
            }
        case .bool:
            if let flag = CSVColumnBuilder.parseBool(field) { flags.append(flag ? 1 : 0) } else { deferToLaterTypes() }
        case .string:
            appendString(field)
        case .deferred:
            break
        }
    }

    /// Appends a field as a string whatever it looks like (the second pass).
    @inline(__always)
    mutating func appendAsString(_ field: UnsafeBufferPointer<UInt8>, quoted: Bool) {
        rows += 1
        if field.isEmpty && !quoted { codes.append(-1) } else { appendString(field) }
    }

    /// Pads a short record.
    mutating func appendMissing() {
        rows += 1
        appendNull()
    }

    /// Turns the column into an empty string column for the second pass.
    mutating func restartAsString() {
        kind = .string
        rows = 0
        codes = []
        interner = ByteInterner()
    }

    @inline(__always)
    private mutating func appendNull() {
        switch kind {
        case .number:
            numbers.append(0)
            validity.append(false)
            hasNull = true
        case .bool: flags.append(BoolColumn.null)
        case .string: codes.append(-1)
        case .empty, .deferred: break
        }
    }

    @inline(__always)
    private mutating func appendNumber(_ value: Double, _ isInteger: Bool) {
        numbers.append(value)
        validity.append(true)
        if !isInteger { allIntegers = false }
    }

    @inline(__always)
    private mutating func appendString(_ field: UnsafeBufferPointer<UInt8>) {
        if unprotect, field.first == UInt8(ascii: "'"), CSVFormulaGuard.needsPrefix(field) {
            codes.append(interner.intern(UnsafeBufferPointer(rebasing: field.dropFirst())))
        } else {
            codes.append(interner.intern(field))
        }
    }

    private mutating func deferToLaterTypes() {
        kind = .deferred
        numbers = []
        validity = []
        flags = []
    }

    @inline(__always)
    static func parseBool(_ field: UnsafeBufferPointer<UInt8>) -> Bool? {
        func matches(_ word: StaticString) -> Bool {
            guard field.count == word.utf8CodeUnitCount else { return false }
            for i in 0..<field.count where field[i] | 0x20 != word.utf8Start[i] { return false }
            return true
        }
        if matches("true") { return true }
        if matches("false") { return false }
        return nil
    }

    /// The finished column, or `nil` when a string is not valid UTF-8. A header written as
    /// `name [unit]` over numbers gives a column of quantities.
    func build(rowCount: Int, unit: Dimension?) -> Column? {
        switch kind {
        case .empty:
            return .mixed([Value](repeating: .null, count: rowCount))
        case .number:
            if let unit {
                return .quantity(QuantityColumn(values: numbers, dimension: unit, validity: hasNull ? validity : nil))
            }
            return .number(NumberColumn(values: numbers, validity: hasNull ? validity : nil, isInteger: allIntegers))
        case .bool:
            return .bool(BoolColumn(values: flags))
        case .string:
            guard case .success(let dictionary) = interner.strings() else { return nil }
            let strings = StringColumn(codes: codes, dictionary: dictionary)
            return CalendarDate.column(inferredFrom: strings) ?? .string(strings)
        case .deferred:
            preconditionFailure("a deferred column is read again before it is built")
        }
    }
}
