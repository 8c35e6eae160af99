import Foundation

/// How a quantile between two order statistics is chosen; the names and definitions are numpy's
/// (`np.quantile(..., method=)`), after Hyndman & Fan (1996).
public enum QuantileMethod: Sendable, Hashable, CaseIterable {
    /// Linear interpolation at (n - 1)p, numpy's and pandas' default (H&F type 7).
    case linear
    /// The lower of the two neighbouring order statistics.
    case lower
    /// The higher of the two neighbouring order statistics.
    case higher
    /// The nearer neighbour, ties to the even index (numpy's rounding).
    case nearest
    /// The mean of the two neighbours.
    case midpoint
    /// H&F type 4, piecewise linear on the empirical cdf.
    case interpolatedInvertedCDF
    /// H&F type 5.
    case hazen
    /// H&F type 6.
    case weibull
    /// H&F type 8, approximately median-unbiased whatever the distribution (R's recommendation).
    case medianUnbiased
    /// H&F type 9, approximately unbiased for normal data.
    case normalUnbiased
}

extension Collection where Element == Double {
    /// The `p`-quantile, `p` in [0, 1].
    ///
    /// NaN values are skipped by default (pandas); an empty input or a `p` outside [0, 1] gives NaN.
    /// - Complexity: O(n log n) for the sort.
    public func quantile(_ p: Double, method: QuantileMethod = .linear, nan policy: NaNPolicy = .skip) -> Double {
        quantiles([p], method: method, nan: policy)[0]
    }

    /// Several quantiles from one sort.
    public func quantiles(_ ps: [Double], method: QuantileMethod = .linear, nan policy: NaNPolicy = .skip) -> [Double] {
        guard let values = kept(under: policy), !values.isEmpty else { return ps.map { _ in .nan } }
        let sorted = values.sorted()
        return ps.map { sortedQuantile(sorted, $0, method: method) }
    }

    /// The median (the 0.5 quantile, averaging the middle pair for an even count).
    public func median(nan policy: NaNPolicy = .skip) -> Double {
        quantile(0.5, method: .linear, nan: policy)
    }

    /// The interquartile range, Q3 - Q1 with linear interpolation.
    public func interquartileRange(nan policy: NaNPolicy = .skip) -> Double {
        let q = quantiles([0.25, 0.75], nan: policy)
        return q[1] - q[0]
    }
}

/// The `p`-quantile of already sorted, NaN-free, non-empty values.
@usableFromInline
func sortedQuantile(_ sorted: [Double], _ p: Double, method: QuantileMethod = .linear) -> Double {
    guard p >= 0, p <= 1, !sorted.isEmpty else { return .nan }
    let n = sorted.count
    let last = Double(n - 1)
    func at(_ index: Int) -> Double { sorted[Swift.min(Swift.max(index, 0), n - 1)] }
    func interpolate(_ position: Double) -> Double {
        let clipped = Swift.min(Swift.max(position, 0), last)
        let below = clipped.rounded(.down)
        let fraction = clipped - below
        let lo = at(Int(below))
        let hi = at(Int(below) + 1)
        // numpy's _lerp: exact at both ends and monotone.
        let diff = hi - lo
        return fraction >= 0.5 ? hi - diff * (1 - fraction) : lo + diff * fraction
    }
    func continuous(alpha: Double, beta: Double) -> Double {
        interpolate(Double(n) * p + alpha + p * (1 - alpha - beta) - 1)
    }
    let position = p * last
    switch method {
    case .linear: return interpolate(position)
    case .lower: return at(Int(position.rounded(.down)))
    case .higher: return at(Int(position.rounded(.up)))
    case .nearest: return at(Int(position.rounded(.toNearestOrEven)))
    case .midpoint: return (at(Int(position.rounded(.down))) + at(Int(position.rounded(.up)))) / 2
    case .interpolatedInvertedCDF: return continuous(alpha: 0, beta: 1)
    case .hazen: return continuous(alpha: 0.5, beta: 0.5)
    case .weibull: return continuous(alpha: 0, beta: 0)
    case .medianUnbiased: return continuous(alpha: 1.0 / 3, beta: 1.0 / 3)
    case .normalUnbiased: return continuous(alpha: 3.0 / 8, beta: 3.0 / 8)
    }
}
