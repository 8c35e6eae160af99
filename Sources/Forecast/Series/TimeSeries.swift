import Foundation

/// A regularly spaced series of values, each labelled by the start of its period.
///
/// Dates are on the UTC Gregorian calendar (see `Frequency`). Values may be NaN for missing
/// periods; the forecasting methods themselves need gaps filled.
public struct TimeSeries: Sendable, Hashable {
    public let frequency: Frequency
    /// Period starts, consecutive and increasing.
    public let dates: [Date]
    public let values: [Double]

    /// How periods without any observation are filled.
    public enum GapFill: Sendable, Hashable {
        /// No record means no demand: 0.
        case zero
        /// No record means unknown: NaN.
        case nan
    }

    /// How several values in one period combine.
    public enum Aggregation: Sendable, Hashable {
        /// The sum of the non-NaN values (0 when all are NaN, as pandas' `sum`).
        case sum
        /// The mean of the non-NaN values (NaN when all are NaN).
        case mean
    }

    /// A series starting in the period that contains `start`.
    /// - Throws: `ForecastError.invalidArgument` for a start date that is not finite.
    public init(start: Date, values: [Double], frequency: Frequency) throws {
        guard let first = frequency.periodIndex(of: start) else { throw TimeSeries.badDate(start) }
        self.frequency = frequency
        self.values = values
        dates = values.indices.map { frequency.date(ofPeriod: first + $0) }
    }

    /// A series from dated observations in any order: observations in the same period are
    /// aggregated, and periods without any are filled.
    ///
    /// - Parameters:
    ///   - dates: one date per value, any time of day; each is assigned to the period containing it.
    ///   - fill: `.zero` for demand (no record, no sale) or `.nan` (unknown).
    ///   - aggregation: how values in one period combine; NaN values count as absent.
    /// - Throws: `ForecastError.invalidArgument` when the counts differ, a date is not finite, or
    ///   the dates span more than ten million periods. Empty input gives an empty series.
    /// - Complexity: O(n + periods).
    public init(dates: [Date], values: [Double], frequency: Frequency, fill: GapFill = .zero, aggregation: Aggregation = .sum) throws {
        guard dates.count == values.count else {
            throw ForecastError.invalidArgument("\(dates.count) dates but \(values.count) values")
        }
        var indices: [Int] = []
        indices.reserveCapacity(dates.count)
        for date in dates {
            guard let index = frequency.periodIndex(of: date) else { throw TimeSeries.badDate(date) }
            indices.append(index)
        }
        guard let low = indices.min(), let high = indices.max() else {
            self.frequency = frequency
            self.dates = []
            self.values = []
            return
        }
        let span = high - low + 1
        guard span <= 10_000_000 else {
            throw ForecastError.invalidArgument("the dates span \(span) \(frequency.rawValue)s, more than ten million periods")
        }
        let (sums, counts) = TimeSeries.accumulate(indices.map { $0 - low }, values, span: span)
        self.frequency = frequency
        self.dates = (0..<span).map { frequency.date(ofPeriod: low + $0) }
        self.values = TimeSeries.combine(sums, counts, fill: fill, aggregation: aggregation)
    }

    /// A series from (date, value) pairs; see `init(dates:values:frequency:fill:aggregation:)`.
    public init(observations: [(date: Date, value: Double)], frequency: Frequency, fill: GapFill = .zero, aggregation: Aggregation = .sum) throws {
        try self.init(dates: observations.map(\.date), values: observations.map(\.value), frequency: frequency, fill: fill, aggregation: aggregation)
    }

    /// Wraps a regular series whose values are already one per period (no checks on the dates
    /// beyond the first, which the caller derived from a valid index).
    private init(frequency: Frequency, firstPeriod: Int, values: [Double]) {
        self.frequency = frequency
        self.values = values
        dates = values.indices.map { frequency.date(ofPeriod: firstPeriod + $0) }
    }

    static func badDate(_ date: Date) -> ForecastError {
        .invalidArgument("the date \(date.timeIntervalSince1970) s after 1970 cannot be placed on the calendar")
    }

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }

    /// Positions of NaN values.
    public var missingPositions: [Int] { values.indices.filter { values[$0].isNaN } }

    /// The period starts of the `horizon` periods after the last one.
    public func futureDates(_ horizon: Int) -> [Date] {
        guard let last = dates.last, horizon > 0, let index = frequency.periodIndex(of: last) else { return [] }
        return (1...horizon).map { frequency.date(ofPeriod: index + $0) }
    }

    /// The series at a coarser frequency: day → week, day → month, week → month.
    ///
    /// A week belongs to the month of its Monday. Periods at either end may be partial (a week
    /// holding only the days the series covers), as in pandas.
    /// - Throws: `ForecastError.invalidArgument` when `target` is finer than the series.
    /// - Complexity: O(n).
    public func resampled(to target: Frequency, aggregation: Aggregation = .sum) throws -> TimeSeries {
        if target == frequency { return self }
        guard target > frequency else {
            throw ForecastError.invalidArgument("cannot resample a \(frequency.rawValue)ly series to the finer \(target.rawValue)ly frequency")
        }
        // The dates came from valid period indices, so they map to valid coarser ones.
        let indices = dates.compactMap { target.periodIndex(of: $0) }
        guard let low = indices.first, let high = indices.last, indices.count == dates.count else {
            return TimeSeries(frequency: target, firstPeriod: 0, values: [])
        }
        let (sums, counts) = TimeSeries.accumulate(indices.map { $0 - low }, values, span: high - low + 1)
        return TimeSeries(frequency: target, firstPeriod: low, values: TimeSeries.combine(sums, counts, fill: .nan, aggregation: aggregation, emptySum: 0))
    }

    /// The series with NaN values replaced: by zero, or by linear interpolation between the nearest
    /// values (ends carried from the nearest value). An all-NaN series stays NaN under
    /// interpolation.
    public func filled(_ method: FillMethod) -> TimeSeries {
        var v = values
        switch method {
        case .zero:
            for i in v.indices where v[i].isNaN { v[i] = 0 }
        case .linear:
            let known = v.indices.filter { !v[$0].isNaN }
            guard let firstKnown = known.first, let lastKnown = known.last else { break }
            for i in 0..<firstKnown { v[i] = v[firstKnown] }
            for i in (lastKnown + 1)..<v.count { v[i] = v[lastKnown] }
            for (a, b) in zip(known, known.dropFirst()) where b > a + 1 {
                for i in (a + 1)..<b { v[i] = v[a] + (v[b] - v[a]) * Double(i - a) / Double(b - a) }
            }
        }
        return TimeSeries(frequency: frequency, firstPeriod: dates.first.flatMap { frequency.periodIndex(of: $0) } ?? 0, values: v)
    }

    public enum FillMethod: Sendable, Hashable { case zero, linear }

    private static func accumulate(_ slots: [Int], _ values: [Double], span: Int) -> (sums: [Double], counts: [Int]) {
        var sums = [Double](repeating: 0, count: span)
        var counts = [Int](repeating: -1, count: span)  // -1: no observation; 0: only NaN
        for (slot, value) in zip(slots, values) {
            if counts[slot] < 0 { counts[slot] = 0 }
            if value.isNaN { continue }
            sums[slot] += value
            counts[slot] += 1
        }
        return (sums, counts)
    }

    private static func combine(_ sums: [Double], _ counts: [Int], fill: GapFill, aggregation: Aggregation, emptySum: Double? = nil) -> [Double] {
        sums.indices.map { i in
            if counts[i] < 0 {
                if let emptySum, aggregation == .sum { return emptySum }
                return fill == .zero ? 0 : .nan
            }
            switch aggregation {
            case .sum: return sums[i]
            case .mean: return counts[i] > 0 ? sums[i] / Double(counts[i]) : .nan
            }
        }
    }
}
