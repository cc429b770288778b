import ALQCalendar

/// One cell of a worksheet, as the writer takes it and the reader gives it.
public enum XLSXCell: Sendable, Hashable {
    /// No value (an absent or empty cell).
    case empty
    /// A number (Excel keeps every number as a double).
    case number(Double)
    /// An integer a double cannot hold exactly, kept as its decimal digits (`12345678901234567891`).
    case bigInteger(String)
    /// `TRUE` or `FALSE`.
    case bool(Bool)
    /// Text.
    case string(String)
    /// A calendar day, written as a number with a date format.
    case date(CivilDay)
    /// A day and a time of day, as a number with a date-time format.
    case dateTime(CivilDay, secondsIntoDay: Double)
}
