import Foundation

extension ARMAStateSpace {
    /// Runs the Kalman filter over several zero-mean series at once (the series of a regression
    /// with ARIMA errors and its regressors): the covariance recursion, which does not depend on
    /// the data, is done once and its gains applied to every column.
    /// - Parameter columns: m series of equal length n.
    /// - Returns: the innovations of each column divided by √F_t (column-major, m × n) and
    ///   Σ log F_t; nil when the model is not stationary or a variance is not positive.
    /// - Complexity: O(n·r² + m·n·r), less once the covariance reaches its steady state.
    func standardizedInnovations(_ columns: [[Double]]) -> (values: [Double], sumLogVariance: Double)? {
        guard var cov = stationaryCovariance() else { return nil }
        let m = columns.count
        guard let n = columns.first?.count else { return ([], 0) }
        let r = self.r
        var states = [Double](repeating: 0, count: m * r)
        var out = [Double](repeating: 0, count: m * n)
        var column = [Double](repeating: 0, count: r + 1)
        var sumlog = 0.0
        var converged = false
        var frozenF = 1.0
        var ok = true
        let data = columns.flatMap { $0 }
        data.withUnsafeBufferPointer { y in
        states.withUnsafeMutableBufferPointer { a in
        out.withUnsafeMutableBufferPointer { out in
        cov.withUnsafeMutableBufferPointer { P in
        column.withUnsafeMutableBufferPointer { col in
        phi.withUnsafeBufferPointer { phi in
        theta.withUnsafeBufferPointer { theta in
            for t in 0..<n {
                let F = converged ? frozenF : P[0]
                guard F > 0, F.isFinite else { ok = false; return }
                sumlog += log(F)
                if !converged {
                    for i in 0..<r { col[i] = P[i * r] }
                    col[r] = 0
                }
                let scale = 1 / F.squareRoot()
                for c in 0..<m {
                    let base = c * r
                    let yt = y[c * n + t]
                    let v = yt - a[base]
                    out[c * n + t] = v * scale
                    let vf = v / F
                    for i in 0..<r {
                        let next = i + 1 < r ? a[base + i + 1] : 0
                        a[base + i] = phi[i] * yt + next + col[i + 1] * vf
                    }
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
        }}}}}}}
        guard ok, sumlog.isFinite else { return nil }
        return (out, sumlog)
    }
}
