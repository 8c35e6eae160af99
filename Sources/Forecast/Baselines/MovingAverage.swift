/// The moving average method: every forecast is the mean of the last `window` observations.
///
/// Intervals treat the window as the mean method does (FPP3, §5.5): σ̂ₕ = σ̂√(1 + 1/k) with σ̂² the
/// sum of squared one-step errors of the trailing k-window mean, yₜ − mean(yₜ₋ₖ…yₜ₋₁), divided by
/// their count minus one. Fewer than two such errors give zero-width intervals.
public struct MovingAverage: Forecaster {
    public let window: Int

    public init(window: Int) { self.window = window }

    public var name: String { "Moving average(\(window))" }

    /// - Throws: `ForecastError.invalidArgument` for a window below 1, `.tooShort` with fewer than
    ///   `window` observations.
    public func forecast(_ history: [Double], horizon: Int, levels: [Double]) throws -> ForecastResult {
        guard window >= 1 else { throw ForecastError.invalidArgument("the moving-average window must be positive, got \(window)") }
        try Validation.forecastArguments(history, horizon: horizon, levels: levels, minimum: window, method: name)
        let n = history.count
        let k = Double(window)
        var sum = 0.0
        for t in 0..<window { sum += history[t] }
        var sse = 0.0
        var count = 0
        for t in window..<max(n, window) {
            let e = history[t] - sum / k
            sse += e * e
            count += 1
            sum += history[t] - history[t - window]
        }
        let sigma = count > 1 ? (sse / Double(count - 1)).squareRoot() : 0
        let mean = [Double](repeating: sum / k, count: horizon)
        let sigmas = [Double](repeating: sigma * (1 + 1 / k).squareRoot(), count: horizon)
        return ForecastResult(model: name, mean: mean, intervals: Validation.normalIntervals(mean: mean, sigma: sigmas, levels: levels))
    }
}
