import Foundation
import Testing
import Forecast

/// statsmodels' acf, pacf(method="ldb") and kpss on real series (Fixtures/make_arima_fixtures.py).
struct StationarityFixtureCase: Decodable, CustomTestStringConvertible, Sendable {
    struct KPSS: Decodable, Sendable { let lags: Int?; let statistic: Double; let p_value: Double }
    let name: String
    let series: [Double]
    let acf: [Double]
    let pacf_ldb: [Double]
    let kpss: KPSS
    let kpss_diff: KPSS
    let seasonal_difference_12: [Double]

    var testDescription: String { name }

    static func load() -> [StationarityFixtureCase] {
        guard let url = Bundle.module.url(forResource: "arima_stationarity", withExtension: "json", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url),
              let cases = try? JSONDecoder().decode([StationarityFixtureCase].self, from: data) else { return [] }
        return cases
    }
}

private let stationarityCases = StationarityFixtureCase.load()

@Suite("Stationarity: differencing, ACF/PACF, KPSS")
struct StationarityTests {
    @Test func fixturesLoad() {
        #expect(stationarityCases.count == 4)
    }

    /// Both are sums of products in the same order as numpy's; 1e-10 leaves room for the order of
    /// summation only.
    @Test(arguments: stationarityCases)
    func autocorrelationsMatchStatsmodels(_ c: StationarityFixtureCase) throws {
        let acf = try Stationarity.autocorrelation(c.series, maxLag: 20)
        let pacf = try Stationarity.partialAutocorrelation(c.series, maxLag: 20)
        #expect(acf.count == 21 && pacf.count == 21)
        for (mine, theirs) in zip(acf, c.acf) { #expect(abs(mine - theirs) < 1e-10) }
        for (mine, theirs) in zip(pacf, c.pacf_ldb) { #expect(abs(mine - theirs) < 1e-10) }
    }

    @Test(arguments: stationarityCases)
    func kpssMatchesStatsmodels(_ c: StationarityFixtureCase) throws {
        let test = try Stationarity.kpss(c.series)
        #expect(test.lags == c.kpss.lags)
        #expect(abs(test.statistic - c.kpss.statistic) < 1e-10 * max(1, c.kpss.statistic))
        #expect(abs(test.pValue - c.kpss.p_value) < 1e-12)
        let differenced = try Stationarity.kpss(Stationarity.difference(c.series))
        #expect(abs(differenced.statistic - c.kpss_diff.statistic) < 1e-10 * max(1, c.kpss_diff.statistic))
        #expect(abs(differenced.pValue - c.kpss_diff.p_value) < 1e-12)
    }

    @Test(arguments: stationarityCases)
    func seasonalDifference(_ c: StationarityFixtureCase) throws {
        let d = try Stationarity.difference(c.series, lag: 12)
        #expect(d.count == c.seasonal_difference_12.count)
        for (mine, theirs) in zip(d, c.seasonal_difference_12) { #expect(abs(mine - theirs) < 1e-12 * max(1, abs(theirs))) }
    }

    @Test func differencingOrders() throws {
        let twice = try Stationarity.difference([1, 4, 9, 16, 25], order: 2)
        #expect(twice == [2, 2, 2])
        #expect(try Stationarity.difference([1, 2], lag: 3) == [])
        #expect(try Stationarity.difference([1, 2, 3], order: 0) == [1, 2, 3])
        #expect(throws: ForecastError.self) { try Stationarity.difference([1, 2, 3], lag: 0) }
    }

    @Test func autocorrelationEdgeCases() throws {
        #expect(throws: ForecastError.self) { try Stationarity.autocorrelation([], maxLag: 0) }
        #expect(throws: ForecastError.self) { try Stationarity.autocorrelation([1], maxLag: 0) }
        #expect(throws: ForecastError.self) { try Stationarity.autocorrelation([1, .nan, 3], maxLag: 1) }
        #expect(throws: ForecastError.self) { try Stationarity.autocorrelation([1, 2, 3], maxLag: 3) }
        let constant = try Stationarity.autocorrelation([5, 5, 5, 5], maxLag: 2)
        #expect(constant[0] == 1 && constant[1].isNaN && constant[2].isNaN)
        let pacf = try Stationarity.partialAutocorrelation([0, 0, 0, 0], maxLag: 2)
        #expect(pacf[0] == 1 && pacf[1].isNaN)
    }

    @Test func kpssEdgeCases() throws {
        #expect(throws: ForecastError.self) { try Stationarity.kpss([1, 2]) }
        #expect(throws: ForecastError.self) { try Stationarity.kpss([1, 2, .infinity, 4]) }
        #expect(throws: ForecastError.self) { try Stationarity.kpss([1, 2, 3, 4], lags: 4) }
        let constant = try Stationarity.kpss([3, 3, 3, 3, 3])
        #expect(constant.statistic == 0 && constant.pValue == 0.10)
        // A huge statistic clips at the table's 1% end; a tiny one at 10%.
        let trend = try Stationarity.kpss((0..<200).map(Double.init))
        #expect(trend.pValue == 0.01 && trend.rejectsStationarity())
    }

    @Test func differencingOrderEdgeCases() {
        #expect(Stationarity.differencingOrder([]) == 0)
        #expect(Stationarity.differencingOrder([7, 7, 7, 7]) == 0)
        #expect(Stationarity.differencingOrder([1, 2]) == 0)
        // A straight line: one difference leaves a constant.
        #expect(Stationarity.differencingOrder((0..<100).map { 3 + 2 * Double($0) }) == 1)
        #expect(Stationarity.seasonalDifferencingOrder([1, 2, 3], period: 12) == 0)
        #expect(Stationarity.seasonalDifferencingOrder([Double](repeating: 4, count: 60), period: 12) == 0)
        let pure = (0..<60).map { Double([5, 1, 3, 9][$0 % 4]) }
        #expect(Stationarity.seasonalStrength(pure, period: 4) > 0.99)
        #expect(Stationarity.seasonalDifferencingOrder(pure, period: 4) == 1)
        #expect(Stationarity.seasonalStrength(pure, period: 1) == 0)
    }
}
