import ALQRuntime
import ALQSyntax

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Dates: reading them, today's, their fields, and the arithmetic of days.
extension Builtins {
    static let dates: [Builtin] = [
        builtin(
            "date", "date(text)",
            "A date from ISO 8601 text (2025-09-23, 2025-09, 2025, --07-30), or from date(year, month, day).",
            example: "date(\"2025-09-23\").year", arity: 1...3
        ) { call throws(Diagnostic) in
            if call.arguments.count > 1 {
                let parts = try (0..<call.arguments.count).map { index throws(Diagnostic) in
                    let number = try call.number(index)
                    guard number == number.rounded(), abs(number) < 100_000 else {
                        throw Diagnostic(
                            .invalidArgument, "a date's parts are whole numbers, given \(NumberFormat.plain(number))")
                    }
                    return Int(number)
                }
                guard let date = CalendarDate(year: parts[0], month: parts[1], day: parts.count > 2 ? parts[2] : nil)
                else {
                    throw Diagnostic(
                        .invalidArgument, "\(parts.map(String.init).joined(separator: "-")) is not a date")
                }
                return .date(date)
            }
            switch call[0] {
            case .null, .date: return call[0]
            case .number(let number) where number == number.rounded():
                guard let date = CalendarDate(year: Int(exactly: number), month: nil, day: nil) else { break }
                return .date(date)
            case .string(let text):
                let trimmed = text.filter { !$0.isWhitespace }
                guard let date = CalendarDate.parse(trimmed) else {
                    throw Diagnostic(
                        .invalidArgument, "'\(text)' is not an ISO 8601 date",
                        help: "write dates as 2025-09-23, 2025-09, 2025 or --07-30 (no year)")
                }
                return .date(date)
            default: break
            }
            throw call.mistyped(0, "an ISO 8601 date string")
        },
        builtin(
            "today", "today()", "The current date (local time).", example: "today() > date(\"2025-01-01\")",
            arity: 0...0
        ) { call throws(Diagnostic) in
            var now = time(nil)
            var parts = tm()
            guard localtime_r(&now, &parts) != nil,
                let date = CalendarDate(
                    year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
            else {
                throw Diagnostic(.invalidArgument, "the system clock gives no valid date")
            }
            return .date(date)
        },
    ]
}

extension Value {
    var isDate: Bool {
        if case .date = self { return true }
        return false
    }
}

/// The arithmetic of dates: the difference of two full dates in days, a full date moved by days.
enum DateArithmetic {
    /// The result of `left op right` when a date is involved, or `nil` to leave it to the other rules.
    ///
    /// `<`, `<=`, `>`, `>=` between dates whose order is open (07-30 with no year against 2025-07-30)
    /// are false, as comparisons with null are.
    static func apply(_ op: BinaryOperator, _ left: Value, _ right: Value) throws(Diagnostic) -> Value? {
        switch (op, left, right) {
        case (.less, .date(let a), .date(let b)), (.lessEqual, .date(let a), .date(let b)),
            (.greater, .date(let a), .date(let b)), (.greaterEqual, .date(let a), .date(let b)):
            guard let order = a.order(comparedWith: b) else { return .bool(false) }
            switch op {
            case .less: return .bool(order < 0)
            case .lessEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        case (.subtract, .date(let a), .date(let b)):
            return .number(Double(try days(a) - days(b)))
        case (.add, .date(let date), _), (.subtract, .date(let date), _):
            if right.isNull { return .null }
            guard let number = right.plainNumber, number == number.rounded(), abs(number) < 4_000_000 else {
                throw Diagnostic(
                    .typeMismatch, "a date moves by a whole number of days, not by \(right.literalText)",
                    help: "the difference of two dates is a number of days: date(\"2025-09-23\") - date(\"2025-01-01\")"
                )
            }
            guard let moved = CalendarDate(dayNumber: try days(date) + Int(op == .add ? number : -number)) else {
                throw Diagnostic(.invalidArgument, "the date falls outside the years 1 to 9999")
            }
            return .date(moved)
        case (.add, _, .date(let date)):
            return try apply(.add, .date(date), left)
        default:
            return nil
        }
    }

    private static func days(_ date: CalendarDate) throws(Diagnostic) -> Int {
        guard let days = date.dayNumber else {
            throw Diagnostic(
                .invalidArgument, "\(date.displayText) is not a full date, so days cannot be counted from it",
                help: "day arithmetic needs year, month and day")
        }
        return days
    }

    /// `.year`, `.month`, `.day` (null when the date does not state it), and `.iso`.
    static func member(_ date: CalendarDate, _ name: String) -> Value? {
        switch name {
        case "year": date.year.map { .number(Double($0)) } ?? .null
        case "month": date.month.map { .number(Double($0)) } ?? .null
        case "day": date.day.map { .number(Double($0)) } ?? .null
        case "iso": .string(date.iso8601)
        default: nil
        }
    }
}
