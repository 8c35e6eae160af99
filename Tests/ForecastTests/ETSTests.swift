import Foundation
import Testing
@testable import Forecast

/// ETS against statsmodels' `ETSModel` (forecast_ets.json).
struct ETSTests {
    /// Indices of the fixture's cases (a constant so that the arguments are known before loading).
    static let cases = Array(0..<12)

    static func load(_ c: Int) throws -> (spec: ETSSpecification, y: [Double], row: [String: Any]) {
        let fixture = try Fixture("forecast_ets")
        let rows = fixture.objects("cases")
        try #require(rows.count == cases.count)
        let row = rows[c]
        let series = try #require(fixture["series"] as? [String: Any])
        let y = series.doubles(row.string("series"))
        let error: ETSSpecification.ErrorType = row.string("error") == "mul" ? .multiplicative : .additive
        let trend: ETSSpecification.TrendType = row.string("trend") == "none" ? .none : (row.bool("damped") ? .damped : .additive)
        let season: ETSSpecification.SeasonType = ["none": .none, "add": .additive, "mul": .multiplicative][row.string("seasonal")] ?? .none
        let spec = try ETSSpecification(error: error, trend: trend, season: season, period: row.int("period"))
        return (spec, y, row)
    }

    /// statsmodels' internal vector (α, β, γ, φ, ℓ, b, s₋₁…s₋ₘ) as our parameters.
    static func referenceParameters(_ row: [String: Any], _ spec: ETSSpecification) -> ETSParameters {
        let p = row.doubles("internal_params")
        let seasonal = spec.hasSeason ? Array(p[6..<(6 + spec.period)].reversed()) : []
        return ETSParameters(alpha: p[0], beta: p[1], gamma: p[2], phi: p[3], initialLevel: p[4],
                             initialTrend: p[5], initialSeasonal: seasonal)
    }

    /// The recursion and likelihood are the same function as statsmodels': at its parameters we get
    /// its log-likelihood, information criteria, fitted values and point forecasts to rounding.
    @Test(arguments: cases)
    func likelihoodAtReferenceParameters(_ c: Int) throws {
        let (spec, y, row) = try Self.load(c)
        let fit = try ETSFit(specification: spec, parameters: Self.referenceParameters(row, spec), series: y)
        #expect(abs(fit.logLikelihood - row.double("llf")) < 1e-7 * abs(row.double("llf")))
        #expect(abs(fit.aicc - row.double("aicc")) < 1e-6 * abs(row.double("aicc")))
        #expect(fit.degreesOfFreedom == row.int("df_model"))
        #expect(maxRelativeDifference(fit.fitted, row.doubles("fitted")) < 1e-9)
        // statsmodels' intervals use σ² = SSE/n (its `mse`); ours default to SSE/(n − k).
        let forecast = try fit.forecast(horizon: 12, levels: [0.8, 0.95], seed: 42, paths: 5000, innovationVariance: fit.mse)
        #expect(maxRelativeDifference(forecast.mean, row.doubles("forecast")) < 1e-9)
        if row.string("interval_method") == "exact" {
            // Closed-form variance: identical formulas, so rounding-level agreement.
            let i95 = try #require(forecast.interval(level: 0.95))
            #expect(maxRelativeDifference(i95.lower, row.doubles("lower95")) < 1e-9)
            #expect(maxRelativeDifference(i95.upper, row.doubles("upper95")) < 1e-9)
        } else {
            // Simulated: 5000 of our paths against 4000 of statsmodels', different generators. The
            // Monte Carlo error of a 2.5% quantile is about 1% of the interval's half-width here.
            for level in [0.8, 0.95] {
                let interval = try #require(forecast.interval(level: level))
                let key = level == 0.8 ? "80" : "95"
                let lower = row.doubles("lower" + key), upper = row.doubles("upper" + key)
                for h in 0..<12 {
                    let width = upper[h] - lower[h]
                    #expect(abs(interval.lower[h] - lower[h]) < 0.06 * width)
                    #expect(abs(interval.upper[h] - upper[h]) < 0.06 * width)
                }
            }
        }
    }

    /// Maximum likelihood: optimisers differ, so parameters need not agree, but our optimum must be
    /// no worse than statsmodels' L-BFGS-B optimum by more than 1e-3, and forecasts must be close.
    @Test(arguments: cases)
    func fitIsNoWorseThanStatsmodels(_ c: Int) throws {
        let (spec, y, row) = try Self.load(c)
        let fit = try ETS(spec).fit(y)
        let reference = row.double("llf")
        #expect(fit.logLikelihood >= reference - 1e-3, "\(spec): llf \(fit.logLikelihood) vs statsmodels \(reference)")
        let forecast = try fit.forecast(horizon: 12, levels: [])
        // Where both optimisers reach the same optimum the forecasts agree closely; where ours is
        // better (a higher likelihood) the parameters move and only a loose check is meaningful.
        let tolerance = fit.logLikelihood - reference < 0.01 ? 0.01 : 0.1
        #expect(maxRelativeDifference(forecast.mean, row.doubles("forecast")) < tolerance,
                "\(spec): llf \(fit.logLikelihood) vs \(reference)")
    }
}

/// AutoETS chooses by AICc among the admissible models.
struct AutoETSTests {
    @Test func choosesTheSmallestAICcOnAirPassengers() throws {
        let air = try Fixture("forecast_decomposition").doubles("air")
        let auto = AutoETS(period: 12)
        let ranked = try auto.rankedFits(air)
        let best = try #require(ranked.first)
        let specs = auto.candidates(for: air)
        #expect(specs.count == 15)
        #expect(ranked.count == 15)
        #expect(!specs.contains { $0.error == .additive && $0.season == .multiplicative })
        #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.aicc <= $1.aicc })
        // Each ranked fit is the maximum-likelihood fit of its specification.
        let dampedAdditive = try #require(ranked.first { $0.specification.description == "ETS(A,Ad,A)" })
        #expect(abs(dampedAdditive.logLikelihood - (try ETS(dampedAdditive.specification).fit(air)).logLikelihood) < 1e-9)
        // statsmodels' best fit in the fixture (ETS(M,A,M), AICc 1086.45) is beaten or matched.
        #expect(best.specification.season == .multiplicative)
        #expect(best.aicc <= 1086.452 + 1e-3)
        let forecast = try best.forecast(horizon: 12, levels: [0.8])
        #expect(forecast.intervals[0].lower.allSatisfy { $0 > 300 })
        // The Forecaster entry point names the chosen model.
        let nile = try #require(try Fixture("forecast_ets")["series"] as? [String: Any]).doubles("nile")
        let nonSeasonal = AutoETS()
        #expect(try nonSeasonal.forecast(nile, horizon: 3, levels: []).model == (try nonSeasonal.fit(nile)).name)
    }

    @Test func nonPositiveDataExcludesMultiplicativeModels() throws {
        let y = (0..<40).map { Double($0 % 5) - 1 }
        let specs = AutoETS(period: 4).candidates(for: y)
        #expect(specs.allSatisfy { $0.error == .additive && $0.season != .multiplicative })
        #expect(specs.count == 6)
        // Weekly data with a yearly period gets seasonal candidates (R's `ets` would drop m > 24)
        // unless the caller limits the period, and then the fit says so.
        let weekly: [Double] = (0..<120).map { (t: Int) -> Double in 10 + Double(t % 52) + Double(t % 7) / 10 }
        #expect(AutoETS(period: 52).candidates(for: weekly).contains { $0.season == .additive })
        var limited = AutoETS(period: 52)
        limited.maxSeasonalPeriod = 24
        #expect(limited.candidates(for: weekly).allSatisfy { $0.season == .none })
        let limitedFit = try limited.fit(weekly)
        #expect(limitedFit.seasonalityDropped == .periodAboveLimit(period: 52, limit: 24))
    }

    @Test func simulatedIntervalsAreSeededAndNested() throws {
        let air = try Fixture("forecast_decomposition").doubles("air")
        let fit = try ETS(error: .multiplicative, trend: .additive, season: .multiplicative, period: 12).fit(air)
        let a = try fit.forecast(horizon: 6, levels: [0.5, 0.9], seed: 1)
        let b = try fit.forecast(horizon: 6, levels: [0.5, 0.9], seed: 1)
        let c = try fit.forecast(horizon: 6, levels: [0.5, 0.9], seed: 2)
        #expect(a == b)
        #expect(a != c)
        let inner = try #require(a.interval(level: 0.5)), outer = try #require(a.interval(level: 0.9))
        for h in 0..<6 {
            #expect(outer.lower[h] < inner.lower[h] && inner.lower[h] < a.mean[h] && a.mean[h] < inner.upper[h] && inner.upper[h] < outer.upper[h])
        }
    }
}
