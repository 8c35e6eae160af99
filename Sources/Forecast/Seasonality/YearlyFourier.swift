import Foundation

/// Fourier terms of the yearly cycle at given days, the regressors of ``SeasonalProfile``.
///
/// Column 2k−2 is sin(2πk·t) and column 2k−1 is cos(2πk·t) for k = 1…K, with t the day in years of
/// 365.25 days since 1970-01-01 (Hyndman & Athanasopoulos, FPP3 §7.4 and §12.1: Fourier terms for
/// a long or non-integer seasonal period such as 365.25/7 weeks).
///
/// Kept in one small file so that it can give way to a shared Fourier-terms type.
enum YearlyFourier {
    /// Days per year of the cycle.
    static let daysPerYear = 365.25

    /// The phase in years (fraction of a cycle, unwrapped) of a day given as days since 1970.
    static func years(_ day: Double) -> Double { day / daysPerYear }

    /// The 2K terms at one day.
    static func terms(atDay day: Double, harmonics: Int) -> [Double] {
        var out = [Double](repeating: 0, count: 2 * harmonics)
        let angle = 2 * Double.pi * years(day).truncatingRemainder(dividingBy: 1)
        for k in 1...max(1, harmonics) where k <= harmonics {
            out[2 * k - 2] = sin(Double(k) * angle)
            out[2 * k - 1] = cos(Double(k) * angle)
        }
        return out
    }

    /// Σ_k a_k sin(2πk·t) + b_k cos(2πk·t) at one day, `coefficients` laid out as ``terms(atDay:harmonics:)``.
    static func value(atDay day: Double, coefficients: [Double]) -> Double {
        let harmonics = coefficients.count / 2
        guard harmonics > 0 else { return 0 }
        let angle = 2 * Double.pi * years(day).truncatingRemainder(dividingBy: 1)
        var sum = 0.0
        for k in 1...harmonics {
            sum += coefficients[2 * k - 2] * sin(Double(k) * angle) + coefficients[2 * k - 1] * cos(Double(k) * angle)
        }
        return sum
    }
}
