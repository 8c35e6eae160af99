/// The seasonal naive method: each forecast is the observation one season earlier.
///
/// Intervals as Hyndman & Athanasopoulos (FPP3, §5.5): σ̂ₕ = σ̂√(k + 1), k = ⌊(h − 1)/m⌋, with σ̂²
/// the mean squared seasonal difference yₜ − yₜ₋ₘ over its n − m terms (statsforecast's
/// `SeasonalNaive`). A history of exactly one season gives zero-width intervals.
public struct SeasonalNaive: Forecaster {
    public let period: Int

    public init(period: Int) { self.period = period }

    public var name: String { "Seasonal naive" }

    /// - Throws: `ForecastError.invalidArgument` for a period below 1, `.tooShort` with fewer than
    ///   `period` observations.
    public func forecast(_ history: [Double], horizon: Int, levels: [Double]) throws -> ForecastResult {
        guard period >= 1 else { throw ForecastError.invalidArgument("the seasonal period must be positive, got \(period)") }
        try Validation.forecastArguments(history, horizon: horizon, levels: levels, minimum: period, method: name)
        let n = history.count
        var sse = 0.0
        for t in period..<n { let e = history[t] - history[t - period]; sse += e * e }
        let sigma = n > period ? (sse / Double(n - period)).squareRoot() : 0
        var mean = [Double](repeating: 0, count: horizon)
        var sigmas = mean
        for h in 0..<horizon {
            mean[h] = history[n - period + h % period]
            sigmas[h] = sigma * Double(h / period + 1).squareRoot()
        }
        return ForecastResult(model: name, mean: mean, intervals: Validation.normalIntervals(mean: mean, sigma: sigmas, levels: levels))
    }
}
