import Foundation
import Testing
@testable import Forecast

/// A weekly series with a yearly cycle, a Christmas peak, AR(1) noise and (optionally) a trend.
func seasonalWeeks(count: Int, firstWeekStart: Int, trend: Double = 0.2, seed: UInt64 = 7) -> [Double] {
    var generator = SplitMix64(seed: seed)
    var noise = 0.0
    return (0..<count).map { i in
        let day = firstWeekStart + 7 * i
        let phase = 2 * Double.pi * Double(day) / 365.25
        let christmas = CalendarEvent.christmas.window(before: 6, after: 0).weeklyIndicator(weekStarts: [day])[0]
        let u = Double(generator.next() % 1_000_000) / 1_000_000 - 0.5
        noise = 0.5 * noise + 4 * u
        return 100 + trend * Double(i) + 15 * sin(phase) + 6 * cos(2 * phase) + 40 * christmas + noise
    }
}

@Suite("Fourier terms")
struct FourierTermsTests {
    /// sin/cos pairs at t = −2 … 5 for 52.18 weeks, K = 3, as numpy computes them.
    @Test func matchesReference() throws {
        let fixture = try Fixture("regression_arima")
        let check = try #require(fixture["fourier"] as? [String: Any])
        let t = (check["t"] as? [Int]) ?? []
        let expected = (check["columns"] as? [[Double]]) ?? []
        let terms = try FourierTerms(period: check.double("period"), harmonics: check.int("harmonics"))
        let columns = terms.columns(from: try #require(t.first), count: t.count)
        #expect(columns.count == 6 && expected.count == 6)
        for (ours, theirs) in zip(columns, expected) { #expect(maxAbsDifference(ours, theirs) < 1e-13) }
        #expect(terms.names == ["sin1", "cos1", "sin2", "cos2", "sin3", "cos3"])
    }

    /// Terms computed for a later window equal the tail of a longer run: forecasts continue the phase,
    /// even far from the origin.
    @Test func phaseContinues() throws {
        let terms = try FourierTerms(period: 365.25 / 7, harmonics: 4)
        let long = terms.columns(from: 1_000_000, count: 200)
        let tail = terms.columns(from: 1_000_150, count: 50)
        for (a, b) in zip(long, tail) { #expect(maxAbsDifference(Array(a.suffix(50)), b) < 1e-9) }
    }

    /// For an even integer period the sine at k = m/2 vanishes and is left out, as R's `fourier`.
    @Test func nyquistSineDropped() throws {
        let terms = try FourierTerms(period: 12, harmonics: 6)
        #expect(terms.names.count == 11)
        #expect(terms.columns(from: 1, count: 24).count == 11)
        #expect(throws: ForecastError.self) { try FourierTerms(period: 12, harmonics: 7) }
        #expect(throws: ForecastError.self) { try FourierTerms(period: 1, harmonics: 1) }
        #expect(throws: ForecastError.self) { try FourierTerms(period: .nan, harmonics: 1) }
    }
}

@Suite("Dynamic harmonic regression")
struct DynamicHarmonicRegressionTests {
    static let start = CivilDay.days(year: 2021, month: 1, day: 4)

    /// Three years of weeks with a yearly cycle: the search adds harmonics, and the forecast of the
    /// next 13 weeks follows the cycle better than the last year's mean.
    @Test func findsTheYearlyCycle() throws {
        let series = seasonalWeeks(count: 169, firstWeekStart: Self.start)
        let history = Array(series.prefix(156)), actual = Array(series.suffix(13))
        let model = DynamicHarmonicRegression(firstWeekStart: Self.start)
        let fit = try model.fit(history)
        #expect(fit.harmonics >= 1)
        #expect(fit.steps.first?.harmonics == 0)
        #expect(fit.steps.count >= fit.harmonics + 1)
        let forecast = try fit.forecast(horizon: 13, levels: [0.95])
        let mae = zip(forecast.mean, actual).map { abs($0 - $1) }.reduce(0, +) / 13
        let flat = history.suffix(52).reduce(0, +) / 52
        let flatMAE = actual.map { abs($0 - flat) }.reduce(0, +) / 13
        #expect(mae < 0.6 * flatMAE, "MAE \(mae) vs flat \(flatMAE)")
        let interval = try #require(forecast.interval(level: 0.95))
        #expect(zip(interval.lower, interval.upper).allSatisfy { $0 < $1 })
    }

    /// With Christmas offered as an event, the peak week is forecast: the Christmas coefficient
    /// is near the simulated 40 and the forecast for Christmas week stands out.
    @Test func christmasEvent() throws {
        let series = seasonalWeeks(count: 156 + 52, firstWeekStart: Self.start, trend: 0)
        let history = Array(series.prefix(156))
        let christmas = CalendarEvent.christmas.window(before: 6, after: 0)
        let model = DynamicHarmonicRegression(firstWeekStart: Self.start, events: [christmas, .easter.window(before: 400, after: 400)])
        let fit = try model.fit(history)
        #expect(fit.keptEvents.map(\.name) == ["Christmas"])
        #expect(fit.droppedEvents == ["Easter"])  // a 801-day window covers every week
        let beta = try #require(fit.arima.regressionCoefficients.last)
        #expect(abs(beta - 40) < 6, "Christmas effect \(beta)")
        let forecast = try fit.forecast(horizon: 52)
        let weeks = (0..<52).map { Self.start + 7 * (156 + $0) }
        // The window (19–25 December) touches two weeks; the highest forecast is in one of them.
        let marked = christmas.weeklyIndicator(weekStarts: weeks)
        let top = try #require(forecast.mean.indices.max { forecast.mean[$0] < forecast.mean[$1] })
        #expect(marked.reduce(0, +) >= 1)
        #expect(marked[top] == 1, "top week \(top), Christmas weeks \(marked.indices.filter { marked[$0] == 1 })")
    }

    /// A backtest forecaster for a prefix keeps the phase: fitting on the first 120 weeks with the
    /// same origin gives the same Fourier terms for week 120 onward as the longer fit uses.
    @Test func prefixKeepsPhase() throws {
        let model = DynamicHarmonicRegression(firstIndex: 17)
        let a = try model.regressors(harmonics: 3, events: [], from: 120, count: 10)
        let b = try model.regressors(harmonics: 3, events: [], from: 0, count: 130).map { Array($0.suffix(10)) }
        for (x, y) in zip(a, b) { #expect(maxAbsDifference(x, y) < 1e-12) }
        let dated = DynamicHarmonicRegression(firstWeekStart: Self.start)
        #expect(dated.timeIndex(0) == Self.start / 7)
    }

    @Test func badInput() throws {
        let model = DynamicHarmonicRegression()
        #expect(throws: ForecastError.tooShort(count: 40, needed: 53, method: model.name)) {
            try model.fit([Double](repeating: 1, count: 40))
        }
        var nan = seasonalWeeks(count: 60, firstWeekStart: Self.start)
        nan[3] = .nan
        #expect(throws: ForecastError.nonFinite(positions: [3])) { try model.fit(nan) }
        #expect(throws: ForecastError.self) {
            try DynamicHarmonicRegression(events: [.christmas]).fit(seasonalWeeks(count: 60, firstWeekStart: Self.start))
        }
        #expect(throws: ForecastError.self) { try DynamicHarmonicRegression(period: 1.5).fit([Double](repeating: 1, count: 60)) }
    }

    /// All zeros forecast zeros; a single non-zero week and a one-year history give finite
    /// forecasts without harmonics beyond what the data support.
    @Test func degenerateHistories() throws {
        let model = DynamicHarmonicRegression(firstWeekStart: Self.start, events: CalendarEvent.builtIn)
        let zeros = try model.forecast([Double](repeating: 0, count: 104), horizon: 13, levels: [0.9])
        #expect(zeros.mean.allSatisfy { $0 == 0 })
        var spike = [Double](repeating: 0, count: 104)
        spike[50] = 12
        let single = try model.forecast(spike, horizon: 13, levels: [0.9])
        #expect(single.mean.allSatisfy { $0.isFinite })
        let year = seasonalWeeks(count: 53, firstWeekStart: Self.start)
        let fit = try DynamicHarmonicRegression(firstWeekStart: Self.start).fit(year)
        #expect(fit.harmonics <= (53 - 10) / 4)
        #expect(try fit.forecast(horizon: 13).mean.allSatisfy { $0.isFinite })
    }
}

@Suite("Regression with ARIMA errors: edge cases")
struct ARIMARegressionEdgeTests {
    /// A regressor that differencing zeroes is dropped with coefficient 0; collinear ones fail clearly;
    /// forecasts demand future values.
    @Test func droppedAndCollinear() throws {
        let y = seasonalWeeks(count: 120, firstWeekStart: 0)
        let terms = try FourierTerms(period: 365.25 / 7, harmonics: 1).columns(from: 0, count: 120)
        let constant = [Double](repeating: 1, count: 120)
        let fit = try ARIMA(order: (1, 1, 0)).fit(y, regressors: terms + [constant])
        #expect(fit.droppedRegressors == [2])
        #expect(fit.regressionCoefficients.count == 3 && fit.regressionCoefficients[2] == 0)
        #expect(throws: ForecastError.self) { try ARIMA(order: (1, 0, 0)).fit(y, regressors: terms + [constant]) }
        #expect(throws: ForecastError.self) { try ARIMA(order: (1, 0, 0)).fit(y, regressors: [terms[0], terms[0]]) }
        #expect(throws: ForecastError.self) { try ARIMA(order: (1, 0, 0)).fit(y, regressors: [[1, 2, 3]]) }
        #expect(throws: ForecastError.self) { try fit.forecast(horizon: 3) }
        #expect(throws: ForecastError.self) { try fit.forecast(horizon: 3, regressors: [[0, 0, 0]]) }
        let ahead = try fit.forecast(horizon: 3, regressors: [[0, 0, 0], [1, 1, 1], [5, 5, 5]])
        #expect(ahead.mean.allSatisfy { $0.isFinite })
        #expect(fit.fittedValues.count == y.count)
    }

    /// A series that is exactly a combination of its regressors gives a degenerate fit with the
    /// exact coefficients, not a failure.
    @Test func exactRegression() throws {
        let terms = try FourierTerms(period: 52.18, harmonics: 2).columns(from: 0, count: 80)
        let y = (0..<80).map { 10 + 3 * terms[0][$0] - 2 * terms[3][$0] }
        let fit = try ARIMA(order: (1, 0, 0)).fit(y, regressors: terms)
        #expect(maxAbsDifference(fit.regressionCoefficients, [3, 0, 0, -2]) < 1e-9)
        #expect(abs((fit.mean ?? 0) - 10) < 1e-9)
        #expect(fit.sigma2 == 0)
    }

    /// auto-ARIMA with regressors recovers a Fourier effect on an AR(1) error.
    @Test func autoARIMAWithRegressors() throws {
        let y = seasonalWeeks(count: 156, firstWeekStart: 0, trend: 0)
        let terms = try FourierTerms(period: 365.25 / 7, harmonics: 2).columns(from: 0, count: 156)
        let search = try AutoARIMA().search(y, regressors: terms)
        #expect(search.best.regressionCoefficients.count == 4)
        #expect(abs(search.best.regressionCoefficients[0] - 15) < 3, "\(search.best.regressionCoefficients)")
    }
}
