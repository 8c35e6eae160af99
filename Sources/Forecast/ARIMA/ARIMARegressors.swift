import Foundation

/// The regressors of a regression with ARIMA errors, differenced as the series is, and the least
/// squares that concentrate their coefficients out of the likelihood.
///
/// With y_t = β'x_t + η_t and η an ARIMA(p,d,q)(P,D,Q)s process, ∇ᵈ∇ₛᴰ y_t − β'∇ᵈ∇ₛᴰ x_t is the
/// ARMA process, so β enters the likelihood linearly: for given ARMA coefficients the Kalman
/// filter's innovations of the series and of each regressor, scaled by 1/√F_t, give β by least
/// squares (generalised least squares), and the likelihood maximised over β is a function of the
/// ARMA coefficients alone. Harvey (1989) §3.4.3, Durbin & Koopman (2012) §6.2.
/// The constant (a mean for d + D = 0, a drift otherwise) joins the regressors as a column of ones
/// in the differenced scale.
struct ARIMARegressors {
    /// The number of columns given.
    let total: Int
    /// Indices of the columns estimated.
    let active: [Int]
    /// Indices of the columns left out because differencing makes them zero (or they are zero),
    /// whose coefficients are reported as 0.
    let dropped: [Int]
    /// The active columns on the original scale and differenced.
    let levels: [[Double]]
    let differenced: [[Double]]
    /// Whether the least squares carry the constant as a last column of ones.
    let constant: Bool

    /// Whether β (and the constant) are concentrated out of the objectives.
    var concentrates: Bool { !active.isEmpty }
    /// The differenced regressors and, when a constant is fitted, ones.
    var profileColumns: [[Double]] {
        guard constant, let first = differenced.first else { return differenced }
        return differenced + [[Double](repeating: 1, count: first.count)]
    }

    /// - Throws: `ForecastError.invalidArgument` for a column whose length is not `count` or
    ///   for collinear columns, `.nonFinite` for NaN or infinite regressor values.
    init(_ columns: [[Double]], count: Int, d: Int, seasonalD: Int, period: Int, constant: Bool) throws {
        total = columns.count
        var active: [Int] = [], dropped: [Int] = []
        var levels: [[Double]] = [], differenced: [[Double]] = []
        for (j, column) in columns.enumerated() {
            guard column.count == count else {
                throw ForecastError.invalidArgument("regressor \(j) has \(column.count) values, the series \(count)")
            }
            guard column.allSatisfy(\.isFinite) else {
                throw ForecastError.invalidArgument("regressor \(j) has missing or non-finite values")
            }
            var w = try Stationarity.difference(column, lag: 1, order: d)
            w = try Stationarity.difference(w, lag: period, order: seasonalD)
            let scale = max(1, column.map(abs).max() ?? 0)
            if w.allSatisfy({ abs($0) <= 1e-10 * scale }) {
                dropped.append(j)
            } else {
                active.append(j)
                levels.append(column)
                differenced.append(w)
            }
        }
        self.active = active
        self.dropped = dropped
        self.levels = levels
        self.differenced = differenced
        self.constant = constant && !active.isEmpty
        if !active.isEmpty, let length = differenced.first?.count, length > profileColumns.count {
            let probe = (0..<length).map { Double($0 % 7) }
            if ARIMARegressors.leastSquares(probe, profileColumns) == nil {
                throw ForecastError.invalidArgument(
                    "the regressors are collinear after differencing (with the constant, if any); drop the redundant columns")
            }
        }
    }

    /// β and the constant from the least-squares coefficients of `profileColumns`.
    func split(_ coefficients: [Double]) -> (beta: [Double], constant: Double) {
        let beta = Array(coefficients.prefix(active.count))
        return (beta, constant && coefficients.count > active.count ? coefficients[active.count] : 0)
    }

    /// One coefficient per column given, 0 for the dropped ones.
    func fullCoefficients(_ beta: [Double]) -> [Double] {
        var full = [Double](repeating: 0, count: total)
        for (j, b) in zip(active, beta) { full[j] = b }
        return full
    }

    /// Xβ on the original scale (empty without regressors).
    func effect(of beta: [Double]) -> [Double] {
        guard let first = levels.first, !beta.isEmpty else { return [] }
        var effect = [Double](repeating: 0, count: first.count)
        for (column, b) in zip(levels, beta) {
            for t in 0..<effect.count { effect[t] += b * column[t] }
        }
        return effect
    }

    /// y − Xβ on the original scale.
    func removingEffect(of beta: [Double], from series: [Double]) -> [Double] {
        let effect = effect(of: beta)
        guard !effect.isEmpty else { return series }
        return zip(series, effect).map { $0 - $1 }
    }

    /// ∇y − ∇Xβ on the differenced scale.
    func removingEffect(of beta: [Double], fromDifferenced w: [Double]) -> [Double] {
        var result = w
        for (column, b) in zip(differenced, beta) {
            for t in 0..<result.count { result[t] -= b * column[t] }
        }
        return result
    }

    /// The least-squares coefficients when the differenced series is an exact combination of the
    /// columns (a degenerate fit), nil otherwise.
    func exactFit(_ w: [Double]) -> [Double]? {
        guard let fit = ARIMARegressors.leastSquares(w, profileColumns) else { return nil }
        let scale = max(1, w.map(abs).max() ?? 0)
        let residualScale = (fit.sumOfSquares / Double(max(1, w.count))).squareRoot()
        return residualScale <= 1e-9 * scale ? fit.beta : nil
    }

    /// Least squares of `target` on `columns` over the rows from `start` on, by modified
    /// Gram–Schmidt with the target as a last column (backward stable for least squares; Björck
    /// 1967). nil when a column is (numerically) a combination of the ones before it.
    /// - Complexity: O(n·k²).
    static func leastSquares(_ target: [Double], _ columns: [[Double]], from start: Int = 0)
        -> (beta: [Double], sumOfSquares: Double)? {
        let length = target.count
        var flat: [Double] = []
        flat.reserveCapacity(columns.count * length)
        for column in columns { flat += column }
        return leastSquares(target: target, flat: flat, columns: columns.count, length: length, from: start)
    }

    /// Least squares with the columns stored one after another in `flat` (each `length` long).
    static func leastSquares(target: [Double], flat: [Double], columns k: Int, length: Int, from start: Int = 0)
        -> (beta: [Double], sumOfSquares: Double)? {
        let n = length - start
        guard n >= k, target.count == length, flat.count == k * length else { return nil }
        var q = [Double](repeating: 0, count: k * n)
        var y = Array(target[start...])
        var r = [Double](repeating: 0, count: k * k)
        var qty = [Double](repeating: 0, count: k)
        var ok = true
        flat.withUnsafeBufferPointer { x in
        q.withUnsafeMutableBufferPointer { q in
        y.withUnsafeMutableBufferPointer { y in
            for j in 0..<k {
                for t in 0..<n { q[j * n + t] = x[j * length + start + t] }
            }
            for j in 0..<k {
                var original = 0.0
                for t in 0..<n { original += q[j * n + t] * q[j * n + t] }
                for i in 0..<j {
                    var dot = 0.0
                    for t in 0..<n { dot += q[i * n + t] * q[j * n + t] }
                    r[i * k + j] = dot
                    for t in 0..<n { q[j * n + t] -= dot * q[i * n + t] }
                }
                var norm = 0.0
                for t in 0..<n { norm += q[j * n + t] * q[j * n + t] }
                norm = norm.squareRoot()
                guard norm > 1e-9 * original.squareRoot(), norm > 0, norm.isFinite else { ok = false; return }
                r[j * k + j] = norm
                var dot = 0.0
                for t in 0..<n {
                    q[j * n + t] /= norm
                    dot += q[j * n + t] * y[t]
                }
                qty[j] = dot
                for t in 0..<n { y[t] -= dot * q[j * n + t] }
            }
        }}}
        guard ok else { return nil }
        var beta = [Double](repeating: 0, count: k)
        for i in stride(from: k - 1, through: 0, by: -1) {
            var s = qty[i]
            for j in (i + 1)..<k { s -= r[i * k + j] * beta[j] }
            beta[i] = s / r[i * k + i]
        }
        let ssq = y.reduce(0) { $0 + $1 * $1 }
        return ssq.isFinite ? (beta, ssq) : nil
    }
}

extension ARIMAProblem {
    /// The concentrated conditional sum of squares: the CSS residuals of the series and of each
    /// regressor under the same ARMA filter, and β by least squares over the conditioned rows.
    func cssProfile(phi: [Double], theta: [Double]) -> (sumOfSquares: Double, beta: [Double])? {
        let start = phi.count
        let target = ARIMAProblem.cssResiduals(w, phi: phi, theta: theta, mean: 0)
        let columns = regression.profileColumns.map { ARIMAProblem.cssResiduals($0, phi: phi, theta: theta, mean: 0) }
        guard let fit = ARIMARegressors.leastSquares(target, columns, from: start) else { return nil }
        return (fit.sumOfSquares, fit.beta)
    }

    /// The profile of the exact likelihood: Kalman innovations of the series and of each regressor
    /// (the gain does not depend on the data), standardised by √F_t, and β by least squares.
    /// - Returns: Σ ṽ² at β̂, Σ log F_t and β̂; nil when the model is not stationary.
    func mlProfile(_ model: ARMAStateSpace) -> (sumOfSquares: Double, sumLogVariance: Double, beta: [Double])? {
        let n = w.count
        let columns = regression.profileColumns
        guard let filtered = model.standardizedInnovations([w] + columns) else { return nil }
        let target = Array(filtered.values[0..<n])
        let rest = Array(filtered.values[n...])
        guard let fit = ARIMARegressors.leastSquares(target: target, flat: rest, columns: columns.count, length: n)
        else { return nil }
        return (fit.sumOfSquares, filtered.sumLogVariance, fit.beta)
    }
}
