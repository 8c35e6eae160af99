import Testing
@testable import Stats

/// Reference values: statsmodels OLS (params, bse, tvalues, pvalues, rsquared, rsquared_adj, scale,
/// ssr, df_resid) on the committed regression data in Fixtures/ols.json. Tolerance 1e-10 relative:
/// statsmodels solves through a pseudo-inverse, we through Householder QR; both are backward stable
/// on this well-conditioned design, so they agree far below the 1e-10 bar.
@Suite struct OLSTests {
    struct Result: Decodable {
        let params, bse, tvalues, pvalues: [Double]
        let rsquared, rsquaredAdj, scale, ssr, dfResid: Double
    }
    struct File: Decodable {
        let x: [[Double]]
        let y: [Double]
        let intercept: Result
        let noIntercept: Result
    }

    @Test(arguments: [true, false])
    func matchesStatsmodels(intercept: Bool) throws {
        let f = try Fixture.load(File.self, from: "ols.json")
        let expected = intercept ? f.intercept : f.noIntercept
        let fit = try OLS(intercept: intercept).fit(Matrix(rows: f.x), f.y)
        #expect(allClose(fit.coefficients, expected.params, 1e-10))
        #expect(allClose(fit.standardErrors, expected.bse, 1e-10))
        #expect(allClose(fit.tStatistics, expected.tvalues, 1e-10))
        for (p, q) in zip(fit.pValues, expected.pvalues) { #expect(relativelyClose(p, q, 1e-8), "p-value \(p) vs \(q)") }
        #expect(close(fit.rSquared, expected.rsquared, 1e-12))
        #expect(close(fit.adjustedRSquared, expected.rsquaredAdj, 1e-12))
        #expect(close(fit.residualVariance, expected.scale, 1e-12))
        #expect(close(fit.sumOfSquaredResiduals, expected.ssr, 1e-12))
        #expect(Double(fit.residualDegreesOfFreedom) == expected.dfResid)
        let predicted = try fit.predict(Matrix(rows: f.x))
        #expect(allClose(predicted, fit.fittedValues, 1e-12))
    }

    @Test func exactLineIsRecovered() throws {
        let x = try Matrix(rows: [[0], [1], [2], [3]])
        let fit = try OLS().fit(x, [1, 3, 5, 7])
        #expect(close(fit.coefficients[0], 1, 1e-14) && close(fit.coefficients[1], 2, 1e-14))
        #expect(close(fit.rSquared, 1, 1e-14))
    }

    @Test func badInputsThrow() throws {
        let x = try Matrix(rows: [[1, 2], [2, 4], [3, 6], [4, 8]])
        #expect(throws: StatsError.singularMatrix("OLS design")) { try OLS().fit(x, [1, 2, 3, 4]) }
        #expect(throws: StatsError.self) { try OLS().fit(Matrix(rows: [[1.0]]), [1, 2]) }
        #expect(throws: StatsError.self) { try OLS().fit(Matrix(rows: [[1.0], [.nan]]), [1, 2]) }
        #expect(throws: StatsError.self) { try OLS().fit(Matrix(rows: 0, columns: 1), []) }
        #expect(throws: StatsError.self) { try OLS().fit(Matrix(rows: [[1.0]]), [1]) }   // 1 row, 2 coefficients
    }

    @Test func saturatedFitHasNaNInference() throws {
        let fit = try OLS().fit(Matrix(rows: [[1.0], [2]]), [3, 5])
        #expect(close(fit.coefficients[1], 2, 1e-14))
        #expect(fit.residualVariance.isNaN && fit.standardErrors.allSatisfy(\.isNaN))
    }
}
