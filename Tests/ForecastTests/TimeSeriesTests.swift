import Foundation
import Testing
@testable import Forecast

/// TimeSeries construction and resampling against pandas `asfreq` and `resample('W-MON',
/// label='left', closed='left')` / `resample('MS')` (forecast_timeseries.json); exact.
struct TimeSeriesTests {
    static func date(_ text: String) -> Date {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return Date(timeIntervalSince1970: Double(CivilDay.days(year: parts[0], month: parts[1], day: parts[2])) * 86_400)
    }

    static func dates(_ fixture: Fixture, _ key: String) -> [Date] {
        (fixture[key] as? [String] ?? []).map(date)
    }

    static func same(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { ($0.isNaN && $1.isNaN) || abs($0 - $1) < 1e-12 }
    }

    @Test func gapFillingAndResamplingMatchPandas() throws {
        let f = try Fixture("forecast_timeseries")
        // Observations at noon, shuffled, to check period assignment and ordering.
        let raw = Self.dates(f, "dates").map { $0.addingTimeInterval(12 * 3600) }
        let values = f.doubles("values")
        let order = Array(raw.indices.reversed())
        let zero = try TimeSeries(dates: order.map { raw[$0] }, values: order.map { values[$0] }, frequency: .day, fill: .zero)
        let nan = try TimeSeries(dates: raw, values: values, frequency: .day, fill: .nan)
        #expect(zero.dates == Self.dates(f, "daily_dates"))
        #expect(Self.same(zero.values, f.doubles("daily_zero")))
        #expect(Self.same(nan.values, f.doubles("daily_nan")))

        let weeklySum = try zero.resampled(to: .week, aggregation: .sum)
        #expect(weeklySum.dates == Self.dates(f, "weekly_dates"))
        #expect(Self.same(weeklySum.values, f.doubles("weekly_sum")))
        #expect(Self.same(try nan.resampled(to: .week, aggregation: .mean).values, f.doubles("weekly_mean")))

        let monthlySum = try zero.resampled(to: .month, aggregation: .sum)
        #expect(monthlySum.dates == Self.dates(f, "monthly_dates"))
        #expect(Self.same(monthlySum.values, f.doubles("monthly_sum")))
        #expect(Self.same(try nan.resampled(to: .month, aggregation: .mean).values, f.doubles("monthly_mean")))
        // Week → month puts each week in the month of its Monday.
        let viaWeeks = try weeklySum.resampled(to: .month)
        #expect(abs(viaWeeks.values.reduce(0, +) - monthlySum.values.reduce(0, +)) < 1e-9)
    }

    @Test func calendarArithmetic() {
        for day in [-800_000, -1, 0, 1, 59, 10_956, 19_358, 2_932_896] {
            let (y, m, d) = CivilDay.date(day)
            #expect(CivilDay.days(year: y, month: m, day: d) == day)
        }
        #expect(CivilDay.date(19_358) == (2023, 1, 1))
        let monday = Self.date("2024-01-01")
        #expect(Frequency.week.date(ofPeriod: Frequency.week.periodIndex(of: Self.date("2024-01-07")) ?? 0) == monday)
        #expect(Frequency.week.date(ofPeriod: Frequency.week.periodIndex(of: Self.date("1969-12-31")) ?? 0) == Self.date("1969-12-29"))
        #expect(Frequency.month.date(ofPeriod: Frequency.month.periodIndex(of: Self.date("2024-02-29")) ?? 0) == Self.date("2024-02-01"))
        #expect(Frequency.month.date(ofPeriod: Frequency.month.periodIndex(of: Self.date("1969-12-31")) ?? 0) == Self.date("1969-12-01"))
    }

    @Test func duplicatesAggregateAndFutureDates() throws {
        let d = Self.date("2024-03-30")
        let s = try TimeSeries(dates: [d, d, d.addingTimeInterval(3 * 86_400)], values: [2, 4, 1], frequency: .day, aggregation: .mean)
        #expect(s.values == [3, 0, 0, 1])
        #expect(s.futureDates(2) == [Self.date("2024-04-03"), Self.date("2024-04-04")])
        let months = try TimeSeries(start: Self.date("2023-11-15"), values: [1, 2, 3], frequency: .month)
        #expect(months.dates.last == Self.date("2024-01-01"))
        #expect(months.futureDates(1) == [Self.date("2024-02-01")])
    }

    @Test func edgeCases() throws {
        let empty = try TimeSeries(dates: [], values: [], frequency: .day)
        #expect(empty.isEmpty)
        #expect(try empty.resampled(to: .week).isEmpty)
        #expect(throws: ForecastError.self) { try TimeSeries(dates: [Date()], values: [], frequency: .day) }
        let weekly = try TimeSeries(start: Self.date("2024-01-01"), values: [1, 2], frequency: .week)
        #expect(throws: ForecastError.self) { try weekly.resampled(to: .day) }
        let gappy = try TimeSeries(start: Self.date("2024-01-01"), values: [.nan, 1, .nan, .nan, 4, .nan], frequency: .day)
        #expect(gappy.missingPositions == [0, 2, 3, 5])
        #expect(gappy.filled(.linear).values == [1, 1, 2, 3, 4, 4])
        #expect(gappy.filled(.zero).values == [0, 1, 0, 0, 4, 0])
        let allMissing = try TimeSeries(start: Self.date("2024-01-01"), values: [.nan, .nan], frequency: .day)
        #expect(allMissing.filled(.linear).values.allSatisfy { $0.isNaN })
        #expect(try allMissing.resampled(to: .week, aggregation: .mean).values[0].isNaN)
        #expect(try allMissing.resampled(to: .week, aggregation: .sum).values == [0])
        // Dates that cannot be placed on the calendar, and absurd spans, are errors, not traps.
        #expect(throws: ForecastError.self) { _ = try TimeSeries(dates: [Date(timeIntervalSince1970: .nan)], values: [1], frequency: .day) }
        #expect(throws: ForecastError.self) { _ = try TimeSeries(start: Date(timeIntervalSince1970: 1e300), values: [1], frequency: .month) }
        #expect(throws: ForecastError.self) {
            _ = try TimeSeries(dates: [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1e15)], values: [1, 2], frequency: .day)
        }
        let pairs = try TimeSeries(observations: [(Self.date("2024-01-03"), 2), (Self.date("2024-01-01"), 1)], frequency: .day, fill: .nan)
        #expect(pairs.values[0] == 1 && pairs.values[1].isNaN && pairs.values[2] == 2)
    }
}
