import Foundation

extension Collection where Element == Double {
    /// The arithmetic mean.
    ///
    /// Returns NaN for an empty input (after skipping NaN), or under `.propagate` when a NaN is present.
    /// - Complexity: O(n).
    public func mean(nan policy: NaNPolicy = .skip) -> Double {
        guard let values = kept(under: policy), !values.isEmpty else { return .nan }
        return values.reduce(0, +) / Double(values.count)
    }

    /// The variance with `ddof` delta degrees of freedom: Σ(x - mean)² / (n - ddof).
    ///
    /// `ddof` defaults to 1 (the sample variance, as pandas); use 0 for numpy's population variance.
    /// Two-pass algorithm, as pandas and numpy. Returns NaN when n - ddof ≤ 0.
    public func variance(ddof: Int = 1, nan policy: NaNPolicy = .skip) -> Double {
        guard let values = kept(under: policy) else { return .nan }
        return centralSum(values, power: 2).map { values.count - ddof > 0 ? $0 / Double(values.count - ddof) : .nan } ?? .nan
    }

    /// The standard deviation, the square root of `variance(ddof:nan:)`.
    public func standardDeviation(ddof: Int = 1, nan policy: NaNPolicy = .skip) -> Double {
        variance(ddof: ddof, nan: policy).squareRoot()
    }

    /// The skewness.
    ///
    /// With `bias: false` (the default) it is the adjusted Fisher–Pearson coefficient G1 that
    /// pandas' `Series.skew()` returns, NaN for fewer than 3 values; with `bias: true` it is
    /// m3 / m2^1.5, scipy's `stats.skew(x)`, NaN for an empty input. A constant input gives 0
    /// (pandas' convention; scipy would return NaN). Joanes & Gill (1998).
    public func skewness(bias: Bool = false, nan policy: NaNPolicy = .skip) -> Double {
        guard let values = kept(under: policy), !values.isEmpty else { return .nan }
        let n = Double(values.count)
        if !bias && values.count < 3 { return .nan }
        let (s2, s3) = centralSums23(values)
        guard s2 != 0 else { return 0 }
        if bias {
            let m2 = s2 / n, m3 = s3 / n
            return m3 / pow(m2, 1.5)
        }
        return (n * (n - 1).squareRoot() / (n - 2)) * (s3 / pow(s2, 1.5))
    }

    /// The excess kurtosis (normal = 0).
    ///
    /// With `bias: false` (the default) it is the unbiased estimator G2 that pandas' `Series.kurt()`
    /// returns, NaN for fewer than 4 values; with `bias: true` it is m4 / m2² - 3, scipy's
    /// `stats.kurtosis(x)`. A constant input gives 0 (pandas' convention). Joanes & Gill (1998).
    public func kurtosis(bias: Bool = false, nan policy: NaNPolicy = .skip) -> Double {
        guard let values = kept(under: policy), !values.isEmpty else { return .nan }
        let n = Double(values.count)
        if !bias && values.count < 4 { return .nan }
        guard let s2 = centralSum(values, power: 2), let s4 = centralSum(values, power: 4), s2 != 0 else { return 0 }
        if bias {
            let m2 = s2 / n, m4 = s4 / n
            return m4 / (m2 * m2) - 3
        }
        let adjustment = 3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3))
        let numerator = n * (n + 1) * (n - 1) * s4
        let denominator = (n - 2) * (n - 3) * s2 * s2
        return numerator / denominator - adjustment
    }
}

/// Σ(x - mean)^power by two passes; nil for an empty input. Sums below 1e-14 in magnitude are
/// rounding noise and become 0, as in pandas (so a constant column has zero spread).
@usableFromInline
func centralSum(_ values: [Double], power: Int) -> Double? {
    guard !values.isEmpty else { return nil }
    let mean = values.reduce(0, +) / Double(values.count)
    var sum = 0.0
    for value in values {
        let d = value - mean
        switch power {
        case 2: sum += d * d
        case 3: sum += d * d * d
        case 4: let d2 = d * d; sum += d2 * d2
        default: sum += pow(d, Double(power))
        }
    }
    return power == 2 ? sum : (abs(sum) < 1e-14 ? 0 : sum)
}

@usableFromInline
func centralSums23(_ values: [Double]) -> (Double, Double) {
    let s2 = centralSum(values, power: 2) ?? 0
    let s3 = centralSum(values, power: 3) ?? 0
    return (abs(s2) < 1e-14 ? 0 : s2, s3)
}
