import Testing

@testable import TraguardoCore

@Suite("Days and Italian formats")
struct DayTests {
    @Test func impossibleDatesAreRejected() {
        #expect(Day(year: 2024, month: 6, day: 31) == nil)
        #expect(Day(year: 2024, month: 9, day: 31) == nil)
        #expect(Day(year: 2023, month: 2, day: 29) == nil)
        #expect(Day(year: 2024, month: 2, day: 29) != nil)
        #expect(Day(italian: "31/06/2023") == nil)
    }

    @Test func italianAndISONotationsRoundTrip() throws {
        let day = try #require(Day(italian: "15/05/2024"))
        #expect(day.iso == "2024-05-15")
        #expect(day.italian == "15/05/2024")
        #expect(Day(iso: day.iso) == day)
        #expect(Day(italian: "31/10/24") == Day(year: 2024, month: 10, day: 31))
        #expect(Day(parsing: "2024-12-31") == Day(parsing: "31/12/2024"))
    }

    @Test func ordinalCountsDaysAcrossMonthsAndLeapYears() throws {
        let a = try #require(Day(iso: "2024-02-28")), b = try #require(Day(iso: "2024-03-01"))
        #expect(b.ordinal - a.ordinal == 2)
        #expect(try #require(Day(iso: "2025-01-01")).ordinal - (try #require(Day(iso: "2024-01-01"))).ordinal == 366)
    }

    @Test func rangesAreInclusiveAndOpenEndsAreUnbounded() throws {
        let range = DayRange(from: Day(iso: "2024-01-01"), to: Day(iso: "2024-04-30"))
        #expect(range.contains(try #require(Day(iso: "2024-04-30"))))
        #expect(!range.contains(try #require(Day(iso: "2024-05-01"))))
        #expect(DayRange(from: Day(iso: "2024-01-01"), to: nil).contains(try #require(Day(iso: "2099-01-01"))))
    }

    @Test func movingByDaysCrossesMonthsYearsAndLeapDays() throws {
        let start = try #require(Day(iso: "2024-02-28"))
        #expect(start.adding(days: 1).iso == "2024-02-29")
        #expect(start.adding(days: 2).iso == "2024-03-01")
        #expect(try #require(Day(iso: "2023-02-28")).adding(days: 1).iso == "2023-03-01")
        #expect(try #require(Day(iso: "2024-12-31")).adding(days: 1).iso == "2025-01-01")
        #expect(try #require(Day(iso: "2025-01-01")).adding(days: -1).iso == "2024-12-31")
        #expect(try #require(Day(iso: "2000-03-01")).adding(days: -1).iso == "2000-02-29")
        // Every day of four centuries goes to its ordinal and back.
        var day = try #require(Day(iso: "1900-01-01"))
        for _ in 0..<146_097 {
            #expect(Day(ordinal: day.ordinal) == day)
            let next = day.adding(days: 1)
            if next.ordinal != day.ordinal + 1 || next <= day {
                Issue.record("\(day) → \(next)")
                break
            }
            day = next
        }
        #expect(day.iso == "2300-01-01")
    }

    @Test func numbersAreWrittenTheItalianWay() {
        #expect(ItalianFormat.number(1234.56) == "1.234,56")
        #expect(ItalianFormat.number(99.075) == "99,08", "half-up, not banker's rounding")
        #expect(ItalianFormat.number(87.714285) == "87,71")
        #expect(ItalianFormat.number(-0.004) == "0,00")
        #expect(ItalianFormat.number(1_000_000, decimals: 0) == "1.000.000")
        #expect(ItalianFormat.percent(100) == "100%")
        #expect(ItalianFormat.parseNumber("51.008,28") == 51008.28)
        #expect(ItalianFormat.parseNumber("54,42%") == 54.42)
        #expect(ItalianFormat.parseNumber("€ 12.600,00") == 12600)
        #expect(ItalianFormat.parseNumber("abc") == nil)
    }
}
