import Forecast

extension DemandForecast {
    /// The candidates of one series: the plain ones of its ``CandidateSet``, then the
    /// profile-adjusted ones, per level of ``profileLevels`` whose profile the series can get
    /// (``DemandAggregates/profile(_:for:)``).
    func candidates(for series: DemandSeries, aggregates: DemandAggregates?) -> [any Forecaster] {
        let set = candidateSet(for: series.units)
        var models = candidates(set, sparse: isSparse(series.units))
        if set == .seasonalRegular { models.append(harmonicRegression(firstWeekStart: series.start.daysSince1970)) }
        guard let aggregates else { return models }
        let inners = Self.profileInners(intermittent: isIntermittent(series.units), seed: seed)
        for level in profileLevels {
            guard let profile = aggregates.profile(level, for: series) else { continue }
            for inner in inners {
                models.append(SeasonallyAdjusted(inner, profile: profile, firstWeekStart: series.start.daysSince1970, label: level.rawValue))
            }
        }
        return models
    }

    /// Dynamic harmonic regression on the series' own years (Fourier terms of the 365.25-day year
    /// with auto-ARIMA errors), offered with MSTL to regular series of two years or more; the
    /// first week's start day keeps the Fourier phase of backtest prefixes.
    func harmonicRegression(firstWeekStart: Int) -> DynamicHarmonicRegression {
        DynamicHarmonicRegression(period: 365.25 / 7, firstWeekStart: firstWeekStart)
    }

    /// The methods that forecast a deseasonalised history: non-seasonal AutoETS for regular series;
    /// for intermittent ones SBA and simple exponential smoothing, ETS(A,N,N) — the two plain
    /// winners there, one fit each rather than AutoETS's six.
    static func profileInners(intermittent: Bool, seed: UInt64 = 42) -> [any Forecaster] {
        guard intermittent else { return [AutoETS(period: 1, seed: seed)] }
        var inners: [any Forecaster] = [Croston(variant: .sba)]
        if let ses = try? ETS(error: .additive, seed: seed) { inners.append(ses) }
        return inners
    }

    /// The names of the candidates a series gets, in backtest order.
    public func candidateNames(for series: DemandSeries, aggregates: DemandAggregates?) -> [String] {
        candidates(for: series, aggregates: aggregates).map(\.name)
    }
}
