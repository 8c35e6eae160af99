/// The mean method: every forecast is the mean of the whole history.
///
/// Intervals as Hyndman & Athanasopoulos (FPP3, §5.5): σ̂ₕ = σ̂√(1 + 1/n) with σ̂ the sample
/// standard deviation (n − 1 denominator; statsforecast's `HistoricAverage`). One point gives
/// zero-width intervals.
public struct MeanForecast: Forecaster {
    public init() {}

    public var name: String { "Mean" }

    public func forecast(_ history: [Double], horizon: Int, levels: [Double]) throws -> ForecastResult {
        try Validation.forecastArguments(history, horizon: horizon, levels: levels, minimum: 1, method: name)
        let n = Double(history.count)
        let average = history.reduce(0, +) / n
        var sse = 0.0
        for v in history { sse += (v - average) * (v - average) }
        let sigma = history.count > 1 ? (sse / (n - 1)).squareRoot() : 0
        let mean = [Double](repeating: average, count: horizon)
        let sigmas = [Double](repeating: sigma * (1 + 1 / n).squareRoot(), count: horizon)
        return ForecastResult(model: name, mean: mean, intervals: Validation.normalIntervals(mean: mean, sigma: sigmas, levels: levels))
    }
}
