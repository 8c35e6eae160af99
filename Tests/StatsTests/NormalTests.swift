import Testing
@testable import Stats

/// Reference values: scipy.stats.norm (cdf, ppf), to 1e-10 or better.
@Suite struct NormalTests {
    @Test(arguments: [
        (0.975, 1.959963984540054), (0.5, 0.0), (0.01, -2.3263478740408408),
        (1e-10, -6.361340902404056), (0.8, 0.8416212335729143),
    ])
    func quantileMatchesScipy(p: Double, expected: Double) {
        #expect(abs(Normal.standard.quantile(p) - expected) <= 1e-12 * max(1, abs(expected)))
    }

    @Test func cdfInvertsQuantile() {
        for p in stride(from: 0.001, to: 1, by: 0.037) {
            #expect(abs(Normal.standard.cdf(Normal.standard.quantile(p)) - p) < 1e-14)
        }
    }

    @Test func edgesAreDefined() {
        #expect(Normal.standard.quantile(0) == -.infinity)
        #expect(Normal.standard.quantile(1) == .infinity)
        #expect(Normal.standard.quantile(1.5).isNaN)
        #expect(Normal(mean: 0, standardDeviation: 0).cdf(1).isNaN)
    }
}
