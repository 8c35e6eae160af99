import Stats

/// Safety stock and reorder point for a service level (the cycle service level: the probability of
/// no stockout during a replenishment cycle).
///
/// For continuous review the protection interval is the lead time L and ``reorderPoint`` is the
/// level at which to order; for periodic review with period R it is L + R and ``reorderPoint`` is
/// the order-up-to level. Reference: Silver, Pyke & Thomas (2017), §6.7 and §6.9.
public struct SafetyStock: Sendable, Hashable {
    /// Stock held beyond expected demand over the protection interval.
    public let safetyStock: Double
    /// Expected demand over the protection interval plus the safety stock.
    public let reorderPoint: Double
    /// Expected demand over the protection interval.
    public let expectedDemand: Double
    /// The protection interval in periods (lead time, plus the review period if any).
    public let protectionInterval: Double

    /// Safety stock from the normal approximation: `z·σ·√(L + R)`, extended to
    /// `z·√((L + R)·σ² + d²·σ_L²)` when the lead time itself varies with standard deviation σ_L.
    ///
    /// - Parameters:
    ///   - serviceLevel: Probability of no stockout per cycle, in (0, 1); z is its standard normal quantile.
    ///   - meanDemand: Expected demand per period d, ≥ 0.
    ///   - forecastErrorSD: Standard deviation σ of the one-period forecast error (or demand), ≥ 0,
    ///     errors assumed independent across periods.
    ///   - leadTime: Lead time L in periods, ≥ 0.
    ///   - reviewPeriod: Review period R in periods for periodic review; 0 (default) for continuous review.
    ///   - leadTimeSD: Standard deviation σ_L of the lead time in periods; default 0.
    /// - Throws: ``PolicyError`` for a service level outside (0, 1) or a negative or non-finite input.
    public init(serviceLevel: Double, meanDemand: Double, forecastErrorSD: Double, leadTime: Double,
                reviewPeriod: Double = 0, leadTimeSD: Double = 0) throws(PolicyError) {
        try requireServiceLevel(serviceLevel)
        try requireNonNegative(meanDemand, "mean demand")
        try requireNonNegative(forecastErrorSD, "forecast error standard deviation")
        try requireNonNegative(leadTime, "lead time")
        try requireNonNegative(reviewPeriod, "review period")
        try requireNonNegative(leadTimeSD, "lead time standard deviation")
        let interval = leadTime + reviewPeriod
        let z = Normal.standard.quantile(serviceLevel)
        let variance = interval * forecastErrorSD * forecastErrorSD + meanDemand * meanDemand * leadTimeSD * leadTimeSD
        safetyStock = z * variance.squareRoot()
        expectedDemand = meanDemand * interval
        reorderPoint = expectedDemand + safetyStock
        protectionInterval = interval
    }

    /// Safety stock read off forecast quantiles of demand over the protection interval.
    ///
    /// The reorder point is the demand quantile at `serviceLevel`, linearly interpolated between the
    /// supplied levels; the safety stock is that minus `mean` (or minus the interpolated median when
    /// `mean` is nil). A skewed forecast distribution (intermittent demand) is thereby respected.
    ///
    /// - Parameters:
    ///   - serviceLevel: In (0, 1) and within the range of `levels`.
    ///   - levels: Quantile levels, strictly increasing, in (0, 1).
    ///   - values: Demand quantiles at those levels, non-decreasing, finite.
    ///   - mean: Expected demand over the interval, if known.
    ///   - protectionInterval: The interval the quantiles cover, reported back; default 1.
    /// - Throws: ``PolicyError/badQuantiles(_:)``, ``PolicyError/serviceLevelOutsideQuantiles(serviceLevel:lowest:highest:)``.
    public init(serviceLevel: Double, quantileLevels levels: [Double], quantileValues values: [Double],
                mean: Double? = nil, protectionInterval: Double = 1) throws(PolicyError) {
        try requireServiceLevel(serviceLevel)
        guard !levels.isEmpty, levels.count == values.count else {
            throw .badQuantiles("expected as many values as levels, at least one (\(levels.count) levels, \(values.count) values)")
        }
        for k in levels.indices {
            guard levels[k] > 0, levels[k] < 1, values[k].isFinite else {
                throw .badQuantiles("level \(levels[k]) with value \(values[k]): expected a level in (0, 1) and a finite value")
            }
            if k > 0, !(levels[k] > levels[k - 1]) || values[k] < values[k - 1] {
                throw .badQuantiles("levels must increase and values must not decrease (at position \(k))")
            }
        }
        guard let lowest = levels.first, let highest = levels.last, serviceLevel >= lowest, serviceLevel <= highest else {
            throw .serviceLevelOutsideQuantiles(serviceLevel: serviceLevel, lowest: levels.first ?? .nan,
                                                highest: levels.last ?? .nan)
        }
        let point = Self.interpolate(levels, values, at: serviceLevel)
        let center: Double
        if let mean {
            try requireNonNegative(mean, "mean demand")
            center = mean
        } else if let lowestLevel = levels.first, let highestLevel = levels.last, 0.5 >= lowestLevel, 0.5 <= highestLevel {
            center = Self.interpolate(levels, values, at: 0.5)
        } else {
            throw .badQuantiles("the median is not covered by the levels and no mean was given")
        }
        reorderPoint = point
        expectedDemand = center
        safetyStock = point - center
        self.protectionInterval = protectionInterval
    }

    static func interpolate(_ levels: [Double], _ values: [Double], at p: Double) -> Double {
        var upper = 0
        while upper < levels.count - 1, levels[upper] < p { upper += 1 }
        if upper == 0 || levels[upper] == p { return values[upper] }
        let lower = upper - 1
        let weight = (p - levels[lower]) / (levels[upper] - levels[lower])
        return values[lower] + weight * (values[upper] - values[lower])
    }
}
