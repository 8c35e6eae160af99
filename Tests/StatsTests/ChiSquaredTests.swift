import Testing
@testable import Stats

/// Reference values: scipy.stats.chi2 (cdf, sf, pdf, ppf) from Fixtures/distributions.json.
/// Quantiles to 1e-10 relative (the bar), cdf/sf/pdf to 1e-11 relative. Large degrees of
/// freedom lose a few digits to lgamma in the prefactor, which is the limit of these tolerances.
@Suite struct ChiSquaredTests {
    struct Case: Decodable {
        let df: Double
        let points, cdf, sf, pdf, probabilities, ppf: [Double]
    }
    struct File: Decodable { let chiSquared: [Case] }

    static let cases = (try? Fixture.load(File.self, from: "distributions.json").chiSquared) ?? []

    @Test func fixtureIsPresent() { #expect(Self.cases.count == 9) }

    @Test(arguments: cases)
    func cdfSurvivalAndDensityMatchScipy(c: Case) {
        let chi = ChiSquared(degreesOfFreedom: c.df)
        for (i, x) in c.points.enumerated() {
            #expect(relativelyClose(chi.cdf(x), c.cdf[i], 1e-11), "df \(c.df) cdf(\(x)) = \(chi.cdf(x)) vs \(c.cdf[i])")
            #expect(relativelyClose(chi.survival(x), c.sf[i], 1e-11), "df \(c.df) sf(\(x)) = \(chi.survival(x)) vs \(c.sf[i])")
            #expect(relativelyClose(chi.pdf(x), c.pdf[i], 1e-11), "df \(c.df) pdf(\(x)) = \(chi.pdf(x)) vs \(c.pdf[i])")
        }
    }

    @Test(arguments: cases)
    func quantileMatchesScipyTo1e10(c: Case) {
        let chi = ChiSquared(degreesOfFreedom: c.df)
        for (i, p) in c.probabilities.enumerated() {
            let q = chi.quantile(p)
            #expect(abs(q - c.ppf[i]) <= 1e-10 * abs(c.ppf[i]), "df \(c.df) ppf(\(p)) = \(q) vs \(c.ppf[i])")
        }
    }

    @Test func edges() {
        let chi = ChiSquared(degreesOfFreedom: 3)
        #expect(chi.quantile(0) == 0 && chi.quantile(1) == .infinity && chi.quantile(-1).isNaN)
        #expect(chi.cdf(-1) == 0 && chi.survival(-1) == 1)
        #expect(chi.cdf(.infinity) == 1)
        #expect(ChiSquared(degreesOfFreedom: -2).quantile(0.5).isNaN)
    }
}

extension ChiSquaredTests.Case: CustomTestStringConvertible {
    var testDescription: String { "df=\(df)" }
}
