// The Restock side of `scripts/bench forecast`.
//   bench-forecast prepare out=<csv>      writes the synthetic weekly series (long CSV)
//   bench-forecast forecast series=<csv> horizon=13 forecasts=<csv> [limit=<n>]
// The second case holds out the last `horizon` weeks of every series, chooses a model per series by
// backtest and writes the forecasts with their 80% and 95% intervals for the harness to score.
import BenchSupport
import Forecast
import Foundation
import Inventory

let arguments = BenchArguments()

do {
    switch arguments.caseName {
    case "prepare":
        let world = SyntheticWorld(configuration: SyntheticSeries.configuration)
        let series = SyntheticSeries.weekly(world)
        try LongCSV.write(series, to: arguments.string("out", default: "synthetic.csv"))
        print("prepared: \(series.count) series of \(series.first?.values.count ?? 0) weeks")
    case "forecast":
        let horizon = arguments.int("horizon", default: 13)
        var series = try LongCSV.read(arguments.string("series", default: "series.csv"))
        if let limit = arguments.options["limit"].flatMap({ Int($0) }) { series = Array(series.prefix(limit)) }
        let histories = series.map { Array($0.values.dropLast(horizon)) }
        var forecasts: [ForecastResult] = []
        var fallbacks = 0
        try benchmark("forecast", repeats: 1) {
            let chosen = ModelChoice.choose(histories, horizon: horizon)
            fallbacks = 0
            forecasts = try zip(histories, chosen).map { history, outcome in
                switch outcome {
                case let .success(result): return result.forecast
                case .failure:
                    fallbacks += 1
                    return try ModelChoice.fallback(history, horizon: horizon)
                }
            }
        }
        try ForecastTable.write(series: series, forecasts: forecasts, to: arguments.string("forecasts", default: "restock_forecasts.csv"))
        for set in ["synthetic", "public"] {
            let members = series.indices.filter { series[$0].set == set }
            guard !members.isEmpty else { continue }
            let score = try HoldoutScore(series: members.map { series[$0].values }, forecasts: members.map { forecasts[$0] }, horizon: horizon)
            print("metric: forecast-accuracy set=\(set) series=\(members.count) mase=\(score.mase) coverage80=\(score.coverage80) coverage95=\(score.coverage95)")
        }
        var winners: [String: Int] = [:]
        for forecast in forecasts { winners[forecast.model, default: 0] += 1 }
        let counts = winners.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key.replacingOccurrences(of: " ", with: "_"))=\($0.value)" }
        print("metric: forecast-winners fallbacks=\(fallbacks) " + counts.joined(separator: " "))
    case "candidates":
        // Seconds per candidate for one fit and forecast of each series' history, on one thread.
        let horizon = arguments.int("horizon", default: 13)
        let series = try LongCSV.read(arguments.string("series", default: "series.csv")).prefix(arguments.int("limit", default: 10))
        for candidate in Candidates.all {
            let start = Date()
            var failures = 0
            for s in series {
                do { _ = try candidate.model.forecast(Array(s.values.dropLast(horizon)), horizon: horizon, levels: ModelChoice.levels) } catch { failures += 1 }
            }
            print("candidate: \(candidate.model.name) series=\(series.count) seconds=\(Date().timeIntervalSince(start)) failures=\(failures)")
        }
    default:
        print("bench-forecast: no case named '\(arguments.caseName)'; cases: prepare, forecast, candidates")
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("bench-forecast: \(error)\n".utf8))
    exit(1)
}
