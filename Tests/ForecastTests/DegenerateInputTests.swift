import Testing
@testable import Forecast

/// Degenerate histories never trap: every method gives a defined forecast or a `ForecastError`.
struct DegenerateInputTests {
    static let methods: [any Forecaster] = {
        var list: [any Forecaster] = [Naive(), SeasonalNaive(period: 12), MeanForecast(), MovingAverage(window: 3),
                                      Croston(), Croston(variant: .sba, smoothing: .optimized), TSB(), TSB(smoothing: .optimized),
                                      AutoETS(period: 12), AutoETS()]
        for spec in [(ETSSpecification.ErrorType.additive, ETSSpecification.TrendType.none, ETSSpecification.SeasonType.none),
                     (.multiplicative, .damped, .none), (.additive, .additive, .additive), (.multiplicative, .additive, .multiplicative)] {
            if let ets = try? ETS(error: spec.0, trend: spec.1, season: spec.2, period: 12) { list.append(ets) }
        }
        return list
    }()

    static let histories: [(String, [Double])] = [
        ("empty", []), ("one point", [4]), ("two points", [4, 5]), ("constant", [Double](repeating: 7, count: 40)),
        ("all zeros", [Double](repeating: 0, count: 40)), ("shorter than a season", [3, 4, 5, 6, 5, 4, 3, 4]),
        ("NaN gap", [1, 2, 3, .nan, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]), ("infinite", [1, .infinity, 3]),
        ("huge", (0..<30).map { 1e300 * (1 + 0.1 * Double($0 % 3)) }), ("negative", (0..<30).map { -Double($0) }),
    ]

    @Test(arguments: 0..<histories.count)
    func everyMethodGivesAResultOrAnError(_ index: Int) {
        let (label, y) = Self.histories[index]
        for method in Self.methods {
            do {
                let r = try method.forecast(y, horizon: 5, levels: [0.9])
                #expect(r.mean.count == 5, "\(method.name) on \(label)")
                #expect(r.intervals.count == 1)
                if label != "huge" {
                    #expect(r.mean.allSatisfy { $0.isFinite }, "\(method.name) on \(label): \(r.mean)")
                }
            } catch let error as ForecastError {
                #expect(!error.description.isEmpty)
            } catch {
                Issue.record("\(method.name) on \(label) threw a non-ForecastError: \(error)")
            }
        }
    }

    @Test func constantSeriesForecastsTheConstant() throws {
        let y = [Double](repeating: 7, count: 40)
        for method in [AutoETS(period: 12), try ETS(error: .additive, trend: .damped)] as [any Forecaster] {
            let r = try method.forecast(y, horizon: 3, levels: [0.95])
            #expect(r.mean == [7, 7, 7])
            #expect(r.intervals[0].lower == [7, 7, 7])
        }
        // Fitting (rather than forecasting) a constant series also works and stays finite.
        let fit = try ETS(error: .additive).fit(y)
        #expect(fit.logLikelihood.isFinite)
        #expect(abs((try fit.forecast(horizon: 1, levels: [])).mean[0] - 7) < 1e-6)
    }

    @Test func allZerosAndShortSeries() throws {
        let zeros = [Double](repeating: 0, count: 40)
        #expect(try AutoETS(period: 12).forecast(zeros, horizon: 2, levels: []).mean == [0, 0])
        #expect(throws: ForecastError.self) { try ETS(error: .multiplicative).fit(zeros) }
        // Fewer points than two seasons: seasonal models refuse, AutoETS falls back to non-seasonal ones.
        let short: [Double] = [3, 4, 5, 6, 5, 4, 3, 4, 5, 6, 5, 4, 3, 4, 5]
        #expect(throws: ForecastError.tooShort(count: 15, needed: 24, method: "ETS(A,A,A)")) {
            try ETS(error: .additive, trend: .additive, season: .additive, period: 12).fit(short)
        }
        let auto = try AutoETS(period: 12).fit(short)
        #expect(auto.specification.season == .none)
        #expect(auto.seasonalityDropped == .tooShort(count: 15, needed: 24))
        var strict = AutoETS(period: 12)
        strict.requireSeason = true
        #expect(throws: ForecastError.self) { try strict.fit(short) }
        #expect(throws: ForecastError.tooShort(count: 4, needed: 5, method: "AutoETS")) { try AutoETS().fit([1, 2, 3, 4]) }
        #expect(throws: ForecastError.nonFinite(positions: [1])) { try AutoETS().fit([1, .nan, 3, 4, 5, 6]) }
    }
}
