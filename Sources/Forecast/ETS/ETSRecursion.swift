import Foundation

/// The state recursion of an ETS model in error-correction form, as statsmodels' `ETSModel`
/// smooths (its `_ets_smooth` kernels); the error type only changes the likelihood.
///
/// ŷₜ = (ℓ + φb) ⊕ s₍ₜ₋ₘ₎, ℓₜ = α(yₜ ⊖ s₍ₜ₋ₘ₎) + (1−α)(ℓ + φb), bₜ = β*(ℓₜ − ℓ) + (1−β*)φb,
/// sₜ = γ*(yₜ ⊖ ℓₜ) + (1−γ*)s₍ₜ₋ₘ₎ with β* = β/α and γ* = γ/(1−α), where ⊕/⊖ are + and − for
/// additive seasons and × and ÷ for multiplicative ones. For additive seasons this is exactly the
/// state space form of Hyndman et al. (2008); for multiplicative seasons the seasonal update divides
/// by ℓₜ instead of ℓₜ₋₁ + φbₜ₋₁ (statsmodels' form).
struct ETSRecursion {
    let specification: ETSSpecification
    var alpha: Double
    var betaStar: Double
    var gammaStar: Double
    var phi: Double

    init(specification: ETSSpecification, parameters p: ETSParameters) {
        self.specification = specification
        alpha = p.alpha
        betaStar = specification.hasTrend && p.alpha > 0 ? p.beta / p.alpha : 0
        gammaStar = specification.hasSeason && p.alpha < 1 ? p.gamma / (1 - p.alpha) : 0
        phi = specification.isDamped ? p.phi : 1
    }

    /// The final states after a pass, ready to forecast from.
    struct State: Sendable, Hashable {
        var level: Double
        var trend: Double
        /// Ring buffer of seasonal states; `season[t % period]` applies to step `t`.
        var season: [Double]
        /// The index of the next step (the count of observations consumed).
        var step: Int
    }

    /// Runs the recursion over `y` and returns the log-likelihood (statsmodels' concentrated form).
    ///
    /// - Parameters:
    ///   - season: scratch of `period` values holding s₋ₘ…s₋₁ on entry and the final ring on exit.
    ///   - fitted: when given, receives the one-step predictions.
    /// - Returns: the log-likelihood, the sum of squared (relative, for multiplicative error)
    ///   residuals, and the final level and trend. The log-likelihood is −∞ when a prediction is not
    ///   finite.
    @inline(__always)
    func run(_ y: UnsafeBufferPointer<Double>, level l0: Double, trend b0: Double,
             season: UnsafeMutableBufferPointer<Double>, fitted: UnsafeMutableBufferPointer<Double>?)
        -> (logLikelihood: Double, sse: Double, level: Double, trend: Double) {
        let n = y.count
        let m = specification.period
        let multiplicativeSeason = specification.season == .multiplicative
        let seasonal = specification.hasSeason
        let multiplicativeError = specification.error == .multiplicative
        var l = l0, b = specification.hasTrend ? b0 : 0
        var sse = 0.0
        var logSum = 0.0
        // Σ log|ŷₜ| for multiplicative error, as the log of running products taken only when a
        // product leaves [1e-100, 1e100]: one logarithm per dozens of steps instead of one per step.
        var product = 1.0
        var slot = 0
        for t in 0..<n {
            let s = seasonal ? season[slot] : (multiplicativeSeason ? 1 : 0)
            let base = l + phi * b
            let yhat = multiplicativeSeason ? base * s : base + s
            let yt = y[t]
            if let fitted { fitted[t] = yhat }
            let e: Double
            if multiplicativeError {
                let denominator = yhat == 0 ? 1e-32 : yhat
                e = (yt - yhat) / denominator
                product *= abs(denominator)
                if !(product > 1e-100 && product < 1e100) {
                    logSum += log(product)
                    product = 1
                }
            } else {
                e = yt - yhat
            }
            sse += e * e
            let newLevel = alpha * (multiplicativeSeason ? yt / s : yt - s) + (1 - alpha) * base
            b = betaStar * (newLevel - l) + (1 - betaStar) * phi * b
            l = newLevel
            if seasonal {
                season[slot] = gammaStar * (multiplicativeSeason ? yt / l : yt - l) + (1 - gammaStar) * s
                slot += 1
                if slot == m { slot = 0 }
            }
        }
        logSum += log(product)
        guard sse.isFinite, logSum.isFinite, n > 0 else { return (-.infinity, sse, l, b) }
        let nobs = Double(n)
        // A perfect fit (a constant series) would give log(0); a floor keeps the value finite.
        let mse = max(sse / nobs, 1e-300)
        let llf = -nobs / 2 * (log(2 * Double.pi * mse) + 1) - logSum
        return (llf, sse, l, b)
    }

    /// One step of the recursion for forecasting and simulation: returns ŷ and updates the state
    /// with the observation `y` (pass ŷ itself for a point forecast).
    @inline(__always)
    func predict(_ state: State) -> Double {
        let m = specification.period
        let base = state.level + phi * state.trend
        guard specification.hasSeason else { return base }
        let s = state.season[state.step % m]
        return specification.season == .multiplicative ? base * s : base + s
    }

    @inline(__always)
    func update(_ state: inout State, with yt: Double) {
        let m = specification.period
        let multiplicativeSeason = specification.season == .multiplicative
        let base = state.level + phi * state.trend
        let slot = state.step % m
        let s = specification.hasSeason ? state.season[slot] : (multiplicativeSeason ? 1 : 0)
        let newLevel = alpha * (multiplicativeSeason ? yt / s : yt - s) + (1 - alpha) * base
        state.trend = specification.hasTrend ? betaStar * (newLevel - state.level) + (1 - betaStar) * phi * state.trend : 0
        state.level = newLevel
        if specification.hasSeason {
            state.season[slot] = gammaStar * (multiplicativeSeason ? yt / newLevel : yt - newLevel) + (1 - gammaStar) * s
        }
        state.step += 1
    }
}
