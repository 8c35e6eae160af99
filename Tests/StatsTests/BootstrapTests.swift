import Testing
@testable import Stats

/// Reference values: scipy.stats.bootstrap(method="percentile", n_resamples=9999) on the committed
/// samples of Fixtures/bootstrap.json. The resamples come from different generators, so the bounds
/// agree only up to Monte Carlo error: with 9999 resamples the standard error of a 2.5% bound of the
/// mean is about 0.03 here (σ ≈ 12, n = 120), of the median about 0.1; tolerances are ~5 of those.
@Suite struct BootstrapTests {
    struct File: Decodable {
        let a, b: [Double]
        let meanLow, meanHigh, medianLow, medianHigh, differenceLow, differenceHigh: Double
    }

    @Test func meanAndMedianIntervalsAgreeWithScipy() throws {
        let f = try Fixture.load(File.self, from: "bootstrap.json")
        let bootstrap = Bootstrap(resamples: 9999, level: 0.95, seed: 1)
        let mean = try bootstrap.confidenceInterval(of: f.a) { $0.mean() }
        #expect(abs(mean.lower - f.meanLow) < 0.15 && abs(mean.upper - f.meanHigh) < 0.15, "\(mean) vs \(f.meanLow)...\(f.meanHigh)")
        #expect(mean.lower < mean.estimate && mean.estimate < mean.upper)
        let median = try bootstrap.confidenceInterval(of: f.a) { $0.median() }
        #expect(abs(median.lower - f.medianLow) < 0.5 && abs(median.upper - f.medianHigh) < 0.5, "\(median)")
    }

    @Test func differenceIntervalAgreesWithScipy() throws {
        let f = try Fixture.load(File.self, from: "bootstrap.json")
        let ci = try Bootstrap(seed: 3).differenceConfidenceInterval(f.a, f.b) { $0.mean() }
        #expect(abs(ci.lower - f.differenceLow) < 0.2 && abs(ci.upper - f.differenceHigh) < 0.2, "\(ci)")
        #expect(close(ci.estimate, f.a.mean() - f.b.mean(), 1e-14))
    }

    @Test func sameSeedSameInterval() throws {
        let sample = (0..<50).map { Double($0 * $0 % 17) }
        let first = try Bootstrap(resamples: 500, seed: 9).confidenceInterval(of: sample) { $0.mean() }
        let second = try Bootstrap(resamples: 500, seed: 9).confidenceInterval(of: sample) { $0.mean() }
        let other = try Bootstrap(resamples: 500, seed: 10).confidenceInterval(of: sample) { $0.mean() }
        #expect(first == second)
        #expect(first != other)
    }

    @Test func edgeCases() throws {
        #expect(throws: StatsError.self) { try Bootstrap().confidenceInterval(of: []) { $0.mean() } }
        #expect(throws: StatsError.self) { try Bootstrap().confidenceInterval(of: [.nan]) { $0.mean() } }
        #expect(throws: StatsError.self) { try Bootstrap(level: 1).confidenceInterval(of: [1, 2]) { $0.mean() } }
        let one = try Bootstrap(resamples: 100).confidenceInterval(of: [4, .nan]) { $0.mean() }
        #expect(one.lower == 4 && one.upper == 4)
    }
}
