import Testing
@testable import Forecast

/// RMSSE, scaled pinball loss and coverage against direct numpy computations of their M5
/// definitions (forecast_probabilistic_accuracy.json, made by make_probabilistic_accuracy_fixtures.py).
struct ProbabilisticAccuracyTests {
    @Test func measuresMatchNumpy() throws {
        let f = try Fixture("forecast_probabilistic_accuracy")
        let actual = f.doubles("actual"), forecast = f.doubles("forecast"), train = f.doubles("train")
        let intervals = [PredictionInterval(level: 0.8, lower: f.doubles("lower80"), upper: f.doubles("upper80")),
                         PredictionInterval(level: 0.95, lower: f.doubles("lower95"), upper: f.doubles("upper95"))]
        // The same sums in a different order: rounding only.
        let tolerance = 1e-12
        #expect(abs(try Accuracy.rmsse(actual: actual, forecast: forecast, training: train) - f.double("rmsse1")) < tolerance)
        #expect(abs(try Accuracy.rmsse(actual: actual, forecast: forecast, training: train, period: 7) - f.double("rmsse7")) < tolerance)
        #expect(abs(try Accuracy.scaledPinball(actual: actual, intervals: intervals, training: train) - f.double("scaled_pinball1")) < tolerance)
        #expect(abs(try Accuracy.scaledPinball(actual: actual, intervals: intervals, training: train, period: 7) - f.double("scaled_pinball7")) < tolerance)
        #expect(abs(try Accuracy.scaledPinball(actual: actual, forecast: intervals[0].lower, quantile: 0.1, training: train)
                    - f.double("scaled_pinball_lower80")) < tolerance)
        #expect(abs(try Accuracy.scaledPinball(actual: actual, forecast: intervals[1].upper, quantile: 0.975, training: train)
                    - f.double("scaled_pinball_upper95")) < tolerance)
        for (interval, key) in zip(intervals, ["coverage80", "coverage95"]) {
            #expect(try Accuracy.coverage(actual: actual, lower: interval.lower, upper: interval.upper) == f.double(key))
        }
        let result = ForecastResult(model: "fixture", mean: forecast, intervals: intervals)
        #expect(try AccuracyMetric.scaledPinball.evaluate(actual: actual, result: result, training: train, period: 1) == (try Accuracy.scaledPinball(actual: actual, intervals: intervals, training: train)))
        #expect(try AccuracyMetric.rmsse.evaluate(actual: actual, result: result, training: train, period: 7) == (try Accuracy.rmsse(actual: actual, forecast: forecast, training: train, period: 7)))
    }

    @Test func perfectForecastsScoreZero() throws {
        let train: [Double] = [3, 5, 4, 6, 5, 7], actual: [Double] = [8, 6, 9]
        #expect(try Accuracy.rmsse(actual: actual, forecast: actual, training: train) == 0)
        let exact = PredictionInterval(level: 0.8, lower: actual, upper: actual)
        #expect(try Accuracy.scaledPinball(actual: actual, intervals: [exact], training: train) == 0)
        #expect(try Accuracy.coverage(actual: actual, lower: actual, upper: actual) == 1)
    }

    /// A constant history has zero naive errors: a perfect forecast scores 0, any error +∞ (MASE's
    /// convention); a history no longer than the period has no scale and scores NaN.
    @Test func degenerateScales() throws {
        let flat = [Double](repeating: 4, count: 10)
        #expect(try Accuracy.rmsse(actual: [4, 4], forecast: [4, 4], training: flat) == 0)
        #expect(try Accuracy.rmsse(actual: [4, 5], forecast: [4, 4], training: flat) == .infinity)
        let interval = PredictionInterval(level: 0.9, lower: [3, 3], upper: [5, 5])
        #expect(try Accuracy.scaledPinball(actual: [4, 6], intervals: [interval], training: flat) == .infinity)
        #expect(try Accuracy.rmsse(actual: [1], forecast: [2], training: [3], period: 1).isNaN)
        #expect(try Accuracy.scaledPinball(actual: [1], intervals: [], training: [1, 2, 3]).isNaN)
        #expect(try Accuracy.rmsse(actual: [], forecast: [], training: [1, 2, 3]).isNaN)
        // NaN actuals are skipped, as by the other measures.
        #expect(try Accuracy.rmsse(actual: [1, .nan], forecast: [2, 2], training: [0, 1, 2]) == 1)
        #expect(throws: ForecastError.self) { try Accuracy.rmsse(actual: [1], forecast: [1], training: [1, 2], period: 0) }
        #expect(throws: ForecastError.self) { try Accuracy.scaledPinball(actual: [1, 2], intervals: [interval, PredictionInterval(level: 0.5, lower: [1], upper: [2])], training: [1, 2, 3]) }
        #expect(throws: ForecastError.self) { try AccuracyMetric.scaledPinball.evaluate(actual: [1], forecast: [1], training: [1, 2], period: 1) }
    }
}
