import Foundation
import Testing
import Forecast

/// A synthetic aggregate and statsmodels' fits of its log-linear trend and Fourier regression for
/// every K (Fixtures/make_profile_fixtures.py).
struct SeasonalProfileFixture: Decodable, Sendable {
    struct Fit: Decodable, Sendable {
        let harmonics: Int
        let aicc: Double
        let coefficients: [Double]
    }
    let first_week_start: Int
    let aggregate: [Double]
    let fits: [Fit]
    let chosen_harmonics: Int
    /// The chosen fit's factors for the 96 weeks and 8 more.
    let factors: [Double]
    /// The shape the aggregate was made with, normalised the same way.
    let true_factors: [Double]

    static func load() throws -> SeasonalProfileFixture {
        let url = try #require(Bundle.module.url(forResource: "seasonal_profile", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(SeasonalProfileFixture.self, from: Data(contentsOf: url))
    }
}

@Suite("Seasonal profiles")
struct SeasonalProfileTests {
    @Test func matchesStatsmodelsForEveryK() throws {
        let fixture = try SeasonalProfileFixture.load()
        for fit in fixture.fits {
            let profile = try SeasonalProfile(aggregate: fixture.aggregate, firstWeekStart: fixture.first_week_start, harmonics: fit.harmonics)
            // QR against statsmodels' pinv: both exact to rounding on a well-conditioned design.
            #expect(abs(profile.aicc - fit.aicc) < 1e-7, "K = \(fit.harmonics)")
            for (a, b) in zip(profile.coefficients, fit.coefficients) { #expect(abs(a - b) < 1e-8, "K = \(fit.harmonics)") }
        }
    }

    @Test func aiccChoosesTheSameKAndFactors() throws {
        let fixture = try SeasonalProfileFixture.load()
        let profile = try SeasonalProfile(aggregate: fixture.aggregate, firstWeekStart: fixture.first_week_start)
        #expect(profile.harmonics == fixture.chosen_harmonics)
        #expect(profile.weeksUsed == 96)
        let factors = profile.factors(firstWeekStart: fixture.first_week_start, count: fixture.factors.count)
        for (a, b) in zip(factors, fixture.factors) { #expect(abs(a / b - 1) < 1e-9) }
    }

    @Test func recoversAKnownYearlyShapeFrom96Weeks() throws {
        let fixture = try SeasonalProfileFixture.load()
        let profile = try SeasonalProfile(aggregate: fixture.aggregate, firstWeekStart: fixture.first_week_start)
        let factors = profile.factors(firstWeekStart: fixture.first_week_start, count: fixture.true_factors.count)
        // Weekly noise is 4% (log sd 0.04) and the weeks of November and December are seen once in
        // 96 weeks, so a factor there carries about one week's noise; with the truncation of the
        // Christmas peak to K pairs, 10% bounds the error of every week (the fixture's is 6.9%).
        for (week, (estimate, truth)) in zip(factors, fixture.true_factors).enumerated() {
            #expect(abs(estimate / truth - 1) < 0.10, "week \(week)")
        }
        // The peak is where it was put: the week holding 20 December.
        let peak = factors.indices.prefix(52).max { factors[$0] < factors[$1] } ?? -1
        #expect(peak == 50)
        #expect(factors[50] > 1.8)
    }

    @Test func factorsAverageOneOverAYear() throws {
        let fixture = try SeasonalProfileFixture.load()
        let profile = try SeasonalProfile(aggregate: fixture.aggregate, firstWeekStart: fixture.first_week_start)
        // Factors a day apart over one year average 1 (to the grid); 52 weekly ones nearly so.
        let year = (0..<365).map { profile.factor(weekStartingOn: fixture.first_week_start + $0 - 3) }
        #expect(abs(year.reduce(0, +) / 365 - 1) < 1e-3)
        let weeks = profile.factors(firstWeekStart: fixture.first_week_start, count: 52)
        #expect(abs(weeks.reduce(0, +) / 52 - 1) < 0.02)
    }

    @Test func aConstantAggregateHasAFlatProfile() throws {
        let profile = try SeasonalProfile(aggregate: [Double](repeating: 100, count: 60), firstWeekStart: 19359)
        #expect(profile.factors(firstWeekStart: 19359, count: 60).allSatisfy { abs($0 - 1) < 1e-9 })
        #expect(SeasonalProfile.flat.factor(weekStartingOn: 12345) == 1)
    }

    @Test func badAggregatesGiveClearErrors() {
        #expect(throws: SeasonalProfileError.tooShort(weeks: 51, needed: 52)) {
            try SeasonalProfile(aggregate: [Double](repeating: 5, count: 51), firstWeekStart: 0)
        }
        #expect(throws: SeasonalProfileError.tooFewPositiveWeeks(positive: 0, needed: 72)) {
            try SeasonalProfile(aggregate: [Double](repeating: 0, count: 96), firstWeekStart: 0)
        }
        var holes = [Double](repeating: 5, count: 60)
        holes[3] = .nan
        holes[7] = -1
        #expect(throws: SeasonalProfileError.invalidValues(positions: [3, 7])) {
            try SeasonalProfile(aggregate: holes, firstWeekStart: 0)
        }
        #expect(throws: SeasonalProfileError.invalidHarmonics(0)) {
            try SeasonalProfile(aggregate: [Double](repeating: 5, count: 60), firstWeekStart: 0, maxHarmonics: 0)
        }
        #expect(SeasonalProfileError.tooShort(weeks: 51, needed: 52).description.contains("51"))
    }

    @Test func aFewClosedWeeksAreLeftOut() throws {
        let fixture = try SeasonalProfileFixture.load()
        var closed = fixture.aggregate
        closed[51] = 0
        closed[52] = 0
        let profile = try SeasonalProfile(aggregate: closed, firstWeekStart: fixture.first_week_start)
        #expect(profile.weeksUsed == 94)
        #expect(profile.factors(firstWeekStart: fixture.first_week_start, count: 96).allSatisfy { $0.isFinite && $0 > 0 })
    }
}
