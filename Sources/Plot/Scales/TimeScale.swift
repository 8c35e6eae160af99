import Tabular
import Foundation

/// A linear map from instants (seconds since 1970-01-01T00:00Z) to pixels, with calendar ticks.
public struct TimeScale: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var rangeStart: Double
    public var rangeEnd: Double

    /// Maps `lower...upper` seconds onto `rangeStart...rangeEnd`; an empty span is widened by a day.
    public init(lower: Double, upper: Double, rangeStart: Double, rangeEnd: Double) {
        let empty = !(upper > lower)
        self.lower = empty ? lower - CivilDate.secondsPerDay / 2 : lower
        self.upper = empty ? lower + CivilDate.secondsPerDay / 2 : upper
        self.rangeStart = rangeStart
        self.rangeEnd = rangeEnd
    }

    /// A scale over a span of dates.
    public init(from start: Date, to end: Date, rangeStart: Double, rangeEnd: Double) {
        self.init(lower: start.timeIntervalSince1970, upper: end.timeIntervalSince1970,
                  rangeStart: rangeStart, rangeEnd: rangeEnd)
    }

    public func position(of value: Double) -> Double {
        rangeStart + (value - lower) / (upper - lower) * (rangeEnd - rangeStart)
    }
}

extension TimeScale: Scale {
    /// Calendar ticks; the number format does not apply to dates.
    func ticks(count: Int, format: NumberFormat) -> [Tick] {
        let (values, interval) = TimeTicks.ticks(from: lower, to: upper, count: count)
        return zip(values, TimeTicks.labels(for: values, interval: interval)).map { Tick(value: $0, label: $1) }
    }
}
