/// A class of the XYZ analysis: X items have steady demand, Z items erratic demand.
public enum XYZClass: String, Sendable, Hashable, CaseIterable, Comparable {
    case x = "X", y = "Y", z = "Z"

    public static func < (lhs: XYZClass, rhs: XYZClass) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// XYZ classification of items by the coefficient of variation of their demand per period.
///
/// The coefficient of variation is the sample standard deviation (n − 1 denominator, as pandas'
/// `std()`) divided by the mean. An item is X when it is ≤ `xThreshold`, Y when ≤ `yThreshold`,
/// Z otherwise; an item with zero mean demand has an infinite coefficient and is Z.
/// Reference: Scholz-Reiter et al. (2012), "Integration of demand forecasts in ABC-XYZ analysis".
public struct XYZClassification: Sendable {
    /// The class of each item, in input order.
    public let classes: [XYZClass]
    /// The coefficient of variation of each item, in input order (+∞ for zero mean demand).
    public let coefficientsOfVariation: [Double]

    /// Classifies items by the variability of their demand series.
    ///
    /// - Parameters:
    ///   - demand: One series of demand per period for each item; each needs at least 2 periods of
    ///     finite values ≥ 0.
    ///   - xThreshold: Largest coefficient of variation of class X; default 0.5.
    ///   - yThreshold: Largest coefficient of variation of class Y; default 1.0.
    /// - Throws: ``PolicyError`` for a series shorter than 2, a NaN, infinite or negative value, or
    ///   thresholds outside 0 < x ≤ y.
    /// - Complexity: O(total number of periods).
    public init(demand: [[Double]], xThreshold: Double = 0.5, yThreshold: Double = 1.0) throws(PolicyError) {
        guard xThreshold > 0, xThreshold <= yThreshold else { throw .badThresholds(first: xThreshold, second: yThreshold) }
        var classes: [XYZClass] = []
        var coefficients: [Double] = []
        classes.reserveCapacity(demand.count)
        coefficients.reserveCapacity(demand.count)
        for (item, series) in demand.enumerated() {
            guard series.count >= 2 else { throw .tooFewPeriods(item: item, count: series.count, required: 2) }
            for value in series { try requireNonNegative(value, "demand of item \(item)") }
            let cv = Self.coefficientOfVariation(series)
            coefficients.append(cv)
            classes.append(cv <= xThreshold ? .x : (cv <= yThreshold ? .y : .z))
        }
        self.classes = classes
        self.coefficientsOfVariation = coefficients
    }

    /// Sample standard deviation over mean, by a two-pass sum; +∞ when the mean is 0.
    static func coefficientOfVariation(_ series: [Double]) -> Double {
        let n = Double(series.count)
        let mean = series.reduce(0, +) / n
        guard mean > 0 else { return .infinity }
        var squares = 0.0
        for value in series { squares += (value - mean) * (value - mean) }
        return (squares / (n - 1)).squareRoot() / mean
    }
}
