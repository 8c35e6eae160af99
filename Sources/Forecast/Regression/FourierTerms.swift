import Foundation

/// Fourier terms for a seasonal period that need not be a whole number of observations, such as
/// the 365.25 / 7 ≈ 52.18 weeks of a year: the pairs sin(2πkt/m), cos(2πkt/m), k = 1 … K, as
/// regressors of a dynamic harmonic regression. Hyndman & Athanasopoulos, Forecasting: Principles
/// and Practice (3rd ed.), §7.4 and §10.5; R forecast's `fourier`.
///
/// t is an absolute time index, so terms for a forecast continue the phase of the history: with the
/// history at t = first … first + n − 1, the horizon is at first + n onward.
///
/// ```swift
/// let yearly = try FourierTerms(period: 365.25 / 7, harmonics: 4)
/// let past = yearly.columns(from: 0, count: 156)      // 8 columns of 156 values
/// let ahead = yearly.columns(from: 156, count: 13)
/// ```
public struct FourierTerms: Sendable, Hashable {
    /// The seasonal period m in observations, more than 1.
    public let period: Double
    /// K, the number of harmonics.
    public let harmonics: Int

    /// The most harmonics a period allows: ⌊m/2⌋, beyond which the terms alias lower ones.
    public static func maxHarmonics(period: Double) -> Int { period > 1 ? Int((period / 2).rounded(.down)) : 0 }

    /// - Parameters:
    ///   - period: observations per cycle, finite and above 1.
    ///   - harmonics: K, from 1 to ⌊period/2⌋.
    /// - Throws: `ForecastError.invalidArgument` otherwise.
    public init(period: Double, harmonics: Int) throws {
        guard period.isFinite, period > 1 else {
            throw ForecastError.invalidArgument("a Fourier period must be finite and above 1, got \(period)")
        }
        let most = FourierTerms.maxHarmonics(period: period)
        guard harmonics >= 1, harmonics <= most else {
            throw ForecastError.invalidArgument("Fourier harmonics must be between 1 and \(most) for period \(period), got \(harmonics)")
        }
        self.period = period
        self.harmonics = harmonics
    }

    /// Whether the sine of harmonic k is zero at every integer t (k = m/2 for an even integer m),
    /// in which case it is left out, as R's `fourier` does.
    func sineVanishes(_ k: Int) -> Bool { abs(2 * Double(k) - period) < 1e-9 }

    /// The column names in order: "sin1", "cos1", "sin2", …
    public var names: [String] {
        (1...harmonics).flatMap { k in (sineVanishes(k) ? [] : ["sin\(k)"]) + ["cos\(k)"] }
    }

    /// The terms at t = start, start + 1, …, start + count − 1: one column per name in `names`.
    /// - Complexity: O(count · K).
    public func columns(from start: Int, count: Int) -> [[Double]] {
        let n = max(0, count)
        var result: [[Double]] = []
        result.reserveCapacity(2 * harmonics)
        for k in 1...harmonics {
            // k·t modulo m is exact (fmod), so the angle keeps full precision for large t.
            let angles = (0..<n).map { i -> Double in
                2 * Double.pi * (Double(k) * Double(start + i)).truncatingRemainder(dividingBy: period) / period
            }
            if !sineVanishes(k) { result.append(angles.map(sin)) }
            result.append(angles.map(cos))
        }
        return result
    }
}
