import Testing
@testable import Forecast

/// The backtest's scaled and interval measures: every level's coverage, RMSSE and the scaled
/// pinball loss, against a direct computation over the same origins.
struct BacktestProbabilisticTests {
    @Test func scoresEveryLevelAndTheScaledMeasures() throws {
        let y = BacktestTests.seasonal(40)
        let backtest = Backtest(origins: 3, horizon: 5, step: 2, seasonalPeriod: 12, levels: [0.8, 0.95])
        let result = try backtest.evaluate(y, candidates: [Naive(), SeasonalNaive(period: 12)])
        for (index, model) in [Naive(), SeasonalNaive(period: 12)].enumerated() as EnumeratedSequence<[any Forecaster]> {
            var rmsse = 0.0, pinball = 0.0, mase = 0.0
            var coverages = [0.0, 0.0]
            for origin in result.origins {
                let training = Array(y[0..<origin]), actual = Array(y[origin..<(origin + 5)])
                let f = try model.forecast(training, horizon: 5, levels: [0.8, 0.95])
                rmsse += try Accuracy.rmsse(actual: actual, forecast: f.mean, training: training, period: 12) / 3
                mase += try Accuracy.mase(actual: actual, forecast: f.mean, training: training, period: 12) / 3
                pinball += try Accuracy.scaledPinball(actual: actual, intervals: f.intervals, training: training, period: 12) / 3
                for k in 0..<2 {
                    coverages[k] += try Accuracy.coverage(actual: actual, lower: f.intervals[k].lower, upper: f.intervals[k].upper) / 3
                }
            }
            let score = result.scores[index]
            #expect(abs(score.rmsse - rmsse) < 1e-12)
            #expect(abs(score.mase - mase) < 1e-12)
            #expect(abs(score.scaledPinball - pinball) < 1e-12)
            #expect(maxAbsDifference(score.coverages, coverages) < 1e-12)
            #expect(score.levels == [0.8, 0.95] && score.coverage == score.coverages[0])
            #expect(score.coverage(level: 0.95) == score.coverages[1] && score.coverage(level: 0.5) == nil)
        }
        // Naive's intervals widen with the step, so 95% covers at least what 80% covers.
        #expect(result.scores[0].coverages[1] >= result.scores[0].coverages[0])
    }

    @Test(arguments: [AccuracyMetric.rmsse, .scaledPinball])
    func scaledMeasuresPickTheSeasonalMethod(_ metric: AccuracyMetric) throws {
        let y = BacktestTests.seasonal(96)
        let result = try Backtest(origins: 4, horizon: 12, step: 3, metric: metric, seasonalPeriod: 12)
            .evaluate(y, candidates: [MeanForecast(), Naive(), SeasonalNaive(period: 12)])
        #expect(result.winnerIndex == 2)
        #expect(result.winner.value(of: metric) == (metric == .rmsse ? result.winner.rmsse : result.winner.scaledPinball))
    }

    @Test func withoutLevelsTheIntervalMeasuresAreNaN() throws {
        let y = BacktestTests.seasonal(30)
        let result = try Backtest(origins: 2, horizon: 3, levels: []).evaluate(y, candidates: [Naive()])
        #expect(result.winner.coverages.isEmpty && result.winner.coverage.isNaN && result.winner.scaledPinball.isNaN)
        #expect(result.winner.rmsse.isFinite)
    }
}
