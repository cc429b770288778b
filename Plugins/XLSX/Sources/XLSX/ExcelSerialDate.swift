import ALQCalendar

/// Excel's date numbers in the 1900 date system (the default, and what alq writes): day 1 is
/// 1900-01-01, and — as in Lotus 1-2-3 — 1900 is taken for a leap year, so day 60 is a
/// 29 February 1900 that never was, and from 1900-03-01 on a serial is the days since 1899-12-30.
/// In the 1904 system (`<workbookPr date1904="1"/>`) a serial is the days since 1904-01-01.
public enum ExcelSerialDate {
    /// Days since 1970-01-01 of 1899-12-30.
    static let epoch1900 = -25_569
    /// Days since 1970-01-01 of 1904-01-01.
    static let epoch1904 = -24_107

    /// The serial of a day in the 1900 system; `nil` before 1900-01-01, which Excel cannot show.
    public static func serial(of day: CivilDay) -> Int? {
        let serial = day.dayNumber - epoch1900
        if serial >= 61 { return serial }
        // 1900-01-01 to 1900-02-28: one day less, for the phantom 29 February 1900.
        return serial >= 2 ? serial - 1 : nil
    }

    /// The day and the seconds into it of a serial, rounded to the millisecond; `nil` for a serial
    /// outside years 1900 to 9999 or not a number. Serial 60 (the phantom 1900-02-29) reads as 1900-02-28.
    public static func dayAndTime(of serial: Double, date1904: Bool = false) -> (day: CivilDay, seconds: Double)? {
        guard serial.isFinite, serial >= 0, serial < 3_000_000 else { return nil }
        let milliseconds = (serial * 86_400_000).rounded()
        let whole = Int((milliseconds / 86_400_000).rounded(.down))
        let seconds = (milliseconds - Double(whole) * 86_400_000) / 1000
        var days: Int
        if date1904 {
            days = epoch1904 + whole
        } else {
            guard whole >= 1 else { return nil }
            days = epoch1900 + (whole <= 60 ? whole + 1 : whole)
            if whole == 60 { days -= 1 }
        }
        guard let day = CivilDay(dayNumber: days) else { return nil }
        return (day, seconds)
    }
}
