import Forecast

/// Restock's forecast of each series: the candidate with the smallest mean MASE over three
/// rolling origins 13 weeks apart, refitted on the whole history, with 80% and 95% intervals.
enum ModelChoice {
    static let levels = [0.8, 0.95]

    static func backtest(horizon: Int) -> Backtest {
        // The rolling origins sit in the months before the holdout; the look-back origin scores the
        // same weeks a year earlier, so a model blind to the season the holdout reaches loses there.
        var backtest = Backtest(origins: 3, horizon: horizon, step: 13, metric: .mase, seasonalPeriod: Candidates.period, levels: levels)
        backtest.lookbackOrigins = [Candidates.period]
        return backtest
    }

    /// One result per history, in input order. Histories offered the same candidates are evaluated
    /// together by `Backtest.evaluate(many:)`, which spreads them over the processor's cores.
    static func choose(_ histories: [[Double]], horizon: Int) -> [Result<BacktestResult, ForecastError>] {
        let backtest = backtest(horizon: horizon)
        var groups: [[Int]: [Int]] = [:]   // offered candidate positions -> series positions
        for (index, history) in histories.enumerated() {
            let offered = Candidates.all.indices.filter { Candidates.all[$0].offered(history) }
            groups[offered, default: []].append(index)
        }
        var results = [Result<BacktestResult, ForecastError>?](repeating: nil, count: histories.count)
        for (offered, members) in groups.sorted(by: { $0.value[0] < $1.value[0] }) {
            let models = offered.map { Candidates.all[$0].model }
            let outcomes = backtest.evaluate(many: members.map { histories[$0] }, candidates: models)
            for (member, outcome) in zip(members, outcomes) { results[member] = outcome }
        }
        return results.map { $0 ?? .failure(.invalidArgument("series left out of every group")) }
    }

    /// The forecast of a series no candidate could model: seasonal naive, or naive when the history
    /// is shorter than a year.
    static func fallback(_ history: [Double], horizon: Int) throws -> ForecastResult {
        history.count > Candidates.period
            ? try SeasonalNaive(period: Candidates.period).forecast(history, horizon: horizon, levels: levels)
            : try Naive().forecast(history, horizon: horizon, levels: levels)
    }
}
