import Testing
@testable import Forecast

/// Croston, SBA and TSB against statsforecast's CrostonClassic, CrostonSBA and TSB with fixed
/// parameters (forecast_methods.json): the same recursions, so agreement is to rounding.
struct IntermittentTests {
    static func reference(_ method: String) throws -> (demand: [Double], row: [String: Any]) {
        let fixture = try Fixture("forecast_methods")
        let row = try #require(fixture.objects("intermittent").first { $0.string("method") == method })
        return (fixture.doubles("demand"), row)
    }

    static func checkFitted(_ ours: [Double], _ theirs: [Double]) {
        #expect(ours.count == theirs.count)
        var compared = 0
        for (a, b) in zip(ours, theirs) where b.isFinite {
            #expect(abs(a - b) <= 1e-12 * max(1, abs(b)))
            compared += 1
        }
        #expect(compared > ours.count / 2)
    }

    @Test(arguments: [("croston", Croston.Variant.classic), ("sba", .sba)])
    func crostonMatchesStatsforecast(_ label: String, _ variant: Croston.Variant) throws {
        let (demand, row) = try Self.reference(label)
        let fit = try Croston(variant: variant, smoothing: .fixed(0.1)).fit(demand)
        #expect(abs(fit.rate - row.doubles("mean")[0]) < 1e-12)
        Self.checkFitted(fit.fitted, row.doubles("fitted"))
    }

    @Test func tsbMatchesStatsforecast() throws {
        let (demand, row) = try Self.reference("tsb")
        let fit = try TSB(smoothing: .fixed(0.2, 0.15)).fit(demand)
        #expect(abs(fit.rate - row.doubles("mean")[0]) < 1e-12)
        Self.checkFitted(fit.fitted, row.doubles("fitted"))
    }

    @Test func optimisedSmoothingIsNoWorseInSample() throws {
        let (demand, _) = try Self.reference("croston")
        let fixed = try Croston(smoothing: .fixed(0.1)).fit(demand)
        let tuned = try Croston(smoothing: .optimized).fit(demand)
        #expect(IntermittentSupport.mse(demand, tuned.fitted) <= IntermittentSupport.mse(demand, fixed.fitted) + 1e-12)
        #expect(tuned.smoothing[0] >= 0.01 && tuned.smoothing[0] <= 0.5)
        let tsbFixed = try TSB(smoothing: .fixed(0.1, 0.1)).fit(demand)
        let tsbTuned = try TSB(smoothing: .optimized).fit(demand)
        #expect(IntermittentSupport.mse(demand, tsbTuned.fitted) <= IntermittentSupport.mse(demand, tsbFixed.fitted) + 1e-12)
    }

    @Test func intervalsAreEmpiricalAndNonNegative() throws {
        let (demand, _) = try Self.reference("croston")
        let r = try Croston(variant: .sba).forecast(demand, horizon: 4, levels: [0.5, 0.9])
        let narrow = try #require(r.interval(level: 0.5)), wide = try #require(r.interval(level: 0.9))
        #expect(wide.lower[0] >= 0)
        #expect(wide.lower[0] <= narrow.lower[0] && narrow.upper[0] <= wide.upper[0])
        #expect(Set(wide.upper).count == 1)
        // The band is the rate plus empirical quantiles of the in-sample errors.
        let fit = try Croston(variant: .sba).fit(demand)
        var errors: [Double] = []
        let first = try #require(demand.firstIndex { $0 > 0 })
        for t in (first + 1)..<demand.count { errors.append(demand[t] - fit.fitted[t]) }
        errors.sort()
        let position = 0.95 * Double(errors.count - 1)
        let below = Int(position), fraction = position - Double(below)
        let q95 = errors[below] + (errors[below + 1] - errors[below]) * fraction
        #expect(abs(wide.upper[0] - (fit.rate + q95)) < 1e-12)
    }

    @Test func allZerosForecastZero() throws {
        let zeros = [Double](repeating: 0, count: 20)
        for method in [Croston(), Croston(variant: .sba, smoothing: .optimized), TSB(), TSB(smoothing: .optimized)] as [any Forecaster] {
            let r = try method.forecast(zeros, horizon: 3, levels: [0.9])
            #expect(r.mean == [0, 0, 0])
            #expect(r.intervals[0].upper == [0, 0, 0] && r.intervals[0].lower == [0, 0, 0])
        }
    }

    @Test func tsbDecaysThroughZerosButCrostonDoesNot() throws {
        let y: [Double] = [5, 0, 4, 0, 6, 5] + [Double](repeating: 0, count: 30)
        let croston = try Croston().fit(y)
        let tsb = try TSB(smoothing: .fixed(0.1, 0.1)).fit(y)
        let tsbEarly = try TSB(smoothing: .fixed(0.1, 0.1)).fit(Array(y.prefix(6)))
        #expect(tsb.rate < tsbEarly.rate * 0.1)
        #expect(croston.rate == (try Croston().fit(Array(y.prefix(6)))).rate)
    }

    @Test func badInputThrows() {
        #expect(throws: ForecastError.self) { try Croston().fit([1, -2, 0]) }
        #expect(throws: ForecastError.nonFinite(positions: [2])) { try TSB().fit([1, 0, .nan]) }
        #expect(throws: ForecastError.self) { try Croston().fit([]) }
        #expect(throws: ForecastError.self) { try TSB(smoothing: .fixed(0, 0.1)).fit([1, 0]) }
    }

    @Test func singleDemandPoint() throws {
        let r = try Croston().forecast([0, 0, 4], horizon: 2, levels: [0.8])
        #expect(r.mean == [4.0 / 3.0, 4.0 / 3.0])
        #expect(r.intervals[0].lower == r.mean)
    }
}
