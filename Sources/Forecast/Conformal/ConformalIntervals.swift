/// Prediction intervals for any model from its own out-of-sample errors (split conformal
/// prediction over rolling windows), as statsforecast's `ConformalIntervals(h, n_windows)` with
/// its default `conformal_distribution` method.
///
/// The wrapped model forecasts `horizon` steps from the ends of the last `windows` blocks of
/// `horizon` points of the history (training on everything before each block); the absolute
/// errors |forecast − actual| of step h over those windows are the conformity scores of step h.
/// The point forecast is the model's own, fitted on the whole history. At a level L the bounds of
/// step h are the numpy linear-interpolation quantiles (1 − L)/2 and (1 + L)/2 of the 2·windows
/// values {mean_h − score, mean_h + score}: symmetric about the mean and never wider than the
/// largest score, so with few windows a high level's coverage is not guaranteed.
///
/// Like statsforecast, a short history uses as many windows as fit, min(windows, ⌊(n − 1)/horizon⌋),
/// and needs at least two. Vovk, Gammerman & Shafer (2005); statsforecast `_conformity_scores` and
/// `_add_conformal_distribution_intervals`.
public struct ConformalIntervals: Forecaster {
    /// The model whose point forecasts are used and whose errors are scored.
    public let model: any Forecaster
    /// The number of rolling windows (statsforecast's `n_windows`, default 2).
    public var windows: Int
    /// The length of each window (statsforecast's `h`); nil for the horizon being forecast.
    public var horizon: Int?

    /// - Parameters:
    ///   - model: any forecaster; its own intervals are replaced.
    ///   - windows: the number of calibration windows, at least 2.
    ///   - horizon: the calibration window length; forecasts may not go beyond it.
    public init(_ model: any Forecaster, windows: Int = 2, horizon: Int? = nil) {
        self.model = model
        self.windows = windows
        self.horizon = horizon
    }

    public var name: String { "Conformal \(model.name)" }

    /// - Throws: `ForecastError.invalidArgument` for fewer than two windows or a horizon beyond the
    ///   calibration horizon; `.tooShort` when fewer than two windows fit (n < 2·horizon + 1);
    ///   `.nonFinite` for NaN values; anything the model throws in a window or on the history.
    /// - Complexity: windows + 1 fits of the model.
    public func forecast(_ history: [Double], horizon: Int, levels: [Double]) throws -> ForecastResult {
        try Validation.horizon(horizon)
        try Validation.levels(levels)
        guard windows >= 2 else {
            throw ForecastError.invalidArgument("conformal intervals need at least two windows, got \(windows)")
        }
        let window = self.horizon ?? horizon
        try Validation.horizon(window)
        guard horizon <= window else {
            throw ForecastError.invalidArgument("conformal intervals were calibrated for \(window) steps, not \(horizon)")
        }
        try Validation.history(history, minimum: 2 * window + 1, method: name)
        let scores = try conformityScores(history, window: window)
        let point = try model.forecast(history, horizon: horizon, levels: [])
        guard point.mean.count == horizon else {
            throw ForecastError.fitFailed(method: name, reason: "\(model.name) returned \(point.mean.count) values for a horizon of \(horizon)")
        }
        let intervals = levels.map { level in
            var lower = [Double](repeating: 0, count: horizon)
            var upper = lower
            for h in 0..<horizon {
                let values = scores.flatMap { [point.mean[h] - $0[h], point.mean[h] + $0[h]] }.sorted()
                lower[h] = Validation.quantile(sorted: values, (1 - level) / 2)
                upper[h] = Validation.quantile(sorted: values, (1 + level) / 2)
            }
            return PredictionInterval(level: level, lower: lower, upper: upper)
        }
        return ForecastResult(model: point.model, mean: point.mean, intervals: intervals)
    }

    /// The absolute errors of the model over the last windows, one row of `window` steps per
    /// window, oldest first.
    func conformityScores(_ y: [Double], window: Int) throws -> [[Double]] {
        let n = y.count
        let count = min(windows, (n - 1) / window)
        guard count >= 2 else { throw ForecastError.tooShort(count: n, needed: 2 * window + 1, method: name) }
        return try (0..<count).map { i in
            let end = n - count * window + i * window
            let fit = try model.forecast(Array(y[0..<end]), horizon: window, levels: [])
            guard fit.mean.count == window else {
                throw ForecastError.fitFailed(method: name, reason: "\(model.name) returned \(fit.mean.count) values for a horizon of \(window)")
            }
            return (0..<window).map { abs(fit.mean[$0] - y[end + $0]) }
        }
    }
}

extension Forecaster {
    /// This model with conformal prediction intervals; see ``ConformalIntervals``.
    public func conformal(windows: Int = 2, horizon: Int? = nil) -> ConformalIntervals {
        ConformalIntervals(self, windows: windows, horizon: horizon)
    }
}
