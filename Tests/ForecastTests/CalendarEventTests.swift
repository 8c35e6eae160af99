import Testing
@testable import Forecast

@Suite("Calendar events as weekly regressors")
struct CalendarEventTests {
    @Test(arguments: [(2024, 3, 31), (2025, 4, 20), (2011, 4, 24), (2000, 4, 23), (1818, 3, 22), (2038, 4, 25)])
    func easter(_ date: (Int, Int, Int)) {
        #expect(CalendarEvent.easterSunday(year: date.0) == CivilDay.days(year: date.0, month: date.1, day: date.2))
    }

    @Test func thanksgivingAndBlackFriday() {
        #expect(CalendarEvent.thanksgivingDay(year: 2023) == CivilDay.days(year: 2023, month: 11, day: 23))
        #expect(CalendarEvent.thanksgivingDay(year: 2024) == CivilDay.days(year: 2024, month: 11, day: 28))
        #expect(CalendarEvent.thanksgivingDay(year: 2018) == CivilDay.days(year: 2018, month: 11, day: 22))
        #expect(CalendarEvent.blackFriday.occurrences(years: 2023...2023) == [CivilDay.days(year: 2023, month: 11, day: 24)])
    }

    @Test func civilDaysRoundTrip() {
        #expect(CivilDay.days(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilDay.days(year: 2000, month: 3, day: 1) == 11_017)
        #expect(CivilDay.weekday(0) == 3)  // a Thursday
        for day in stride(from: -800_000, through: 800_000, by: 997) {
            let date = CivilDay.date(day)
            #expect(CivilDay.days(year: date.year, month: date.month, day: date.day) == day)
        }
    }

    /// Weeks from Monday 2023-12-11: Christmas (a Monday) is in the third week; a week before, the
    /// window reaches back into the second week, ten days before into the first.
    @Test func windowSpansTwoWeeks() {
        let start = CivilDay.days(year: 2023, month: 12, day: 11)
        let weeks = (0..<5).map { start + 7 * $0 }
        #expect(CalendarEvent.christmas.weeklyIndicator(weekStarts: weeks) == [0, 0, 1, 0, 0])
        #expect(CalendarEvent.christmas.window(before: 7, after: 0).weeklyIndicator(weekStarts: weeks) == [0, 1, 1, 0, 0])
        #expect(CalendarEvent.christmas.window(before: 10, after: 0).weeklyIndicator(weekStarts: weeks) == [1, 1, 1, 0, 0])
        #expect(CalendarEvent.christmas.window(before: 0, after: 7).weeklyIndicator(weekStarts: weeks) == [0, 0, 1, 1, 0])
        // New Year 2024 is in the fourth week; an Easter window never reaches these weeks.
        #expect(CalendarEvent.newYear.weeklyIndicator(weekStarts: weeks) == [0, 0, 0, 1, 0])
        #expect(CalendarEvent.easter.window(before: 30, after: 0).weeklyIndicator(weekStarts: weeks) == [0, 0, 0, 0, 0])
    }

    /// A window that crosses a year boundary finds the occurrence of the previous or next year.
    @Test func windowAcrossYears() {
        let start = CivilDay.days(year: 2024, month: 1, day: 1)
        let weeks = [start, start + 7]
        #expect(CalendarEvent.christmas.window(before: 0, after: 8).weeklyIndicator(weekStarts: weeks) == [1, 0])
        let late = CivilDay.days(year: 2024, month: 12, day: 23)
        #expect(CalendarEvent.newYear.window(before: 9, after: 0).weeklyIndicator(weekStarts: [late - 7, late]) == [0, 1])
    }

    @Test func userEvents() {
        let sale = CalendarEvent(name: "sale", days: [19_800, 19_000], daysBefore: -3, daysAfter: 1)
        #expect(sale.daysBefore == 0)
        #expect(sale.weeklyIndicator(weekStarts: [18_995, 19_002, 19_795, 19_802]) == [1, 0, 1, 0])
        #expect(sale.weeklyIndicator(weekStarts: []) == [])
    }
}
