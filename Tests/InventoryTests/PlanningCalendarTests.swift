import Foundation
import Tabular
import Testing
@testable import Inventory

@Suite struct PlanningCalendarTests {
    static func days(_ first: CivilDate, every step: Int, count: Int) -> [Int] {
        (0..<count).map { first.daysSince1970 + step * $0 }
    }

    @Test func fridayDatedWeeksKeepEveryWeek() throws {
        // 30 Fridays from 2010-02-05: every one of them is a week of its own.
        let fridays = Self.days(CivilDate(year: 2010, month: 2, day: 5), every: 7, count: 30)
        let calendar = try PlanningCalendar(days: fridays, horizon: 8)
        #expect(calendar.weekStart == .friday)
        #expect(calendar.isWeeklyData)
        #expect(calendar.weekStartSource == .weeklyDates)
        #expect(calendar.firstWeek == CivilDate(year: 2010, month: 2, day: 5))
        #expect(calendar.trainingWeeks == 22)
        // The held-out weeks are the last eight Fridays, the last one included.
        #expect(calendar.cutoff == CivilDate(days: fridays[22]))
        #expect(calendar.end == CivilDate(days: fridays[29] + 6))
        #expect(calendar.weekDescription.contains("Friday"))
    }

    @Test func mondayWeeksWouldHaveLostTheEnds() throws {
        // The same Fridays with weeks forced to start on Monday: the first Friday's week is
        // incomplete and so is the last one's (the behaviour the weekly detection avoids).
        let fridays = Self.days(CivilDate(year: 2010, month: 2, day: 5), every: 7, count: 30)
        let calendar = try PlanningCalendar(days: fridays, horizon: 8, weekStart: .monday)
        #expect(!calendar.isWeeklyData)
        #expect(calendar.weekStartSource == .manifest)
        #expect(calendar.trainingWeeks + calendar.horizon == 28)
    }

    @Test func manifestWeekStartOnWeeklyDates() throws {
        let fridays = Self.days(CivilDate(year: 2010, month: 2, day: 5), every: 7, count: 20)
        let calendar = try PlanningCalendar(days: fridays, horizon: 4, weekStart: .friday)
        #expect(calendar.isWeeklyData && calendar.weekStartSource == .manifest)
        #expect(calendar.trainingWeeks == 16)
    }

    @Test func dailyDataUseMondayWeeks() throws {
        // Wednesday 2024-01-03 to Saturday 2024-06-01: complete weeks from Monday 2024-01-08 to
        // Sunday 2024-05-26.
        let daily = Self.days(CivilDate(year: 2024, month: 1, day: 3), every: 1, count: 151)
        let calendar = try PlanningCalendar(days: daily, horizon: 4)
        #expect(calendar.weekStart == .monday && !calendar.isWeeklyData && calendar.weekStartSource == .default)
        #expect(calendar.firstWeek == CivilDate(year: 2024, month: 1, day: 8))
        #expect(calendar.cutoff == CivilDate(year: 2024, month: 4, day: 29))
        #expect(calendar.trainingWeeks == 16)
        // Daily data with a manifest week start of Sunday.
        let sunday = try PlanningCalendar(days: daily, horizon: 4, weekStart: .sunday)
        #expect(sunday.firstWeek == CivilDate(year: 2024, month: 1, day: 7))
        #expect(sunday.cutoff == CivilDate(year: 2024, month: 5, day: 5))  // Saturday 2024-06-01 ends a complete week
    }

    @Test func detection() {
        func detect(_ days: [Int]) -> String {
            let found = PlanningCalendar.detectWeekStart(days: days)
            return "\(found.weekStart.name) \(found.isWeekly ? "weekly" : "daily")"
        }
        let one = CivilDate(year: 2024, month: 1, day: 5).daysSince1970
        #expect(detect([]) == "monday daily")
        #expect(detect([one, one]) == "monday daily")
        #expect(detect([one, one + 14, one]) == "friday weekly")
        #expect(detect([one, one + 15]) == "monday daily")
    }

    @Test func farDatesAreRefusedByName() throws {
        var days = Self.days(CivilDate(year: 2011, month: 1, day: 1), every: 1, count: 300)
        days.append(CivilDate(year: 1900, month: 1, day: 1).daysSince1970)
        days.append(CivilDate(year: 2100, month: 6, day: 30).daysSince1970)
        days.append(CivilDate(year: 2100, month: 6, day: 30).daysSince1970)
        let error = try #require(throws: PlanningError.self) { try PlanningCalendar(days: days, horizon: 8) }
        let message = error.description
        #expect(message.contains("1900-01-01 (1 row)"), "\(message)")
        #expect(message.contains("2100-06-30 (2 rows)"), "\(message)")
        #expect(message.contains("1040 weeks"), "\(message)")
        #expect(!message.contains("2011-"), "only the far dates are named: \(message)")
    }

    @Test func tooShortAndBadHorizon() {
        let fridays = Self.days(CivilDate(year: 2010, month: 2, day: 5), every: 7, count: 11)
        #expect(throws: PlanningError.self) { try PlanningCalendar(days: fridays, horizon: 4) }
        #expect(throws: PlanningError.self) { try PlanningCalendar(days: fridays, horizon: 0) }
        #expect(throws: PlanningError.self) { try PlanningCalendar(days: [], horizon: 1) }
    }
}
