import Foundation

extension ETSFit {
    /// Point forecasts and prediction intervals.
    ///
    /// The point forecast runs the recursion with zero errors (statsmodels' `forecast`). Intervals of
    /// class-1 models (additive error, no or additive season) use the closed-form forecast variance
    /// of Hyndman et al. (2008, ch. 6, table 6.1) times σ² = `variance`; every other model simulates
    /// `paths` sample paths with normal errors of variance `variance` from a generator seeded with
    /// `seed` and takes empirical quantiles (numpy's linear interpolation), so that the same seed
    /// gives the same intervals. (statsmodels' `get_prediction` uses `mse`, SSE/n, instead: narrower
    /// by √((n − k)/n), which with a 52-week season and three years of data covers far less than the
    /// nominal level.)
    /// - Throws: `ForecastError.invalidArgument` for a non-positive horizon or a level outside (0, 1).
    public func forecast(horizon: Int, levels: [Double] = [0.8, 0.95], seed: UInt64 = 42, paths: Int = 5000) throws -> ForecastResult {
        try forecast(horizon: horizon, levels: levels, seed: seed, paths: paths, innovationVariance: variance)
    }

    /// As `forecast(horizon:levels:seed:paths:)` with a given σ² (statsmodels' `mse`, for example).
    func forecast(horizon: Int, levels: [Double], seed: UInt64, paths: Int, innovationVariance: Double) throws -> ForecastResult {
        try Validation.horizon(horizon)
        try Validation.levels(levels)
        let recursion = ETSRecursion(specification: specification, parameters: parameters)
        var state = finalState
        var mean = [Double](repeating: 0, count: horizon)
        for h in 0..<horizon {
            let yhat = recursion.predict(state)
            mean[h] = yhat
            recursion.update(&state, with: yhat)
        }
        if levels.isEmpty { return ForecastResult(model: name, mean: mean, intervals: []) }
        if specification.hasAnalyticVariance {
            let sigma = (1...horizon).map { (innovationVariance * relativeVariance(step: $0)).squareRoot() }
            return ForecastResult(model: name, mean: mean, intervals: Validation.normalIntervals(mean: mean, sigma: sigma, levels: levels))
        }
        return ForecastResult(model: name, mean: mean, intervals: simulatedIntervals(horizon: horizon, levels: levels, seed: seed, paths: max(paths, 10), variance: innovationVariance))
    }

    /// The h-step forecast variance divided by σ², for class-1 models (Hyndman et al. 2008, table 6.1).
    func relativeVariance(step h: Int) -> Double {
        let alpha = parameters.alpha, beta = parameters.beta, gamma = parameters.gamma, phi = parameters.phi
        let hd = Double(h)
        let m = specification.period
        let k = Double((h - 1) / max(m, 1))
        let trendPart: Double
        switch specification.trend {
        case .none:
            trendPart = alpha * alpha * (hd - 1)
        case .additive:
            trendPart = (hd - 1) * (alpha * alpha + alpha * beta * hd + beta * beta * hd / 6 * (2 * hd - 1))
        case .damped:
            let one = 1 - phi
            trendPart = alpha * alpha * (hd - 1)
                + (beta * phi * hd) / (one * one) * (2 * alpha * one + beta * phi)
                - (beta * phi * (1 - pow(phi, hd))) / (one * one * (1 - phi * phi))
                * (2 * alpha * (1 - phi * phi) + beta * phi * (1 + 2 * phi - pow(phi, hd)))
        }
        var seasonPart = 0.0
        if specification.season == .additive {
            seasonPart = gamma * k * (2 * alpha + gamma)
            switch specification.trend {
            case .none: break
            case .additive: seasonPart += gamma * k * beta * Double(m) * (k + 1)
            case .damped:
                let pm = pow(phi, Double(m))
                seasonPart += (2 * beta * gamma * phi) / ((1 - phi) * (1 - pm)) * (k * (1 - pm) - pm * (1 - pow(phi, Double(m) * k)))
            }
        }
        return 1 + trendPart + seasonPart
    }

    private func simulatedIntervals(horizon: Int, levels: [Double], seed: UInt64, paths: Int, variance: Double) -> [PredictionInterval] {
        let recursion = ETSRecursion(specification: specification, parameters: parameters)
        let sigma = variance.squareRoot()
        var rng = SplitMix64(seed: seed)
        // Column-major by step so that each step's sample is contiguous for sorting.
        var samples = [Double](repeating: 0, count: horizon * paths)
        let multiplicative = specification.error == .multiplicative
        var state = finalState
        for path in 0..<paths {
            state.level = finalState.level
            state.trend = finalState.trend
            state.step = finalState.step
            for j in state.season.indices { state.season[j] = finalState.season[j] }
            for h in 0..<horizon {
                let yhat = recursion.predict(state)
                let e = sigma * rng.nextNormal()
                let y = multiplicative ? yhat * (1 + e) : yhat + e
                samples[h * paths + path] = y
                recursion.update(&state, with: y)
            }
        }
        var lowers = [[Double]](repeating: [Double](repeating: 0, count: horizon), count: levels.count)
        var uppers = lowers
        for h in 0..<horizon {
            var column = Array(samples[(h * paths)..<((h + 1) * paths)])
            column.sort()
            for (i, level) in levels.enumerated() {
                lowers[i][h] = Validation.quantile(sorted: column, (1 - level) / 2)
                uppers[i][h] = Validation.quantile(sorted: column, (1 + level) / 2)
            }
        }
        return levels.indices.map { PredictionInterval(level: levels[$0], lower: lowers[$0], upper: uppers[$0]) }
    }
}
