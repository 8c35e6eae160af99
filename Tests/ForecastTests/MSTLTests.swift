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
