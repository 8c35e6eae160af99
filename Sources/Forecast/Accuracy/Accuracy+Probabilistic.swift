/// Scaled accuracy of point and interval forecasts, as the M5 competition scores them
/// (Makridakis, Spiliotis & Assimakopoulos 2022, accuracy and uncertainty tracks).
///
/// Both scales are in-sample seasonal-naive errors of `training` (`period` 1: the naive method, as
/// M5); unlike M5 the scale uses the whole training window, leading zeros included. A scale that is
/// zero (a constant history) gives 0 for a perfect forecast and +∞ otherwise, as MASE does; a
/// training window of no more than `period` points gives NaN. NaN pairs are skipped.
extension Accuracy {
    /// Root mean squared scaled error: √(MSE / mean squared seasonal difference of `training`),
    /// M5's RMSSE.
    /// - Throws: `ForecastError.invalidArgument` for mismatched lengths or a period below 1.
    public static func rmsse(actual: [Double], forecast: [Double], training: [Double], period: Int = 1) throws -> Double {
        guard period >= 1 else { throw ForecastError.invalidArgument("the RMSSE period must be positive, got \(period)") }
        let mse = try rmse(actual: actual, forecast: forecast)
        return scaled(mse * mse, by: squaredNaiveScale(training, period: period)).squareRoot()
    }

    /// The mean squared seasonal difference of `training`, RMSSE's denominator; NaN when undefined.
    public static func squaredNaiveScale(_ training: [Double], period: Int = 1) -> Double {
        guard period >= 1, training.count > period else { return .nan }
        var sum = 0.0, count = 0
        for t in period..<training.count {
            let d = training[t] - training[t - period]
            if d.isNaN { continue }
            sum += d * d
            count += 1
        }
        return count > 0 ? sum / Double(count) : .nan
    }

    /// The pinball loss of `forecast` as the `quantile`-quantile divided by the in-sample naive MAE
    /// of `training` (``naiveScale(_:period:)``): one term of M5's scaled pinball loss.
    /// - Throws: `ForecastError.invalidArgument` for mismatched lengths, a quantile outside (0, 1) or
    ///   a period below 1.
    public static func scaledPinball(actual: [Double], forecast: [Double], quantile: Double, training: [Double], period: Int = 1) throws -> Double {
        guard period >= 1 else { throw ForecastError.invalidArgument("the pinball scale period must be positive, got \(period)") }
        return scaled(try pinball(actual: actual, forecast: forecast, quantile: quantile), by: naiveScale(training, period: period))
    }

    /// The scaled pinball loss of prediction intervals: the mean, over the quantiles the interval
    /// bounds stand for, of ``scaledPinball(actual:forecast:quantile:training:period:)``.
    ///
    /// A central interval at level L has its lower bound as the (1 − L)/2 quantile and its upper
    /// bound as the (1 + L)/2 quantile, so levels 0.8 and 0.95 score the 0.025, 0.1, 0.9 and 0.975
    /// quantiles with equal weight (M5 scores nine quantiles, the median among them; a point mean
    /// is not a median, so it is not scored here). NaN without intervals.
    /// - Throws: `ForecastError.invalidArgument` for bounds of another length than `actual` or a
    ///   period below 1.
    public static func scaledPinball(actual: [Double], intervals: [PredictionInterval], training: [Double], period: Int = 1) throws -> Double {
        guard !intervals.isEmpty else { return .nan }
        var total = 0.0
        for interval in intervals {
            let q = (1 - interval.level) / 2
            total += try scaledPinball(actual: actual, forecast: interval.lower, quantile: q, training: training, period: period)
            total += try scaledPinball(actual: actual, forecast: interval.upper, quantile: 1 - q, training: training, period: period)
        }
        return total / Double(2 * intervals.count)
    }

    /// `value / scale`, with MASE's conventions for a zero or undefined scale.
    static func scaled(_ value: Double, by scale: Double) -> Double {
        if scale.isNaN || value.isNaN { return .nan }
        if scale == 0 { return value == 0 ? 0 : .infinity }
        return value / scale
    }
}
