import Foundation

extension ARIMA {
    /// Fits the model to `series` by exact Gaussian maximum likelihood (or CSS, as `method` says).
    ///
    /// The series is differenced d times at lag 1 and D times at lag s; the ARMA part of the
    /// differenced series is fitted by the Kalman filter with σ² concentrated out, optimising the
    /// AR and MA parameters through the partial-autocorrelation transform (Jones 1980), so that every
    /// fitted model is stationary and invertible. A series whose differenced values are constant
    /// gets a model with zero ARMA coefficients, σ² = 0 and an infinite log-likelihood.
    /// - Parameter series: the history, oldest first, all finite.
    /// - Returns: the fitted model.
    /// - Throws: `ForecastError.nonFinite` for NaN or infinite values, `.invalidArgument` for
    ///   negative orders or a seasonal part without a period of at least 2, `.tooShort` when fewer
    ///   than d + sD + k + 1 points remain for k coefficients, `.fitFailed` when no finite likelihood
    ///   is found.
    /// - Complexity: O(iterations · k · n · r²) with r = max(p + sP, q + sQ + 1), less once the
    ///   Kalman filter reaches its steady state.
    public func fit(_ series: [Double]) throws -> FittedARIMA {
        let problem = try ARIMAProblem(self, series)
        return try problem.solve()
    }

    /// The exact log-likelihood of `series` under given coefficients, with σ² concentrated out
    /// unless `sigma2` is given: the objective that `fit` maximises, for comparing estimates of
    /// other programs on equal terms.
    /// - Parameters: the coefficients in R's sign convention; `constant` is the mean (d + D = 0) or
    ///   drift (d + D = 1), ignored otherwise.
    /// - Returns: the log-likelihood, or `-infinity` when the AR part is not stationary.
    /// - Throws: as `fit(_:)`, and `.invalidArgument` when a coefficient count differs from the order.
    public func logLikelihood(of series: [Double], ar: [Double] = [], ma: [Double] = [],
                              seasonalAR: [Double] = [], seasonalMA: [Double] = [],
                              constant: Double = 0, sigma2: Double? = nil) throws -> Double {
        guard ar.count == order.p, ma.count == order.q, seasonalAR.count == seasonalOrder.p,
              seasonalMA.count == seasonalOrder.q else {
            throw ForecastError.invalidArgument("coefficient counts do not match the order \(name)")
        }
        let problem = try ARIMAProblem(self, series)
        let mu = problem.hasConstant ? constant * problem.driftScale : 0
        return problem.exactLogLikelihood(ar: ar, ma: ma, seasonalAR: seasonalAR, seasonalMA: seasonalMA,
                                          mean: mu, sigma2: sigma2)
    }
}

extension ARIMA {
    /// The model with given coefficients run over `series` without estimation (R's `arima(fixed=)`,
    /// statsmodels' `filter`): its likelihood, residuals and forecasts under those values.
    /// - Parameters: the coefficients in R's sign convention, with counts matching the orders;
    ///   `constant` is the mean (d + D = 0) or drift (d + D = 1), ignored otherwise.
    /// - Throws: as `fit(_:)`; `.invalidArgument` for mismatched counts; `.fitFailed` when the AR
    ///   part is not stationary.
    public func apply(to series: [Double], ar: [Double] = [], ma: [Double] = [],
                      seasonalAR: [Double] = [], seasonalMA: [Double] = [],
                      constant: Double = 0) throws -> FittedARIMA {
        guard ar.count == order.p, ma.count == order.q, seasonalAR.count == seasonalOrder.p,
              seasonalMA.count == seasonalOrder.q else {
            throw ForecastError.invalidArgument("coefficient counts do not match the order \(name)")
        }
        let problem = try ARIMAProblem(self, series)
        var x = ar + ma + seasonalAR + seasonalMA
        if problem.hasConstant { x.append((constant * problem.driftScale - problem.meanStart) / problem.meanScale) }
        return try problem.finish(x, transformed: false, converged: true, iterations: 0, exact: true)
    }
}

/// The differenced data and parameter layout of one ARIMA fit.
struct ARIMAProblem {
    let spec: ARIMA
    let series: [Double]
    let w: [Double]
    let p: Int, q: Int, seasonalP: Int, seasonalQ: Int, period: Int
    let hasConstant: Bool
    /// The drift per period is the mean of the differenced series divided by this (s when only a
    /// seasonal difference is taken, 1 otherwise).
    let driftScale: Double
    let meanStart: Double
    let meanScale: Double
    /// The regression part (empty without regressors): its coefficients, and the constant when
    /// there are regressors, are concentrated out of both objectives.
    let regression: ARIMARegressors

    /// Whether the constant is a parameter of the optimiser (only without regressors).
    var constantInParameters: Bool { hasConstant && !regression.concentrates }
    /// The coefficients that count towards the information criteria, the constant and β included.
    var coefficientCount: Int { p + q + seasonalP + seasonalQ + (hasConstant ? 1 : 0) + regression.active.count }
    /// The length of the optimiser's parameter vector.
    var parameterCount: Int { p + q + seasonalP + seasonalQ + (constantInParameters ? 1 : 0) }
    var fullAROrder: Int { p + seasonalP * period }

    init(_ spec: ARIMA, _ series: [Double], regressors: [[Double]] = []) throws {
        let o = spec.order, so = spec.seasonalOrder
        guard o.p >= 0, o.d >= 0, o.q >= 0, so.p >= 0, so.d >= 0, so.q >= 0 else {
            throw ForecastError.invalidArgument("ARIMA orders must be non-negative, got \(spec.name)")
        }
        guard !so.isSeasonal || so.period >= 2 else {
            throw ForecastError.invalidArgument("a seasonal ARIMA part needs a period of at least 2, got \(so.period)")
        }
        let bad = Stationarity.nonFinitePositions(series)
        guard bad.isEmpty else { throw ForecastError.nonFinite(positions: bad) }
        self.spec = spec
        self.series = series
        p = o.p
        q = o.q
        seasonalP = so.p
        seasonalQ = so.q
        period = so.isSeasonal ? so.period : 1
        hasConstant = spec.hasConstant
        driftScale = (o.d == 0 && so.d == 1) ? Double(period) : 1
        let lost = o.d + so.d * period
        let regression = try ARIMARegressors(regressors, count: series.count, d: o.d,
                                             seasonalD: so.isSeasonal ? so.d : 0, period: period,
                                             constant: spec.hasConstant)
        self.regression = regression
        let needed = lost + max(2, p + q + seasonalP + seasonalQ + (spec.hasConstant ? 1 : 0) + regression.active.count + 1)
        guard series.count >= needed else {
            throw ForecastError.tooShort(count: series.count, needed: needed, method: spec.name)
        }
        var w = try Stationarity.difference(series, lag: 1, order: o.d)
        w = try Stationarity.difference(w, lag: period, order: so.isSeasonal ? so.d : 0)
        self.w = w
        let m = w.reduce(0, +) / Double(w.count)
        let sd = (w.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(w.count)).squareRoot()
        meanStart = spec.hasConstant ? m : 0
        meanScale = sd > 0 ? sd : max(1, abs(m))
    }

    // MARK: - Parameter vectors

    /// The coefficients for a parameter vector laid out as [AR, MA, SAR, SMA, mean]; AR and MA
    /// blocks pass through the stationarity transform when `transformed`.
    func coefficients(_ x: [Double], transformed: Bool)
        -> (ar: [Double], ma: [Double], sar: [Double], sma: [Double], mean: Double) {
        var at = 0
        func block(_ count: Int, ma: Bool) -> [Double] {
            let slice = x[at..<(at + count)]
            at += count
            guard transformed else { return Array(slice) }
            let phi = ARMAPolynomial.stationary(fromUnconstrained: slice)
            return ma ? phi.map { -$0 } : phi
        }
        let ar = block(p, ma: false)
        let ma = block(q, ma: true)
        let sar = block(seasonalP, ma: false)
        let sma = block(seasonalQ, ma: true)
        let mean = constantInParameters ? meanStart + meanScale * x[at] : 0
        return (ar, ma, sar, sma, mean)
    }

    func expanded(_ c: (ar: [Double], ma: [Double], sar: [Double], sma: [Double], mean: Double))
        -> (ar: [Double], ma: [Double]) {
        (ARMAPolynomial.expand(c.ar, seasonal: c.sar, period: period, sign: 1),
         ARMAPolynomial.expand(c.ma, seasonal: c.sma, period: period, sign: -1))
    }

    // MARK: - Objectives

    /// The conditional residuals e_t of `w − mean` (zero before the first |φ| observations), R's `armaCSS`.
    static func cssResiduals(_ w: [Double], phi: [Double], theta: [Double], mean mu: Double) -> [Double] {
        let n = w.count, start = phi.count
        var e = [Double](repeating: 0, count: n)
        guard n > start else { return e }
        w.withUnsafeBufferPointer { w in
            e.withUnsafeMutableBufferPointer { e in
                for t in start..<n {
                    var v = w[t] - mu
                    for (i, f) in phi.enumerated() { v -= f * (w[t - i - 1] - mu) }
                    for (j, g) in theta.enumerated() where t - j - 1 >= 0 { v -= g * e[t - j - 1] }
                    e[t] = v
                }
            }
        }
        return e
    }

    /// ½ log(CSS/ν) for the conditional sum of squares, R's `armaCSS`; with regressors, at the
    /// least-squares β of the filtered regressors.
    func cssObjective(_ x: [Double]) -> (value: Double, count: Int) {
        let c = coefficients(x, transformed: false)
        let (phi, theta) = expanded(c)
        let count = w.count - phi.count
        guard count >= 1 else { return (.infinity, 0) }
        let ssq: Double
        if regression.concentrates {
            guard let profile = cssProfile(phi: phi, theta: theta) else { return (.infinity, count) }
            ssq = profile.sumOfSquares
        } else {
            ssq = ARIMAProblem.cssResiduals(w, phi: phi, theta: theta, mean: c.mean).reduce(0) { $0 + $1 * $1 }
        }
        guard ssq.isFinite, ssq > 0 else { return (.infinity, count) }
        return (0.5 * log(ssq / Double(count)), count)
    }

    /// ½ log(σ̂²) + Σ log F_t / (2n*) for the exact likelihood, the quantity R's `armafn` minimises;
    /// with regressors, at the generalised-least-squares β (the profile likelihood).
    func mlObjective(_ x: [Double]) -> Double {
        let c = coefficients(x, transformed: true)
        let (phi, theta) = expanded(c)
        let model = ARMAStateSpace(ar: phi, ma: theta)
        if regression.concentrates {
            guard let profile = mlProfile(model), profile.sumOfSquares > 0 else { return .infinity }
            let nu = Double(w.count)
            return 0.5 * log(profile.sumOfSquares / nu) + profile.sumLogVariance / (2 * nu)
        }
        let result = w.withUnsafeBufferPointer { model.filter($0, mean: c.mean) }
        guard let result, result.sumOfSquares > 0 else { return .infinity }
        let nu = Double(result.count)
        return 0.5 * log(result.sumOfSquares / nu) + result.sumLogVariance / (2 * nu)
    }

    func exactLogLikelihood(ar: [Double], ma: [Double], seasonalAR: [Double], seasonalMA: [Double],
                            mean: Double, sigma2: Double?) -> Double {
        let phi = ARMAPolynomial.expand(ar, seasonal: seasonalAR, period: period, sign: 1)
        let theta = ARMAPolynomial.expand(ma, seasonal: seasonalMA, period: period, sign: -1)
        let model = ARMAStateSpace(ar: phi, ma: theta)
        guard let result = w.withUnsafeBufferPointer({ model.filter($0, mean: mean) }) else { return -.infinity }
        let nu = Double(result.count)
        let s2 = sigma2 ?? result.sumOfSquares / nu
        return -0.5 * (nu * log(2 * Double.pi * s2) + result.sumLogVariance + result.sumOfSquares / s2)
    }

    // MARK: - Estimation

    func solve() throws -> FittedARIMA {
        let k = parameterCount
        if regression.concentrates {
            if let exact = regression.exactFit(w) { return degenerateFit(beta: exact) }
        } else {
            let centred = w.map { $0 - meanStart }
            if Stationarity.isConstant(centred) && (hasConstant || centred.first == 0) {
                return degenerateFit()
            }
        }
        let optimizer = QuasiNewton()
        var start = [Double](repeating: 0, count: k)
        if spec.method != .maximumLikelihood {
            let css = optimizer.minimize(start) { cssObjective($0).value }
            if spec.method == .conditionalSumOfSquares {
                guard css.value.isFinite else {
                    throw ForecastError.fitFailed(method: spec.name, reason: "the conditional sum of squares has no finite minimum")
                }
                return try finish(css.x, transformed: false, converged: css.converged, iterations: css.iterations)
            }
            if css.value.isFinite { start = mlStart(fromCSS: css.x) }
        }
        var best = optimizer.minimize(start) { mlObjective($0) }
        // From the CSS estimates the search can end on a near-unit root, a local optimum at the edge
        // of the stationary or invertible region; then the origin is tried too and the better kept.
        if start.contains(where: { $0 != 0 }) && (!best.value.isFinite || hasNearUnitRoot(best.x)) {
            let fromOrigin = optimizer.minimize([Double](repeating: 0, count: k)) { mlObjective($0) }
            if fromOrigin.value < best.value || !best.value.isFinite { best = fromOrigin }
        }
        guard best.value.isFinite else {
            throw ForecastError.fitFailed(method: spec.name, reason: "no parameters give a finite likelihood")
        }
        return try finish(best.x, transformed: true, converged: best.converged, iterations: best.iterations)
    }

    /// Whether the AR or MA polynomial at transformed parameters `x` has a root within 1.01 of the
    /// unit circle.
    func hasNearUnitRoot(_ x: [Double]) -> Bool {
        let (phi, theta) = expanded(coefficients(x, transformed: true))
        return ARMAPolynomial.hasNearUnitRoot(ar: phi, ma: theta)
    }

    /// Maps CSS estimates into the transformed space, pulling non-stationary AR or non-invertible MA
    /// parts inside the unit circle first (R's `arima` stops with an error there instead).
    func mlStart(fromCSS x: [Double]) -> [Double] {
        let c = coefficients(x, transformed: false)
        func raw(_ coefficients: [Double], ma: Bool) -> [Double] {
            let phi = ma ? coefficients.map { -$0 } : coefficients
            let inside = ARMAPolynomial.shrunkToStationary(phi)
            return ARMAPolynomial.unconstrained(fromStationary: inside)
                ?? [Double](repeating: 0, count: coefficients.count)
        }
        var start = raw(c.ar, ma: false) + raw(c.ma, ma: true) + raw(c.sar, ma: false) + raw(c.sma, ma: true)
        if constantInParameters { start.append(x[x.count - 1]) }
        return start.map { $0.isFinite ? $0 : 0 }
    }

    func finish(_ x: [Double], transformed: Bool, converged: Bool, iterations: Int,
                exact: Bool = false) throws -> FittedARIMA {
        var c = coefficients(x, transformed: transformed)
        let (phi, theta) = expanded(c)
        let model = ARMAStateSpace(ar: phi, ma: theta)
        let n = w.count
        let cssOnly = !transformed && !exact
        // With regressors the filter runs on the regression errors ∇y − ∇Xβ, β and the constant
        // being the least-squares values at these ARMA coefficients.
        var w = self.w
        var beta: [Double] = []
        if regression.concentrates {
            let profile = cssOnly ? cssProfile(phi: phi, theta: theta)?.beta : mlProfile(model)?.beta
            guard let profile else {
                throw ForecastError.fitFailed(method: spec.name, reason: "the regression coefficients could not be estimated")
            }
            let split = regression.split(profile)
            beta = split.beta
            c.mean = split.constant
            w = regression.removingEffect(of: beta, fromDifferenced: w)
        }
        var innovations = [Double](repeating: 0, count: n)
        let filtered = w.withUnsafeBufferPointer { w in
            innovations.withUnsafeMutableBufferPointer { model.filter(w, mean: c.mean, innovations: $0) }
        }
        guard let filtered else {
            throw ForecastError.fitFailed(method: spec.name, reason: "the estimated AR part is not stationary")
        }
        let nu = Double(n)
        var sigma2 = filtered.sumOfSquares / nu
        var logLikelihood = -0.5 * (nu * (log(2 * Double.pi * sigma2) + 1) + filtered.sumLogVariance)
        var residuals = innovations
        if cssOnly {
            let cssResiduals = ARIMAProblem.cssResiduals(w, phi: phi, theta: theta, mean: c.mean)
            let count = n - phi.count
            let ssq = cssResiduals.reduce(0) { $0 + $1 * $1 }
            sigma2 = ssq / Double(count)
            logLikelihood = -0.5 * Double(count) * (log(2 * Double.pi * sigma2) + 1)
            residuals = cssResiduals
        }
        let lost = series.count - n
        let allResiduals = [Double](repeating: 0, count: lost) + residuals
        let k = coefficientCount + 1
        let criteria = ARIMAProblem.criteria(logLikelihood: logLikelihood, parameters: k, observations: n)
        let d = spec.order.d + spec.seasonalOrder.d
        return FittedARIMA(
            specification: spec, ar: c.ar, ma: c.ma, seasonalAR: c.sar, seasonalMA: c.sma,
            mean: hasConstant && d == 0 ? c.mean : nil,
            drift: hasConstant && d == 1 ? c.mean / driftScale : nil,
            sigma2: sigma2, logLikelihood: logLikelihood,
            aic: criteria.aic, aicc: criteria.aicc, bic: criteria.bic,
            residuals: allResiduals, observationCount: n, parameterCount: k,
            converged: converged, iterations: iterations,
            history: regression.removingEffect(of: beta, from: series), differencedMean: c.mean,
            finalState: filtered.state, finalCovariance: filtered.covariance,
            regressionCoefficients: regression.fullCoefficients(beta),
            droppedRegressors: regression.dropped,
            regressionEffect: regression.effect(of: beta))
    }

    /// A differenced series with no variation (after the regression, if any): zero ARMA
    /// coefficients, σ² = 0, infinite likelihood.
    func degenerateFit(beta estimated: [Double] = []) -> FittedARIMA {
        let n = w.count
        let k = coefficientCount + 1
        var mean = hasConstant ? meanStart : 0
        var beta: [Double] = []
        if regression.concentrates {
            let split = regression.split(estimated)
            beta = split.beta
            mean = split.constant
        }
        let model = ARMAStateSpace(ar: [], ma: [])
        let d = spec.order.d + spec.seasonalOrder.d
        return FittedARIMA(
            specification: spec,
            ar: [Double](repeating: 0, count: p), ma: [Double](repeating: 0, count: q),
            seasonalAR: [Double](repeating: 0, count: seasonalP), seasonalMA: [Double](repeating: 0, count: seasonalQ),
            mean: hasConstant && d == 0 ? mean : nil,
            drift: hasConstant && d == 1 ? mean / driftScale : nil,
            sigma2: 0, logLikelihood: .infinity, aic: -.infinity, aicc: -.infinity, bic: -.infinity,
            residuals: [Double](repeating: 0, count: series.count), observationCount: n, parameterCount: k,
            converged: true, iterations: 0, history: regression.removingEffect(of: beta, from: series),
            differencedMean: mean,
            finalState: [Double](repeating: 0, count: model.r),
            finalCovariance: [Double](repeating: 0, count: model.r * model.r),
            regressionCoefficients: regression.fullCoefficients(beta),
            droppedRegressors: regression.dropped,
            regressionEffect: regression.effect(of: beta))
    }

    /// AIC, AICc and BIC as R's `arima` and forecast's `Arima` define them.
    static func criteria(logLikelihood: Double, parameters k: Int, observations n: Int)
        -> (aic: Double, aicc: Double, bic: Double) {
        let aic = -2 * logLikelihood + 2 * Double(k)
        let denominator = Double(n - k - 1)
        let aicc = denominator > 0 ? aic + 2 * Double(k * (k + 1)) / denominator : .infinity
        let bic = aic + Double(k) * (log(Double(n)) - 2)
        return (aic, aicc, bic)
    }
}
