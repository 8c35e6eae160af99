import Testing
@testable import Forecast

/// Accuracy measures against direct numpy computations (forecast_accuracy.json), to rounding.
struct AccuracyTests {
    @Test func measuresMatchNumpy() throws {
        let f = try Fixture("forecast_accuracy")
        let actual = f.doubles("actual"), forecast = f.doubles("forecast"), train = f.doubles("train")
        let tolerance = 1e-12
        #expect(abs(try Accuracy.mae(actual: actual, forecast: forecast) - f.double("mae")) < tolerance)
        #expect(abs(try Accuracy.rmse(actual: actual, forecast: forecast) - f.double("rmse")) < tolerance)
        #expect(abs(try Accuracy.mape(actual: actual, forecast: forecast) - f.double("mape")) < 1e-10)
        #expect(abs(try Accuracy.smape(actual: actual, forecast: forecast) - f.double("smape")) < 1e-10)
        #expect(abs(try Accuracy.mase(actual: actual, forecast: forecast, training: train, period: 7) - f.double("mase")) < tolerance)
        #expect(abs(try Accuracy.mase(actual: actual, forecast: forecast, training: train) - f.double("mase1")) < tolerance)
        #expect(abs(try Accuracy.bias(actual: actual, forecast: forecast) - f.double("bias")) < tolerance)
        #expect(abs(try Accuracy.pinball(actual: actual, forecast: forecast, quantile: 0.9) - f.double("pinball")) < tolerance)
        #expect(abs(try Accuracy.coverage(actual: actual, lower: f.doubles("lower"), upper: f.doubles("upper")) - f.double("coverage")) < tolerance)
    }

    @Test func edgeCases() throws {
        #expect(try Accuracy.mae(actual: [], forecast: []).isNaN)
        #expect(try Accuracy.mape(actual: [0, 0], forecast: [1, 2]).isNaN)
        #expect(try Accuracy.smape(actual: [0, 0], forecast: [0, 0]) == 0)
        #expect(try Accuracy.smape(actual: [0], forecast: [5]) == 200)
        #expect(try Accuracy.mase(actual: [1], forecast: [2], training: [3, 3, 3]) == .infinity)
        #expect(try Accuracy.mase(actual: [3], forecast: [3], training: [3, 3, 3]) == 0)
        #expect(try Accuracy.mase(actual: [1], forecast: [2], training: [3], period: 1).isNaN)
        #expect(try Accuracy.mae(actual: [1, .nan, 3], forecast: [2, 2, 2]) == 1)
        #expect(throws: ForecastError.self) { try Accuracy.rmse(actual: [1, 2], forecast: [1]) }
        #expect(throws: ForecastError.self) { try Accuracy.pinball(actual: [1], forecast: [1], quantile: 1) }
        #expect(throws: ForecastError.self) { try Accuracy.coverage(actual: [1], lower: [0, 1], upper: [2]) }
        // Pinball at the median is half the MAE.
        let a: [Double] = [1, 5, 2, 8], p: [Double] = [2, 2, 2, 2]
        #expect(abs(try Accuracy.pinball(actual: a, forecast: p, quantile: 0.5) - 0.5 * (try Accuracy.mae(actual: a, forecast: p))) < 1e-15)
        #expect(try AccuracyMetric.bias.evaluate(actual: [2], forecast: [1], training: [], period: 1) == 1)
    }
}
