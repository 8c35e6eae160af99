import Foundation
import Testing
@testable import Forecast

/// Regressions with ARIMA errors fitted by statsmodels (see Fixtures/make_regression_fixtures.py).
struct RegressionFixtureCase: CustomTestStringConvertible, Sendable {
    let name: String
    let series: [Double]
    let order: [Int]
    let columns: [String]
    /// Each regressor over the history and the horizon.
    let regressors: [[Double]]
    let horizon: Int
    let constant: Bool
    let params: [String: Double]
    let referenceConstant: Double
    let llf: Double
    let mean: [Double]
    let lower95: [Double]
    let upper95: [Double]

    var testDescription: String { name }

    static func load() -> [RegressionFixtureCase] {
        guard let fixture = try? Fixture("regression_arima") else { return [] }
        return fixture.objects("cases").map { c in
            let reference = c["reference"] as? [String: Any] ?? [:]
            let names = c["columns"] as? [String] ?? []
            let table = c["regressors"] as? [String: Any] ?? [:]
            let forecast = reference["forecast"] as? [String: Any] ?? [:]
            let interval = forecast.objects("intervals").first { $0.double("level") == 0.95 } ?? [:]
            return RegressionFixtureCase(
                name: c.string("name"), series: c.doubles("series"),
                order: (c["order"] as? [Int]) ?? [],
                columns: names, regressors: names.map { table.doubles($0) },
                horizon: c.int("horizon"), constant: c.bool("constant"),
                params: (reference["params"] as? [String: Any] ?? [:]).compactMapValues { ($0 as? NSNumber)?.doubleValue },
                referenceConstant: reference.double("constant"), llf: reference.double("llf_differenced"),
                mean: forecast.doubles("mean"), lower95: interval.doubles("lower"), upper95: interval.doubles("upper"))
        }
    }

    var spec: ARIMA { ARIMA(order: (order[0], order[1], order[2]), includeConstant: constant) }
    var history: [[Double]] { regressors.map { Array($0.prefix(series.count)) } }
    var future: [[Double]] { regressors.map { Array($0.suffix(horizon)) } }
    var ar: [Double] { (0..<order[0]).map { params["ar.L\($0 + 1)"] ?? .nan } }
    var ma: [Double] { (0..<order[2]).map { params["ma.L\($0 + 1)"] ?? .nan } }
    var beta: [Double] { columns.map { params[$0] ?? .nan } }
}

private let regressionCases = RegressionFixtureCase.load()

@Suite("Regression with ARIMA errors against statsmodels")
struct ARIMARegressionTests {
    @Test func fixturesLoad() {
        #expect(regressionCases.count >= 4)
    }

    /// The maximised likelihood is at least statsmodels' (to 1e-3: both optimisers stop on a flat
    /// top) and not implausibly above it (0.05 would mean a different likelihood, not a better optimum).
    @Test(arguments: regressionCases)
    func likelihoodMatches(_ c: RegressionFixtureCase) throws {
        let fit = try c.spec.fit(c.series, regressors: c.history)
        #expect(fit.logLikelihood >= c.llf - 1e-3, "\(c.name): \(fit.logLikelihood) vs \(c.llf)")
        #expect(fit.logLikelihood - c.llf < 0.05, "\(c.name): \(fit.logLikelihood) vs \(c.llf)")
    }

    /// β agrees to 1% of its standard scale and the ARMA coefficients to 5e-3: near the optimum
    /// the likelihood is flat, so estimates that agree on log L to 1e-3 differ in the third digit.
    @Test(arguments: regressionCases)
    func coefficientsMatch(_ c: RegressionFixtureCase) throws {
        let fit = try c.spec.fit(c.series, regressors: c.history)
        #expect(maxAbsDifference(fit.ar, c.ar) < 5e-3, "\(c.name) AR \(fit.ar) vs \(c.ar)")
        #expect(maxAbsDifference(fit.ma, c.ma) < 5e-3, "\(c.name) MA \(fit.ma) vs \(c.ma)")
        #expect(maxRelativeDifference(fit.regressionCoefficients, c.beta, floor: 0.05) < 1e-2,
                "\(c.name) β \(fit.regressionCoefficients) vs \(c.beta)")
        let constant = fit.mean ?? fit.drift ?? 0
        #expect(abs(constant - c.referenceConstant) <= 1e-2 * max(0.05, abs(c.referenceConstant)),
                "\(c.name) constant \(constant) vs \(c.referenceConstant)")
    }

    /// Forecasts take the future regressors; means and 95% bounds agree to 0.5% of the series'
    /// spread, the effect of coefficient differences at the 1e-3 level over 13 steps.
    @Test(arguments: regressionCases)
    func forecastsMatch(_ c: RegressionFixtureCase) throws {
        let fit = try c.spec.fit(c.series, regressors: c.history)
        let result = try fit.forecast(horizon: c.horizon, regressors: c.future, levels: [0.95])
        let spread = (c.series.max() ?? 0) - (c.series.min() ?? 0)
        let interval = try #require(result.interval(level: 0.95))
        #expect(maxAbsDifference(result.mean, c.mean) < 5e-3 * spread, "\(c.name) mean")
        #expect(maxAbsDifference(interval.lower, c.lower95) < 5e-3 * spread, "\(c.name) lower")
        #expect(maxAbsDifference(interval.upper, c.upper95) < 5e-3 * spread, "\(c.name) upper")
    }
}
