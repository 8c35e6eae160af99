import Foundation

/// Builds an axis's scale from the charts' merged extent and the axis options.
enum ScaleBuilder {
    /// The fraction of the data range left empty at each padded end (matplotlib's default margin).
    static let margin = 0.05

    static func scale(for extent: Extent, axis: Axis, from start: Double, to end: Double, vertical: Bool) -> any Scale {
        switch extent {
        case .none:
            if let limits = axis.limits {
                return LinearScale(lower: limits.lowerBound, upper: limits.upperBound, rangeStart: start, rangeEnd: end)
            }
            return LinearScale(lower: 0, upper: 1, rangeStart: start, rangeEnd: end)
        case let .numeric(numeric):
            if axis.scale == .log { return logScale(numeric, axis: axis, from: start, to: end) }
            let (lower, upper) = linearDomain(numeric, limits: axis.limits)
            return LinearScale(lower: lower, upper: upper, rangeStart: start, rangeEnd: end)
        case let .time(lower, upper, padded):
            let pad = padded ? max(upper - lower, 0) * 0.02 : 0
            return TimeScale(lower: lower - pad, upper: upper + pad, rangeStart: start, rangeEnd: end)
        case let .categories(names, padding):
            // Categories read top to bottom on a vertical axis.
            return BandScale(categories: names, rangeStart: vertical ? end : start, rangeEnd: vertical ? start : end,
                             paddingInner: padding.inner, paddingOuter: padding.outer)
        }
    }

    /// The data range widened to include zero where asked and padded on the ends not pinned at zero.
    /// A constant range is widened by 10% of its value (or by 1 around zero).
    static func linearDomain(_ numeric: NumericExtent, limits: ClosedRange<Double>?) -> (Double, Double) {
        if let limits, limits.upperBound > limits.lowerBound { return (limits.lowerBound, limits.upperBound) }
        var lower = numeric.lower, upper = numeric.upper
        if numeric.includesZero {
            lower = min(lower, 0)
            upper = max(upper, 0)
        }
        var span = upper - lower
        if span <= 0 {
            let half = lower == 0 ? 1 : abs(lower) * 0.1
            if !(numeric.includesZero && lower == 0) { lower -= half }
            upper += half
            span = upper - lower
        }
        if numeric.padded {
            if !(numeric.includesZero && lower == 0) { lower -= span * margin }
            if !(numeric.includesZero && upper == 0) { upper += span * margin }
        }
        return (lower, upper)
    }

    private static func logScale(_ numeric: NumericExtent, axis: Axis, from start: Double, to end: Double) -> LogScale {
        if let limits = axis.limits, limits.lowerBound > 0 {
            return LogScale(lower: limits.lowerBound, upper: limits.upperBound, rangeStart: start, rangeEnd: end)
        }
        var lower = numeric.lowestPositive.isFinite ? numeric.lowestPositive : 1
        var upper = max(numeric.upper, lower)
        if upper == lower { (lower, upper) = (lower / 2, upper * 2) }
        if numeric.padded {
            let decades = log10(upper / lower)
            let factor = pow(10, decades * margin)
            lower /= factor
            upper *= factor
        }
        return LogScale(lower: lower, upper: upper, rangeStart: start, rangeEnd: end)
    }
}
