import Foundation

/// An ETS model fitted to one series: parameters, likelihood, information criteria and the final
/// states, from which it forecasts.
public struct ETSFit: Sendable {
    public let specification: ETSSpecification
    public let parameters: ETSParameters
    /// The Gaussian log-likelihood with the variance concentrated out (statsmodels' `llf`).
    public let logLikelihood: Double
    /// The number of estimated parameters plus one for the variance (statsmodels' `df_model`).
    public let degreesOfFreedom: Int
    public let aic: Double
    /// AIC with the small-sample correction; `.infinity` when n ≤ k + 1.
    public let aicc: Double
    public let bic: Double
    /// The mean of the squared residuals (relative residuals for multiplicative error), SSE/n:
    /// the maximum-likelihood σ² (statsmodels' `mse`).
    public let mse: Double
    /// The σ² of the prediction intervals: SSE/(n − k) with k the estimated parameters
    /// (`degreesOfFreedom` − 1), as R's `ets` and statsforecast correct for the degrees of freedom
    /// the fit used up (they count k one apart: statsforecast divides by n − k − 1, R by n − k + 1).
    /// With a yearly season of weekly data k is dozens, so SSE/n would understate the variance.
    public let variance: Double
    /// One-step in-sample predictions.
    public let fitted: [Double]
    /// y − ŷ for additive error, (y − ŷ)/ŷ for multiplicative error.
    public let residuals: [Double]
    let finalState: ETSRecursion.State
    /// Set by `AutoETS` when it was given a seasonal period but fitted no seasonal model: why.
    public internal(set) var seasonalityDropped: AutoETS.SeasonalityDropped?

    /// The model's name, for example "ETS(M,Ad,M)".
    public var name: String { specification.description }

    /// Evaluates a model at given parameters (no optimisation): the likelihood, fitted values and
    /// final states.
    ///
    /// - Throws: `ForecastError` when the series has non-finite values, is shorter than one season,
    ///   or the seasonal states do not match the period.
    public init(specification: ETSSpecification, parameters: ETSParameters, series y: [Double]) throws {
        try Validation.history(y, minimum: max(1, specification.period), method: specification.description)
        if specification.hasSeason && parameters.initialSeasonal.count != specification.period {
            throw ForecastError.invalidArgument(
                "\(specification) needs \(specification.period) initial seasonal states, got \(parameters.initialSeasonal.count)")
        }
        let recursion = ETSRecursion(specification: specification, parameters: parameters)
        var season = specification.hasSeason ? parameters.initialSeasonal : [0]
        var fitted = [Double](repeating: 0, count: y.count)
        let out = y.withUnsafeBufferPointer { yp in
            season.withUnsafeMutableBufferPointer { sp in
                fitted.withUnsafeMutableBufferPointer { fp in
                    recursion.run(yp, level: parameters.initialLevel, trend: parameters.initialTrend, season: sp, fitted: fp)
                }
            }
        }
        guard out.logLikelihood.isFinite else {
            throw ForecastError.fitFailed(method: specification.description, reason: "the recursion diverged at these parameters")
        }
        var residuals = [Double](repeating: 0, count: y.count)
        for t in y.indices {
            residuals[t] = specification.error == .multiplicative ? (y[t] - fitted[t]) / fitted[t] : y[t] - fitted[t]
        }
        let n = Double(y.count)
        let k = specification.parameterCount + 1
        self.specification = specification
        self.parameters = parameters
        logLikelihood = out.logLikelihood
        degreesOfFreedom = k
        aic = -2 * out.logLikelihood + 2 * Double(k)
        aicc = n - Double(k) - 1 > 0 ? aic + 2 * Double(k * (k + 1)) / (n - Double(k) - 1) : .infinity
        bic = -2 * out.logLikelihood + Double(k) * log(n)
        mse = out.sse / n
        variance = out.sse / max(n - Double(specification.parameterCount), 1)
        self.fitted = fitted
        self.residuals = residuals
        finalState = ETSRecursion.State(level: out.level, trend: out.trend, season: season, step: y.count)
    }
}
