import ALQRuntime
import FormatSupport

/// Builds one column of a JSON table from its values: numbers, bools and strings stay typed (strings
/// dictionary-encoded from bytes); a column whose values differ in type, or hold arrays or objects,
/// becomes a column of values.
struct JSONColumnBuilder {
    private enum Kind {
        case empty, number, bool, string, mixed
    }

    private var kind = Kind.empty
    private(set) var rows = 0
    private var numbers: [Double] = []
    private var validity: [Bool] = []
    private var hasNull = false
    private var allIntegers = true
    private var flags: [UInt8] = []
    private var codes: [Int32] = []
    private var interner = ByteInterner()
    private var values: [Value] = []

    /// A column that starts after `rows` rows of nulls.
    init(nulls rows: Int) {
        self.rows = rows
    }

    mutating func appendNull() {
        rows += 1
        switch kind {
        case .empty: break
        case .number:
            numbers.append(0)
            validity.append(false)
            hasNull = true
        case .bool: flags.append(BoolColumn.null)
        case .string: codes.append(-1)
        case .mixed: values.append(.null)
        }
    }

    mutating func appendNumber(_ value: Double, isInteger: Bool) {
        if kind == .empty {
            kind = .number
            numbers = [Double](repeating: 0, count: rows)
            validity = [Bool](repeating: false, count: rows)
            hasNull = rows > 0
        }
        guard kind == .number else { return appendValue(.number(value)) }
        rows += 1
        numbers.append(value)
        validity.append(true)
        if !isInteger { allIntegers = false }
    }

    mutating func appendBool(_ flag: Bool) {
        if kind == .empty {
            kind = .bool
            flags = [UInt8](repeating: BoolColumn.null, count: rows)
        }
        guard kind == .bool else { return appendValue(.bool(flag)) }
        rows += 1
        flags.append(flag ? 1 : 0)
    }

    mutating func appendString(_ bytes: UnsafeBufferPointer<UInt8>) {
        if kind == .empty {
            kind = .string
            codes = [Int32](repeating: -1, count: rows)
        }
        guard kind == .string else { return appendValue(.string(String(decoding: bytes, as: UTF8.self))) }
        rows += 1
        codes.append(interner.intern(bytes))
    }

    mutating func appendValue(_ value: Value) {
        if kind != .mixed { values = materialize() }
        kind = .mixed
        rows += 1
        values.append(value)
    }

    private func materialize() -> [Value] {
        switch kind {
        case .empty, .mixed:
            return [Value](repeating: .null, count: rows)
        case .number:
            return numbers.indices.map { validity[$0] ? .number(numbers[$0]) : .null }
        case .bool:
            return flags.map { $0 == BoolColumn.null ? .null : .bool($0 == 1) }
        case .string:
            let dictionary = (try? interner.strings().get()) ?? []
            return codes.map { $0 < 0 || Int($0) >= dictionary.count ? .null : .string(dictionary[Int($0)]) }
        }
    }

    /// The finished column, or `nil` when a string is not valid UTF-8.
    func build() -> Column? {
        switch kind {
        case .empty: return .mixed([Value](repeating: .null, count: rows))
        case .number:
            return .number(NumberColumn(values: numbers, validity: hasNull ? validity : nil, isInteger: allIntegers))
        case .bool: return .bool(BoolColumn(values: flags))
        case .string:
            guard case .success(let dictionary) = interner.strings() else { return nil }
            let strings = StringColumn(codes: codes, dictionary: dictionary)
            return CalendarDate.column(inferredFrom: strings) ?? .string(strings)
        case .mixed: return .mixed(values)
        }
    }
}
