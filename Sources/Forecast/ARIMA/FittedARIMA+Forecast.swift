import Foundation
import Stats

extension FittedARIMA {
    /// Forecasts `horizon` steps ahead with Gaussian prediction intervals.
    ///
    /// The ARMA part is projected from the Kalman filter's last predicted state; its joint forecast
    /// covariance is carried back through the differencing (`y_t = w_t + Σ δ_i y_{t−i}`), so the
    /// variances are the exact finite-sample ones of the state-space model given the estimated
    /// parameters (as statsmodels' `get_forecast`), not the steady-state ψ-weight approximation.
    /// - Parameters:
    ///   - horizon: the number of steps, at least 1.
    ///   - levels: interval coverages, each in (0, 1); `[]` gives point forecasts only.
    /// - Returns: the point forecasts and one interval per level (mean ± z·sd).
    /// - Throws: `ForecastError.invalidArgument` for a horizon below 1, a level outside (0, 1), or
    ///   a model with regressors (use `forecast(horizon:regressors:levels:)`).
    /// - Complexity: O(h²·r + h·r² + h²·(d + sD)).
    public func forecast(horizon: Int, levels: [Double] = [0.8, 0.95]) throws -> ForecastResult {
        guard !hasRegressors else {
            throw ForecastError.invalidArgument("\(name) has regressors: forecast it with their future values")
        }
        return try errorForecast(horizon: horizon, levels: levels)
    }

    /// The forecast of the ARIMA part (the regression errors when there are regressors).
    func errorForecast(horizon: Int, levels: [Double]) throws -> ForecastResult {
        let variances = try forecastWithVariance(horizon: horizon, levels: levels)
        var intervals: [PredictionInterval] = []
        for level in levels {
            let z = Normal.standard.quantile(0.5 + level / 2)
            let sd = variances.variance.map { ($0 * sigma2).squareRoot() }
            intervals.append(PredictionInterval(
                level: level,
                lower: zip(variances.mean, sd).map { $0 - z * $1 },
                upper: zip(variances.mean, sd).map { $0 + z * $1 }))
        }
        return ForecastResult(model: name, mean: variances.mean, intervals: intervals)
    }

    /// The point forecasts and their error variances in units of σ².
    func forecastWithVariance(horizon h: Int, levels: [Double]) throws -> (mean: [Double], variance: [Double]) {
        guard h >= 1 else { throw ForecastError.invalidArgument("the forecast horizon must be at least 1, got \(h)") }
        for level in levels where !(level > 0 && level < 1) {
            throw ForecastError.invalidArgument("prediction interval levels must be in (0, 1), got \(level)")
        }
        let spec = specification
        let period = spec.seasonalOrder.isSeasonal ? spec.seasonalOrder.period : 1
        let phi = ARMAPolynomial.expand(ar, seasonal: seasonalAR, period: period, sign: 1)
        let theta = ARMAPolynomial.expand(ma, seasonal: seasonalMA, period: period, sign: -1)
        let model = ARMAStateSpace(ar: phi, ma: theta)
        let r = model.r
        guard finalState.count == r, finalCovariance.count == r * r else {
            throw ForecastError.fitFailed(method: name, reason: "the filter state does not match the model")
        }
        // g_k = e₁ᵀ Tᵏ, so that w_{n+k+1} = g_k a_{n+1} + noise.
        var g = [[Double]](repeating: [Double](repeating: 0, count: r), count: h)
        g[0][0] = 1
        for k in stride(from: 1, to: h, by: 1) {
            let prev = g[k - 1]
            var next = [Double](repeating: 0, count: r)
            var first = 0.0
            for i in 0..<r { first += prev[i] * model.phi[i] }
            next[0] = first
            for j in stride(from: 1, to: r, by: 1) { next[j] = prev[j - 1] }
            g[k] = next
        }
        // Predicted state covariances P_k (k = 0 … h−1), keeping their first columns.
        var columns = [[Double]](repeating: [], count: h)
        var cov = finalCovariance
        for k in 0..<h {
            columns[k] = (0..<r).map { cov[$0 * r] }
            guard k + 1 < h else { break }
            var next = [Double](repeating: 0, count: r * r)
            for i in 0..<r {
                for j in 0..<r {
                    let inner = (i + 1 < r && j + 1 < r) ? cov[(i + 1) * r + j + 1] : 0
                    let rowNext = j + 1 < r ? cov[j + 1] : 0
                    let colNext = i + 1 < r ? cov[(i + 1) * r] : 0
                    next[i * r + j] = model.phi[i] * model.phi[j] * cov[0] + model.phi[i] * rowNext
                        + model.phi[j] * colNext + inner + model.theta[i] * model.theta[j]
                }
            }
            cov = next
        }
        // Cov(w_{n+i}, w_{n+j}) for i ≤ j: g_{j−i} · P_i e₁.
        var wCov = [Double](repeating: 0, count: h * h)
        for i in 0..<h {
            for j in i..<h {
                var s = 0.0
                let gk = g[j - i]
                let col = columns[i]
                for m in 0..<r { s += gk[m] * col[m] }
                wCov[i * h + j] = s
                wCov[j * h + i] = s
            }
        }
        var wMean = [Double](repeating: 0, count: h)
        for k in 0..<h {
            var s = differencedMean
            for m in 0..<r { s += g[k][m] * finalState[m] }
            wMean[k] = s
        }
        // Undo the differencing: y_{n+k} = w_{n+k} + Σ δ_i y_{n+k−i}.
        let delta = Stationarity.differencingPolynomial(d: spec.order.d,
                                                        seasonalD: spec.seasonalOrder.isSeasonal ? spec.seasonalOrder.d : 0,
                                                        period: period)
        var extended = history
        var mean = [Double](repeating: 0, count: h)
        for k in 0..<h {
            var y = wMean[k]
            let t = history.count + k
            for (i, dl) in delta.enumerated() where t - i - 1 >= 0 { y += dl * extended[t - i - 1] }
            extended.append(y)
            mean[k] = y
        }
        // ψ*-weights of 1/δ(B): y_{n+k} error = Σ_m c_{k−m} · w_{n+m} error.
        var c = [Double](repeating: 0, count: h)
        c[0] = 1
        for j in stride(from: 1, to: h, by: 1) {
            var s = 0.0
            for (i, dl) in delta.enumerated() where j - i - 1 >= 0 { s += dl * c[j - i - 1] }
            c[j] = s
        }
        var variance = [Double](repeating: 0, count: h)
        for k in 0..<h {
            var s = 0.0
            for m in 0...k {
                let cm = c[k - m]
                if cm == 0 { continue }
                for l in 0...k { s += cm * c[k - l] * wCov[m * h + l] }
            }
            variance[k] = max(0, s)
        }
        return (mean, variance)
    }
}
