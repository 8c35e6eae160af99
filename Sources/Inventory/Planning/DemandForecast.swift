import Forecast
import Foundation

/// The per-series model choice of the forecasting stage: a rolling-origin backtest among a few
/// candidate models picks one per series by ``selectionMetric`` (RMSE), which is then refitted on
/// the whole training history and forecast over the horizon with 80% and 95% intervals; every
/// candidate's MASE is reported.
///
/// RMSE rather than MASE picks the winner because the allocation stage stocks for the mean: an
/// absolute error is smallest at the median, which on sparse weekly demand is zero or near it, so
/// MAE-type scores prefer forecasts below the mean, and more so in a peak season whose extra
/// demand arrives as occasional larger weeks. Within one series the two rank candidates on the
/// same scale, so no scaling is needed for the choice (Hyndman & Koehler 2006 on MAE and the
/// median; the M5 competition scored intermittent retail series by scaled squared errors).
///
/// Candidates per series (Hyndman & Athanasopoulos, FPP3 §5.10 for the backtest; Syntetos, Boylan
/// & Croston 2005 for the intermittency cut-off):
/// - seasonal naive with period 52 when the history holds at least two years, else naive — but
///   not for intermittent series: naive repeats the last week, most often a zero, and MASE (an
///   absolute error) rewards forecasting zero on sparse demand, which would leave the allocation
///   stage with no stock for items that do sell;
/// - AutoETS (non-seasonal: the year enters through the seasonal candidates below);
/// - for regular series with two years or more, MSTL (period 52, AutoETS on the adjusted series)
///   and dynamic harmonic regression (Fourier terms of the year with auto-ARIMA errors);
/// - the ``regularCandidates``, for regular series only: auto-ARIMA by default (non-seasonal for
///   the same reason; on mostly-zero series an ARIMA fit is neither meaningful nor cheap);
/// - Croston and SBA, only for intermittent series: average demand interval above 1.32.
///
/// Naive is scored on the same origins as the benchmark of MASE comparisons, but is a candidate
/// only for regular (not intermittent) series shorter than two years.
///
/// Sparse intermittent series — fewer than ``sparseDemandWeeks`` weeks with demand in the training
/// history — are still chosen by backtest, among cheap candidates only: the historical mean in
/// place of AutoETS, Croston and SBA (and seasonal naive with two years). With a handful of
/// non-zero weeks AutoETS can only fit a level with a small smoothing weight, which is close to
/// the mean (measured on Online Retail: the AutoETS winners' 8-week forecasts had the training
/// mean rate as their median), at many times the cost.
/// On the Online Retail data at the SKU × location level 3,684 of 8,269 series are sparse.
///
/// With ``DemandAggregates`` (``run(_:aggregates:progress:)``), every series also gets
/// profile-adjusted candidates per aggregate level in ``profileLevels`` — AutoETS for regular
/// series, SBA and ETS(A,N,N) for intermittent ones, on the history divided by the yearly profile
/// of the SKU's category in its region, of its category, or of the network (``SeasonallyAdjusted``)
/// — so the backtest picks the level as it picks the model. The rolling origins all sit in the
/// weeks just before the cutoff, one season: they cannot tell a model that knows December from one
/// blind to it when the forecast reaches December. So with profiles the backtest adds as many origins about a year
/// back (``lookbackLags``), scored on last year's weeks around those the forecast covers this
/// year; the choice weighs the recent weeks and last year's season equally. A series' profile
/// comes from the whole training aggregate minus the series itself: the shape of the group is
/// treated as known, and the question scored is whether this series follows it (honestly
/// estimating last December's shape before last December is impossible with under two years).
///
/// Degenerate series never stop a run: a history without any demand is forecast as zeros
/// (`model` "Zero (no demand)"); a series the backtest cannot evaluate (too short for the origins,
/// every candidate failed, or every candidate scored an infinite MASE because an early training
/// window had no week-to-week change) falls back to naive (`"Naive (fallback)"`), and a series
/// naive cannot fit either gets zeros.
public struct DemandForecast: Sendable {
    /// Weeks forecast and weeks of each backtest window.
    public var horizon: Int
    /// Rolling origins of the backtest.
    public var origins: Int
    /// Weeks between origins.
    public var step: Int
    /// The seasonal period of seasonal naive (weeks per year).
    public var seasonalPeriod: Int
    /// Series whose average demand interval exceeds this are intermittent (1.32 after Syntetos,
    /// Boylan & Croston 2005).
    public var intermittencyThreshold: Double
    /// Interval levels of the forecasts.
    public var levels: [Double]
    /// Seed of simulated intervals (ETS with multiplicative components).
    public var seed: UInt64
    /// Models offered to regular (not intermittent) series after AutoETS: non-seasonal auto-ARIMA
    /// (Hyndman & Khandakar 2008) by default.
    public var regularCandidates: [any Forecaster] = [AutoARIMA()]
    /// Intermittent series with fewer weeks of demand than this get only the cheap candidates (see
    /// the type's description); 0 offers every series its full candidate set.
    public var sparseDemandWeeks: Int = 4
    /// The number of threads the backtests run on (at least 1).
    public var threads: Int = ProcessInfo.processInfo.activeProcessorCount
    /// The aggregate levels whose profiles adjust candidates when ``run(_:aggregates:progress:)`` has
    /// aggregates.
    public var profileLevels: [AggregateLevel] = AggregateLevel.allCases
    /// The backtest measure that picks the winner (see the type's discussion of RMSE and MASE).
    public var selectionMetric: AccuracyMetric = .rmse
    /// Weeks per year: with profiles, the backtest adds origins about this far back.
    public var seasonLength: Int = 52

    /// The lags of the look-back origins when profiles are used: as many as the rolling origins,
    /// `step` apart and centred on ``seasonLength`` (48, 52 and 56 weeks for three origins four
    /// weeks apart), so that last year's weeks around the forecast horizon weigh as much in the
    /// choice as the recent weeks.
    public var lookbackLags: [Int] {
        (0..<origins).map { seasonLength + step * ($0 - (origins - 1) / 2) }
    }

    public init(horizon: Int, origins: Int = 3, step: Int? = nil, seasonalPeriod: Int = 52,
                intermittencyThreshold: Double = 1.32, levels: [Double] = [0.8, 0.95], seed: UInt64 = 42) {
        self.horizon = horizon
        self.origins = origins
        self.step = step ?? max(1, horizon / 2)
        self.seasonalPeriod = seasonalPeriod
        self.intermittencyThreshold = intermittencyThreshold
        self.levels = levels
        self.seed = seed
    }

    /// The model label of a series without any demand.
    public static let zeroModel = "Zero (no demand)"
    /// The model label of a series the backtest could not evaluate.
    public static let fallbackModel = "Naive (fallback)"

    /// Whether a history is intermittent: its average demand interval exceeds the threshold.
    public func isIntermittent(_ history: [Double]) -> Bool {
        DemandSeries.averageDemandInterval(history) > intermittencyThreshold
    }

    /// Whether a history is long enough for seasonal naive: two full seasons.
    public func isSeasonalCandidate(_ history: [Double]) -> Bool {
        history.count >= 2 * seasonalPeriod
    }

    /// The kinds of plain candidate sets, by history length and intermittency.
    enum CandidateSet: Hashable, CaseIterable {
        case regular, intermittent, seasonalRegular, seasonalIntermittent
    }

    /// Whether a history has too few demand weeks for the costly candidates.
    public func isSparse(_ history: [Double]) -> Bool {
        history.lazy.filter { $0 > 0 }.count < sparseDemandWeeks
    }

    /// The candidates of a set, without the costly ones for a sparse history.
    func candidates(_ set: CandidateSet, sparse: Bool) -> [any Forecaster] {
        guard sparse, set == .intermittent || set == .seasonalIntermittent else { return candidates(set) }
        return [MeanForecast()] + candidates(set).filter { $0 is SeasonalNaive || $0 is Croston }
    }

    func candidateSet(for history: [Double]) -> CandidateSet {
        switch (isSeasonalCandidate(history), isIntermittent(history)) {
        case (false, false): .regular
        case (false, true): .intermittent
        case (true, false): .seasonalRegular
        case (true, true): .seasonalIntermittent
        }
    }

    func candidates(_ set: CandidateSet) -> [any Forecaster] {
        var models: [any Forecaster] = []
        switch set {
        case .seasonalRegular, .seasonalIntermittent: models.append(SeasonalNaive(period: seasonalPeriod))
        case .regular: models.append(Naive())
        case .intermittent: break
        }
        models.append(AutoETS(period: 1, seed: seed))
        if set == .intermittent || set == .seasonalIntermittent {
            models.append(Croston(variant: .classic))
            models.append(Croston(variant: .sba))
        } else {
            models += regularCandidates
        }
        if set == .seasonalRegular { models.append(MSTLForecaster(period: seasonalPeriod)) }
        return models
    }

    /// The names of the candidates a history gets, in backtest order.
    public func candidateNames(for history: [Double]) -> [String] {
        candidates(candidateSet(for: history), sparse: isSparse(history)).map(\.name)
    }

    /// Every candidate name any series can get, in a fixed order (for table columns): the plain
    /// candidates, then the profile-adjusted ones by level.
    public var allCandidateNames: [String] {
        var names: [String] = []
        for set in CandidateSet.allCases {
            for sparse in [false, true] {
                for name in candidates(set, sparse: sparse).map(\.name) where !names.contains(name) { names.append(name) }
            }
        }
        names.append(harmonicRegression(firstWeekStart: 0).name)
        for level in profileLevels {
            for inner in Self.profileInners(intermittent: false) + Self.profileInners(intermittent: true) {
                let name = SeasonallyAdjusted(inner, profile: .flat, firstWeekStart: 0, label: level.rawValue).name
                if !names.contains(name) { names.append(name) }
            }
        }
        return names
    }

    /// Chooses a model for every series and forecasts, on ``threads`` threads.
    ///
    /// - Parameters:
    ///   - aggregates: the aggregates whose profiles give the profile-adjusted candidates; nil for
    ///     the plain candidates only (and no look-back origin).
    ///   - progress: called with (done, total) as series finish.
    /// - Returns: one ``SeriesForecast`` per series, in input order; the same inputs and seed give
    ///   the same results.
    /// - Throws: ``PlanningError`` for a horizon or origin count below 1.
    public func run(_ series: [DemandSeries], aggregates: DemandAggregates? = nil,
                    progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> [SeriesForecast] {
        guard horizon >= 1 else { throw PlanningError.invalid("the horizon must be at least one week, got \(horizon)") }
        guard origins >= 1 else { throw PlanningError.invalid("the backtest needs at least one origin, got \(origins)") }
        guard threads >= 1 else { throw PlanningError.invalid("--threads must be at least 1, got \(threads)") }
        var backtest = Backtest(origins: origins, horizon: horizon, step: step, metric: selectionMetric, seasonalPeriod: 1,
                                levels: levels, minimumTraining: max(2, 2 * horizon))
        if aggregates != nil && !profileLevels.isEmpty { backtest.lookbackOrigins = lookbackLags }
        var results = [SeriesForecast?](repeating: nil, count: series.count)
        let members = series.indices.filter { series[$0].units.contains { $0 > 0 } }
        for i in series.indices where !series[i].units.contains(where: { $0 > 0 }) { results[i] = zeroForecast(series[i]) }
        let total = series.count
        let counter = ProgressCounter(start: total - members.count, total: total, report: progress)
        counter.report()
        let histories = members.map { series[$0].units }
        let planner = self
        let chosen = backtest.evaluate(many: histories, candidatesFor: { position in
            planner.candidates(for: series[members[position]], aggregates: aggregates)
        }, maxConcurrency: threads, progress: { _, _ in counter.advance() })
        // Naive is scored on every series as the benchmark; its share of the work is small.
        let benchmark = backtest.evaluate(many: histories, candidates: [Naive()], maxConcurrency: threads)
        for (position, index) in members.enumerated() {
            let naiveMASE = (try? benchmark[position].get().winner.mase) ?? .nan
            results[index] = finish(series[index], chosen[position], naiveMASE: naiveMASE)
        }
        return results.enumerated().map { $1 ?? zeroForecast(series[$0]) }
    }

    // MARK: - Results and fallbacks

    func finish(_ series: DemandSeries, _ outcome: Result<BacktestResult, ForecastError>,
                naiveMASE: Double) -> SeriesForecast {
        switch outcome {
        case let .success(result):
            var scores: [String: Double] = [:]
            for score in result.scores { scores[score.name] = score.mase }
            guard result.winner.mase.isFinite else {
                return fallback(series, reason: "every candidate scored an infinite MASE (no week-to-week change in an early training window)",
                                scores: scores, naiveMASE: naiveMASE)
            }
            return SeriesForecast(series: series, forecast: result.forecast, model: result.forecast.model,
                                  chosen: result.winner.name, candidateMASE: scores, naiveMASE: naiveMASE,
                                  intermittent: isIntermittent(series.units), note: nil)
        case let .failure(error):
            return fallback(series, reason: "\(error)", scores: [:], naiveMASE: naiveMASE)
        }
    }

    func fallback(_ series: DemandSeries, reason: String, scores: [String: Double], naiveMASE: Double) -> SeriesForecast {
        if let naive = try? Naive().forecast(series.units, horizon: horizon, levels: levels) {
            return SeriesForecast(series: series, forecast: naive, model: Self.fallbackModel, chosen: Self.fallbackModel,
                                  candidateMASE: scores, naiveMASE: naiveMASE, intermittent: isIntermittent(series.units), note: reason)
        }
        var zero = zeroForecast(series)
        zero.note = reason
        return zero
    }

    func zeroForecast(_ series: DemandSeries) -> SeriesForecast {
        let zeros = [Double](repeating: 0, count: max(0, horizon))
        let forecast = ForecastResult(model: Self.zeroModel, mean: zeros,
                                      intervals: levels.map { PredictionInterval(level: $0, lower: zeros, upper: zeros) })
        return SeriesForecast(series: series, forecast: forecast, model: Self.zeroModel, chosen: Self.zeroModel,
                              candidateMASE: [:], naiveMASE: .nan, intermittent: isIntermittent(series.units),
                              note: series.units.isEmpty ? "no training weeks" : "no demand in the training weeks")
    }
}

/// The forecast of one demand series with how its model was chosen.
public struct SeriesForecast: Sendable {
    public let series: DemandSeries
    /// The chosen model refitted on the whole history (unclipped: means and bounds may be negative).
    public let forecast: ForecastResult
    /// The fitted model's name, e.g. `ETS(A,N,N)`, or a fallback label.
    public let model: String
    /// The candidate that won the backtest (`AutoETS`, `auto-ARIMA`, `Croston`, ...), or a fallback label.
    public let chosen: String
    /// Backtest MASE of each candidate by name (NaN when it failed at some origin); empty for fallbacks.
    public let candidateMASE: [String: Double]
    /// Backtest MASE of naive on the same origins; NaN when it could not be scored.
    public let naiveMASE: Double
    /// Whether the series counted as intermittent.
    public let intermittent: Bool
    /// Why a fallback was used; nil when the backtest chose the model.
    public var note: String?

    /// The backtest MASE of the chosen model; NaN for fallbacks.
    public var chosenMASE: Double { candidateMASE[chosen] ?? .nan }
    /// Whether the model came from the backtest rather than a fallback.
    public var isBacktested: Bool { note == nil }
}

/// Counts series done across several batches and reports the running total.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done: Int
    private let total: Int
    private let callback: (@Sendable (Int, Int) -> Void)?

    init(start: Int, total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        done = start
        self.total = total
        callback = report
    }

    func advance() {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        callback?(done, total)
    }

    func report() {
        lock.lock()
        defer { lock.unlock() }
        callback?(done, total)
    }
}
