/// A fitted intermittent-demand method: the demand rate it forecasts and its in-sample fit.
public struct IntermittentFit: Sendable, Hashable {
    /// "Croston", "SBA" or "TSB".
    public let method: String
    /// The forecast demand per period, the same for every step ahead.
    public let rate: Double
    /// Smoothing parameters: [α] for Croston and SBA, [α_demand, α_probability] for TSB.
    public let smoothing: [Double]
    /// One-step in-sample forecasts: NaN for the first period, 0 until the first demand (as
    /// statsforecast).
    public let fitted: [Double]

    /// The forecast over `horizon` with empirical intervals.
    ///
    /// Intervals are the rate plus the empirical (1 − level)/2 and (1 + level)/2 quantiles of the
    /// in-sample one-step errors yₜ − ŷₜ after the first demand (numpy's linear interpolation), constant over the horizon
    /// and clipped below at zero. Fewer than two errors give zero-width intervals.
    func forecast(history: [Double], horizon: Int, levels: [Double]) -> ForecastResult {
        let mean = [Double](repeating: rate, count: horizon)
        var errors: [Double] = []
        errors.reserveCapacity(history.count)
        // Before the first demand the method has no estimate, so those periods are not errors.
        let start = (history.firstIndex { $0 > 0 } ?? history.count) + 1
        for t in start..<max(start, history.count) where fitted[t].isFinite { errors.append(history[t] - fitted[t]) }
        errors.sort()
        let intervals = levels.map { level -> PredictionInterval in
            guard errors.count >= 2 else { return PredictionInterval(level: level, lower: mean, upper: mean) }
            let lower = max(0, rate + Validation.quantile(sorted: errors, (1 - level) / 2))
            let upper = max(lower, rate + Validation.quantile(sorted: errors, (1 + level) / 2))
            return PredictionInterval(level: level, lower: [Double](repeating: lower, count: horizon),
                                      upper: [Double](repeating: upper, count: horizon))
        }
        return ForecastResult(model: method, mean: mean, intervals: intervals)
    }
}

/// How an intermittent-demand method chooses its smoothing parameters.
public enum IntermittentSmoothing: Sendable, Hashable {
    /// Fixed values: one α for Croston and SBA (statsforecast uses 0.1), or (α_demand,
    /// α_probability) for TSB.
    case fixed(Double, Double? = nil)
    /// Minimise the in-sample one-step mean squared error over a grid of step 0.01 in
    /// [0.01, 0.5] (TSB: step 0.02 on both), the grid's best point refined by golden section.
    case optimized
}

enum IntermittentSupport {
    /// Throws unless the history is finite, non-empty and non-negative.
    static func validate(_ y: [Double], method: String) throws {
        try Validation.history(y, minimum: 1, method: method)
        if let bad = y.firstIndex(where: { $0 < 0 }) {
            throw ForecastError.invalidArgument("\(method) needs non-negative demand, the series has \(y[bad]) at position \(bad)")
        }
    }

    static func checkSmoothing(_ values: [Double], method: String) throws {
        for a in values where !(a > 0 && a <= 1) {
            throw ForecastError.invalidArgument("\(method) smoothing parameters must lie in (0, 1], got \(a)")
        }
    }

    /// The in-sample mean squared one-step error where a fitted value exists; +∞ when none does.
    static func mse(_ y: [Double], _ fitted: [Double]) -> Double {
        var sse = 0.0, count = 0
        for t in y.indices where fitted[t].isFinite {
            let e = y[t] - fitted[t]
            sse += e * e
            count += 1
        }
        return count > 0 ? sse / Double(count) : .infinity
    }

    /// The minimiser of `f` over [lower, upper]: a grid of `steps` points, then golden section
    /// around the best grid point. Ties keep the smaller value.
    static func minimize(lower: Double, upper: Double, steps: Int, _ f: (Double) -> Double) -> Double {
        let width = (upper - lower) / Double(steps - 1)
        var best = lower, bestValue = f(lower)
        for i in 1..<steps {
            let x = lower + Double(i) * width
            let v = f(x)
            if v < bestValue { best = x; bestValue = v }
        }
        var a = max(lower, best - width), b = min(upper, best + width)
        let ratio = (5.0.squareRoot() - 1) / 2
        var c = b - ratio * (b - a), d = a + ratio * (b - a)
        var fc = f(c), fd = f(d)
        for _ in 0..<30 {
            if fc < fd { b = d; d = c; fd = fc; c = b - ratio * (b - a); fc = f(c) } else { a = c; c = d; fc = fd; d = a + ratio * (b - a); fd = f(d) }
        }
        let candidate = (a + b) / 2
        return f(candidate) < bestValue ? candidate : best
    }
}
