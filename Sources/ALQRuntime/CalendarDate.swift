import ALQCalendar

/// A calendar date, full or partial: year–month–day, year–month, a year alone, or month–day with the
/// year not stated (as a source that gives only "30 July" has).
///
/// Written in ISO 8601 (`2025-09-23`, `2025-09`, `2025`, `--07-30`); shown the same way except that a
/// date without a year says so: `07-30, year not stated`.
public struct CalendarDate: Sendable, Hashable {
    public let year: Int?
    public let month: Int?
    public let day: Int?

    /// A date from its parts, or `nil` when they do not form one: a day needs a month, a month needs a
    /// year or a day, and the day must exist in that month (29 February without a year is allowed).
    public init?(year: Int?, month: Int?, day: Int?) {
        if let year, !(1...9999).contains(year) { return nil }
        if let month, !(1...12).contains(month) { return nil }
        switch (year, month, day) {
        case (_?, nil, nil), (_?, _?, nil): break
        case (_, let month?, let day?):
            guard day >= 1, day <= CalendarDate.days(inMonth: month, year: year) else { return nil }
        default: return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Whether year, month and day are all known.
    public var isFull: Bool { year != nil && month != nil && day != nil }

    /// The date in ISO 8601: `2025-09-23`, `2025-09`, `2025`, `--07-30`.
    public var iso8601: String {
        let parts = [year.map { pad($0, 4) } ?? "-", month.map { pad($0, 2) }, day.map { pad($0, 2) }]
        return parts.compactMap { $0 }.joined(separator: "-")
    }

    /// How alq shows the date: ISO 8601, except `07-30, year not stated` for a date without a year.
    public var displayText: String {
        guard year == nil, let month, let day else { return iso8601 }
        return "\(pad(month, 2))-\(pad(day, 2)), year not stated"
    }

    /// The full date as a day of the Gregorian calendar, or `nil` for a partial date.
    public var civilDay: CivilDay? {
        guard let year, let month, let day else { return nil }
        return CivilDay(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01 for a full date (negative before it).
    public var dayNumber: Int? { civilDay?.dayNumber }

    /// The full date `days` after 1970-01-01, if it lies within years 1 to 9999.
    public init?(dayNumber days: Int) {
        guard let civil = CivilDay(dayNumber: days) else { return nil }
        self.init(year: civil.year, month: civil.month, day: civil.day)
    }

    /// Orders two dates where that is decided: part by part from the year, an unknown or missing part
    /// against a known one leaves the order open (`nil`): 2024 is before 2025-09-23, but 2025 and
    /// 2025-09-23 have no order, nor have 07-30 (year not stated) and 2025-07-30.
    public func order(comparedWith other: CalendarDate) -> Int? {
        for (a, b) in [(year, other.year), (month, other.month), (day, other.day)] {
            switch (a, b) {
            case (nil, nil): continue
            case (let a?, let b?):
                if a != b { return a < b ? -1 : 1 }
            default: return nil
            }
        }
        return 0
    }

    /// A total order for sorting: by year (dates without one first), then month, then day, a less
    /// precise date before a more precise one of the same year or month.
    public func sortOrder(comparedWith other: CalendarDate) -> Int {
        let a = [year ?? -1, month ?? 0, day ?? 0]
        let b = [other.year ?? -1, other.month ?? 0, other.day ?? 0]
        return a == b ? 0 : (a.lexicographicallyPrecedes(b) ? -1 : 1)
    }

    // MARK: Reading ISO 8601

    /// Reads `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `--MM-DD` (ISO 8601's month–day) or `MM-DD`, with an
    /// optional time after a `T` or a space that is ignored. `yearAlone` allows a bare `YYYY`.
    public static func parse(_ text: some StringProtocol, yearAlone: Bool = true) -> CalendarDate? {
        parse(utf8: Array(text.utf8), yearAlone: yearAlone)
    }

    /// Reads a date from UTF-8 bytes, as ``parse(_:yearAlone:)``: for readers that infer types.
    public static func parse(utf8 bytes: some Collection<UInt8>, yearAlone: Bool = false) -> CalendarDate? {
        var bytes = Array(bytes)
        if bytes.count > 10, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "), bytes[4] == dash {
            bytes = Array(bytes[..<10])
        }
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        switch bytes.count {
        case 10:
            guard let civil = CivilDay(iso8601UTF8: bytes) else { return nil }
            return CalendarDate(year: civil.year, month: civil.month, day: civil.day)
        case 7 where bytes[0] == dash && bytes[1] == dash && bytes[4] == dash:
            guard let month = number(2..<4), let day = number(5..<7) else { return nil }
            return CalendarDate(year: nil, month: month, day: day)
        case 7 where bytes[4] == dash:
            guard let year = number(0..<4), let month = number(5..<7) else { return nil }
            return CalendarDate(year: year, month: month, day: nil)
        case 5 where bytes[2] == dash:
            guard let month = number(0..<2), let day = number(3..<5) else { return nil }
            return CalendarDate(year: nil, month: month, day: day)
        case 4 where yearAlone:
            guard let year = number(0..<4) else { return nil }
            return CalendarDate(year: year, month: nil, day: nil)
        default:
            return nil
        }
    }

    /// A column of dates for a string column whose every value is an ISO 8601 date with a month
    /// (`2025-09-23`, `2025-09`, `--07-30`), or `nil`: how the CSV and JSON readers infer dates.
    public static func column(inferredFrom strings: StringColumn) -> Column? {
        guard !strings.dictionary.isEmpty else { return nil }
        var dates: [CalendarDate] = []
        dates.reserveCapacity(strings.dictionary.count)
        for text in strings.dictionary {
            guard text.utf8.count >= 5, text.utf8.count <= 10, let date = parse(utf8: text.utf8) else { return nil }
            dates.append(date)
        }
        return .mixed(strings.codes.map { $0 < 0 ? .null : .date(dates[Int($0)]) })
    }

    private static let dash = UInt8(ascii: "-")

    /// The number of days in `month` (1–12) of `year` in the Gregorian calendar; with no year, February
    /// has 29 (as in a leap year such as 2000).
    public static func days(inMonth month: Int, year: Int?) -> Int {
        CivilDay.days(inMonth: month, year: year ?? 2000)
    }

    private func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
