import Foundation

/// The chi-squared distribution with `degreesOfFreedom` k > 0 (not necessarily an integer).
///
/// Distribution and tail functions go through the regularized incomplete gamma function, so both
/// tails keep full relative precision; the quantile is a safeguarded Newton solve that matches
/// scipy's `chi2.ppf` to about 1e-13.
public struct ChiSquared: Sendable, Hashable {
    /// k, the degrees of freedom.
    public let degreesOfFreedom: Double

    /// - Precondition: `degreesOfFreedom > 0`; otherwise every method returns NaN.
    public init(degreesOfFreedom: Double) {
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// The density at `x` (0 for x < 0).
    public func pdf(_ x: Double) -> Double {
        let k = degreesOfFreedom
        guard k > 0, !x.isNaN else { return .nan }
        if x < 0 { return 0 }
        if x == 0 { return k < 2 ? .infinity : (k == 2 ? 0.5 : 0) }
        let a = k / 2
        let logDensity: Double = (a - 1) * log(x) - x / 2 - a * log(2.0) - lgamma(a)
        return exp(logDensity)
    }

    /// P(X ≤ x).
    public func cdf(_ x: Double) -> Double {
        guard degreesOfFreedom > 0, !x.isNaN else { return .nan }
        if x <= 0 { return 0 }
        return regularizedIncompleteGamma(degreesOfFreedom / 2, x: x / 2).lower
    }

    /// P(X > x), the survival function (scipy's `sf`), precise far in the upper tail.
    public func survival(_ x: Double) -> Double {
        guard degreesOfFreedom > 0, !x.isNaN else { return .nan }
        if x <= 0 { return 1 }
        return regularizedIncompleteGamma(degreesOfFreedom / 2, x: x / 2).upper
    }

    /// The `p`-quantile. Returns 0 for 0, +∞ for 1 and NaN outside [0, 1].
    public func quantile(_ p: Double) -> Double {
        let k = degreesOfFreedom
        guard k > 0, p >= 0, p <= 1 else { return .nan }
        if p == 0 { return 0 }
        if p == 1 { return .infinity }
        // Wilson–Hilferty start, or the small-x series x ≈ 2 (p Γ(k/2 + 1))^(2/k) when it fails.
        let z = Normal.standard.quantile(p)
        let c = 2 / (9 * k)
        let wilson = k * pow(1 - c + z * c.squareRoot(), 3)
        let small = 2 * exp((log(p) + lgamma(k / 2 + 1)) * 2 / k)
        let start = wilson > 0.05 * k ? wilson : Swift.max(small, Double.leastNormalMagnitude)
        if p < 0.5 {
            return solveTail(target: p, initial: start, increasing: true,
                             tail: { cdf($0) }, density: { pdf($0) })
        }
        return solveTail(target: 1 - p, initial: start, increasing: false,
                         tail: { survival($0) }, density: { pdf($0) })
    }
}
