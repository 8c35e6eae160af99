/// A calendar period that dates are floored to.
public enum DateUnit: String, Sendable, Hashable, CaseIterable {
    /// The calendar day (UTC).
    case day
    /// The week starting on Monday: pandas' `dt.to_period("W-SUN").start_time` (weeks ending on Sunday).
    case week
    /// The first day of the month: pandas' `dt.to_period("M").start_time`.
    case month
    /// The first day of the quarter (January, April, July, October).
    case quarter
    /// The first day of the year.
    case year
}

extension Column {
    /// Each date or date-time floored to the start of its `unit`, as a date column: the bucket of
    /// monthly revenue, weekly demand, ....
    ///
    /// ```swift
    /// let sales = try frame.withColumn("Month", frame["InvoiceDate"].floored(to: .month))
    /// ```
    /// Weeks start on Monday (ISO 8601). Missing values stay missing.
    /// - Throws: ``TabularError/typeMismatch(column:expected:actual:)`` for a column that holds
    ///   neither dates nor date-times.
    /// - Complexity: O(n); calendar arithmetic runs once per run of equal days.
    public func floored(to unit: DateUnit) throws -> Column {
        let days: [Int], missing: MissingMask?
        switch data {
        case let .date(values, mask):
            days = values
            missing = mask
        case let .dateTime(values, mask):
            days = values.map { $0 >= 0 ? $0 / 86_400 : ($0 - 86_399) / 86_400 }
            missing = mask
        default:
            throw TabularError.typeMismatch(column: name, expected: "date or dateTime", actual: type)
        }
        var out = [Int](repeating: 0, count: days.count)
        var lastDay = Int.min, lastBucket = 0
        for row in days.indices where missing?[row] != true {
            let day = days[row]
            if day != lastDay {
                lastDay = day
                lastBucket = Column.bucketStart(day: day, unit: unit)
            }
            out[row] = lastBucket
        }
        return Column(name: name, data: .date(out, missing: missing))
    }

    /// The first day (days since 1970) of the period of `unit` holding `day`.
    public static func bucketStart(day: Int, unit: DateUnit) -> Int {
        switch unit {
        case .day:
            return day
        case .week:
            return day - CivilDate(days: day).weekday
        case .month:
            let date = CivilDate(days: day)
            return CivilDate(year: date.year, month: date.month, day: 1).daysSince1970
        case .quarter:
            let date = CivilDate(days: day)
            return CivilDate(year: date.year, month: (date.month - 1) / 3 * 3 + 1, day: 1).daysSince1970
        case .year:
            return CivilDate(year: CivilDate(days: day).year, month: 1, day: 1).daysSince1970
        }
    }
}
