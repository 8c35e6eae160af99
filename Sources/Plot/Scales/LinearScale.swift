/// A linear map from a data interval to a pixel interval.
public struct LinearScale: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var rangeStart: Double
    public var rangeEnd: Double

    /// Maps `lower...upper` onto `rangeStart...rangeEnd` (which may run backwards, as a y axis does).
    /// An empty domain is widened by one unit either side so that every value still has a position.
    public init(lower: Double, upper: Double, rangeStart: Double, rangeEnd: Double) {
        self.lower = lower
        self.upper = upper == lower ? upper + 1 : upper
        if upper == lower { self.lower = lower - 1 }
        self.rangeStart = rangeStart
        self.rangeEnd = rangeEnd
    }

    /// The pixel position of `value`; NaN stays NaN. A domain wider than the largest double
    /// (-1e308 to 1e308) is mapped through halves, and a value beyond ±10^6 pixels is pinned
    /// there, so that every position converts to a pixel index.
    public func position(of value: Double) -> Double {
        var fraction = (value - lower) / (upper - lower)
        if !fraction.isFinite, !value.isNaN { fraction = (value / 2 - lower / 2) / (upper / 2 - lower / 2) }
        let position = rangeStart + fraction * (rangeEnd - rangeStart)
        return position.isNaN ? position : Swift.min(Swift.max(position, -1e6), 1e6)
    }

    /// The data value at pixel `position`.
    public func value(at position: Double) -> Double {
        lower + (position - rangeStart) / (rangeEnd - rangeStart) * (upper - lower)
    }
}

extension LinearScale: Scale {
    func ticks(count: Int, format: NumberFormat) -> [Tick] {
        let tolerance = (upper - lower) * 1e-9
        let values = ExtendedTicks.ticks(from: lower, to: upper, count: count)
            .filter { $0 >= lower - tolerance && $0 <= upper + tolerance }
        return zip(values, format.labels(for: values)).map { Tick(value: $0, label: $1) }
    }
}
