/// The days in a month of the Gregorian calendar, for date validation.
enum CalendarDays {
    /// The number of days in `month` (1–12) of `year`; with no year, February has 29.
    static func inMonth(_ month: Int, year: Int?) -> Int {
        switch month {
        case 2:
            guard let year else { return 29 }
            return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
