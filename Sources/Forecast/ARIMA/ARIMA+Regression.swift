import Stats

extension ARIMA {
    /// Fits a regression with ARIMA errors, `y_t = β'x_t + η_t` with η_t following this model
    /// (the constant, if any, being η's mean or drift), by exact Gaussian maximum likelihood from
    /// conditional-sum-of-squares starting values: R's `arima(xreg=)` / forecast's
    /// `Arima(xreg=)` and statsmodels' `SARIMAX(exog=)`. Harvey (1989) §3.4.3.
    ///
    /// The series and the regressors are differenced alike and β is concentrated out of the
    /// likelihood by generalised least squares, so the optimiser searches only the ARMA
    /// coefficients whatever the number of regressors (see `ARIMARegressors`).
    /// A column that differencing turns into zeros (a constant column with d ≥ 1, an event that
    /// never occurs in the history) cannot be estimated: it is left out with coefficient 0 and
    /// listed in `FittedARIMA.droppedRegressors`.
    /// - Parameters:
    ///   - series: the history, oldest first, all finite.
    ///   - regressors: the regressor columns, each as long as `series`; `[]` fits the plain model.
    /// - Returns: the fitted model; forecast it with `forecast(horizon:regressors:levels:)`.
    /// - Throws: as `fit(_:)`, and `ForecastError.invalidArgument` for a column of another length,
    ///   with non-finite values, or collinear with the others (and the constant).
    /// - Complexity: as `fit(_:)` times (1 + number of regressors).
    public func fit(_ series: [Double], regressors: [[Double]]) throws -> FittedARIMA {
        let problem = try ARIMAProblem(self, series, regressors: regressors)
        return try problem.solve()
    }

    /// Fits a regression with ARIMA errors; `regressors` has one row per observation and one
    /// column per regressor. See `fit(_:regressors:)` with columns.
    public func fit(_ series: [Double], regressors: Matrix) throws -> FittedARIMA {
        try fit(series, regressors: (0..<regressors.columns).map { regressors.column($0) })
    }
}

extension FittedARIMA {
    /// Forecasts a regression with ARIMA errors: β'x at the future regressor values plus the
    /// forecast of the ARIMA errors, with the errors' prediction intervals (β treated as known, as
    /// R's `predict.Arima` and statsmodels' `get_forecast`).
    /// - Parameters:
    ///   - horizon: the number of steps, at least 1.
    ///   - regressors: the future values, one column per regressor of the fit, each `horizon` long.
    ///   - levels: interval coverages, each in (0, 1).
    /// - Throws: `ForecastError.invalidArgument` when the columns do not match the fit or the
    ///   horizon, or hold non-finite values; as `forecast(horizon:levels:)` otherwise.
    public func forecast(horizon: Int, regressors: [[Double]], levels: [Double] = [0.8, 0.95]) throws -> ForecastResult {
        guard regressors.count == regressionCoefficients.count else {
            throw ForecastError.invalidArgument(
                "the model has \(regressionCoefficients.count) regressors, \(regressors.count) future columns were given")
        }
        for (j, column) in regressors.enumerated() {
            guard column.count == horizon else {
                throw ForecastError.invalidArgument("future regressor \(j) has \(column.count) values for a horizon of \(horizon)")
            }
            guard column.allSatisfy(\.isFinite) else {
                throw ForecastError.invalidArgument("future regressor \(j) has missing or non-finite values")
            }
        }
        let errors = try errorForecast(horizon: horizon, levels: levels)
        var effect = [Double](repeating: 0, count: horizon)
        for (column, b) in zip(regressors, regressionCoefficients) where b != 0 {
            for t in 0..<horizon { effect[t] += b * column[t] }
        }
        func shifted(_ values: [Double]) -> [Double] { zip(values, effect).map { $0 + $1 } }
        return ForecastResult(
            model: errors.model, mean: shifted(errors.mean),
            intervals: errors.intervals.map {
                PredictionInterval(level: $0.level, lower: shifted($0.lower), upper: shifted($0.upper))
            })
    }
}

extension AutoARIMA {
    /// Selects and fits a regression with ARIMA errors; see `search(_:regressors:)`.
    public func fit(_ series: [Double], regressors: [[Double]]) throws -> FittedARIMA {
        try search(series, regressors: regressors).best
    }
}
