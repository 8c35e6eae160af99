import Foundation
import Testing
@testable import Forecast

/// A synthetic aggregate and statsmodels' fits of its log-linear trend and Fourier regression for
/// every K (Fixtures/make_profile_fixtures.py).
struct SeasonalProfileFixture: Decodable, Sendable {
    struct Fit: Decodable, Sendable {
        let harmonics: Int
        /// Whether the four year-end windows were regressors.
        let holidays: Bool
        let aicc: Double
        let coefficients: [Double]
        let holiday_coefficients: [Double]
    }
    let first_week_start: Int
    let aggregate: [Double]
    let fits: [Fit]
    let chosen_harmonics: Int
    let chosen_holidays: Bool
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
        #expect(fixture.fits.count == 42)
        for fit in fixture.fits {
            let profile = try SeasonalProfile(aggregate: fixture.aggregate, firstWeekStart: fixture.first_week_start, harmonics: fit.harmonics,
                                              holidays: fit.holidays ? HolidayWindow.yearEnd : [])
            let label = "K = \(fit.harmonics), holidays \(fit.holidays)"
            // QR against statsmodels' pinv: both exact to rounding on a well-conditioned design.
            #expect(abs(profile.aicc - fit.aicc) < 1e-7, "\(label)")
            #expect(profile.coefficients.count == fit.coefficients.count && profile.holidayCoefficients.count == fit.holiday_coefficients.count)
            for (a, b) in zip(profile.coefficients + profile.holidayCoefficients, fit.coefficients + fit.holiday_coefficients) {
                #expect(abs(a - b) < 1e-8, "\(label)")
            }
        }
    }

    @Test func aiccChoosesTheSameKAndFactors() throws {
        let fixture = try SeasonalProfileFixture.load()
        let profile = try SeasonalProfile(aggregate: fixture.aggregate, firstWeekStart: fixture.first_week_start)
        #expect(profile.harmonics == fixture.chosen_harmonics)
        #expect(profile.holidays.isEmpty == !fixture.chosen_holidays)
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

    @Test func holidayWindowsCountTheDaysOfEachWeek() {
        let dec18of2023 = 19709, dec23of2024 = 20080
        // Thanksgiving: 23 November 2023 (19684), 28 November 2024 (20055).
        #expect(HolidayWindow.day(of: .thanksgiving, in: 2023) == 19684)
        #expect(HolidayWindow.day(of: .thanksgiving, in: 2024) == 20055)
        #expect(HolidayWindow.thanksgivingWeek.share(weekStartingOn: 19677) == 1)            // 16 to 22 November 2023
        #expect(HolidayWindow.thanksgivingWeek.share(weekStartingOn: 19681) == 4.0 / 7)      // 20 to 26 November 2023: 20 to 23 in
        #expect(HolidayWindow.blackFridayToDecember10.share(weekStartingOn: 20055 - 3) == 3.0 / 7)  // 2024-11-25: 29 Nov to 1 Dec
        let civil = CivilDay.date(20080)
        #expect(civil.year == 2024 && civil.month == 12 && civil.day == 23)
        #expect(CivilDay.days(year: 2000, month: 2, day: 29) == 11_016)
        #expect(HolidayWindow.beforeChristmas.share(weekStartingOn: dec18of2023) == 1)
        #expect(HolidayWindow.christmasWeek.share(weekStartingOn: dec18of2023) == 0)
        #expect(HolidayWindow.beforeChristmas.share(weekStartingOn: dec23of2024) == 2.0 / 7)
        #expect(HolidayWindow.christmasWeek.share(weekStartingOn: dec23of2024) == 5.0 / 7)
        #expect(HolidayWindow.christmasWeek.contains(day: 19716))       // 2023-12-25
        #expect(!HolidayWindow.christmasWeek.contains(day: 19723))      // 2024-01-01
        #expect(HolidayWindow.beforeChristmas.contains(day: 11_306))    // 2000-12-15, a leap year
    }

    @Test func aPeakThatEndsOnChristmasIsTakenByTheHolidayTerms() throws {
        // Flat demand, 80% more in 11–24 December and 40% less from Christmas to New Year, with a
        // ±1% wobble: the holiday variant wins the AICc and its coefficients are the logs of the
        // multipliers within the wobble's reach (the Thanksgiving windows' near zero).
        let monday = 19359
        let aggregate = (0..<96).map { (week: Int) -> Double in
            let start = monday + 7 * week
            let log = Foundation.log(1.8) * HolidayWindow.beforeChristmas.share(weekStartingOn: start)
                + Foundation.log(0.6) * HolidayWindow.christmasWeek.share(weekStartingOn: start)
            return 1000 * exp(log) * (1 + 0.01 * Double((week * 7) % 3 - 1))
        }
        let profile = try SeasonalProfile(aggregate: aggregate, firstWeekStart: monday)
        #expect(profile.holidays == HolidayWindow.yearEnd)
        #expect(abs(profile.holidayCoefficients[2] - Foundation.log(1.8)) < 0.05)
        #expect(abs(profile.holidayCoefficients[3] - Foundation.log(0.6)) < 0.05)
        #expect(abs(profile.holidayCoefficients[0]) < 0.05 && abs(profile.holidayCoefficients[1]) < 0.05)
        let december = profile.factor(weekStartingOn: monday + 7 * 50), june = profile.factor(weekStartingOn: monday + 7 * 24)
        #expect(abs(december / june - 1.8) < 0.1)
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
