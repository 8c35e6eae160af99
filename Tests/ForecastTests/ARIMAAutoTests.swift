import Foundation
import Testing
import Forecast

/// statsforecast's `auto_arima_f` searches on real series, with the models each visited
/// (Fixtures/make_arima_fixtures.py).
struct AutoARIMAFixtureCase: Decodable, CustomTestStringConvertible, Sendable {
    struct Visit: Decodable, Sendable {
        let order: [Int]
        let seasonal_order: [Int]
        let constant: Bool
        /// nil when the fit failed or was rejected (infinite criterion).
        let ic: Double?
    }
    struct Search: Decodable, Sendable {
        let visited: [Visit]
        let refits: [Visit]
        let order: [Int]
        let seasonal_order: [Int]
        let coef: [String: Double]
        let aicc: Double
        let loglik: Double
    }
    let name: String
    let period: Int
    let series: [Double]
    let ndiffs: Int
    let nsdiffs: Int
    /// auto.arima's rule: CSS approximation when n > 150 or the period exceeds 12.
    let `default`: Search
    /// approximation=False, the default of statsforecast's `AutoARIMA` class.
    let exact: Search

    var testDescription: String { name }

    static func load() -> [AutoARIMAFixtureCase] {
        guard let url = Bundle.module.url(forResource: "arima_auto", withExtension: "json", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url),
              let cases = try? JSONDecoder().decode([AutoARIMAFixtureCase].self, from: data) else { return [] }
        return cases
    }
}

private let autoCases = AutoARIMAFixtureCase.load()

@Suite("Auto-ARIMA against statsforecast")
struct ARIMAAutoTests {
    @Test func fixturesLoad() {
        #expect(autoCases.count == 5)
    }

    @Test(arguments: autoCases)
    func differencingOrdersMatch(_ c: AutoARIMAFixtureCase) {
        #expect(Stationarity.differencingOrder(
            c.period > 1 && c.nsdiffs > 0 ? ((try? Stationarity.difference(c.series, lag: c.period)) ?? []) : c.series)
            == c.exact.order[1])
        if c.period > 1 {
            #expect(Stationarity.seasonalDifferencingOrder(c.series, period: c.period) == c.nsdiffs)
        }
    }

    /// The two searches visit the same models in the same order. The one exception is the raw
    /// airline series, where at ARIMA(2,1,1)(0,1,0)[12] our optimiser reaches AICc 1018.17 and
    /// statsforecast's stops at 1026.22; that model then wins our search, and the paths part.
    @Test(arguments: autoCases)
    func searchesVisitTheSameModels(_ c: AutoARIMAFixtureCase) throws {
        for (reference, approximation) in [(c.default, Bool?.none), (c.exact, false)] {
            let search = try AutoARIMA(seasonalPeriod: c.period, approximation: approximation).search(c.series)
            let ours = search.candidates
            let common = c.name == "air" ? 11 : reference.visited.count
            if c.name != "air" { #expect(ours.count == reference.visited.count, "\(c.name)") }
            for (mine, theirs) in zip(ours.prefix(common), reference.visited) {
                #expect([mine.order.p, mine.order.d, mine.order.q] == theirs.order, "\(c.name)")
                #expect([mine.seasonalOrder.p, mine.seasonalOrder.d, mine.seasonalOrder.q] == Array(theirs.seasonal_order.prefix(3)), "\(c.name)")
                #expect(mine.includeConstant == theirs.constant, "\(c.name)")
            }
            if c.name == "air", let divergence = ours.dropFirst(10).first, let theirs = reference.visited.last {
                #expect(divergence.criterion < (theirs.ic ?? .infinity) - 5)
            }
        }
    }

    /// Under the CSS approximation both rank by the same conditional sums of squares: criteria agree
    /// to the 4 decimals statsforecast prints, up to the constant offset (statsforecast's differs
    /// from auto.arima's formula for d > 0; a constant shift does not change the ranking).
    @Test(arguments: autoCases)
    func approximateCriteriaAgree(_ c: AutoARIMAFixtureCase) throws {
        let search = try AutoARIMA(seasonalPeriod: c.period).search(c.series)
        guard search.approximated else { return }
        let pairs = zip(search.candidates, c.default.visited).compactMap { mine, theirs -> (Double, Double)? in
            guard let ic = theirs.ic, mine.criterion.isFinite else { return nil }
            return (mine.criterion, ic)
        }
        let first = try #require(pairs.first)
        for (mine, theirs) in pairs {
            #expect(abs((mine - first.0) - (theirs - first.1)) < 2e-4, "\(c.name)")
        }
    }

    /// Under exact likelihood our criterion for each model both searches fitted is never worse than
    /// statsforecast's by more than 1e-3, except on sunspots: there statsforecast's reported
    /// log-likelihoods are 0.45 above the exact likelihood of its own estimates (statsmodels' exact
    /// likelihood at statsforecast's ARIMA(2,1,3) coefficients is −1280.4776, statsforecast reports
    /// −1280.0233), so the comparison is made on the final model at equal likelihood below.
    /// Where statsforecast's criterion is better than the exact optimum, statsmodels' SARIMAX
    /// decides: its AICc is recorded here and ours must match it.
    @Test(arguments: autoCases)
    func exactCriteriaNoWorse(_ c: AutoARIMAFixtureCase) throws {
        guard c.name != "sunspots" else { return }
        // statsmodels SARIMAX(0,1,1)(0,1,0,12) on log air passengers: AICc −449.88459 (statsforecast −449.8856).
        let statsmodels: [String: [String: Double]] = ["log_air": ["(0,1,1)(0,1,0)": -449.8845903]]
        let search = try AutoARIMA(seasonalPeriod: c.period, approximation: false).search(c.series)
        let common = c.name == "air" ? 11 : c.exact.visited.count
        var betterOrEqual = 0, both = 0
        var worse: [String] = []
        for (mine, theirs) in zip(search.candidates.prefix(common), c.exact.visited) {
            guard let ic = theirs.ic, mine.criterion.isFinite else { continue }
            both += 1
            let key = "\(mine.order)(\(mine.seasonalOrder.p),\(mine.seasonalOrder.d),\(mine.seasonalOrder.q))"
            if mine.criterion <= ic + 1e-3 {
                betterOrEqual += 1
            } else if let reference = statsmodels[c.name]?[key], abs(mine.criterion - reference) < 1e-5 {
                betterOrEqual += 1
            } else {
                worse.append("\(key): \(mine.criterion) against \(ic)")
            }
        }
        #expect(both > 0 && betterOrEqual == both, "\(c.name): \(betterOrEqual) of \(both); worse: \(worse)")
    }

    /// The selected model's AICc is at most that of statsforecast's selection, both computed with our
    /// exact likelihood (statsforecast's at its own coefficients, σ² concentrated), to 1e-3.
    @Test(arguments: autoCases)
    func selectionNoWorseThanStatsforecast(_ c: AutoARIMAFixtureCase) throws {
        for (reference, approximation) in [(c.default, Bool?.none), (c.exact, false)] {
            let best = try AutoARIMA(seasonalPeriod: c.period, approximation: approximation).fit(c.series)
            let o = reference.order, so = reference.seasonal_order
            let constant = reference.coef["intercept"] ?? reference.coef["drift"]
            let spec = ARIMA(order: (o[0], o[1], o[2]), seasonalOrder: (so[0], so[1], so[2], max(1, so[3])),
                             includeConstant: constant != nil)
            func coefficients(_ prefix: String, _ count: Int) -> [Double] {
                (0..<count).map { reference.coef["\(prefix)\($0 + 1)"] ?? .nan }
            }
            let llf = try spec.logLikelihood(of: c.series, ar: coefficients("ar", o[0]), ma: coefficients("ma", o[2]),
                                             seasonalAR: coefficients("sar", so[0]), seasonalMA: coefficients("sma", so[2]),
                                             constant: constant ?? 0)
            let k = Double(o[0] + o[2] + so[0] + so[2] + (constant == nil ? 0 : 1) + 1)
            let n = Double(c.series.count - o[1] - so[1] * so[3])
            let theirs = -2 * llf + 2 * k + 2 * k * (k + 1) / (n - k - 1)
            #expect(best.aicc <= theirs + 1e-3, "\(c.name): ours \(best.name) \(best.aicc), statsforecast's \(theirs)")
            if c.name != "air" {
                #expect([best.specification.order.p, best.specification.order.d, best.specification.order.q] == o)
                #expect(best.specification.seasonalOrder.p == so[0] && best.specification.seasonalOrder.q == so[2])
            }
        }
    }
}
