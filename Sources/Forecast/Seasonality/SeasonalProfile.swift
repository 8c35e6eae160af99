import Foundation

/// Multiplicative yearly factors of weekly demand, estimated on one aggregate weekly series (a
/// category, a region, the whole network) so that short or sparse series can borrow its shape.
///
/// The factor of a week is exp(s(t) + Σ γ_j·h_j) / m, where s is a sum of K yearly Fourier pairs
/// evaluated at the middle of the week, h_j the share of the week's days in holiday window j
/// (``HolidayWindow``: by default Thanksgiving week, Black Friday to 10 December, the two weeks before
/// Christmas and the week after it) and m the
/// mean daily factor over a year, so that the factors average 1 over any whole year. s and γ come
/// from the regression, by ordinary least squares, of log(aggregate) on a constant, a linear trend,
/// the Fourier pairs and the holiday shares; K, and whether the holiday terms enter at all, are
/// chosen by the smallest AICc (``SeasonalProfile/init(aggregate:firstWeekStart:maxHarmonics:holidays:)``).
///
/// Why a Fourier regression rather than ratios to a centred moving average: ratios need a full
/// year of centred averages on both sides of a week, so with one to two years of data most weeks of
/// the year would have one ratio or none, while the regression uses every week, takes the period of
/// 365.25/7 weeks as it is, and lets AICc trade the sharpness of a Christmas peak against noise
/// (Hyndman & Athanasopoulos, FPP3 §7.4, §12.1 on Fourier terms). Estimating seasonality on an
/// aggregate and applying it to its members is the group seasonal index of Withycombe (1989) and
/// Dekker, van Donselaar & Ouwehand (2004), "Choosing between group and individual seasonal indices".
public struct SeasonalProfile: Sendable, Hashable {
    /// The Fourier coefficients of log-demand, (sin, cos) for k = 1…K.
    public let coefficients: [Double]
    /// The holiday windows the chosen regression kept (none, or all those offered).
    public let holidays: [HolidayWindow]
    /// The coefficient of each holiday window's share of the week in log-demand.
    public let holidayCoefficients: [Double]
    /// log of the mean daily factor over four years: subtracted so that the factors average 1.
    let logNormaliser: Double
    /// The AICc of the chosen regression.
    public let aicc: Double
    /// The weeks of the aggregate that entered the regression (the positive ones).
    public let weeksUsed: Int

    /// The number of Fourier pairs K.
    public var harmonics: Int { coefficients.count / 2 }

    init(coefficients: [Double], holidays: [HolidayWindow] = [], holidayCoefficients: [Double] = [], aicc: Double, weeksUsed: Int) {
        self.coefficients = coefficients
        self.holidays = holidays
        self.holidayCoefficients = holidayCoefficients
        self.aicc = aicc
        self.weeksUsed = weeksUsed
        // Every day of 1970–1973 (four years, one of them leap), at midday: the mean of a
        // trigonometric polynomial of degree K is exact on any grid of more than K equally spaced
        // points, and each holiday window is counted as often as it occurs.
        let days = 1461
        var sum = 0.0
        for day in 0..<days {
            var log = YearlyFourier.value(atDay: Double(day) + 0.5, coefficients: coefficients)
            for (window, beta) in zip(holidays, holidayCoefficients) where window.contains(day: day) { log += beta }
            sum += Foundation.exp(log)
        }
        logNormaliser = Foundation.log(sum / Double(days))
    }

    /// A flat profile: every factor is 1.
    public static let flat = SeasonalProfile(coefficients: [], aicc: .nan, weeksUsed: 0)

    /// The factor of the week that starts on `weekStart` (days since 1970): the Fourier sum at its
    /// middle day plus each holiday window's effect times the share of the week inside it.
    public func factor(weekStartingOn weekStart: Int) -> Double {
        var log = YearlyFourier.value(atDay: Double(weekStart) + 3.5, coefficients: coefficients) - logNormaliser
        for (window, beta) in zip(holidays, holidayCoefficients) { log += beta * window.share(weekStartingOn: weekStart) }
        return Foundation.exp(log)
    }

    /// The factors of `count` consecutive weeks, the first starting on `firstWeekStart`.
    public func factors(firstWeekStart: Int, count: Int) -> [Double] {
        (0..<max(0, count)).map { factor(weekStartingOn: firstWeekStart + 7 * $0) }
    }
}

/// Why a seasonal profile could not be estimated.
public enum SeasonalProfileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The aggregate spans `weeks` weeks; a yearly profile needs at least `needed`.
    case tooShort(weeks: Int, needed: Int)
    /// The aggregate has NaN, infinite or negative values at these positions.
    case invalidValues(positions: [Int])
    /// Only `positive` of the aggregate's weeks have demand; the log regression needs `needed`.
    case tooFewPositiveWeeks(positive: Int, needed: Int)
    /// The largest number of Fourier pairs is below 1.
    case invalidHarmonics(Int)

    public var description: String {
        switch self {
        case let .tooShort(weeks, needed):
            return "a yearly seasonal profile needs at least \(needed) weeks of the aggregate, it has \(weeks)"
        case let .invalidValues(positions):
            let shown = positions.prefix(5).map(String.init).joined(separator: ", ")
            return "the aggregate has missing, non-finite or negative values at weeks \(shown)\(positions.count > 5 ? ", ..." : "")"
        case let .tooFewPositiveWeeks(positive, needed):
            return "the aggregate has demand in \(positive) weeks; a multiplicative profile needs at least \(needed)"
        case let .invalidHarmonics(value):
            return "the number of Fourier pairs must be at least 1, got \(value)"
        }
    }
}
