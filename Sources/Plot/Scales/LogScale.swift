import Foundation

/// A base-10 logarithmic map from a positive data interval to a pixel interval.
public struct LogScale: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var rangeStart: Double
    public var rangeEnd: Double

    /// Maps `lower...upper` (positive; others fall back to 1...10) onto `rangeStart...rangeEnd`.
    public init(lower: Double, upper: Double, rangeStart: Double, rangeEnd: Double) {
        let valid = lower > 0 && upper > 0 && lower.isFinite && upper.isFinite
        self.lower = valid ? min(lower, upper) : 1
        self.upper = valid ? max(lower, upper) : 10
        if self.upper == self.lower { self.upper *= 10 }
        self.rangeStart = rangeStart
        self.rangeEnd = rangeEnd
    }

    /// The pixel position of `value`; NaN for zero, negative or NaN values.
    public func position(of value: Double) -> Double {
        guard value > 0 else { return .nan }
        return rangeStart + (log10(value) - log10(lower)) / (log10(upper) - log10(lower)) * (rangeEnd - rangeStart)
    }
}

extension LogScale: Scale {
    func ticks(count: Int, format: NumberFormat) -> [Tick] {
        let values = LogTicks.ticks(from: lower, to: upper, count: count)
        return zip(values, format.labels(for: values)).map { Tick(value: $0, label: $1) }
    }
}
