import Foundation

/// A dense Cholesky factorisation A = L·Lᵀ of a symmetric positive definite matrix, for the small
/// systems (one row per aggregate series) that MinT solves.
struct CholeskySolver {
    private let lower: [Double]
    private let n: Int

    /// - Returns: `nil` when A is not numerically positive definite.
    init?(_ a: [Double], size n: Int) {
        var l = a
        for j in 0..<n {
            var d = l[j * n + j]
            for k in 0..<j { d -= l[j * n + k] * l[j * n + k] }
            guard d > 0, d.isFinite else { return nil }
            let root = d.squareRoot()
            l[j * n + j] = root
            for i in (j + 1)..<max(j + 1, n) {
                var s = l[i * n + j]
                for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
                l[i * n + j] = s / root
            }
        }
        self.lower = l
        self.n = n
    }

    /// Solves A·x = b.
    func solve(_ b: [Double]) -> [Double] {
        var y = b
        for i in 0..<n {
            var s = y[i]
            for k in 0..<i { s -= lower[i * n + k] * y[k] }
            y[i] = s / lower[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = y[i]
            for k in (i + 1)..<max(i + 1, n) { s -= lower[k * n + i] * y[k] }
            y[i] = s / lower[i * n + i]
        }
        return y
    }
}
