import Foundation

/// Operations on the lag polynomials of ARMA models: seasonal expansion, the stationarity check and
/// the reparameterisation that keeps optimisation inside the stationary (or invertible) region.
enum ARMAPolynomial {
    /// The coefficients of `(1 − Σ a_i Bⁱ)(1 − Σ A_j B^{js})` written as `1 − Σ c_k Bᵏ`.
    /// `sign = -1` gives the MA convention `(1 + Σ a_i Bⁱ)(1 + Σ A_j B^{js}) = 1 + Σ c_k Bᵏ`.
    static func expand(_ regular: [Double], seasonal: [Double], period: Int, sign: Double) -> [Double] {
        let n = regular.count + seasonal.count * period
        guard n > 0 else { return [] }
        var a = [Double](repeating: 0, count: regular.count + 1)
        a[0] = 1
        for (i, v) in regular.enumerated() { a[i + 1] = -sign * v }
        var b = [Double](repeating: 0, count: seasonal.count * period + 1)
        b[0] = 1
        for (j, v) in seasonal.enumerated() { b[(j + 1) * period] = -sign * v }
        var c = [Double](repeating: 0, count: n + 1)
        for (i, x) in a.enumerated() where x != 0 {
            for (j, y) in b.enumerated() where y != 0 { c[i + j] += x * y }
        }
        return c.dropFirst().map { -sign * $0 }
    }

    /// Maps unconstrained reals to the coefficients of a stationary AR polynomial `1 − Σ φ_i Bⁱ`:
    /// each value becomes a partial autocorrelation `tanh(u)` and the Durbin–Levinson recursion turns
    /// them into φ. Jones (1980); Monahan (1984). R's `arima` uses the same map.
    static func stationary(fromUnconstrained u: ArraySlice<Double>) -> [Double] {
        let p = u.count
        guard p > 0 else { return [] }
        let bound = 1 - 1e-9
        var phi = [Double](repeating: 0, count: p)
        var work = phi
        for (k, value) in u.enumerated() {
            let r = max(-bound, min(bound, tanh(value)))
            phi[k] = r
            for j in 0..<k { phi[j] = work[j] - r * work[k - j - 1] }
            for j in 0...k { work[j] = phi[j] }
        }
        return phi
    }

    /// The inverse of `stationary(fromUnconstrained:)`; nil when `phi` is not strictly stationary.
    static func unconstrained(fromStationary phi: [Double]) -> [Double]? {
        guard let partials = partialAutocorrelations(phi) else { return nil }
        return partials.map { atanh($0) }
    }

    /// The partial autocorrelations of the AR polynomial by the step-down (Schur–Cohn) recursion;
    /// nil when one reaches ±1, that is when a root lies on or inside the unit circle.
    static func partialAutocorrelations(_ phi: [Double]) -> [Double]? {
        var current = phi
        var partials = [Double](repeating: 0, count: phi.count)
        var k = phi.count
        while k > 0 {
            let r = current[k - 1]
            guard r.isFinite, abs(r) < 1 else { return nil }
            partials[k - 1] = r
            let denominator = 1 - r * r
            var next = [Double](repeating: 0, count: k - 1)
            for j in 0..<(k - 1) { next[j] = (current[j] + r * current[k - 2 - j]) / denominator }
            current = next
            k -= 1
        }
        return partials
    }

    /// Whether the expanded AR polynomial `phi` or MA polynomial `theta` (as `expand` gives them) has
    /// a root within `radius` of the unit circle: a fit on the edge of stationarity or invertibility.
    static func hasNearUnitRoot(ar phi: [Double], ma theta: [Double], radius: Double = 1.01) -> Bool {
        !rootsOutside(phi, radius: radius) || !rootsOutside(theta.map { -$0 }, radius: radius)
    }

    /// Whether every root of `1 − Σ φ_i zⁱ` has modulus above `radius` (1 for plain stationarity).
    /// For MA invertibility pass −θ.
    static func rootsOutside(_ phi: [Double], radius: Double = 1) -> Bool {
        var last = phi.count
        while last > 0 && abs(phi[last - 1]) < 1e-12 { last -= 1 }
        guard last > 0 else { return true }
        var scaled = [Double](repeating: 0, count: last)
        var factor = 1.0
        for i in 0..<last {
            factor *= radius
            scaled[i] = phi[i] * factor
        }
        return partialAutocorrelations(scaled) != nil
    }

    /// Pulls the roots of `1 − Σ φ_i zⁱ` outside the unit circle by shrinking φ_i by ρⁱ; used to
    /// start maximum likelihood from a non-stationary conditional-sum-of-squares estimate.
    static func shrunkToStationary(_ phi: [Double]) -> [Double] {
        var current = phi
        for _ in 0..<60 {
            if rootsOutside(current, radius: 1.001) { return current }
            var factor = 1.0
            for i in 0..<current.count {
                factor *= 0.9
                current[i] *= factor
            }
        }
        return [Double](repeating: 0, count: phi.count)
    }
}
