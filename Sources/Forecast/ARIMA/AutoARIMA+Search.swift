import Foundation

extension AutoARIMA {
    /// Runs the stepwise search on `series` and returns the selected model with the models visited.
    ///
    /// The selected model's σ² is the residual sum of squares over n* − k + 1 (as `auto.arima`
    /// reports it, and uses for its prediction intervals). A constant series gets ARIMA(0,0,0) with
    /// its value as mean (σ² = 0); a series whose differences are constant gets the matching
    /// random walk or seasonal random walk, as `auto.arima`.
    ///
    /// With regressors every candidate is a regression with ARIMA errors
    /// (`ARIMA.fit(_:regressors:)`), and d and D are chosen on the residuals of the least-squares
    /// regression of the series on them, as `auto.arima(xreg=)`.
    /// - Parameters:
    ///   - series: the history, oldest first, all finite.
    ///   - regressors: regressor columns, each as long as `series`; `[]` for none.
    /// - Throws: `ForecastError.nonFinite` for NaN or infinite values, `.tooShort` for fewer than
    ///   3 points or when differencing leaves nothing, `.invalidArgument` for negative limits or
    ///   bad regressors, `.fitFailed` when no candidate could be fitted.
    /// - Complexity: at most `maxModels` fits.
    public func search(_ series: [Double], regressors: [[Double]] = []) throws -> Search {
        let bad = Stationarity.nonFinitePositions(series)
        guard bad.isEmpty else { throw ForecastError.nonFinite(positions: bad) }
        guard series.count >= 3 else { throw ForecastError.tooShort(count: series.count, needed: 3, method: name) }
        guard maxP >= 0, maxQ >= 0, maxSeasonalP >= 0, maxSeasonalQ >= 0, maxD >= 0, maxSeasonalD >= 0,
              (d ?? 0) >= 0, (seasonalD ?? 0) >= 0, maxModels >= 1 else {
            throw ForecastError.invalidArgument("auto-ARIMA limits and orders must be non-negative")
        }
        let x = series
        let n = x.count
        if Stationarity.isConstant(x) {
            let fit = try ARIMA(order: (0, 0, 0), includeConstant: allowMean).fit(x, regressors: regressors)
            return Search(best: fit, candidates: [], approximated: false)
        }
        // The orders are chosen on what the regressors leave unexplained.
        let xx = regressors.isEmpty ? x : AutoARIMA.regressionResiduals(x, regressors)
        let m = max(1, seasonalPeriod)
        var maxP = min(self.maxP, n / 3)
        var maxQ = min(self.maxQ, n / 3)
        var maxSP = min(maxSeasonalP, n / 3 / m)
        var maxSQ = min(maxSeasonalQ, n / 3 / m)
        let ic: Criterion = n <= 3 ? .aic : criterion

        var seasonalDiffs = 0
        if m == 1 {
            maxSP = 0
            maxSQ = 0
        } else if let fixed = seasonalD {
            seasonalDiffs = fixed
        } else if n > 2 * m {
            seasonalDiffs = Stationarity.seasonalDifferencingOrder(xx, period: m, maxOrder: maxSeasonalD)
        }
        var dx = try Stationarity.difference(xx, lag: m, order: seasonalDiffs)
        let regularDiffs = d ?? Stationarity.differencingOrder(dx, alpha: alpha, maxOrder: maxD)
        dx = try Stationarity.difference(dx, lag: 1, order: regularDiffs)
        let seasonal = ARIMA.SeasonalOrder(p: 0, d: seasonalDiffs, q: 0, period: m)
        guard !dx.isEmpty else {
            throw ForecastError.tooShort(count: n, needed: regularDiffs + seasonalDiffs * m + 1, method: name)
        }
        if Stationarity.isConstant(dx) {
            let constant = regularDiffs + seasonalDiffs <= 1
            let spec = ARIMA(order: ARIMA.Order(p: 0, d: regularDiffs, q: 0), seasonalOrder: seasonal,
                             includeConstant: constant)
            return Search(best: try spec.fit(x, regressors: regressors), candidates: [], approximated: false)
        }
        if m > 1 {
            if maxP > 0 { maxP = min(maxP, m - 1) }
            if maxQ > 0 { maxQ = min(maxQ, m - 1) }
        }
        let approximate = approximation ?? (n > 150 || m > 12)
        var offset = 0.0
        if approximate {
            let null = ARIMA(order: ARIMA.Order(p: 0, d: regularDiffs, q: 0), seasonalOrder: seasonal,
                             includeConstant: regularDiffs + seasonalDiffs == 0)
            if let fit = try? null.fit(x, regressors: regressors), fit.sigma2 > 0, fit.logLikelihood.isFinite {
                offset = -2 * fit.logLikelihood - Double(n) * log(fit.sigma2)
            }
        }
        let canDrift = allowDrift && regularDiffs + seasonalDiffs == 1
        let canMean = allowMean && regularDiffs + seasonalDiffs == 0
        var constant = canDrift || canMean

        var searcher = StepwiseARIMASearch(series: x, regressors: regressors, d: regularDiffs, seasonalD: seasonalDiffs, period: m,
                                           criterion: ic, approximate: approximate, offset: offset,
                                           maxModels: maxModels)
        var sp = startP, sq = startQ, sP = startSeasonalP, sQ = startSeasonalQ
        if n < 10 {
            sp = min(sp, 1)
            sq = min(sq, 1)
            sP = 0
            sQ = 0
        }
        var p = min(sp, maxP), q = min(sq, maxQ), P = min(sP, maxSP), Q = min(sQ, maxSQ)
        searcher.consider(p, q, P, Q, constant)
        if searcher.consider(0, 0, 0, 0, constant) { (p, q, P, Q) = (0, 0, 0, 0) }
        if maxP > 0 || maxSP > 0 {
            let np = maxP > 0 ? 1 : 0, nP = (m > 1 && maxSP > 0) ? 1 : 0
            if searcher.consider(np, 0, nP, 0, constant) { (p, q, P, Q) = (np, 0, nP, 0) }
        }
        if maxQ > 0 || maxSQ > 0 {
            let nq = maxQ > 0 ? 1 : 0, nQ = (m > 1 && maxSQ > 0) ? 1 : 0
            if searcher.consider(0, nq, 0, nQ, constant) { (p, q, P, Q) = (0, nq, 0, nQ) }
        }
        if constant {
            if searcher.consider(0, 0, 0, 0, false) { (p, q, P, Q) = (0, 0, 0, 0); constant = false }
        }

        // Neighbours in the order of auto.arima: seasonal moves, regular moves, then the constant.
        let moves: [(dp: Int, dq: Int, dP: Int, dQ: Int)] = [
            (0, 0, -1, 0), (0, 0, 0, -1), (0, 0, 1, 0), (0, 0, 0, 1),
            (0, 0, -1, -1), (0, 0, -1, 1), (0, 0, 1, -1), (0, 0, 1, 1),
            (-1, 0, 0, 0), (0, -1, 0, 0), (1, 0, 0, 0), (0, 1, 0, 0),
            (-1, -1, 0, 0), (-1, 1, 0, 0), (1, -1, 0, 0), (1, 1, 0, 0),
        ]
        var improved = true
        while improved && !searcher.exhausted {
            improved = false
            for move in moves {
                let np = p + move.dp, nq = q + move.dq, nP = P + move.dP, nQ = Q + move.dQ
                guard np >= 0, nq >= 0, nP >= 0, nQ >= 0, np <= maxP, nq <= maxQ, nP <= maxSP, nQ <= maxSQ,
                      !searcher.visited(np, nq, nP, nQ, constant) else { continue }
                if searcher.exhausted { break }
                if searcher.consider(np, nq, nP, nQ, constant) {
                    (p, q, P, Q) = (np, nq, nP, nQ)
                    improved = true
                    break
                }
            }
            if !improved && (canDrift || canMean) && !searcher.exhausted
                && !searcher.visited(p, q, P, Q, !constant) {
                if searcher.consider(p, q, P, Q, !constant) {
                    constant.toggle()
                    improved = true
                }
            }
        }

        var best = searcher.best
        if approximate {
            // Refit by maximum likelihood, in order of the approximate criterion, until one is accepted.
            best = nil
            let ranked = searcher.candidates.enumerated()
                .filter { $0.element.criterion < .infinity }
                .sorted { ($0.element.criterion, $0.offset) < ($1.element.criterion, $1.offset) }
            for entry in ranked {
                let c = entry.element
                if let fit = searcher.fit(c.order.p, c.order.q, c.seasonalOrder.p, c.seasonalOrder.q,
                                          c.includeConstant, approximate: false),
                   fit.criterion < .infinity {
                    best = fit.model
                    break
                }
            }
        }
        guard let chosen = best else {
            throw ForecastError.fitFailed(method: name, reason: "no suitable ARIMA model found")
        }
        return Search(best: chosen, candidates: searcher.candidates, approximated: approximate)
    }
}

extension AutoARIMA {
    /// The residuals of the least-squares regression of `series` on `regressors` with an
    /// intercept (the series itself when that regression cannot be fitted).
    static func regressionResiduals(_ series: [Double], _ regressors: [[Double]]) -> [Double] {
        let ones = [Double](repeating: 1, count: series.count)
        guard regressors.allSatisfy({ $0.count == series.count }),
              let fit = ARIMARegressors.leastSquares(series, [ones] + regressors) else { return series }
        return (0..<series.count).map { t in
            series[t] - fit.beta[0] - zip(regressors, fit.beta.dropFirst()).reduce(0) { $0 + $1.1 * $1.0[t] }
        }
    }
}

/// The bookkeeping of one stepwise search: fits, criteria and the best model so far.
struct StepwiseARIMASearch {
    let series: [Double]
    let regressors: [[Double]]
    let d: Int
    let seasonalD: Int
    let period: Int
    let criterion: AutoARIMA.Criterion
    let approximate: Bool
    let offset: Double
    let maxModels: Int
    var candidates: [AutoARIMA.Candidate] = []
    var best: FittedARIMA?
    var bestCriterion = Double.infinity

    init(series: [Double], regressors: [[Double]] = [], d: Int, seasonalD: Int, period: Int, criterion: AutoARIMA.Criterion,
         approximate: Bool, offset: Double, maxModels: Int) {
        self.series = series
        self.regressors = regressors
        self.d = d
        self.seasonalD = seasonalD
        self.period = period
        self.criterion = criterion
        self.approximate = approximate
        self.offset = offset
        self.maxModels = maxModels
    }

    var exhausted: Bool { candidates.count >= maxModels }

    func visited(_ p: Int, _ q: Int, _ P: Int, _ Q: Int, _ constant: Bool) -> Bool {
        candidates.contains {
            $0.order.p == p && $0.order.q == q && $0.seasonalOrder.p == P && $0.seasonalOrder.q == Q
                && $0.includeConstant == constant
        }
    }

    /// Fits one candidate, records it, and says whether it is the new best.
    @discardableResult
    mutating func consider(_ p: Int, _ q: Int, _ P: Int, _ Q: Int, _ constant: Bool) -> Bool {
        guard !exhausted else { return false }
        let result = fit(p, q, P, Q, constant, approximate: approximate)
        let value = result?.criterion ?? .infinity
        candidates.append(AutoARIMA.Candidate(
            order: ARIMA.Order(p: p, d: d, q: q),
            seasonalOrder: ARIMA.SeasonalOrder(p: P, d: seasonalD, q: Q, period: period),
            includeConstant: constant, criterion: value))
        if let result, value < bestCriterion {
            best = result.model
            bestCriterion = value
            return true
        }
        return false
    }

    /// forecast's `myarima`: the fit, its criterion (with the CSS offset when approximating), σ²
    /// rescaled to n* − k + 1, and rejection of roots within 1.01 of the unit circle.
    func fit(_ p: Int, _ q: Int, _ P: Int, _ Q: Int, _ constant: Bool, approximate: Bool)
        -> (model: FittedARIMA, criterion: Double)? {
        let spec = ARIMA(order: ARIMA.Order(p: p, d: d, q: q),
                         seasonalOrder: ARIMA.SeasonalOrder(p: P, d: seasonalD, q: Q, period: period),
                         includeConstant: constant,
                         method: approximate ? .conditionalSumOfSquares : .conditionalSumOfSquaresThenMaximumLikelihood)
        guard var model = try? spec.fit(series, regressors: regressors) else { return nil }
        let nstar = model.observationCount
        let k = model.parameterCount
        if approximate {
            let aic = model.sigma2 > 0 ? offset + Double(nstar) * log(model.sigma2) + 2 * Double(k) : -.infinity
            let denominator = Double(nstar - k - 1)
            model = model.replacingCriteria(
                aic: aic,
                aicc: denominator > 0 ? aic + 2 * Double(k * (k + 1)) / denominator : .infinity,
                bic: aic + Double(k) * (log(Double(nstar)) - 2))
        }
        var value: Double
        switch criterion {
        case .aic: value = model.aic
        case .aicc: value = model.aicc
        case .bic: value = model.bic
        }
        if value.isNaN { value = .infinity }
        let rss = model.residuals.reduce(0) { $0 + $1 * $1 }
        let dof = Double(nstar - k + 1)
        if dof > 0 { model = model.replacingSigma2(rss / dof) }
        let period = spec.seasonalOrder.isSeasonal ? spec.seasonalOrder.period : 1
        let phi = ARMAPolynomial.expand(model.ar, seasonal: model.seasonalAR, period: period, sign: 1)
        let theta = ARMAPolynomial.expand(model.ma, seasonal: model.seasonalMA, period: period, sign: -1)
        if ARMAPolynomial.hasNearUnitRoot(ar: phi, ma: theta) { value = .infinity }
        return (model, value)
    }
}
