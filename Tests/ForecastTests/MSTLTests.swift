import Foundation
import Testing
@testable import Forecast

/// MSTL against statsmodels' `MSTL` (a weekly series with period 52; a daily series with periods 7
/// and 365), and the MSTL forecaster against statsforecast's `MSTL` with `AutoETS(model='ZZN')`
/// (forecast_mstl.json, made by make_mstl_fixtures.py).
struct MSTLTests {
    @Test(arguments: 0..<5)
    func decompositionMatchesStatsmodels(_ index: Int) throws {
        let fixture = try Fixture("forecast_mstl")
        let row = fixture.objects("decompositions")[index]
        let y = fixture.doubles(row.string("series"))
        let options = row["stl_kwargs"] as? [String: Any] ?? [:]
        let periods = (row["periods"] as? [Int]) ?? []
        let mstl = try MSTL(periods: periods, iterations: row.int("iterate"), seasonalDegree: options.int("seasonal_deg") < 0 ? 1 : options.int("seasonal_deg"),
                            robust: options.bool("robust"))
        #expect(mstl.windows == (row["windows"] as? [Int]))
        let d = try mstl.decompose(y)
        // The same loess arithmetic in the same order: agreement to rounding, 1e-9 of the scale.
        let scale = y.map(abs).max() ?? 1
        #expect(maxAbsDifference(d.trend, row.doubles("trend")) < 1e-9 * scale)
        let seasonal = (row["seasonal"] as? [[Any]] ?? []).map { $0.map { ($0 as? Double) ?? .nan } }
        #expect(seasonal.count == periods.count)
        for (mine, theirs) in zip(d.seasonals, seasonal) { #expect(maxAbsDifference(mine, theirs) < 1e-9 * scale) }
        #expect(maxAbsDifference(d.residual, row.doubles("resid")) < 1e-9 * scale)
        #expect(maxAbsDifference(d.weights, row.doubles("weights")) < 1e-8)
        for (period, strength) in zip(periods, row.doubles("seasonal_strength")) {
            #expect(abs((d.seasonalStrength(period: period) ?? .nan) - strength) < 1e-9)
        }
        #expect(abs(d.trendStrength - row.double("trend_strength")) < 1e-9)
        #expect(d.seasonalStrength(period: 5) == nil)
        let rebuilt = (0..<y.count).map { d.trend[$0] + d.seasonal[$0] + d.residual[$0] }
        #expect(maxAbsDifference(rebuilt, y) < 1e-9 * scale)
    }

    @Test(arguments: 0..<2)
    func forecasterMatchesStatsforecast(_ index: Int) throws {
        let fixture = try Fixture("forecast_mstl")
        let row = fixture.objects("forecasters")[index]
        let y = fixture.doubles(row.string("series"))
        let periods = (row["season_length"] as? [Int]) ?? [row.int("season_length")]
        let h = row.int("horizon")
        let model = MSTLForecaster(periods: periods.map(Double.init))
        let scale = y.map(abs).max() ?? 1

        // The decomposition and the seasonal forecast are the same arithmetic: rounding only.
        let parts = try model.decomposition().decompose(y)
        #expect(maxAbsDifference(parts.trend, row.doubles("trend")) < 1e-9 * scale)
        #expect(maxAbsDifference(parts.residual, row.doubles("remainder")) < 1e-9 * scale)
        let seasonalReference = zip(row.doubles("mean"), row.doubles("adjusted_mean")).map { $0 - $1 }
        #expect(maxAbsDifference(MSTLForecaster.seasonalForecast(parts, horizon: h), seasonalReference) < 1e-9 * scale)

        let result = try model.forecast(y, horizon: h, levels: [0.8, 0.95])
        #expect(result.model.hasPrefix("MSTL(") && result.model.contains(row.string("trend_model")))
        // The trend model is refitted by our AutoETS: the same model form is chosen, but the
        // optimisers stop at slightly different smoothing parameters: measured 0.03% (weekly) and
        // 0.3% (daily) of the series' maximum for the means and bounds (normal-theory in both), so
        // 0.5% allows for that and no more.
        #expect(maxAbsDifference(result.mean, row.doubles("mean")) < 0.005 * scale)
        for (level, key) in [(0.8, "80"), (0.95, "95")] {
            let interval = try #require(result.interval(level: level))
            #expect(maxAbsDifference(interval.lower, row.doubles("lo" + key)) < 0.005 * scale)
            #expect(maxAbsDifference(interval.upper, row.doubles("hi" + key)) < 0.005 * scale)
        }
    }
}

/// MSTL's settings and bad input.
struct MSTLInputTests {
    @Test func periodsAreSortedWithTheirWindowsAndRounded() throws {
        let mstl = try MSTL(periods: [365, 7], windows: [21, 9])
        #expect(mstl.periods == [7, 365] && mstl.windows == [9, 21])
        #expect(try MSTL(periods: [365, 7]).windows == [11, 15])
        #expect(try MSTL(periods: [7, 365.25]).periods == [7, 365])
        #expect(try MSTL(periods: [52.18]).periods == [52])
        #expect(MSTLForecaster(period: 52.18).name == "MSTL")
    }

    @Test func badSettingsThrow() {
        #expect(throws: ForecastError.self) { try MSTL(periods: [Int]()) }
        #expect(throws: ForecastError.self) { try MSTL(periods: [1, 12]) }
        #expect(throws: ForecastError.self) { try MSTL(periods: [7, 12], windows: [11]) }
        #expect(throws: ForecastError.self) { try MSTL(periods: [12], windows: [8]) }
        #expect(throws: ForecastError.self) { try MSTL(periods: [12], iterations: 0) }
        #expect(throws: ForecastError.self) { try MSTL(periods: [Double.nan]) }
    }

    @Test func aSeriesShorterThanTwoLongestPeriodsThrows() throws {
        let y = (0..<103).map { 10 + sin(Double($0)) }
        #expect(throws: ForecastError.tooShort(count: 103, needed: 104, method: "MSTL with a period of 52")) {
            try MSTL(periods: [7, 52]).decompose(y)
        }
        #expect(throws: ForecastError.tooShort(count: 103, needed: 104, method: "MSTL with a period of 52")) {
            try MSTLForecaster(periods: [7, 52]).forecast(y, horizon: 4, levels: [0.8])
        }
        #expect(try MSTL(periods: [7, 52]).decompose(y + [10]).trend.count == 104)
    }

    @Test func nanThrows() {
        var y = (0..<60).map { 10 + sin(Double($0)) }
        y[17] = .nan
        #expect(throws: ForecastError.nonFinite(positions: [17])) { try MSTL(periods: [12]).decompose(y) }
        #expect(throws: ForecastError.nonFinite(positions: [17])) { try MSTLForecaster(period: 12).forecast(y, horizon: 3, levels: []) }
    }

    @Test func constantSeriesHasFlatComponentsAndAFlatForecast() throws {
        let y = [Double](repeating: 8, count: 60)
        let d = try MSTL(periods: [4, 12], robust: true).decompose(y)
        #expect(d.trend.allSatisfy { abs($0 - 8) < 1e-9 })
        #expect(d.seasonals.allSatisfy { $0.allSatisfy { abs($0) < 1e-9 } })
        #expect(d.residual.allSatisfy { abs($0) < 1e-9 })
        let f = try MSTLForecaster(periods: [4, 12]).forecast(y, horizon: 6, levels: [0.9])
        #expect(f.mean.allSatisfy { abs($0 - 8) < 1e-9 })
        #expect(f.intervals[0].lower.allSatisfy { abs($0 - 8) < 1e-9 })
    }

    @Test func theTrendForecasterIsConfigurable() throws {
        let y = try Fixture("forecast_mstl").doubles("weekly")
        let model = MSTLForecaster(period: 52, trendForecaster: Naive())
        let parts = try model.decomposition().decompose(y)
        let result = try model.forecast(y, horizon: 60, levels: [0.8])
        let seasonal = MSTLForecaster.seasonalForecast(parts, horizon: 60)
        let last = parts.seasonallyAdjusted[y.count - 1]
        #expect(maxAbsDifference(result.mean, seasonal.map { $0 + last }) < 1e-9)
        // The seasonal forecast repeats the last cycle, into a second year.
        #expect(abs(seasonal[55] - parts.seasonals[0][y.count - 52 + 3]) < 1e-12)
        #expect(result.model == "MSTL(52; Naive)")
        #expect(zip(result.intervals[0].lower, result.mean).allSatisfy { $0 < $1 })
    }

    /// The shared degenerate histories: a result with finite means, or a `ForecastError`.
    @Test(arguments: 0..<DegenerateInputTests.histories.count)
    func degenerateHistoriesGiveAResultOrAnError(_ index: Int) {
        let (label, y) = DegenerateInputTests.histories[index]
        let methods: [any Forecaster] = [MSTLForecaster(period: 12), MSTLForecaster(periods: [4, 12]),
                                         Naive().conformal(), SeasonalNaive(period: 4).conformal(windows: 3)]
        for method in methods {
            do {
                let r = try method.forecast(y, horizon: 5, levels: [0.9])
                #expect(r.mean.count == 5 && r.intervals.count == 1, "\(method.name) on \(label)")
                if label != "huge" { #expect(r.mean.allSatisfy { $0.isFinite }, "\(method.name) on \(label): \(r.mean)") }
            } catch let error as ForecastError {
                #expect(!error.description.isEmpty)
            } catch {
                Issue.record("\(method.name) on \(label) threw a non-ForecastError: \(error)")
            }
        }
    }
}
