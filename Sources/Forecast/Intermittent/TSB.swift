/// The Teunter–Syntetos–Babai method for intermittent demand (Teunter, Syntetos & Babai 2011).
///
/// Simple exponential smoothing of the non-zero demand sizes ẑ (updated only when demand occurs)
/// and of the demand probability p̂ (updated every period with the 0/1 occurrence), each started
/// at its first value; the rate is p̂·ẑ. Unlike Croston, the probability decays through runs of
/// zeros, so obsolete items forecast towards zero. With fixed parameters it agrees with
/// statsforecast's `TSB`. Intervals: see `IntermittentFit.forecast`.
public struct TSB: Forecaster {
    public let smoothing: IntermittentSmoothing

    /// - Parameter smoothing: `.fixed(alphaDemand, alphaProbability)` (the probability's α defaults
    ///   to the demand's) or `.optimized`.
    public init(smoothing: IntermittentSmoothing = .fixed(0.1, 0.1)) {
        self.smoothing = smoothing
    }

    public var name: String { "TSB" }

    /// - Throws: `ForecastError` for empty, non-finite or negative histories and smoothing
    ///   parameters outside (0, 1].
    public func fit(_ y: [Double]) throws -> IntermittentFit {
        try IntermittentSupport.validate(y, method: name)
        var alphaDemand: Double, alphaProbability: Double
        switch smoothing {
        case let .fixed(a, b):
            alphaDemand = a
            alphaProbability = b ?? a
            try IntermittentSupport.checkSmoothing([alphaDemand, alphaProbability], method: name)
        case .optimized:
            alphaDemand = 0.1
            alphaProbability = 0.1
            var best = Double.infinity
            for i in 1...25 {
                for j in 1...25 {
                    let a = Double(i) * 0.02, b = Double(j) * 0.02
                    let value = IntermittentSupport.mse(y, TSB.run(y, alphaDemand: a, alphaProbability: b).fitted)
                    if value < best { best = value; alphaDemand = a; alphaProbability = b }
                }
            }
            // Refine each coordinate in turn around the grid optimum.
            let fixedProbability = alphaProbability
            alphaDemand = IntermittentSupport.minimize(lower: max(0.01, alphaDemand - 0.02), upper: min(1, alphaDemand + 0.02), steps: 5) { a in
                IntermittentSupport.mse(y, TSB.run(y, alphaDemand: a, alphaProbability: fixedProbability).fitted)
            }
            let fixedDemand = alphaDemand
            alphaProbability = IntermittentSupport.minimize(lower: max(0.01, alphaProbability - 0.02), upper: min(1, alphaProbability + 0.02), steps: 5) { b in
                IntermittentSupport.mse(y, TSB.run(y, alphaDemand: fixedDemand, alphaProbability: b).fitted)
            }
        }
        let result = TSB.run(y, alphaDemand: alphaDemand, alphaProbability: alphaProbability)
        return IntermittentFit(method: name, rate: result.rate, smoothing: [alphaDemand, alphaProbability], fitted: result.fitted)
    }

    public func forecast(_ history: [Double], horizon: Int, levels: [Double]) throws -> ForecastResult {
        try Validation.horizon(horizon)
        try Validation.levels(levels)
        return try fit(history).forecast(history: history, horizon: horizon, levels: levels)
    }

    static func run(_ y: [Double], alphaDemand: Double, alphaProbability: Double) -> (rate: Double, fitted: [Double]) {
        var fitted = [Double](repeating: .nan, count: y.count)
        var probability = 0.0, size = 0.0, seenDemand = false
        for t in y.indices {
            if t > 0 { fitted[t] = probability * size }
            let occurred: Double = y[t] > 0 ? 1 : 0
            probability = t == 0 ? occurred : probability + alphaProbability * (occurred - probability)
            if y[t] > 0 {
                size = seenDemand ? size + alphaDemand * (y[t] - size) : y[t]
                seenDemand = true
            }
        }
        return (probability * size, fitted)
    }
}
