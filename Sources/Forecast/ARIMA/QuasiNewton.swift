import Foundation

/// A BFGS quasi-Newton minimiser with central-difference gradients and a backtracking line search
/// (Armijo condition, safeguarded quadratic interpolation). Nocedal & Wright (2006), Algorithm 6.1.
///
/// The objective may return a non-finite value to mark an infeasible point; the line search then
/// shortens the step. Used for the likelihoods of ARIMA models, whose parameters are few (so dense
/// matrices and numeric gradients are cheap) and smooth in the transformed space.
struct QuasiNewton {
    var maxIterations = 200
    /// Convergence when the largest gradient component falls below this.
    var gradientTolerance = 1e-7
    /// Convergence when an iteration lowers the objective by less than this, relative.
    var relativeTolerance = 1e-12
    /// The relative step of the central differences.
    var differenceStep = 1e-5
    /// The largest change of any parameter in one step.
    var maxStep = 2.0

    struct Result {
        var x: [Double]
        var value: Double
        var iterations: Int
        var evaluations: Int
        var converged: Bool
    }

    func minimize(_ x0: [Double], _ f: ([Double]) -> Double) -> Result {
        let n = x0.count
        var evaluations = 0
        func eval(_ x: [Double]) -> Double {
            evaluations += 1
            let v = f(x)
            return v.isNaN ? .infinity : v
        }
        var x = x0
        var fx = eval(x)
        guard n > 0, fx.isFinite else {
            return Result(x: x, value: fx, iterations: 0, evaluations: evaluations, converged: n == 0 && fx.isFinite)
        }
        func gradient(_ x: [Double], _ fx: Double) -> [Double] {
            var g = [Double](repeating: 0, count: n)
            var probe = x
            for i in 0..<n {
                let h = differenceStep * max(1, abs(x[i]))
                probe[i] = x[i] + h
                let up = eval(probe)
                probe[i] = x[i] - h
                let down = eval(probe)
                probe[i] = x[i]
                if up.isFinite && down.isFinite {
                    g[i] = (up - down) / (2 * h)
                } else if up.isFinite {
                    g[i] = (up - fx) / h
                } else if down.isFinite {
                    g[i] = (fx - down) / h
                } else {
                    g[i] = 0
                }
            }
            return g
        }
        var g = gradient(x, fx)
        var h = [Double](repeating: 0, count: n * n)
        func resetInverseHessian() {
            for i in 0..<n { for j in 0..<n { h[i * n + j] = i == j ? 1 : 0 } }
        }
        resetInverseHessian()
        var fresh = true
        var iterations = 0
        var converged = false
        var direction = [Double](repeating: 0, count: n)
        var trial = [Double](repeating: 0, count: n)
        while iterations < maxIterations {
            if g.allSatisfy({ abs($0) < gradientTolerance }) { converged = true; break }
            iterations += 1
            for i in 0..<n {
                var s = 0.0
                for j in 0..<n { s -= h[i * n + j] * g[j] }
                direction[i] = s
            }
            var slope = zip(g, direction).reduce(0) { $0 + $1.0 * $1.1 }
            if !(slope < 0) {
                resetInverseHessian()
                fresh = true
                for i in 0..<n { direction[i] = -g[i] }
                slope = -g.reduce(0) { $0 + $1 * $1 }
            }
            let largest = direction.reduce(0) { max($0, abs($1)) }
            if largest > maxStep {
                let scale = maxStep / largest
                for i in 0..<n { direction[i] *= scale }
                slope *= scale
            }
            var t = 1.0
            var accepted = false
            var ft = Double.infinity
            for _ in 0..<40 {
                for i in 0..<n { trial[i] = x[i] + t * direction[i] }
                ft = eval(trial)
                if ft.isFinite && ft <= fx + 1e-4 * t * slope {
                    accepted = true
                    break
                }
                if ft.isFinite {
                    let denominator = 2 * (ft - fx - slope * t)
                    let candidate = denominator > 0 ? -slope * t * t / denominator : 0.5 * t
                    t = min(max(candidate, 0.1 * t), 0.5 * t)
                } else {
                    t *= 0.2
                }
            }
            if !accepted {
                if fresh { converged = g.allSatisfy { abs($0) < 1e-4 }; break }
                resetInverseHessian()
                fresh = true
                continue
            }
            let gt = gradient(trial, ft)
            var s = [Double](repeating: 0, count: n)
            var y = [Double](repeating: 0, count: n)
            for i in 0..<n {
                s[i] = trial[i] - x[i]
                y[i] = gt[i] - g[i]
            }
            let sy = zip(s, y).reduce(0) { $0 + $1.0 * $1.1 }
            let yy = y.reduce(0) { $0 + $1 * $1 }
            let decrease = fx - ft
            x = trial
            fx = ft
            g = gt
            if sy > 1e-12 * max(1e-300, (yy * s.reduce(0) { $0 + $1 * $1 }).squareRoot()) {
                if fresh {
                    let scale = sy / yy
                    for i in 0..<n { h[i * n + i] = scale }
                    fresh = false
                }
                // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
                let rho = 1 / sy
                var hy = [Double](repeating: 0, count: n)
                for i in 0..<n {
                    var v = 0.0
                    for j in 0..<n { v += h[i * n + j] * y[j] }
                    hy[i] = v
                }
                let yhy = zip(y, hy).reduce(0) { $0 + $1.0 * $1.1 }
                for i in 0..<n {
                    for j in 0..<n {
                        h[i * n + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j]
                    }
                }
            }
            if decrease <= relativeTolerance * (abs(fx) + relativeTolerance),
               g.allSatisfy({ abs($0) < 1e-4 }) {
                converged = true
                break
            }
        }
        return Result(x: x, value: fx, iterations: iterations, evaluations: evaluations, converged: converged)
    }
}
