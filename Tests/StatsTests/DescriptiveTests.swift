import Testing
@testable import Stats

/// Reference values: pandas (mean, var, std, skew, kurt, min, max, median, rank), scipy.stats (biased
/// skew and kurtosis) and numpy.quantile (every method), from Fixtures/descriptive.json. Tolerance
/// 1e-12 relative: the same two-pass formulas in the same order, so only last-bit rounding differs.
@Suite struct DescriptiveTests {
    struct Sample: Decodable {
        let values: [Double]
        let mean, var1, var0, std1, skew, kurt, skewBiased, kurtBiased, min, max, median: Double
        let probabilities: [Double]
        let quantiles: [String: [Double]]
        let ranks: [Double]
    }
    struct File: Decodable { let samples: [String: Sample] }

    static let names = ["normal", "skewed", "ties", "small"]

    @Test(arguments: names)
    func momentsMatchPandas(name: String) throws {
        let s = try #require(try Fixture.load(File.self, from: "descriptive.json").samples[name])
        let x = s.values
        #expect(close(x.mean(), s.mean, 1e-12))
        #expect(close(x.variance(), s.var1, 1e-12))
        #expect(close(x.variance(ddof: 0), s.var0, 1e-12))
        #expect(close(x.standardDeviation(), s.std1, 1e-12))
        #expect(close(x.skewness(), s.skew, 1e-12))
        #expect(close(x.kurtosis(), s.kurt, 1e-12))
        #expect(close(x.skewness(bias: true), s.skewBiased, 1e-12))
        #expect(close(x.kurtosis(bias: true), s.kurtBiased, 1e-12))
        #expect(x.minimum() == s.min)
        #expect(x.maximum() == s.max)
        #expect(close(x.median(), s.median, 1e-14))
    }

    @Test(arguments: names)
    func quantilesMatchNumpyForEveryMethod(name: String) throws {
        let s = try #require(try Fixture.load(File.self, from: "descriptive.json").samples[name])
        let methods: [String: QuantileMethod] = [
            "linear": .linear, "lower": .lower, "higher": .higher, "nearest": .nearest, "midpoint": .midpoint,
            "interpolatedInvertedCDF": .interpolatedInvertedCDF, "hazen": .hazen, "weibull": .weibull,
            "medianUnbiased": .medianUnbiased, "normalUnbiased": .normalUnbiased,
        ]
        for (key, method) in methods {
            let expected = try #require(s.quantiles[key])
            let actual = s.values.quantiles(s.probabilities, method: method)
            #expect(allClose(actual, expected, 1e-13), "method \(key): \(actual) vs \(expected)")
        }
    }

    @Test(arguments: names)
    func averageRanksMatchPandas(name: String) throws {
        let s = try #require(try Fixture.load(File.self, from: "descriptive.json").samples[name])
        #expect(allClose(s.values.averageRanks(), s.ranks, 0))
    }

    @Test func emptyInputGivesNaN() {
        let empty: [Double] = []
        #expect(empty.mean().isNaN)
        #expect(empty.variance().isNaN)
        #expect(empty.quantile(0.5).isNaN)
        #expect(empty.minimum().isNaN && empty.maximum().isNaN)
        #expect(empty.skewness(bias: true).isNaN)
    }

    @Test func oneElement() {
        let one = [4.5]
        #expect(one.mean() == 4.5)
        #expect(one.variance().isNaN)             // n - ddof = 0, as pandas
        #expect(one.variance(ddof: 0) == 0)
        #expect(one.median() == 4.5)
        #expect(one.quantile(0.9) == 4.5)
        #expect(one.skewness().isNaN && one.kurtosis().isNaN)
    }

    @Test func allNaNIsSkippedToEmpty() {
        let missing = [Double.nan, .nan]
        #expect(missing.mean().isNaN)
        #expect(missing.median().isNaN)
        #expect(missing.standardDeviation().isNaN)
    }

    @Test func nanPolicy() {
        let x = [1.0, .nan, 3.0]
        #expect(x.mean() == 2)
        #expect(x.mean(nan: .propagate).isNaN)
        #expect(x.quantile(0.5, nan: .propagate).isNaN)
        #expect(x.maximum(nan: .propagate).isNaN)
    }

    @Test func constantSeriesHasZeroSpreadAndShape() {
        let x = [Double](repeating: 7.25, count: 10)
        #expect(x.variance() == 0)
        #expect(x.skewness() == 0)               // pandas' convention for zero variance
        #expect(x.kurtosis() == 0)
        #expect(x.interquartileRange() == 0)
    }

    @Test func hugeValuesDoNotOverflowTheMean() {
        let x = [1e300, 1e300, -1e300]
        #expect(close(x.mean(), 1e300 / 3, 1e-15))
    }

    @Test func quantileOutsideUnitIntervalIsNaN() {
        #expect([1.0, 2].quantile(1.5).isNaN)
        #expect([1.0, 2].quantile(-0.1).isNaN)
    }
}
