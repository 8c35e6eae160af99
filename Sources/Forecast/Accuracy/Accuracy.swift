import Foundation

/// Forecast accuracy measures, as Hyndman & Koehler (2006) and FPP3 §5.8 define them.
///
/// Every measure takes actual and forecast values of equal length and throws
/// `ForecastError.invalidArgument` when the lengths differ. An empty evaluation gives NaN. Pairs with
/// a NaN on either side are skipped, so that a gap in the actuals does not poison the score.
public enum Accuracy {
    /// Mean absolute error.
    public static func mae(actual: [Double], forecast: [Double]) throws -> Double {
        try average(actual, forecast) { a, f in abs(a - f) }
    }

    /// Root mean squared error.
    public static func rmse(actual: [Double], forecast: [Double]) throws -> Double {
        try average(actual, forecast) { a, f in (a - f) * (a - f) }.squareRoot()
    }

    /// Mean absolute percentage error, in percent. Periods with a zero actual are skipped (the
    /// percentage error is undefined there); NaN when every actual is zero.
    public static func mape(actual: [Double], forecast: [Double]) throws -> Double {
        try average(actual, forecast) { a, f in a == 0 ? .nan : abs((a - f) / a) } * 100
    }

    /// Symmetric MAPE in percent, 200·|a − f|/(|a| + |f|) averaged, with 0 for periods where both
    /// are zero (a perfect forecast of no demand); ranges over [0, 200].
    public static func smape(actual: [Double], forecast: [Double]) throws -> Double {
        try average(actual, forecast) { a, f in
            let denominator = abs(a) + abs(f)
            return denominator == 0 ? 0 : 2 * abs(a - f) / denominator
        } * 100
    }

    /// Mean absolute scaled error: the MAE divided by the in-sample MAE of the seasonal naive method
    /// on `training` (Hyndman & Koehler 2006); `period` 1 scales by the naive method.
    ///
    /// NaN when the training data has no more than `period` points, and +∞ when its seasonal
    /// differences are all zero (a constant history) while the forecast errs.
    /// - Throws: `ForecastError.invalidArgument` for mismatched lengths or a period below 1.
    public static func mase(actual: [Double], forecast: [Double], training: [Double], period: Int = 1) throws -> Double {
        guard period >= 1 else { throw ForecastError.invalidArgument("the MASE period must be positive, got \(period)") }
        let scale = naiveScale(training, period: period)
        let error = try mae(actual: actual, forecast: forecast)
        if scale.isNaN || error.isNaN { return .nan }
        if scale == 0 { return error == 0 ? 0 : .infinity }
        return error / scale
    }

    /// The in-sample MAE of the seasonal naive method, MASE's denominator; NaN when undefined.
    public static func naiveScale(_ training: [Double], period: Int = 1) -> Double {
        guard period >= 1, training.count > period else { return .nan }
        var sum = 0.0, count = 0
        for t in period..<training.count {
            let d = abs(training[t] - training[t - period])
            if d.isNaN { continue }
            sum += d
            count += 1
        }
        return count > 0 ? sum / Double(count) : .nan
    }

    /// Mean error forecast − actual: positive when the forecast is too high.
    public static func bias(actual: [Double], forecast: [Double]) throws -> Double {
        try average(actual, forecast) { a, f in f - a }
    }

    /// The pinball (quantile) loss of `forecast` as the `quantile`-quantile:
    /// mean of max(q·(a − f), (q − 1)·(a − f)).
    /// - Throws: `ForecastError.invalidArgument` for a quantile outside (0, 1).
    public static func pinball(actual: [Double], forecast: [Double], quantile q: Double) throws -> Double {
        guard q > 0 && q < 1 else { throw ForecastError.invalidArgument("the pinball quantile must lie in (0, 1), got \(q)") }
        return try average(actual, forecast) { a, f in
            let e = a - f
            return max(q * e, (q - 1) * e)
        }
    }

    /// The share of actuals inside [lower, upper], bounds included.
    public static func coverage(actual: [Double], lower: [Double], upper: [Double]) throws -> Double {
        guard lower.count == upper.count else {
            throw ForecastError.invalidArgument("the interval bounds have \(lower.count) and \(upper.count) values")
        }
        var hits = 0.0, count = 0
        try check(actual, lower)
        for i in actual.indices where !(actual[i].isNaN || lower[i].isNaN || upper[i].isNaN) {
            if actual[i] >= lower[i] && actual[i] <= upper[i] { hits += 1 }
            count += 1
        }
        return count > 0 ? hits / Double(count) : .nan
    }

    private static func check(_ actual: [Double], _ forecast: [Double]) throws {
        guard actual.count == forecast.count else {
            throw ForecastError.invalidArgument("actual has \(actual.count) values but forecast has \(forecast.count)")
        }
    }

    /// The mean of `term` over pairs where neither value nor the term is NaN.
    private static func average(_ actual: [Double], _ forecast: [Double], _ term: (Double, Double) -> Double) throws -> Double {
        try check(actual, forecast)
        var sum = 0.0, count = 0
        for i in actual.indices {
            let v = term(actual[i], forecast[i])
            if v.isNaN { continue }
            sum += v
            count += 1
        }
        return count > 0 ? sum / Double(count) : .nan
    }
}

/// A named accuracy measure, for choosing models in backtests.
public enum AccuracyMetric: String, Sendable, Hashable, CaseIterable {
    case mae, rmse, mape, smape, mase
    /// The absolute bias |mean(forecast − actual)|, so that smaller is better.
    case bias
    /// M5's root mean squared scaled error.
    case rmsse
    /// The scaled pinball loss of the prediction intervals' bounds (``Accuracy/scaledPinball(actual:intervals:training:period:)``).
    case scaledPinball

    /// Computes the measure of a point forecast; `training` and `period` only matter for the scaled
    /// measures.
    /// - Throws: `ForecastError.invalidArgument` for mismatched lengths, and for `.scaledPinball`,
    ///   which needs intervals: use ``evaluate(actual:result:training:period:)``.
    public func evaluate(actual: [Double], forecast: [Double], training: [Double], period: Int) throws -> Double {
        switch self {
        case .mae: return try Accuracy.mae(actual: actual, forecast: forecast)
        case .rmse: return try Accuracy.rmse(actual: actual, forecast: forecast)
        case .mape: return try Accuracy.mape(actual: actual, forecast: forecast)
        case .smape: return try Accuracy.smape(actual: actual, forecast: forecast)
        case .mase: return try Accuracy.mase(actual: actual, forecast: forecast, training: training, period: period)
        case .bias: return abs(try Accuracy.bias(actual: actual, forecast: forecast))
        case .rmsse: return try Accuracy.rmsse(actual: actual, forecast: forecast, training: training, period: period)
        case .scaledPinball:
            throw ForecastError.invalidArgument("the scaled pinball loss needs prediction intervals, not only a point forecast")
        }
    }

    /// Computes the measure of a forecast with its intervals (the point measures use its mean).
    public func evaluate(actual: [Double], result: ForecastResult, training: [Double], period: Int) throws -> Double {
        if self == .scaledPinball {
            return try Accuracy.scaledPinball(actual: actual, intervals: result.intervals, training: training, period: period)
        }
        return try evaluate(actual: actual, forecast: result.mean, training: training, period: period)
    }
}
