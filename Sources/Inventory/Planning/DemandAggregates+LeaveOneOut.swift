import Forecast

extension DemandAggregates {
    /// The profile a series gets at `level`: estimated on its aggregate without the series' own
    /// units, with the Fourier pairs and holiday windows the whole aggregate chose.
    ///
    /// Leaving the series out keeps its own noise out of the shape it is adjusted by, so that a
    /// backtest window in last year's weeks scores how well the series follows the other members
    /// of its group rather than how well it follows itself (the idea of Dekker, van Donselaar &
    /// Ouwehand 2004: group indices for items too short for their own). A series outside the
    /// training weeks' grid is used as is.
    /// - Returns: nil when the aggregate has no profile or the rest of it is too sparse for one.
    public func profile(_ level: AggregateLevel, for series: DemandSeries) -> SeasonalProfile? {
        guard let key = key(level, for: series.key), let whole = profiles[key], let total = units[key] else { return nil }
        guard series.start.daysSince1970 == firstWeekStart, series.units.count == total.count else { return whole }
        let rest = total.indices.map { max(0, total[$0] - series.units[$0]) }
        return try? SeasonalProfile(aggregate: rest, firstWeekStart: firstWeekStart, harmonics: whole.harmonics, holidays: whole.holidays)
    }
}
