import Testing
@testable import Stats

/// Reference values: scipy.stats.t (cdf, sf, pdf, ppf) from Fixtures/distributions.json.
/// Quantiles to 1e-10 relative (the bar); cdf/sf to 1e-11 relative even 1e-12 deep in the
/// tails, which is where the incomplete-beta formulation earns its keep.
@Suite struct StudentTTests {
    struct Case: Decodable {
        let df: Double
        let points, cdf, sf, pdf, probabilities, ppf: [Double]
    }
    struct File: Decodable { let studentT: [Case] }

    static let cases = (try? Fixture.load(File.self, from: "distributions.json").studentT) ?? []

    @Test func fixtureIsPresent() { #expect(Self.cases.count == 8) }

    @Test(arguments: cases)
    func cdfSurvivalAndDensityMatchScipy(c: Case) {
        let t = StudentT(degreesOfFreedom: c.df)
        for (i, x) in c.points.enumerated() {
            #expect(relativelyClose(t.cdf(x), c.cdf[i], 1e-11), "df \(c.df) cdf(\(x)) = \(t.cdf(x)) vs \(c.cdf[i])")
            #expect(relativelyClose(t.survival(x), c.sf[i], 1e-11), "df \(c.df) sf(\(x)) = \(t.survival(x)) vs \(c.sf[i])")
            #expect(relativelyClose(t.pdf(x), c.pdf[i], 1e-11), "df \(c.df) pdf(\(x))")
        }
    }

    @Test(arguments: cases)
    func quantileMatchesScipyTo1e10(c: Case) {
        let t = StudentT(degreesOfFreedom: c.df)
        for (i, p) in c.probabilities.enumerated() {
            let q = t.quantile(p)
            #expect(abs(q - c.ppf[i]) <= 1e-10 * max(abs(c.ppf[i]), 1e-300), "df \(c.df) ppf(\(p)) = \(q) vs \(c.ppf[i])")
        }
    }

    @Test func edges() {
        let t = StudentT(degreesOfFreedom: 4)
        #expect(t.quantile(0) == -.infinity && t.quantile(1) == .infinity)
        #expect(t.quantile(0.5) == 0 && t.quantile(2).isNaN)
        #expect(t.cdf(.infinity) == 1 && t.cdf(-.infinity) == 0)
        #expect(StudentT(degreesOfFreedom: 0).cdf(1).isNaN)
        #expect(StudentT(degreesOfFreedom: 3).cdf(.nan).isNaN)
        #expect(abs(StudentT(degreesOfFreedom: .infinity).quantile(0.975) - 1.959963984540054) < 1e-12)
    }
}

extension StudentTTests.Case: CustomTestStringConvertible {
    var testDescription: String { "df=\(df)" }
}
