import ALQCalendar
import Testing

@testable import XLSX

/// Excel's serial dates, the Lotus leap-year bug included, and the date formats that make a number a date.
@Suite struct DateTests {
    @Test func serialsOfKnownDays() throws {
        let cases: [(Int, Int, Int, Int)] = [
            (1900, 1, 1, 1), (1900, 2, 28, 59), (1900, 3, 1, 61), (1970, 1, 1, 25_569), (2024, 1, 1, 45_292),
            (9999, 12, 31, 2_958_465),
        ]
        for (year, month, day, serial) in cases {
            let date = try #require(CivilDay(year: year, month: month, day: day))
            #expect(ExcelSerialDate.serial(of: date) == serial, "\(date)")
            #expect(ExcelSerialDate.dayAndTime(of: Double(serial))?.day == date, "\(serial)")
        }
        #expect(ExcelSerialDate.serial(of: CivilDay(year: 1899, month: 12, day: 31)!) == nil)
        #expect(ExcelSerialDate.dayAndTime(of: 60)?.day == CivilDay(year: 1900, month: 2, day: 28))
        #expect(ExcelSerialDate.dayAndTime(of: 0) == nil)
        #expect(ExcelSerialDate.dayAndTime(of: -1) == nil)
        #expect(ExcelSerialDate.dayAndTime(of: .nan) == nil)
        #expect(ExcelSerialDate.dayAndTime(of: 1e12) == nil)
        let noon = try #require(ExcelSerialDate.dayAndTime(of: 45_292.5))
        #expect(noon.day == CivilDay(year: 2024, month: 1, day: 1) && noon.seconds == 43_200)
        #expect(ExcelSerialDate.dayAndTime(of: 0, date1904: true)?.day == CivilDay(year: 1904, month: 1, day: 1))
    }

    @Test func isoDays() {
        #expect(CivilDay(iso8601: "2025-09-23")?.description == "2025-09-23")
        for text in ["2025-02-30", "2025-9-23", "2025-09", "--07-30", "20250923", "2025-09-2x", "0000-01-01"] {
            #expect(CivilDay(iso8601: text) == nil, "\(text)")
        }
    }

    @Test func dateFormats() {
        for code in [
            "yyyy-mm-dd", "m/d/yy", "d-mmm-yy", "h:mm", "yyyy\"年\"m\"月\"d\"日\"", "[$-804]yyyy/m/d", "hh:mm:ss",
        ] {
            #expect(NumberFormat.isDate(code: code), "\(code)")
        }
        for code in [
            "General", "0.00", "#,##0", "0%", "0.00E+00", "[Red]0.00", "#,##0 \"days\"", "@", "0_);(0)", "\\d0",
            ";yyyy",
        ] {
            #expect(!NumberFormat.isDate(code: code), "\(code)")
        }
        #expect(
            NumberFormat.isDate(builtIn: 14) && NumberFormat.isDate(builtIn: 22) && NumberFormat.isDate(builtIn: 57))
        #expect(
            !NumberFormat.isDate(builtIn: 0) && !NumberFormat.isDate(builtIn: 2) && !NumberFormat.isDate(builtIn: 49))
    }
}
