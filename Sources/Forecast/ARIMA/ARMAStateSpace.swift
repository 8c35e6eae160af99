import Foundation

/// The state-space form of a zero-mean ARMA model and its exact Gaussian likelihood by the Kalman
/// filter. Harvey (1989) §3.3 representation, as R's `arima` and Gardner, Harvey & Phillips (1980):
/// state dimension r = max(p, q + 1), transition T with φ in the first column and ones above the
/// diagonal, disturbance loading R = (1, θ₁, …, θ_{r−1}), observation Z = e₁ with no noise.
///
/// Covariances are in units of σ² (σ² is concentrated out of the likelihood).
struct ARMAStateSpace {
    /// φ₁ … φ_r, zero beyond the AR order.
    let phi: [Double]
    /// θ₀ = 1, θ₁ … θ_{r−1}, zero beyond the MA order.
    let theta: [Double]
    let r: Int
    let arOrder: Int
    let maOrder: Int

    /// - Parameters: ar: φ of `φ(B) = 1 − Σ φ_i Bⁱ`; ma: θ of `θ(B) = 1 + Σ θ_j Bʲ` (expanded, seasonal included).
    init(ar: [Double], ma: [Double]) {
        arOrder = ar.count
        maOrder = ma.count
        r = max(ar.count, ma.count + 1)
        var phi = [Double](repeating: 0, count: r)
        for (i, v) in ar.enumerated() { phi[i] = v }
        var theta = [Double](repeating: 0, count: r)
        theta[0] = 1
        for (j, v) in ma.enumerated() { theta[j + 1] = v }
        self.phi = phi
        self.theta = theta
    }

    /// The autocovariances γ(0 … maxLag) of the ARMA process with unit innovation variance, from the
    /// linear system of Brockwell & Davis (1991) §3.3; nil when the AR part is not stationary.
    func autocovariances(maxLag: Int) -> [Double]? {
        let p = arOrder, q = maOrder
        // ψ weights of the MA(∞) form, needed up to max(q, maxLag).
        let nPsi = max(q, maxLag) + 1
        var psi = [Double](repeating: 0, count: nPsi)
        psi[0] = 1
        if nPsi > 1 {
            for k in 1..<nPsi {
                var s = k <= q ? theta[k] : 0
                for i in stride(from: 1, through: min(k, p), by: 1) { s += phi[i - 1] * psi[k - i] }
                psi[k] = s
            }
        }
        // Right-hand sides Σ_{j ≥ k} θ_j ψ_{j−k}.
        func rhs(_ k: Int) -> Double {
            guard k <= q else { return 0 }
            var s = 0.0
            for j in k...q { s += (j == 0 ? 1 : theta[j]) * psi[j - k] }
            return s
        }
        var gamma = [Double](repeating: 0, count: max(maxLag, p) + 1)
        if p == 0 {
            for k in 0..<gamma.count { gamma[k] = rhs(k) }
        } else {
            let m = p + 1
            var a = [Double](repeating: 0, count: m * m)
            var b = [Double](repeating: 0, count: m)
            for k in 0...p {
                a[k * m + k] += 1
                for i in 1...p { a[k * m + abs(k - i)] -= phi[i - 1] }
                b[k] = rhs(k)
            }
            guard let solution = ARMAStateSpace.solve(a, b, size: m) else { return nil }
            for k in 0...p { gamma[k] = solution[k] }
            if gamma.count > p + 1 {
                for k in (p + 1)..<gamma.count {
                    var s = rhs(k)
                    for i in 1...p { s += phi[i - 1] * gamma[k - i] }
                    gamma[k] = s
                }
            }
        }
        guard let g0 = gamma.first, g0.isFinite, g0 > 0 else { return nil }
        return gamma
    }

    /// The stationary covariance P₀ of the state (r × r, row-major), solving P = T P Tᵀ + R Rᵀ in
    /// O(r²) from the autocovariances; nil when the AR part is not stationary.
    func stationaryCovariance() -> [Double]? {
        guard let gamma = autocovariances(maxLag: r) else { return nil }
        let p = arOrder
        var psi = [Double](repeating: 0, count: r + 1)
        psi[0] = 1
        for k in stride(from: 1, through: r, by: 1) {
            var s = k < r ? theta[k] : 0
            for i in stride(from: 1, through: min(k, p), by: 1) { s += phi[i - 1] * psi[k - i] }
            psi[k] = s
        }
        // c_j = Cov(y_t, a_t[j]).
        var c = [Double](repeating: 0, count: r + 1)
        for j in 0..<r {
            var s = 0.0
            for k in (j + 1)...r where k <= p { s += phi[k - 1] * gamma[k - j] }
            for k in j..<r { s += theta[k] * psi[k - j] }
            c[j] = s
        }
        var cov = [Double](repeating: 0, count: r * r)
        for i in stride(from: r - 1, through: 0, by: -1) {
            for j in stride(from: r - 1, through: i, by: -1) {
                let next = (i + 1 < r && j + 1 < r) ? cov[(i + 1) * r + j + 1] : 0
                let v = phi[i] * phi[j] * c[0] + phi[i] * c[j + 1] + phi[j] * c[i + 1] + next + theta[i] * theta[j]
                cov[i * r + j] = v
                cov[j * r + i] = v
            }
        }
        for j in 0..<r {
            cov[j] = c[j]
            cov[j * r] = c[j]
        }
        return cov
    }

    /// Gaussian elimination with partial pivoting; nil for a (numerically) singular system.
    static func solve(_ matrix: [Double], _ rhs: [Double], size m: Int) -> [Double]? {
        var a = matrix, b = rhs
        for col in 0..<m {
            var pivot = col
            var best = abs(a[col * m + col])
            for row in (col + 1)..<m where abs(a[row * m + col]) > best {
                best = abs(a[row * m + col])
                pivot = row
            }
            guard best > 1e-12, best.isFinite else { return nil }
            if pivot != col {
                for k in 0..<m { a.swapAt(col * m + k, pivot * m + k) }
                b.swapAt(col, pivot)
            }
            let d = a[col * m + col]
            for row in (col + 1)..<m {
                let f = a[row * m + col] / d
                if f == 0 { continue }
                for k in col..<m { a[row * m + k] -= f * a[col * m + k] }
                b[row] -= f * b[col]
            }
        }
        var x = [Double](repeating: 0, count: m)
        for row in stride(from: m - 1, through: 0, by: -1) {
            var s = b[row]
            for k in (row + 1)..<m { s -= a[row * m + k] * x[k] }
            x[row] = s / a[row * m + row]
        }
        return x
    }

    /// What one pass of the Kalman filter leaves behind.
    struct FilterResult {
        /// Σ v_t² / F_t.
        var sumOfSquares: Double
        /// Σ log F_t.
        var sumLogVariance: Double
        var count: Int
        /// The predicted state for the step after the last observation, and its covariance.
        var state: [Double]
        var covariance: [Double]
    }

    /// Runs the Kalman filter over the zero-mean series `w` from the stationary initial state.
    ///
    /// Once the state covariance stops changing (to 1e-13), the gain is frozen, which makes long
    /// series cost O(n·r) rather than O(n·r²) (pure AR models converge after p steps).
    /// - Parameters:
    ///   - mean: subtracted from every observation first.
    ///   - innovations: when given (count n), receives the one-step prediction errors v_t.
    ///   - variances: when given (count n), receives F_t in units of σ².
    /// - Returns: nil when the model is not stationary or a prediction variance is not positive.
    func filter(_ w: UnsafeBufferPointer<Double>, mean: Double = 0,
                innovations: UnsafeMutableBufferPointer<Double>? = nil,
                variances: UnsafeMutableBufferPointer<Double>? = nil) -> FilterResult? {
        guard var cov = stationaryCovariance() else { return nil }
        let r = self.r
        var state = [Double](repeating: 0, count: r)
        var column = [Double](repeating: 0, count: r + 1)
        var ssq = 0.0, sumlog = 0.0
        var converged = false
        var frozenF = 1.0
        var ok = true
        state.withUnsafeMutableBufferPointer { a in
        cov.withUnsafeMutableBufferPointer { P in
        column.withUnsafeMutableBufferPointer { col in
        phi.withUnsafeBufferPointer { phi in
        theta.withUnsafeBufferPointer { theta in
            for t in 0..<w.count {
                let y = w[t] - mean
                let v = y - a[0]
                let F = converged ? frozenF : P[0]
                guard F > 0, F.isFinite else { ok = false; return }
                ssq += v * v / F
                sumlog += log(F)
                innovations?[t] = v
                variances?[t] = F
                if !converged {
                    for i in 0..<r { col[i] = P[i * r] }
                    col[r] = 0
                }
                let vf = v / F
                for i in 0..<r {
                    let next = i + 1 < r ? a[i + 1] : 0
                    a[i] = phi[i] * y + next + col[i + 1] * vf
                }
                if !converged {
                    var change = 0.0
                    for i in 0..<r {
                        for j in 0..<r {
                            let next = (i + 1 < r && j + 1 < r) ? P[(i + 1) * r + j + 1] : 0
                            let value = next - col[i + 1] * col[j + 1] / F + theta[i] * theta[j]
                            change = max(change, abs(value - P[i * r + j]))
                            P[i * r + j] = value
                        }
                    }
                    if change < 1e-13 {
                        converged = true
                        frozenF = P[0]
                        for i in 0..<r { col[i] = P[i * r] }
                        col[r] = 0
                    }
                }
            }
        }}}}}
        guard ok, ssq.isFinite, sumlog.isFinite else { return nil }
        return FilterResult(sumOfSquares: ssq, sumLogVariance: sumlog, count: w.count, state: state, covariance: cov)
    }
}
