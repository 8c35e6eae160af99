import Foundation
import Tabular
import Testing
@testable import Inventory

/// Sales by period count only the periods the data cover completely: a month cut by the start or
/// end of the data would read as a slump.
@Suite struct SalesAnalysisTests {
    typealias Name = TransactionColumns.Canonical

    static func day(_ iso: String) -> Int { CivilDate(iso: iso)!.daysSince1970 }
    static func dates(_ isos: [String]) -> Column { Column(Name.date, isos.map { CivilDate(iso: $0)!.date }, dateOnly: true) }

    @Test func completeMonthsDropPartialEnds() throws {
        // 15 January (partial) to 9 April (partial): February and March are whole.
        let dates = Self.dates(["2024-01-15", "2024-02-01", "2024-03-31", "2024-04-09"])
        let months = try SalesAnalysis.completePeriodDays(of: dates, unit: .month)
        #expect(months == Self.day("2024-02-01")...Self.day("2024-03-31"))
        let rows = try SalesAnalysis.completePeriodRows(of: dates, within: try #require(months))
        guard case let .boolean(flags, _) = rows.data else { Issue.record("not Boolean"); return }
        #expect(flags == [false, true, true, false])
    }

    @Test func dataStartingAndEndingOnPeriodBoundsKeepEverything() throws {
        let dates = Self.dates(["2024-01-01", "2024-02-10", "2024-02-29"])
        #expect(try SalesAnalysis.completePeriodDays(of: dates, unit: .month) == Self.day("2024-01-01")...Self.day("2024-02-29"))
        // 1 January 2024 is a Monday, 29 February a Thursday: the last whole week ends Sunday 25 February.
        #expect(try SalesAnalysis.completePeriodDays(of: dates, unit: .week) == Self.day("2024-01-01")...Self.day("2024-02-25"))
        #expect(try SalesAnalysis.completePeriodDays(of: dates, unit: .quarter) == nil)
    }

    @Test func monthlyRevenueCountsWholeMonthsOnly() throws {
        let frame = try DataFrame(columns: [
            Self.dates(["2024-01-20", "2024-02-03", "2024-02-20", "2024-03-05"]),
            Column("store", ["A", "A", "B", "A"]),
            Column(Name.revenue, [100.0, 10, 20, 1000]),
        ])
        let monthly = try SalesAnalysis.monthly(frame, by: "store")
        #expect(monthly.rows.count == 1)
        #expect(monthly.values.flatMap { $0 }.reduce(0, +) == 30)
    }
}
