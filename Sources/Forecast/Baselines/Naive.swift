/// The naive method: every forecast is the last observation (a random walk).
///
/// Intervals as Hyndman & Athanasopoulos, *Forecasting: Principles and Practice* (3rd ed.), §5.5:
/// σ̂ₕ = σ̂√h with σ̂² the mean squared one-step residual yₜ − yₜ₋₁ over the n − 1 residuals (as
/// statsforecast's `Naive`). A one-point history gives zero-width intervals.
public struct Naive: Forecaster {
    public init() {}

    public var name: String { "Naive" }

    public func forecast(_ history: [Double], horizon: Int, levels: [Double]) throws -> ForecastResult {
        try Validation.forecastArguments(history, horizon: horizon, levels: levels, minimum: 1, method: name)
        let n = history.count
        var sse = 0.0
        for t in 1..<max(n, 1) { let e = history[t] - history[t - 1]; sse += e * e }
        let sigma = n > 1 ? (sse / Double(n - 1)).squareRoot() : 0
        let last = history[n - 1]
        let mean = [Double](repeating: last, count: horizon)
        let sigmas = (1...horizon).map { sigma * Double($0).squareRoot() }
        return ForecastResult(model: name, mean: mean, intervals: Validation.normalIntervals(mean: mean, sigma: sigmas, levels: levels))
    }
}
