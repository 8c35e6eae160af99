import Foundation

/// The Schäfer–Strimmer shrinkage of a residual covariance towards its diagonal, as MinT-shrink uses.
///
/// Residuals are centred per series; the sample covariance uses T − 1. Off-diagonal entries are
/// scaled by 1 − λ with λ = Σ_{i>j} Var(r̂_ij) / Σ_{i>j} r̂_ij², the correlations' estimated variance
/// over their squares, clipped to [0, 1]; the diagonal is kept and floored at `ridge`. The 2·10⁻⁸
/// guards on the standard deviations and the denominator follow hierarchicalforecast's
/// `MinTrace(method='mint_shrink')`, so a constant series (zero variance) gives a zero row off the
/// diagonal and `ridge` on it instead of a division by zero.
///
/// Reference: Schäfer & Strimmer (2005), target D; Wickramasuriya, Athanasopoulos & Hyndman (2019) §2.4.
struct ShrunkCovariance {
    /// The shrunk covariance, row-major, `count × count`.
    let matrix: [Double]
    let count: Int
    /// The shrinkage intensity λ: 0 keeps the sample covariance, 1 keeps only its diagonal.
    let intensity: Double

    /// - Parameter residuals: one array of T ≥ 2 finite residuals per series.
    init(residuals: [[Double]], ridge: Double = 2e-8) {
        let n = residuals.count
        let t = residuals.first?.count ?? 0
        let eps = 2e-8
        let centred = residuals.map { r -> [Double] in
            let mean = r.reduce(0, +) / Double(t)
            return r.map { $0 - mean }
        }
        let inverseSD = centred.map { c -> Double in
            1 / ((c.reduce(0) { $0 + $1 * $1 } / Double(t)).squareRoot() + eps)
        }
        var w = [Double](repeating: 0, count: n * n)
        var sumVariance = 0.0, sumSquares = 0.0
        for i in 0..<n {
            let ci = centred[i]
            for j in 0...i {
                let cj = centred[j]
                var cross = 0.0, crossSquares = 0.0
                for k in 0..<t {
                    let p = ci[k] * cj[k]
                    cross += p
                    crossSquares += p * p
                }
                w[i * n + j] = cross / Double(t - 1)
                w[j * n + i] = w[i * n + j]
                if i != j {
                    let s = inverseSD[i] * inverseSD[j]
                    let meanCross = cross / Double(t)
                    sumVariance += s * s * (crossSquares - Double(t) * meanCross * meanCross)
                    sumSquares += (s * meanCross) * (s * meanCross)
                }
            }
        }
        let lambda = min(max(sumVariance / (Double(t) * Double(t - 1)) / (sumSquares + eps), 0), 1)
        for i in 0..<n {
            for j in 0..<n where j != i { w[i * n + j] *= 1 - lambda }
            w[i * n + i] = max(w[i * n + i], ridge)
        }
        matrix = w
        count = n
        intensity = lambda
    }
}
