import Foundation

/// Rolling-origin evaluation with an expanding window, and the choice of a model per series.
///
/// With `origins` origins, the last test window ends at the end of the series and earlier origins
/// step back by `step`: origin k (0-based) trains on the first n − horizon − (origins − 1 − k)·step
/// points and is scored on the following `horizon` points (Tashman 2000; FPP3 §5.10).
/// ``lookbackOrigins`` adds origins whose windows cover the weeks of the forecast horizon one or
/// more seasons earlier, so that a season the rolling origins never reach (a December peak, when
/// the series ends in autumn) is scored too.
public struct Backtest: Sendable {
    public var origins: Int
    public var horizon: Int
    public var step: Int
    /// The measure that picks the winner; smaller is better.
    public var metric: AccuracyMetric
    /// The seasonal period of the scaled measures (MASE, RMSSE, scaled pinball loss; 1: naive scaling).
    public var seasonalPeriod: Int
    /// Interval levels of the final forecast and of the scored intervals (coverage at each level,
    /// scaled pinball loss over all of them); ``ModelScore/coverage`` is the first level's.
    public var levels: [Double]
    /// The shortest training window the first origin may have.
    public var minimumTraining: Int
    /// Lags L of extra origins at n − L (n the series length): each is scored on the `horizon`
    /// points from there, the same phase of a season of length L as the final forecast (`[52]`
    /// for weekly data: the same weeks last year). A lag whose training would be shorter than
    /// `minimumTraining` is skipped; one that coincides with a rolling origin counts once.
    public var lookbackOrigins: [Int] = []

    public init(origins: Int = 4, horizon: Int, step: Int = 1, metric: AccuracyMetric = .mase, seasonalPeriod: Int = 1,
                levels: [Double] = [0.8, 0.95], minimumTraining: Int = 2) {
        self.origins = origins
        self.horizon = horizon
        self.step = step
        self.metric = metric
        self.seasonalPeriod = seasonalPeriod
        self.levels = levels
        self.minimumTraining = minimumTraining
    }

    /// Scores every candidate on `series`, picks the best by `metric`, refits it on the whole
    /// series and forecasts `horizon` steps.
    ///
    /// A candidate that throws at any origin, or scores NaN, is not eligible; ties go to the earlier
    /// candidate. If the winner cannot be fitted on the whole series, the next best is used.
    /// - Throws: `ForecastError.invalidArgument` for bad settings or no candidates, `.nonFinite`
    ///   for NaN values, `.tooShort` when the first origin would have fewer than `minimumTraining`
    ///   points, `.fitFailed` when no candidate is eligible.
    /// - Complexity: origins × candidates fits, plus one.
    public func evaluate(_ series: [Double], candidates: [any Forecaster]) throws -> BacktestResult {
        guard origins >= 1, step >= 1, minimumTraining >= 1, seasonalPeriod >= 1 else {
            throw ForecastError.invalidArgument("backtest origins, step, minimum training and period must be positive")
        }
        guard !candidates.isEmpty else { throw ForecastError.invalidArgument("a backtest needs at least one candidate model") }
        try Validation.horizon(horizon)
        try Validation.levels(levels)
        let needed = minimumTraining + horizon + (origins - 1) * step
        try Validation.history(series, minimum: needed, method: "Backtest")
        let n = series.count
        let rolling = (0..<origins).map { n - horizon - (origins - 1 - $0) * step }
        let lookback = lookbackOrigins.map { n - $0 }.filter { $0 >= minimumTraining && $0 + horizon <= n }
        let starts = Array(Set(rolling + lookback)).sorted()

        var scores: [ModelScore] = []
        for candidate in candidates {
            var sums = [Double](repeating: 0, count: ModelScore.pointFieldCount + levels.count)
            var failures = 0
            var firstFailure: String?
            for origin in starts {
                let training = Array(series[0..<origin])
                let actual = Array(series[origin..<(origin + horizon)])
                do {
                    let result = try candidate.forecast(training, horizon: horizon, levels: levels)
                    guard result.mean.count == horizon else {
                        throw ForecastError.fitFailed(method: candidate.name, reason: "returned \(result.mean.count) values for a horizon of \(horizon)")
                    }
                    let values = try ModelScore.measures(actual: actual, forecast: result, training: training, period: seasonalPeriod, levels: levels)
                    for i in sums.indices { sums[i] += values[i] }
                } catch {
                    failures += 1
                    if firstFailure == nil { firstFailure = "origin \(origin): \(error)" }
                }
            }
            let means = sums.map { failures == 0 ? $0 / Double(starts.count) : .nan }
            scores.append(ModelScore(name: candidate.name, levels: levels, measures: means, failures: failures, firstFailure: firstFailure))
        }

        let ranked = scores.indices.filter { scores[$0].failures == 0 && !scores[$0].value(of: metric).isNaN }
            .sorted { (scores[$0].value(of: metric), $0) < (scores[$1].value(of: metric), $1) }
        var lastError: Error?
        for index in ranked {
            do {
                let forecast = try candidates[index].forecast(series, horizon: horizon, levels: levels)
                return BacktestResult(scores: scores, winnerIndex: index, metric: metric, origins: starts, forecast: forecast)
            } catch {
                lastError = error
            }
        }
        let reason = lastError.map { "\($0)" } ?? scores.compactMap(\.firstFailure).first ?? "every candidate scored NaN"
        throw ForecastError.fitFailed(method: "Backtest", reason: "no candidate could be evaluated (\(reason))")
    }

    /// Evaluates many series in parallel, one result per series in input order.
    ///
    /// - Parameters:
    ///   - maxConcurrency: the number of worker threads (default: the active processor count).
    ///   - progress: called after each series with (done, total), one call at a time, `done`
    ///     increasing.
    /// - Returns: each series' result or the `ForecastError` that stopped it; errors of other types
    ///   are reported as `.fitFailed`.
    public func evaluate(many series: [[Double]], candidates: [any Forecaster], maxConcurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
                         progress: (@Sendable (Int, Int) -> Void)? = nil) -> [Result<BacktestResult, ForecastError>] {
        evaluate(many: series, candidatesFor: { _ in candidates }, maxConcurrency: maxConcurrency, progress: progress)
    }

    /// Evaluates many series in parallel, each among its own candidates, one result per series in
    /// input order.
    ///
    /// - Parameters:
    ///   - candidatesFor: the candidates of series i, called once per series on a worker thread.
    ///   - maxConcurrency, progress: as ``evaluate(many:candidates:maxConcurrency:progress:)``.
    public func evaluate(many series: [[Double]], candidatesFor: @Sendable (Int) -> [any Forecaster],
                         maxConcurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
                         progress: (@Sendable (Int, Int) -> Void)? = nil) -> [Result<BacktestResult, ForecastError>] {
        let backtest = self
        return ParallelMap.map(count: series.count, width: maxConcurrency, progress: progress) { i in
            do {
                return .success(try backtest.evaluate(series[i], candidates: candidatesFor(i)))
            } catch let error as ForecastError {
                return .failure(error)
            } catch {
                return .failure(.fitFailed(method: "Backtest", reason: "\(error)"))
            }
        }
    }
}

/// The mean accuracy of one candidate over the backtest's origins.
///
/// Point measures score the forecast mean; the scaled pinball loss and the coverages score the
/// prediction intervals at every level of the backtest. MASE, RMSSE and the scaled pinball loss are
/// scaled by the seasonal naive errors of each origin's training window (see ``Accuracy``).
public struct ModelScore: Sendable, Hashable {
    public let name: String
    public let mae: Double
    public let rmse: Double
    /// In percent; origins whose actuals are all zero contribute NaN, which makes the mean NaN.
    public let mape: Double
    public let smape: Double
    public let mase: Double
    /// Mean of forecast − actual.
    public let bias: Double
    /// M5's root mean squared scaled error.
    public let rmsse: Double
    /// The scaled pinball loss at the bounds of every level's interval
    /// (``Accuracy/scaledPinball(actual:intervals:training:period:)``); NaN without levels.
    public let scaledPinball: Double
    /// The interval levels scored, the backtest's levels.
    public let levels: [Double]
    /// The share of actuals inside the interval at each of `levels`, in the same order.
    public let coverages: [Double]
    /// Origins at which the candidate threw; a failing candidate has NaN measures.
    public let failures: Int
    public let firstFailure: String?

    /// The share of actuals inside the interval at the backtest's first level; NaN without levels.
    public var coverage: Double { coverages.first ?? .nan }

    /// The coverage at `level`, if the backtest scored it.
    public func coverage(level: Double) -> Double? {
        levels.firstIndex { abs($0 - level) < 1e-9 }.map { coverages[$0] }
    }

    /// The point and interval measures, before the coverages.
    static let pointFieldCount = 8

    init(name: String, levels: [Double], measures m: [Double], failures: Int, firstFailure: String?) {
        self.name = name
        mae = m[0]; rmse = m[1]; mape = m[2]; smape = m[3]; mase = m[4]; bias = m[5]; rmsse = m[6]; scaledPinball = m[7]
        self.levels = levels
        coverages = Array(m[Self.pointFieldCount...])
        self.failures = failures
        self.firstFailure = firstFailure
    }

    /// The measure a metric names (|bias| for `.bias`).
    public func value(of metric: AccuracyMetric) -> Double {
        switch metric {
        case .mae: mae
        case .rmse: rmse
        case .mape: mape
        case .smape: smape
        case .mase: mase
        case .bias: abs(bias)
        case .rmsse: rmsse
        case .scaledPinball: scaledPinball
        }
    }

    /// The measures of one origin: the point fields, then one coverage per level (NaN for a level
    /// the forecast lacks).
    static func measures(actual: [Double], forecast: ForecastResult, training: [Double], period: Int, levels: [Double]) throws -> [Double] {
        let f = forecast.mean
        let intervals = levels.compactMap { forecast.interval(level: $0) }
        let pinball = intervals.count == levels.count
            ? try Accuracy.scaledPinball(actual: actual, intervals: intervals, training: training, period: period) : .nan
        let coverages = try levels.map { level in
            try forecast.interval(level: level).map { try Accuracy.coverage(actual: actual, lower: $0.lower, upper: $0.upper) } ?? .nan
        }
        return [try Accuracy.mae(actual: actual, forecast: f), try Accuracy.rmse(actual: actual, forecast: f),
                try Accuracy.mape(actual: actual, forecast: f), try Accuracy.smape(actual: actual, forecast: f),
                try Accuracy.mase(actual: actual, forecast: f, training: training, period: period),
                try Accuracy.bias(actual: actual, forecast: f),
                try Accuracy.rmsse(actual: actual, forecast: f, training: training, period: period), pinball] + coverages
    }
}

/// The outcome of a backtest on one series.
public struct BacktestResult: Sendable {
    /// One score per candidate, in the candidates' order.
    public let scores: [ModelScore]
    /// The position of the winner among the candidates.
    public let winnerIndex: Int
    public let metric: AccuracyMetric
    /// The training lengths of the origins.
    public let origins: [Int]
    /// The winner refitted on the whole series.
    public let forecast: ForecastResult

    public var winner: ModelScore { scores[winnerIndex] }
}
