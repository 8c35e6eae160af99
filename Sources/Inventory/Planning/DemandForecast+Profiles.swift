import Forecast

extension DemandForecast {
    /// The candidates of one series: the plain ones of its ``CandidateSet``, then one
    /// profile-adjusted candidate per level of ``profileLevels`` whose profile the series can get
    /// (``DemandAggregates/profile(_:for:)``).
    func candidates(for series: DemandSeries, aggregates: DemandAggregates?) -> [any Forecaster] {
        var models = candidates(candidateSet(for: series.units))
        guard let aggregates else { return models }
        let inner = Self.profileInner(intermittent: isIntermittent(series.units), seed: seed)
        for level in profileLevels {
            guard let profile = aggregates.profile(level, for: series) else { continue }
            models.append(SeasonallyAdjusted(inner, profile: profile, firstWeekStart: series.start.daysSince1970, label: level.rawValue))
        }
        return models
    }

    /// The method that forecasts a deseasonalised history: SBA for intermittent series (cheap,
    /// and the plain candidates' usual winner there), non-seasonal AutoETS for the others.
    static func profileInner(intermittent: Bool, seed: UInt64 = 42) -> any Forecaster {
        intermittent ? Croston(variant: .sba) : AutoETS(period: 1, seed: seed)
    }

    /// The names of the candidates a series gets, in backtest order.
    public func candidateNames(for series: DemandSeries, aggregates: DemandAggregates?) -> [String] {
        candidates(for: series, aggregates: aggregates).map(\.name)
    }
}
