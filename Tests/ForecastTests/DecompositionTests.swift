import Testing
@testable import Forecast

/// Classical decomposition and STL against statsmodels' `seasonal_decompose(extrapolate_trend=
/// 'freq')` and `STL` on the airline passengers and Mauna Loa CO2 series
/// (forecast_decomposition.json). Both are ports of the same arithmetic, so the tolerance is
/// rounding: 1e-9 relative to the series' scale.
struct DecompositionTests {
    static func series(_ fixture: Fixture, _ name: String) -> [Double] { fixture.doubles(name) }

    @Test(arguments: 0..<4)
    func classicalMatchesStatsmodels(_ index: Int) throws {
        let fixture = try Fixture("forecast_decomposition")
        let row = fixture.objects("classical")[index]
        let y = fixture.doubles(row.string("series"))
        let model: Decomposition.Model = row.string("model") == "multiplicative" ? .multiplicative : .additive
        let d = try ClassicalDecomposition.decompose(y, period: row.int("period"), model: model)
        let scale = y.map(abs).max() ?? 1
        #expect(maxAbsDifference(d.trend, row.doubles("trend")) < 1e-9 * scale)
        #expect(maxAbsDifference(d.seasonal, row.doubles("seasonal")) < 1e-9 * scale)
        #expect(maxAbsDifference(d.residual, row.doubles("resid")) < 1e-9 * scale)
        #expect(!d.trend.contains { $0.isNaN })
    }

    @Test(arguments: 0..<4)
    func stlMatchesStatsmodels(_ index: Int) throws {
        let fixture = try Fixture("forecast_decomposition")
        let row = fixture.objects("stl")[index]
        let y = fixture.doubles(row.string("series"))
        let stl = try STL(period: row.int("period"), seasonal: row.int("seasonal_length"), robust: row.bool("robust"))
        let d = try stl.decompose(y)
        let scale = y.map(abs).max() ?? 1
        #expect(maxAbsDifference(d.trend, row.doubles("trend")) < 1e-9 * scale)
        #expect(maxAbsDifference(d.seasonal, row.doubles("seasonal")) < 1e-9 * scale)
        #expect(maxAbsDifference(d.residual, row.doubles("resid")) < 1e-9 * scale)
        #expect(maxAbsDifference(d.weights, row.doubles("weights")) < 1e-9)
    }

    @Test func stlWithJumpsStaysCloseToTheFullSmooth() throws {
        let y = try Fixture("forecast_decomposition").doubles("air")
        let full = try STL(period: 12).decompose(y)
        let jumped = try STL(period: 12, seasonalJump: 2, trendJump: 3, lowPassJump: 2).decompose(y)
        #expect(maxAbsDifference(full.trend, jumped.trend) < 5)
        let scale = y.max() ?? 1
        #expect(maxAbsDifference(zip(jumped.trend, jumped.seasonal).map { $0 + $1 }, zip(full.trend, full.seasonal).map { $0 + $1 }) < 0.05 * scale)
    }

    @Test func constantSeriesHasFlatComponents() throws {
        let y = [Double](repeating: 10, count: 36)
        let classical = try ClassicalDecomposition.decompose(y, period: 12)
        #expect(classical.trend.allSatisfy { abs($0 - 10) < 1e-12 })
        #expect(classical.seasonal.allSatisfy { abs($0) < 1e-12 })
        let multiplicative = try ClassicalDecomposition.decompose(y, period: 12, model: .multiplicative)
        #expect(multiplicative.seasonal.allSatisfy { abs($0 - 1) < 1e-12 })
        let stl = try STL(period: 12, robust: true).decompose(y)
        #expect(stl.trend.allSatisfy { abs($0 - 10) < 1e-9 })
        #expect(stl.seasonal.allSatisfy { abs($0) < 1e-9 })
        // Residuals are rounding noise, so the weights are defined but arbitrary in [0, 1].
        #expect(stl.weights.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(classical.seasonalStrength.isNaN)
    }

    @Test func seasonalStrengthIsHighForAirPassengers() throws {
        let y = try Fixture("forecast_decomposition").doubles("air")
        let d = try STL(period: 12).decompose(y)
        #expect(d.seasonalStrength > 0.9)
        #expect(zip(d.seasonallyAdjusted, y).allSatisfy { $0.0.isFinite && $0.1 > 0 })
    }

    @Test func badInputThrows() {
        let short = [Double](repeating: 1, count: 20)
        #expect(throws: ForecastError.tooShort(count: 20, needed: 24, method: "Classical decomposition")) {
            try ClassicalDecomposition.decompose(short, period: 12)
        }
        #expect(throws: ForecastError.tooShort(count: 20, needed: 24, method: "STL")) { try STL(period: 12).decompose(short) }
        #expect(throws: ForecastError.nonFinite(positions: [3])) {
            try STL(period: 2).decompose([1, 2, 3, .nan, 5, 6])
        }
        #expect(throws: ForecastError.self) { try ClassicalDecomposition.decompose([1, 0, 2, 3, 4, 5], period: 2, model: .multiplicative) }
        #expect(throws: ForecastError.self) { try STL(period: 1) }
        #expect(throws: ForecastError.self) { try STL(period: 12, seasonal: 8) }
        #expect(throws: ForecastError.self) { try STL(period: 12, trend: 11) }
        #expect(throws: ForecastError.self) { try ClassicalDecomposition.decompose([1, 2, 3, 4], period: 1) }
    }

    @Test func oddPeriodUsesPlainAverage() throws {
        let y: [Double] = [1, 5, 3, 2, 6, 4, 3, 7, 5, 4, 8, 6]
        let d = try ClassicalDecomposition.decompose(y, period: 3)
        #expect(abs(d.trend[1] - 3) < 1e-12)
        #expect(abs(d.trend[5] - (6 + 4 + 3.0) / 3) < 1e-12)
        #expect(abs(d.seasonal[0] + d.seasonal[1] + d.seasonal[2]) < 1e-12)
    }
}
