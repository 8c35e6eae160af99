import Foundation

/// Student's t distribution with `degreesOfFreedom` ν > 0 (not necessarily an integer).
///
/// Distribution and tail functions go through the regularized incomplete beta function, so both
/// tails keep full relative precision; the quantile is a safeguarded Newton solve that matches
/// scipy's `t.ppf` to about 1e-13. An infinite ν gives the standard normal.
public struct StudentT: Sendable, Hashable {
    /// ν, the degrees of freedom.
    public let degreesOfFreedom: Double

    /// - Precondition: `degreesOfFreedom > 0`; otherwise every method returns NaN.
    public init(degreesOfFreedom: Double) {
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// The density at `t`.
    public func pdf(_ t: Double) -> Double {
        let v = degreesOfFreedom
        guard v > 0, !t.isNaN else { return .nan }
        if v == .infinity { return Normal.standard.pdf(t) }
        let logDensity = lgamma((v + 1) / 2) - lgamma(v / 2) - 0.5 * log(v * Double.pi)
            - (v + 1) / 2 * log1p(t * t / v)
        return exp(logDensity)
    }

    /// P(T ≤ t).
    public func cdf(_ t: Double) -> Double {
        guard degreesOfFreedom > 0, !t.isNaN else { return .nan }
        if degreesOfFreedom == .infinity { return Normal.standard.cdf(t) }
        let half = halfTail(abs(t))
        return t > 0 ? 1 - half : half
    }

    /// P(T > t), the survival function (scipy's `sf`), precise far in the upper tail.
    public func survival(_ t: Double) -> Double {
        guard degreesOfFreedom > 0, !t.isNaN else { return .nan }
        return cdf(-t)
    }

    /// The `p`-quantile. Returns -∞ for 0, +∞ for 1 and NaN outside [0, 1].
    public func quantile(_ p: Double) -> Double {
        let v = degreesOfFreedom
        guard v > 0, p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        if v == .infinity { return Normal.standard.quantile(p) }
        let q = Swift.min(p, 1 - p)
        let magnitude: Double
        if v == 1 {
            magnitude = 1 / tan(Double.pi * q)
        } else if v == 2 {
            magnitude = (1 - 2 * q) / (2 * q * (1 - q)).squareRoot()
        } else {
            let z = -Normal.standard.quantile(q)
            // Cornish–Fisher start (Abramowitz & Stegun 26.7.5), then solve.
            let start = z + (z * z * z + z) / (4 * v) + (5 * pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * v * v)
            magnitude = solveTail(target: q, initial: start, increasing: false,
                                  tail: { halfTail($0) }, density: { pdf($0) })
        }
        return p < 0.5 ? -magnitude : magnitude
    }

    /// P(T > |t|) = I_{ν/(ν+t²)}(ν/2, 1/2) / 2, computed without cancellation.
    func halfTail(_ t: Double) -> Double {
        let v = degreesOfFreedom
        if t == .infinity { return 0 }
        let t2 = t * t
        let x: Double, y: Double
        if t2 < v {
            x = v / (v + t2)
            y = t2 / (v + t2)
        } else {
            x = 1 / (1 + t2 / v)
            y = 1 / (1 + v / t2)
        }
        return 0.5 * regularizedIncompleteBeta(v / 2, 0.5, x: x, complement: y).lower
    }
}
