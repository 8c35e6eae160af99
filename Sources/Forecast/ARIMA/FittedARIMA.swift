/// A fitted ARIMA model: its parameters, likelihood, information criteria and residuals, ready to
/// forecast.
///
/// Coefficients follow R's and statsmodels' signs: `φ(B) = 1 − Σ φ_i Bⁱ`, `θ(B) = 1 + Σ θ_j Bʲ`.
public struct FittedARIMA: Sendable {
    /// The specification that was fitted.
    public let specification: ARIMA
    /// φ₁ … φ_p.
    public let ar: [Double]
    /// θ₁ … θ_q.
    public let ma: [Double]
    /// Φ₁ … Φ_P.
    public let seasonalAR: [Double]
    /// Θ₁ … Θ_Q.
    public let seasonalMA: [Double]
    /// The mean of the series when d + D = 0 and a constant was fitted.
    public let mean: Double?
    /// The slope per period when d + D = 1 and a constant was fitted (R forecast's `drift`).
    public let drift: Double?
    /// The maximum-likelihood innovation variance σ² (sum of squared standardised innovations over
    /// the number of observations used).
    public let sigma2: Double
    /// The exact Gaussian log-likelihood of the differenced series (R's `arima` convention; equals
    /// the exact-diffuse log-likelihood of statsmodels plus ½·log(2π) per differencing observation).
    /// For `.conditionalSumOfSquares` fits, the conditional log-likelihood.
    public let logLikelihood: Double
    /// −2 log L + 2k, with k counting the coefficients, the constant and σ².
    public let aic: Double
    /// AIC + 2k(k + 1)/(n* − k − 1), with n* = n − d − sD; infinite when n* ≤ k + 1.
    public let aicc: Double
    /// AIC + k(log n* − 2).
    public let bic: Double
    /// One-step prediction errors, one per observation; the first d + sD (which only fix the
    /// starting level of the integrated process) are 0.
    public let residuals: [Double]
    /// n* = n − d − sD, the observations that enter the likelihood.
    public let observationCount: Int
    /// k: coefficients, the constant if any, and σ².
    public let parameterCount: Int
    /// Whether the optimiser met its convergence test.
    public let converged: Bool
    /// Quasi-Newton iterations of the maximum-likelihood stage.
    public let iterations: Int

    // Forecasting state: the history, the mean of the differenced series and the Kalman filter's
    // predicted state after the last observation (covariance in units of σ²).
    let history: [Double]
    let differencedMean: Double
    let finalState: [Double]
    let finalCovariance: [Double]

    /// β of a regression with ARIMA errors, one per regressor column given (empty without
    /// regressors; 0 for a column that differencing makes zero, listed in `droppedRegressors`).
    public internal(set) var regressionCoefficients: [Double] = []
    /// Regressor columns left out of the fit because they are zero after differencing (for example
    /// a constant column with d ≥ 1, or an event that never happens in the history).
    public internal(set) var droppedRegressors: [Int] = []
    /// Xβ over the history (empty without regressors); `history` holds the regression errors y − Xβ.
    var regressionEffect: [Double] = []

    /// Whether the model was fitted with regressors, so that forecasts need their future values.
    public var hasRegressors: Bool { !regressionCoefficients.isEmpty }

    /// The one-step-ahead in-sample predictions, `y − residuals`.
    public var fittedValues: [Double] {
        guard !regressionEffect.isEmpty else { return zip(history, residuals).map { $0 - $1 } }
        return (0..<history.count).map { history[$0] + regressionEffect[$0] - residuals[$0] }
    }

    /// A short name such as "ARIMA(1,1,1) with drift".
    public var name: String { specification.name }
}

extension FittedARIMA {
    /// The same model with another innovation variance (which scales the prediction intervals).
    func replacingSigma2(_ value: Double) -> FittedARIMA {
        FittedARIMA(
            specification: specification, ar: ar, ma: ma, seasonalAR: seasonalAR, seasonalMA: seasonalMA,
            mean: mean, drift: drift, sigma2: value, logLikelihood: logLikelihood, aic: aic, aicc: aicc, bic: bic,
            residuals: residuals, observationCount: observationCount, parameterCount: parameterCount,
            converged: converged, iterations: iterations, history: history, differencedMean: differencedMean,
            finalState: finalState, finalCovariance: finalCovariance,
            regressionCoefficients: regressionCoefficients, droppedRegressors: droppedRegressors,
            regressionEffect: regressionEffect)
    }

    /// The same model with its information criteria replaced (the CSS approximation of `AutoARIMA`).
    func replacingCriteria(aic: Double, aicc: Double, bic: Double) -> FittedARIMA {
        FittedARIMA(
            specification: specification, ar: ar, ma: ma, seasonalAR: seasonalAR, seasonalMA: seasonalMA,
            mean: mean, drift: drift, sigma2: sigma2, logLikelihood: logLikelihood, aic: aic, aicc: aicc, bic: bic,
            residuals: residuals, observationCount: observationCount, parameterCount: parameterCount,
            converged: converged, iterations: iterations, history: history, differencedMean: differencedMean,
            finalState: finalState, finalCovariance: finalCovariance,
            regressionCoefficients: regressionCoefficients, droppedRegressors: droppedRegressors,
            regressionEffect: regressionEffect)
    }
}
