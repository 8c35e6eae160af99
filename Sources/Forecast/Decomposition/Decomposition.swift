import Foundation

/// A series split into trend, seasonal and remainder components.
///
/// Additive: observed = trend + seasonal + residual. Multiplicative: observed = trend × seasonal ×
/// residual.
public struct Decomposition: Sendable, Hashable {
    public enum Model: String, Sendable, Hashable {
        case additive, multiplicative
    }

    public let model: Model
    public let period: Int
    public let observed: [Double]
    public let trend: [Double]
    public let seasonal: [Double]
    public let residual: [Double]
    /// STL's final robustness weights (all 1 without robust iterations); empty for classical
    /// decomposition.
    public let weights: [Double]

    /// The seasonally adjusted series: observed − seasonal (additive) or observed / seasonal.
    public var seasonallyAdjusted: [Double] {
        zip(observed, seasonal).map { model == .additive ? $0 - $1 : $0 / $1 }
    }

    /// Strength of seasonality, max(0, 1 − Var(R)/Var(S + R)) (Wang, Smith & Hyndman 2006); for
    /// multiplicative decompositions on the log scale. NaN when Var(S + R) is zero.
    public var seasonalStrength: Double {
        let logs = model == .multiplicative
        let r = residual.map { logs ? log($0) : $0 }
        let sr = zip(seasonal, residual).map { logs ? log($0) + log($1) : $0 + $1 }
        let denominator = Decomposition.variance(sr)
        guard denominator > 0 else { return .nan }
        return max(0, 1 - Decomposition.variance(r) / denominator)
    }

    static func variance(_ x: [Double]) -> Double {
        guard x.count > 1 else { return .nan }
        let m = x.reduce(0, +) / Double(x.count)
        return x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)
    }
}
