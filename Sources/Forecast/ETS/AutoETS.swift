/// Automatic ETS: fits every admissible model and keeps the one with the smallest AICc
/// (Hyndman, Koehler, Snyder & Grose 2002; Hyndman & Khandakar 2008).
///
/// The candidate set is error {A, M} × trend {N, A, Ad} × season {N, A, M}, restricted as R's
/// `forecast::ets` does by default: no additive-error model with a multiplicative season
/// (numerically unstable), multiplicative components only for strictly positive data, seasonal
/// models only with a period from 2 to `maxSeasonalPeriod` (24, as R, since the many seasonal states
/// of weekly data over a year make the fit slow and poorly determined) and at least two full
/// seasons, and each model only when the series is long enough for its AICc. Multiplicative
/// trends are not offered.
public struct AutoETS: Forecaster {
    /// The seasonal period; 1 for non-seasonal data.
    public let period: Int
    public var allowDamped: Bool
    public var allowMultiplicative: Bool
    /// Seasonal candidates are tried only up to this period; longer periods fit non-seasonal models.
    public var maxSeasonalPeriod: Int = 24
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
                    if season != .none && (period < 2 || period > maxSeasonalPeriod) { continue }
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
    ///   fitted (fewer than 5 points); `.fitFailed` when no candidate could be fitted.
    public func fit(_ y: [Double]) throws -> ETSFit {
        let ranked = try rankedFits(y)
        guard let best = ranked.first else {
            throw ForecastError.fitFailed(method: name, reason: "no candidate model")
        }
        return best
    }

    /// Every candidate that could be fitted, by increasing AICc (ties keep the candidates' order);
    /// candidates whose fit failed are left out.
    /// - Throws: as `fit(_:)`.
    public func rankedFits(_ y: [Double]) throws -> [ETSFit] {
        try Validation.history(y, minimum: 1, method: name)
        let specs = candidates(for: y)
        guard !specs.isEmpty else {
            let simplest = try ETSSpecification(error: .additive, trend: .none, season: .none)
            throw ForecastError.tooShort(count: y.count, needed: simplest.minimumObservations, method: name)
        }
        var fits: [(index: Int, fit: ETSFit)] = []
        var lastError: Error?
        for (index, spec) in specs.enumerated() {
            do {
                fits.append((index, try ETS(spec, seed: seed).fit(y)))
            } catch {
                lastError = error
            }
        }
        guard !fits.isEmpty else {
            throw ForecastError.fitFailed(method: name, reason: lastError.map { "\($0)" } ?? "no candidate model")
        }
        return fits.sorted { ($0.fit.aicc, $0.index) < ($1.fit.aicc, $1.index) }.map(\.fit)
    }

    public func forecast(_ history: [Double], horizon: Int, levels: [Double]) throws -> ForecastResult {
        try Validation.horizon(horizon)
        try Validation.levels(levels)
        try Validation.history(history, minimum: 1, method: name)
        if let constant = ETS.constantForecast(history, horizon: horizon, levels: levels, name: "ETS(A,N,N)") { return constant }
        return try fit(history).forecast(horizon: horizon, levels: levels, seed: seed, paths: simulationPaths)
    }
}
