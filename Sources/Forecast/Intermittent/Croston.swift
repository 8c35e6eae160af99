/// Croston's method for intermittent demand, and its bias-corrected variant SBA.
///
/// Croston (1972): simple exponential smoothing of the non-zero demand sizes ẑ and of the intervals
/// between demands p̂, each started at its first value, and the rate ẑ/p̂. SBA (Syntetos & Boylan
/// 2005) multiplies the rate by 1 − α/2. With α = 0.1 both agree with statsforecast's
/// `CrostonClassic` and `CrostonSBA`. Intervals: see `IntermittentFit.forecast`.
public struct Croston: Forecaster {
    public enum Variant: String, Sendable, Hashable {
        case classic = "Croston"
        case sba = "SBA"
    }

    public let variant: Variant
    public let smoothing: IntermittentSmoothing

    public init(variant: Variant = .classic, smoothing: IntermittentSmoothing = .fixed(0.1)) {
        self.variant = variant
        self.smoothing = smoothing
    }

    public var name: String { variant.rawValue }

    /// Fits to a non-negative demand history.
    ///
    /// A history without demand fits a zero rate.
    /// - Throws: `ForecastError` for empty, non-finite or negative histories and for a smoothing
    ///   parameter outside (0, 1].
    public func fit(_ y: [Double]) throws -> IntermittentFit {
        try IntermittentSupport.validate(y, method: name)
        let alpha: Double
        switch smoothing {
        case let .fixed(a, _):
            try IntermittentSupport.checkSmoothing([a], method: name)
            alpha = a
        case .optimized:
            alpha = IntermittentSupport.minimize(lower: 0.01, upper: 0.5, steps: 50) { a in
                IntermittentSupport.mse(y, Croston.run(y, alpha: a, variant: variant).fitted)
            }
        }
        let result = Croston.run(y, alpha: alpha, variant: variant)
        return IntermittentFit(method: name, rate: result.rate, smoothing: [alpha], fitted: result.fitted)
    }

    public func forecast(_ history: [Double], horizon: Int, levels: [Double]) throws -> ForecastResult {
        try Validation.horizon(horizon)
        try Validation.levels(levels)
        return try fit(history).forecast(history: history, horizon: horizon, levels: levels)
    }

    static func run(_ y: [Double], alpha: Double, variant: Variant) -> (rate: Double, fitted: [Double]) {
        let factor = variant == .sba ? 1 - alpha / 2 : 1
        var fitted = [Double](repeating: .nan, count: y.count)
        var size = 0.0, interval = 0.0, seen = false
        var since = 0.0
        for t in y.indices {
            if seen { fitted[t] = factor * size / interval } else if t > 0 { fitted[t] = 0 }
            since += 1
            if y[t] > 0 {
                if seen {
                    size += alpha * (y[t] - size)
                    interval += alpha * (since - interval)
                } else {
                    size = y[t]
                    interval = since
                    seen = true
                }
                since = 0
            }
        }
        guard seen else { return (0, y.indices.map { $0 == 0 ? .nan : 0 }) }
        return (factor * size / interval, fitted)
    }
}
