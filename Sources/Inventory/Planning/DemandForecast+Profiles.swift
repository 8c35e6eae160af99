import Forecast

extension DemandForecast {
    /// The candidates of one series: the plain ones of its ``CandidateSet``, then the
    /// profile-adjusted ones, per level of ``profileLevels`` whose profile the series can get
    /// (``DemandAggregates/profile(_:for:)``).
    func candidates(for series: DemandSeries, aggregates: DemandAggregates?) -> [any Forecaster] {
        var models = candidates(candidateSet(for: series.units), sparse: isSparse(series.units))
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
