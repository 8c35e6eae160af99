/// Automatic ETS: fits every admissible model and keeps the one with the smallest AICc
/// (Hyndman, Koehler, Snyder & Grose 2002; Hyndman & Khandakar 2008).
///
/// The candidate set is error {A, M} × trend {N, A, Ad} × season {N, A, M}, restricted as R's
/// `forecast::ets` does by default: no additive-error model with a multiplicative season
/// (numerically unstable), multiplicative components only for strictly positive data, seasonal
/// models only with at least two full seasons, and each model only when the series is long enough
/// for its AICc. Multiplicative trends are not offered.
///
/// Long seasons are fitted: R's `ets` ignores periods above 24 (with a warning), but here the initial
/// seasonal states of such periods come from a seasonal decomposition (`ETS.SeasonalStates`), which
/// makes weekly data with a yearly season (period 52) as fast to fit as monthly data. A season is
/// never dropped silently: when no seasonal candidate can be fitted (too short a series, a period
/// above `maxSeasonalPeriod`, or every seasonal fit failed) the chosen fit's `seasonalityDropped`
/// says why, and `requireSeason` turns that case into an error.
public struct AutoETS: Forecaster {
    /// Why a fit of `AutoETS` with a seasonal period has no seasonal component.
    public enum SeasonalityDropped: Sendable, Hashable, CustomStringConvertible {
        /// The period is above the `maxSeasonalPeriod` the caller set.
        case periodAboveLimit(period: Int, limit: Int)
        /// The series is shorter than any seasonal candidate needs (two full seasons and enough
        /// points for the AICc).
        case tooShort(count: Int, needed: Int)
        /// Seasonal candidates were tried but none could be fitted.
        case fitsFailed(reason: String)

        public var description: String {
            switch self {
            case let .periodAboveLimit(period, limit): "season of period \(period) dropped: above the limit \(limit)"
            case let .tooShort(count, needed): "season dropped: \(count) observations, seasonal models need \(needed)"
            case let .fitsFailed(reason): "season dropped: no seasonal model could be fitted (\(reason))"
            }
        }
    }

    /// The seasonal period; 1 for non-seasonal data.
    public let period: Int
    public var allowDamped: Bool
    public var allowMultiplicative: Bool
    /// When set, seasonal candidates are tried only up to this period (R's `ets` uses 24); nil for
    /// no limit.
    public var maxSeasonalPeriod: Int? = nil
    /// Throw `ForecastError.fitFailed` instead of fitting a non-seasonal model when `period` ≥ 2
    /// and no seasonal candidate can be fitted.
    public var requireSeason = false
    /// How the candidates find their initial seasonal states (by default: estimated up to period 24,
    /// from a seasonal decomposition above).
    public var seasonalStates: ETS.SeasonalStates = .automatic
    public var seed: UInt64
    public var simulationPaths: Int

    public init(period: Int = 1, allowDamped: Bool = true, allowMultiplicative: Bool = true, seed: UInt64 = 42, simulationPaths: Int = 5000) {
        self.period = period
        self.allowDamped = allowDamped
        self.allowMultiplicative = allowMultiplicative
        self.seed = seed
        self.simulationPaths = simulationPaths
    }

    public var name: String { "AutoETS" }

    /// The admissible specifications for `y`, in a fixed order (ties in AICc go to the earlier one).
    public func candidates(for y: [Double]) -> [ETSSpecification] {
        let positive = !y.isEmpty && y.allSatisfy { $0 > 0 }
        var out: [ETSSpecification] = []
        for error in ETSSpecification.ErrorType.allCases {
            if error == .multiplicative && !(allowMultiplicative && positive) { continue }
            for trend in ETSSpecification.TrendType.allCases {
                if trend == .damped && !allowDamped { continue }
                for season in ETSSpecification.SeasonType.allCases {
                    if season != .none && (period < 2 || period > (maxSeasonalPeriod ?? .max)) { continue }
                    if season == .multiplicative && (error == .additive || !(allowMultiplicative && positive)) { continue }
                    guard let spec = try? ETSSpecification(error: error, trend: trend, season: season, period: period),
                          y.count >= spec.minimumObservations else { continue }
                    out.append(spec)
                }
            }
        }
        return out
    }

    /// Fits every candidate and returns the fit with the smallest AICc.
    /// - Throws: `ForecastError.nonFinite` for NaN values; `.tooShort` when not even ETS(A,N,N) can be
    ///   fitted (fewer than 5 points); `.fitFailed` when no candidate could be fitted, or when
    ///   `requireSeason` is set and no seasonal candidate could be.
    public func fit(_ y: [Double]) throws -> ETSFit {
        let (ranked, seasonalError) = try ranking(y)
        guard var best = ranked.first else {
            throw ForecastError.fitFailed(method: name, reason: "no candidate model")
        }
        if period >= 2 && !ranked.contains(where: { $0.specification.hasSeason }) {
            let reason = seasonalityDropped(y, seasonalError: seasonalError.map { "\($0)" })
            if requireSeason { throw ForecastError.fitFailed(method: name, reason: reason.description) }
            best.seasonalityDropped = reason
        }
        return best
    }

    /// Why no seasonal candidate is in the ranking of `y`.
    private func seasonalityDropped(_ y: [Double], seasonalError: String?) -> SeasonalityDropped {
        if let limit = maxSeasonalPeriod, period > limit { return .periodAboveLimit(period: period, limit: limit) }
        let simplest = try? ETSSpecification(error: .additive, trend: .none, season: .additive, period: period)
        let needed = simplest?.minimumObservations ?? 2 * period
        if y.count < needed { return .tooShort(count: y.count, needed: needed) }
        return .fitsFailed(reason: seasonalError ?? "the likelihood was not finite")
    }

    /// Every candidate that could be fitted, by increasing AICc (ties keep the candidates' order);
    /// candidates whose fit failed are left out.
    /// - Throws: as `fit(_:)`.
    public func rankedFits(_ y: [Double]) throws -> [ETSFit] {
        try ranking(y).fits
    }

    /// The ranked fits and the last error of a seasonal candidate, if one failed.
    private func ranking(_ y: [Double]) throws -> (fits: [ETSFit], seasonalError: Error?) {
        try Validation.history(y, minimum: 1, method: name)
        let specs = candidates(for: y)
        guard !specs.isEmpty else {
            let simplest = try ETSSpecification(error: .additive, trend: .none, season: .none)
            throw ForecastError.tooShort(count: y.count, needed: simplest.minimumObservations, method: name)
        }
        var fits: [(index: Int, fit: ETSFit)] = []
        var lastError: Error?, seasonalError: Error?
        for (index, spec) in specs.enumerated() {
            do {
                var model = ETS(spec, seed: seed)
                model.seasonalStates = seasonalStates
                fits.append((index, try model.fit(y)))
            } catch {
                lastError = error
                if spec.hasSeason { seasonalError = error }
            }
        }
        guard !fits.isEmpty else {
            throw ForecastError.fitFailed(method: name, reason: lastError.map { "\($0)" } ?? "no candidate model")
        }
        return (fits.sorted { ($0.fit.aicc, $0.index) < ($1.fit.aicc, $1.index) }.map(\.fit), seasonalError)
    }

    public func forecast(_ history: [Double], horizon: Int, levels: [Double]) throws -> ForecastResult {
        try Validation.horizon(horizon)
        try Validation.levels(levels)
        try Validation.history(history, minimum: 1, method: name)
        if let constant = ETS.constantForecast(history, horizon: horizon, levels: levels, name: "ETS(A,N,N)") { return constant }
        return try fit(history).forecast(horizon: horizon, levels: levels, seed: seed, paths: simulationPaths)
    }
}
