import Foundation
import Testing
@testable import Forecast

struct BacktestTests {
    /// A seasonal series with trend and deterministic noise.
    static func seasonal(_ n: Int, shift: Double = 0) -> [Double] {
        (0..<n).map { t -> Double in
            let x = Double(t)
            let season: Double = 10 * sin(2 * Double.pi * x / 12)
            let noise: Double = Double((t * 7919) % 13) / 13
            return 50 + shift + 0.3 * x + season + noise
        }
    }

    @Test func originsExpandAndScoresMatchADirectComputation() throws {
        let y = Self.seasonal(30)
        let backtest = Backtest(origins: 3, horizon: 4, step: 2, metric: .mae)
        let result = try backtest.evaluate(y, candidates: [Naive()])
        #expect(result.origins == [22, 24, 26])
        var mae = 0.0, mase = 0.0
        for origin in [22, 24, 26] {
            let actual = Array(y[origin..<(origin + 4)])
            let forecast = [Double](repeating: y[origin - 1], count: 4)
            mae += try Accuracy.mae(actual: actual, forecast: forecast) / 3
            mase += try Accuracy.mase(actual: actual, forecast: forecast, training: Array(y[0..<origin])) / 3
        }
        #expect(abs(result.scores[0].mae - mae) < 1e-12)
        #expect(abs(result.scores[0].mase - mase) < 1e-12)
        #expect(result.forecast.mean == [Double](repeating: y[29], count: 4))
        #expect(result.forecast.intervals.count == 2)
    }

    @Test func picksTheSeasonalMethodOnASeasonalSeries() throws {
        let y = Self.seasonal(96)
        let candidates: [any Forecaster] = [MeanForecast(), Naive(), SeasonalNaive(period: 12), SeasonalNaive(period: 80)]
        let result = try Backtest(origins: 4, horizon: 12, step: 3, seasonalPeriod: 12).evaluate(y, candidates: candidates)
        #expect(result.winner.name == "Seasonal naive")
        #expect(result.winnerIndex == 2)
        // The period-80 method cannot fit the first origins and is excluded, not fatal.
        #expect(result.scores[3].failures > 0)
        #expect(result.scores[3].mase.isNaN)
        #expect(result.scores[3].firstFailure != nil)
        #expect(result.forecast.model == "Seasonal naive")
        for score in result.scores.prefix(3) { #expect(score.coverage >= 0 && score.coverage <= 1) }
    }

    @Test func tiesGoToTheEarlierCandidate() throws {
        let y = Self.seasonal(40)
        let result = try Backtest(origins: 2, horizon: 3).evaluate(y, candidates: [Naive(), Naive(), MeanForecast()])
        #expect(result.winnerIndex == 0)
    }

    @Test func manySeriesInParallelMatchSequentialInOrder() throws {
        let series = (0..<9).map { Self.seasonal(48 + $0 * 3, shift: Double($0) * 5) } + [[1, 2, .nan, 4, 5, 6, 7, 8, 9, 10]]
        let candidates: [any Forecaster] = [Naive(), SeasonalNaive(period: 12), try ETS(error: .additive, trend: .damped)]
        let backtest = Backtest(origins: 3, horizon: 6, step: 2, seasonalPeriod: 12)
        let reports = ProgressLog()
        let parallel = backtest.evaluate(many: series, candidates: candidates, maxConcurrency: 2) { done, total in
            reports.append(done, total)
        }
        #expect(parallel.count == series.count)
        for (i, y) in series.enumerated() {
            switch parallel[i] {
            case let .success(result):
                let sequential = try backtest.evaluate(y, candidates: candidates)
                #expect(result.winnerIndex == sequential.winnerIndex)
                #expect(result.forecast == sequential.forecast)
                #expect(result.scores == sequential.scores)
            case let .failure(error):
                #expect(i == 9)
                #expect(error == .nonFinite(positions: [2]))
            }
        }
        #expect(reports.values.map(\.0) == Array(1...series.count))
        #expect(reports.values.allSatisfy { $0.1 == series.count })
        let again = backtest.evaluate(many: series, candidates: candidates, maxConcurrency: 2)
        for (a, b) in zip(parallel, again) {
            if case let .success(x) = a, case let .success(y) = b { #expect(x.forecast == y.forecast) }
        }
    }

    @Test func lookbackOriginsAddLastSeasonsWindow() throws {
        let y = Self.seasonal(40)
        var backtest = Backtest(origins: 2, horizon: 4, step: 2, metric: .mae)
        // Origins at 40 − lag: 28 is added, 6 and 4 would train on fewer than 8 points, 36 is a
        // rolling origin already and counts once.
        backtest.lookbackOrigins = [12, 34, 36, 4]
        backtest.minimumTraining = 8
        let result = try backtest.evaluate(y, candidates: [Naive()])
        #expect(result.origins == [28, 34, 36])
        var mae = 0.0
        for origin in [28, 34, 36] {
            mae += try Accuracy.mae(actual: Array(y[origin..<(origin + 4)]), forecast: [Double](repeating: y[origin - 1], count: 4)) / 3
        }
        #expect(abs(result.scores[0].mae - mae) < 1e-12)
    }

    @Test func perSeriesCandidatesAreEvaluatedWithTheirOwnModels() throws {
        let series = [Self.seasonal(30), Self.seasonal(30, shift: 5), Self.seasonal(31)]
        let backtest = Backtest(origins: 2, horizon: 4, step: 2)
        let results = backtest.evaluate(many: series, candidatesFor: { i in
            i == 1 ? [Naive(), SeasonalNaive(period: 12)] : [MeanForecast()]
        })
        let names = try results.map { try $0.get().scores.map(\.name) }
        #expect(names == [["Mean"], ["Naive", "Seasonal naive"], ["Mean"]])
        for (i, result) in results.enumerated() {
            let direct = try backtest.evaluate(series[i], candidates: i == 1 ? [Naive(), SeasonalNaive(period: 12)] : [MeanForecast()])
            #expect(try result.get().forecast == direct.forecast)
        }
    }

    @Test func batchForecastKeepsInputOrder() {
        let series = (0..<20).map { i in [Double](repeating: Double(i), count: 10) + [Double(i) + 1] }
        let results = ForecastBatch.forecast(series + [[]], with: Naive(), horizon: 2, levels: [], maxConcurrency: 2)
        for i in 0..<20 {
            if case let .success(r) = results[i] { #expect(r.mean == [Double(i) + 1, Double(i) + 1]) } else { Issue.record("series \(i) failed") }
        }
        if case .success = results[20] { Issue.record("an empty series should fail") }
        #expect(ForecastBatch.forecast([], with: Naive(), horizon: 1).isEmpty)
    }

    @Test func badSettingsThrow() {
        let y = Self.seasonal(20)
        #expect(throws: ForecastError.tooShort(count: 20, needed: 2 + 6 + 3 * 5, method: "Backtest")) {
            try Backtest(origins: 4, horizon: 6, step: 5).evaluate(y, candidates: [Naive()])
        }
        #expect(throws: ForecastError.self) { try Backtest(origins: 0, horizon: 2).evaluate(y, candidates: [Naive()]) }
        #expect(throws: ForecastError.self) { try Backtest(horizon: 2).evaluate(y, candidates: []) }
        #expect(throws: ForecastError.self) { try Backtest(horizon: 2).evaluate(y, candidates: [SeasonalNaive(period: 50)]) }
    }
}

/// Collects progress reports from worker threads.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var log: [(Int, Int)] = []

    func append(_ done: Int, _ total: Int) {
        lock.lock()
        log.append((done, total))
        lock.unlock()
    }

    var values: [(Int, Int)] {
        lock.lock()
        defer { lock.unlock() }
        return log
    }
}
