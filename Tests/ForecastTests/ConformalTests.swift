import Testing
@testable import Forecast

/// Conformal intervals against statsforecast's `ConformalIntervals` around Naive and SeasonalNaive
/// (forecast_conformal.json, made by make_conformal_fixtures.py).
struct ConformalTests {
    @Test(arguments: 0..<5)
    func matchesStatsforecast(_ index: Int) throws {
        let fixture = try Fixture("forecast_conformal")
        let row = fixture.objects("cases")[index]
        let y = Array(fixture.doubles("weekly").prefix(row.int("length")))
        let h = row.int("horizon")
        let levels = (row["levels"] as? [Int] ?? []).map { Double($0) / 100 }
        let model: any Forecaster
        switch row.string("model") {
        case "Naive": model = Naive().conformal(windows: row.int("windows"), horizon: h)
        case "SeasonalNaive": model = SeasonalNaive(period: row.int("season_length")).conformal(windows: row.int("windows"), horizon: h)
        default:
            // statsforecast's MSTL(prediction_intervals=...) calibrates its trend forecaster.
            model = MSTLForecaster(period: row.int("season_length"), trendForecaster: Naive().conformal(windows: row.int("windows"), horizon: h))
        }
        let result = try model.forecast(y, horizon: h, levels: levels)
        #expect(maxAbsDifference(result.mean, row.doubles("mean")) < 1e-9)
        // The models' fits are exact (MSTL's to loess rounding), so the bounds differ by rounding only.
        for level in levels {
            let key = String(Int((level * 100).rounded()))
            let interval = try #require(result.interval(level: level))
            #expect(maxAbsDifference(interval.lower, row.doubles("lo" + key)) < 1e-9)
            #expect(maxAbsDifference(interval.upper, row.doubles("hi" + key)) < 1e-9)
        }
    }

    @Test func scoresAreTheErrorsOfTheLastWindows() throws {
        let y: [Double] = [1, 2, 4, 7, 11, 16, 22]
        let scores = try Naive().conformal(windows: 2, horizon: 2).conformityScores(y, window: 2)
        // Windows end at 3 and 5: naive forecasts 4 then 11 against [7, 11] and [16, 22].
        #expect(scores == [[3, 7], [5, 11]])
        let r = try Naive().conformal(windows: 2, horizon: 2).forecast(y, horizon: 1, levels: [0.5])
        #expect(r.mean == [22])
        // Step 1's values {22 ± 3, 22 ± 5} = [17, 19, 25, 27]: quartiles 18.5 and 25.5.
        #expect(r.intervals[0].lower == [18.5] && r.intervals[0].upper == [25.5])
        #expect(r.model == "Naive" && Naive().conformal().name == "Conformal Naive")
    }

    @Test func badInputThrows() throws {
        let y = (0..<30).map { Double($0 % 5) }
        #expect(throws: ForecastError.invalidArgument("conformal intervals need at least two windows, got 1")) {
            try Naive().conformal(windows: 1).forecast(y, horizon: 3, levels: [0.8])
        }
        #expect(throws: ForecastError.self) { try Naive().conformal(horizon: 2).forecast(y, horizon: 3, levels: [0.8]) }
        #expect(throws: ForecastError.tooShort(count: 8, needed: 9, method: "Conformal Naive")) {
            try Naive().conformal(windows: 3).forecast(Array(y.prefix(8)), horizon: 4, levels: [0.8])
        }
        #expect(throws: ForecastError.nonFinite(positions: [2])) {
            try Naive().conformal().forecast([1, 2, .nan, 4, 5, 6, 7], horizon: 2, levels: [0.8])
        }
        // A constant history gives zero scores, so zero-width intervals.
        let flat = try Naive().conformal(windows: 3).forecast([Double](repeating: 5, count: 12), horizon: 2, levels: [0.95])
        #expect(flat.intervals[0].lower == [5, 5] && flat.intervals[0].upper == [5, 5])
    }

    @Test func worksInsideABacktest() throws {
        let y = BacktestTests.seasonal(60)
        let result = try Backtest(origins: 3, horizon: 4, seasonalPeriod: 12)
            .evaluate(y, candidates: [SeasonalNaive(period: 12).conformal(windows: 3)])
        #expect(result.forecast.intervals.count == 2)
        #expect(result.winner.coverages.count == 2 && result.winner.scaledPinball.isFinite)
    }
}
