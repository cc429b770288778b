// Region packs with impossible dates and out-of-range years are rejected with a message that says so.

import ALQPluginAPI
import Testing

struct PackEdgeValueTests {
    @Test(
        "a day that does not exist in its month is not a date", arguments: ["2025-02-30", "2023-02-29", "2025-04-31"])
    func impossibleDates(date: String) {
        let issues = PackValidationTests.issues(#""date": "2025-01-02""#, "\"date\": \"\(date)\"")
        #expect(issues.map(\.path) == ["sources[0].date"], "\(issues)")
    }

    @Test("29 February of a leap year is a date")
    func leapDay() throws {
        let text = PackValidationTests.good.replacingOccurrences(of: "2025-01-02", with: "2024-02-29")
        #expect(try PackValidationTests.decode(text).sources.count == 1)
    }

    @Test("a year far beyond range says it is out of range")
    func hugeYear() {
        let issues = PackValidationTests.issues(#""year": 2024"#, #""year": 1e300"#)
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("out of range") == true, "\(issues)")
    }
}
