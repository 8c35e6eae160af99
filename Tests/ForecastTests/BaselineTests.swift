import Testing
@testable import Forecast

/// Baselines against statsforecast's Naive, SeasonalNaive and HistoricAverage, and a numpy moving
/// average (forecast_methods.json). The formulas are the same, so agreement is to rounding.
struct BaselineTests {
    static func reference(_ method: String) throws -> (air: [Double], row: [String: Any], horizon: Int) {
        let fixture = try Fixture("forecast_methods")
        let row = try #require(fixture.objects("baselines").first { $0.string("method") == method })
        return (fixture.doubles("air"), row, row.doubles("mean").count)
    }

    static func check(_ result: ForecastResult, _ row: [String: Any]) throws {
        #expect(maxRelativeDifference(result.mean, row.doubles("mean")) < 1e-12)
        for (level, key) in [(0.8, "80"), (0.95, "95")] {
            let interval = try #require(result.interval(level: level))
            #expect(maxRelativeDifference(interval.lower, row.doubles("lower" + key)) < 1e-9)
            #expect(maxRelativeDifference(interval.upper, row.doubles("upper" + key)) < 1e-9)
        }
    }

    @Test func naiveMatchesStatsforecast() throws {
        let (air, row, h) = try Self.reference("naive")
        try Self.check(try Naive().forecast(air, horizon: h, levels: [0.8, 0.95]), row)
    }

    @Test func seasonalNaiveMatchesStatsforecast() throws {
        let (air, row, h) = try Self.reference("seasonal_naive")
        try Self.check(try SeasonalNaive(period: 12).forecast(air, horizon: h, levels: [0.8, 0.95]), row)
    }

    @Test func meanMatchesStatsforecast() throws {
        let (air, row, h) = try Self.reference("mean")
        try Self.check(try MeanForecast().forecast(air, horizon: h, levels: [0.8, 0.95]), row)
    }

    @Test func movingAverageMatchesNumpy() throws {
        let (air, row, h) = try Self.reference("moving_average")
        try Self.check(try MovingAverage(window: row.int("window")).forecast(air, horizon: h, levels: [0.8, 0.95]), row)
    }

    @Test func onePointGivesZeroWidthIntervals() throws {
        let result = try Naive().forecast([5], horizon: 3, levels: [0.9])
        #expect(result.mean == [5, 5, 5])
        #expect(result.intervals[0].lower == [5, 5, 5] && result.intervals[0].upper == [5, 5, 5])
        let mean = try MeanForecast().forecast([5], horizon: 2, levels: [0.9])
        #expect(mean.intervals[0].lower == [5, 5])
    }

    @Test func constantSeriesHasZeroWidthIntervals() throws {
        let y = [Double](repeating: 3, count: 30)
        for method in [Naive(), SeasonalNaive(period: 7), MeanForecast(), MovingAverage(window: 4)] as [any Forecaster] {
            let r = try method.forecast(y, horizon: 9, levels: [0.95])
            #expect(r.mean.allSatisfy { $0 == 3 })
            #expect(r.intervals[0].upper.allSatisfy { $0 == 3 })
        }
    }

    @Test func badInputThrows() {
        #expect(throws: ForecastError.tooShort(count: 5, needed: 7, method: "Seasonal naive")) {
            try SeasonalNaive(period: 7).forecast([1, 2, 3, 4, 5], horizon: 2, levels: [])
        }
        #expect(throws: ForecastError.tooShort(count: 0, needed: 1, method: "Naive")) {
            try Naive().forecast([], horizon: 2, levels: [])
        }
        #expect(throws: ForecastError.nonFinite(positions: [1])) {
            try MeanForecast().forecast([1, .nan, 3], horizon: 2, levels: [])
        }
        #expect(throws: ForecastError.self) { try Naive().forecast([1, 2], horizon: 0, levels: []) }
        #expect(throws: ForecastError.self) { try Naive().forecast([1, 2], horizon: 1, levels: [1.5]) }
        #expect(throws: ForecastError.self) { try MovingAverage(window: 0).forecast([1, 2], horizon: 1, levels: []) }
    }

    @Test func seasonalNaiveRepeatsTheLastSeason() throws {
        let r = try SeasonalNaive(period: 3).forecast([1, 2, 3, 4, 5, 6], horizon: 7, levels: [])
        #expect(r.mean == [4, 5, 6, 4, 5, 6, 4])
    }
}
