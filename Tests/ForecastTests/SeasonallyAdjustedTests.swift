import Foundation
import Testing
import Forecast

/// Forecasts the mean of what it is given, with the fixed band mean ± 5, and records the history.
private struct Recorder: Forecaster {
    var name: String { "Recorder" }
    func forecast(_ history: [Double], horizon: Int, levels: [Double]) throws -> ForecastResult {
        let mean = history.reduce(0, +) / Double(history.count)
        let values = [Double](repeating: mean, count: horizon)
        return ForecastResult(model: "Mean(\(history.count))", mean: values,
                              intervals: levels.map { PredictionInterval(level: $0, lower: values.map { $0 - 5 }, upper: values.map { $0 + 5 }) })
    }
}

@Suite("Seasonally adjusted forecasts")
struct SeasonallyAdjustedTests {
    static let monday = 19359  // 2023-01-02

    static func profile() throws -> SeasonalProfile {
        try SeasonalProfile(aggregate: SeasonalProfileFixture.load().aggregate, firstWeekStart: monday)
    }

    @Test func aSeriesThatIsProfileTimesAConstantForecastsProfileTimesTheConstant() throws {
        let profile = try Self.profile()
        let factors = profile.factors(firstWeekStart: Self.monday, count: 104)
        let history = factors.prefix(96).map { 12 * $0 }
        for inner in [Naive(), MeanForecast()] as [any Forecaster] {
            let model = SeasonallyAdjusted(inner, profile: profile, firstWeekStart: Self.monday, label: "network")
            let result = try model.forecast(history, horizon: 8, levels: [0.8, 0.95])
            for h in 0..<8 { #expect(abs(result.mean[h] - 12 * factors[96 + h]) < 1e-9 * factors[96 + h], "\(inner.name), step \(h + 1)") }
            #expect(result.model.hasSuffix(" × network"))
            #expect(model.name == "\(inner.name) × network")
        }
    }

    @Test func prefixesKeepTheirPhase() throws {
        let profile = try Self.profile()
        let factors = profile.factors(firstWeekStart: Self.monday, count: 104)
        let history = factors.prefix(96).map { 3 * $0 }
        let model = SeasonallyAdjusted(Naive(), profile: profile, firstWeekStart: Self.monday, label: "category")
        // A backtest origin at week 44 forecasts weeks 44 to 51 (November and December of the first year).
        let result = try model.forecast(Array(history.prefix(44)), horizon: 8, levels: [])
        for h in 0..<8 { #expect(abs(result.mean[h] - history[44 + h]) < 1e-9 * history[44 + h]) }
        #expect(result.mean.max() ?? 0 > 1.8 * 3)
    }

    @Test func meansAndBoundsAreScaledByTheFactorsAhead() throws {
        let profile = try Self.profile()
        let factors = profile.factors(firstWeekStart: Self.monday, count: 60)
        let history = factors.prefix(52).map { 20 * $0 }
        let model = SeasonallyAdjusted(Recorder(), profile: profile, firstWeekStart: Self.monday, label: "x")
        let result = try model.forecast(history, horizon: 8, levels: [0.8])
        let interval = try #require(result.interval(level: 0.8))
        for h in 0..<8 {
            let f = factors[52 + h]
            #expect(abs(result.mean[h] - 20 * f) < 1e-9)
            #expect(abs(interval.lower[h] - 15 * f) < 1e-9 && abs(interval.upper[h] - 25 * f) < 1e-9)
        }
        #expect(result.model == "Mean(52) × x")
    }

    @Test func aFlatProfileChangesNothingAndErrorsPassThrough() throws {
        let history: [Double] = [4, 0, 3, 0, 0, 5, 2, 0, 0, 6, 0, 1]
        let plain = try Croston(variant: .sba).forecast(history, horizon: 3, levels: [0.9])
        let adjusted = try SeasonallyAdjusted(Croston(variant: .sba), profile: .flat, firstWeekStart: 0, label: "flat")
            .forecast(history, horizon: 3, levels: [0.9])
        #expect(adjusted.mean == plain.mean)
        #expect(adjusted.intervals == plain.intervals)
        #expect(throws: ForecastError.self) {
            try SeasonallyAdjusted(Naive(), profile: .flat, firstWeekStart: 0, label: "flat").forecast([], horizon: 3, levels: [])
        }
        #expect(throws: ForecastError.self) {
            try SeasonallyAdjusted(Naive(), profile: .flat, firstWeekStart: 0, label: "flat").forecast([1, 2], horizon: 0, levels: [])
        }
    }
}
