import Foundation
import Stats

extension SeasonalProfile {
    /// The fewest weeks an aggregate may span: one year.
    public static let minimumWeeks = 52

    /// Estimates the profile of an aggregate weekly series, choosing the number of Fourier pairs K
    /// from 0 (a flat profile) to `maxHarmonics`, with or without the holiday windows, by the
    /// smallest AICc.
    ///
    /// The regression is log(y_t) = β₀ + β₁·(years from the middle of the data) + Σ_k a_k sin(2πk·t)
    /// + b_k cos(2πk·t) + Σ_j γ_j h_j(t) + ε_t over the weeks with y_t > 0, t the middle day of week
    /// t in years and h_j the share of its days in holiday window j. A window the data never reach
    /// makes the design singular and that variant is skipped. The
    /// trend absorbs growth, so that the factors describe only the position in the year; with two
    /// years or more every week of the year is seen more than once and the pairs average them.
    /// Weeks without demand (a closure, say) are left out of the regression rather than given
    /// log 0, so their factor is the smooth curve through the neighbouring weeks. K stops where
    /// the regression would keep fewer than three residual degrees of freedom, and at 26 (the
    /// shortest cycle weekly data can show is two weeks).
    ///
    /// - Parameters:
    ///   - aggregate: units per week, oldest first, non-negative.
    ///   - firstWeekStart: the first day of the aggregate's first week, in days since 1970-01-01.
    ///   - maxHarmonics: the most Fourier pairs tried (default 20: enough for a peak a few weeks wide).
    ///   - holidays: the windows offered as regressors (default ``HolidayWindow/yearEnd``; empty
    ///     for Fourier terms alone).
    /// - Throws: ``SeasonalProfileError`` for fewer than ``minimumWeeks`` weeks, NaN or negative
    ///   values, fewer positive weeks than ``minimumPositiveWeeks(_:)``, or `maxHarmonics` below 1.
    /// - Complexity: O(n·K³) for n weeks (two least-squares fits per K).
    public init(aggregate: [Double], firstWeekStart: Int, maxHarmonics: Int = 20,
                holidays: [HolidayWindow] = HolidayWindow.yearEnd) throws {
        guard maxHarmonics >= 1 else { throw SeasonalProfileError.invalidHarmonics(maxHarmonics) }
        let data = try Self.regressionData(aggregate, firstWeekStart: firstWeekStart)
        let largest = min(maxHarmonics, 26, (data.y.count - 6) / 2)
        var best: SeasonalProfile?
        for k in 0...max(0, largest) {
            for windows in holidays.isEmpty ? [[]] : [[], holidays] {
                guard let fit = Self.fit(data, harmonics: k, holidays: windows) else { continue }
                if best.map({ fit.aicc < $0.aicc }) ?? true { best = fit }
            }
        }
        self = best ?? .flat
    }

    /// Estimates the profile with exactly `harmonics` Fourier pairs and these holiday windows (no
    /// AICc search), for example the specification chosen on a larger aggregate applied to a part
    /// of it.
    /// - Throws: as ``init(aggregate:firstWeekStart:maxHarmonics:holidays:)``; a specification the
    ///   data cannot support gives ``SeasonalProfileError/tooFewPositiveWeeks(positive:needed:)``.
    public init(aggregate: [Double], firstWeekStart: Int, harmonics: Int, holidays: [HolidayWindow] = []) throws {
        guard harmonics >= 0 else { throw SeasonalProfileError.invalidHarmonics(harmonics) }
        let data = try Self.regressionData(aggregate, firstWeekStart: firstWeekStart)
        guard let fit = Self.fit(data, harmonics: harmonics, holidays: holidays) else {
            throw SeasonalProfileError.tooFewPositiveWeeks(positive: data.y.count, needed: 2 * harmonics + holidays.count + 6)
        }
        self = fit
    }

    /// The positive weeks an aggregate of `weeks` weeks needs: at least 46 and at least three
    /// quarters of them, since a log regression that drops many zero weeks would describe only the
    /// busy part of the year.
    public static func minimumPositiveWeeks(_ weeks: Int) -> Int {
        max(46, (3 * weeks + 3) / 4)
    }

    // MARK: - Regression

    struct RegressionData {
        /// First days of the positive weeks.
        var starts: [Int]
        /// Middle days of the positive weeks.
        var days: [Double]
        /// log of the positive weeks' values.
        var y: [Double]
        /// The mean of `days`, the trend's origin.
        var centre: Double
    }

    static func regressionData(_ aggregate: [Double], firstWeekStart: Int) throws -> RegressionData {
        guard aggregate.count >= minimumWeeks else {
            throw SeasonalProfileError.tooShort(weeks: aggregate.count, needed: minimumWeeks)
        }
        let bad = aggregate.indices.filter { !(aggregate[$0].isFinite && aggregate[$0] >= 0) }
        guard bad.isEmpty else { throw SeasonalProfileError.invalidValues(positions: bad) }
        var starts: [Int] = [], days: [Double] = [], y: [Double] = []
        for (i, value) in aggregate.enumerated() where value > 0 {
            starts.append(firstWeekStart + 7 * i)
            days.append(Double(firstWeekStart + 7 * i) + 3.5)
            y.append(Foundation.log(value))
        }
        let needed = minimumPositiveWeeks(aggregate.count)
        guard y.count >= needed else { throw SeasonalProfileError.tooFewPositiveWeeks(positive: y.count, needed: needed) }
        return RegressionData(starts: starts, days: days, y: y, centre: days.reduce(0, +) / Double(days.count))
    }

    /// The profile with K pairs and these holiday windows, and its AICc; nil when the design is
    /// rank deficient or leaves fewer than three residual degrees of freedom.
    static func fit(_ data: RegressionData, harmonics k: Int, holidays: [HolidayWindow]) -> SeasonalProfile? {
        let n = data.y.count, columns = 1 + 2 * k + holidays.count
        let coefficientCount = columns + 1
        guard n - coefficientCount >= 3 else { return nil }
        var values = [Double](repeating: 0, count: n * columns)
        for (i, day) in data.days.enumerated() {
            values[i * columns] = (day - data.centre) / YearlyFourier.daysPerYear
            if k > 0 {
                let terms = YearlyFourier.terms(atDay: day, harmonics: k)
                for j in terms.indices { values[i * columns + 1 + j] = terms[j] }
            }
            for (j, window) in holidays.enumerated() {
                values[i * columns + 1 + 2 * k + j] = window.share(weekStartingOn: data.starts[i])
            }
        }
        guard let x = try? Matrix(rows: n, columns: columns, values: values),
              let result = try? OLS().fit(x, data.y) else { return nil }
        // AICc of a Gaussian regression: the variance counts as a parameter (FPP3 §7.5).
        let parameters = Double(coefficientCount + 1), m = Double(n)
        let variance = max(result.sumOfSquaredResiduals / m, 1e-300)
        let aicc = m * Foundation.log(variance) + 2 * parameters + 2 * parameters * (parameters + 1) / (m - parameters - 1)
        let beta = result.coefficients
        return SeasonalProfile(coefficients: Array(beta[2..<(2 + 2 * k)]), holidays: holidays,
                               holidayCoefficients: Array(beta[(2 + 2 * k)...]), aicc: aicc, weeksUsed: n)
    }
}
