import Tabular
import Foundation

/// Calendar-aligned ticks for a time axis: hours, days, Monday-starting weeks, months, quarters, years,
/// whichever is the finest that keeps the number of ticks at or under the wanted count.
public enum TimeTicks {
    /// A tick spacing on the calendar.
    public enum Interval: Sendable, Equatable {
        case hours(Int)
        case days(Int)
        case weeks(Int)
        case months(Int)
        case years(Int)
    }

    static let candidates: [Interval] = [
        .hours(1), .hours(3), .hours(6), .hours(12), .days(1), .days(2), .weeks(1), .weeks(2),
        .months(1), .months(2), .months(3), .months(6),
        .years(1), .years(2), .years(5), .years(10), .years(20), .years(50), .years(100), .years(500), .years(1000),
    ]

    /// Ticks between `start` and `end` (seconds since 1970-01-01T00:00Z), at most `count` of them,
    /// with their interval. An empty or reversed span gives the ticks of one day around `start`.
    public static func ticks(from start: Double, to end: Double, count: Int) -> (values: [Double], interval: Interval) {
        var (lower, upper) = (min(start, end), max(start, end))
        if !lower.isFinite || !upper.isFinite { (lower, upper) = (0, CivilDate.secondsPerDay) }
        if upper - lower < 3600 { (lower, upper) = (lower - 43_200, upper + 43_200) }
        let limit = max(2, count)
        for interval in candidates {
            let values = ticks(from: lower, to: upper, interval: interval, limit: limit + 1)
            if values.count <= limit, !values.isEmpty || interval == candidates.last {
                return (values, interval)
            }
        }
        return (ticks(from: lower, to: upper, interval: .years(1000), limit: limit + 1), .years(1000))
    }

    /// The ticks of one interval inside `lower...upper`, stopping after `limit` of them.
    static func ticks(from lower: Double, to upper: Double, interval: Interval, limit: Int) -> [Double] {
        var values: [Double] = []
        let day = CivilDate.secondsPerDay
        switch interval {
        case let .hours(n):
            let step = Double(n) * 3600
            var t = (lower / step).rounded(.up) * step
            while t <= upper, values.count < limit { values.append(t); t += step }
        case let .days(n):
            var d = Int((lower / day).rounded(.up))
            d = Int((Double(d) / Double(n)).rounded(.up)) * n
            while Double(d) * day <= upper, values.count < limit { values.append(Double(d) * day); d += n }
        case let .weeks(n):
            // 1970-01-05 (day 4) was a Monday; weeks are counted from it.
            let firstMonday = 4
            var d = Int((lower / day).rounded(.up))
            let weeks = Int((Double(d - firstMonday) / Double(7 * n)).rounded(.up))
            d = firstMonday + weeks * 7 * n
            while Double(d) * day <= upper, values.count < limit { values.append(Double(d) * day); d += 7 * n }
        case let .months(n):
            var index = CivilDate(secondsSinceEpoch: lower).monthIndex
            if CivilDate(monthIndex: index).secondsSinceEpoch < lower { index += 1 }
            index = Int((Double(index) / Double(n)).rounded(.up)) * n
            while values.count < limit {
                let t = CivilDate(monthIndex: index).secondsSinceEpoch
                guard t <= upper else { break }
                values.append(t)
                index += n
            }
        case let .years(n):
            var year = CivilDate(secondsSinceEpoch: lower).year
            if CivilDate(year: year, month: 1, day: 1).secondsSinceEpoch < lower { year += 1 }
            year = Int((Double(year) / Double(n)).rounded(.up)) * n
            while values.count < limit {
                let t = CivilDate(year: year, month: 1, day: 1).secondsSinceEpoch
                guard t <= upper else { break }
                values.append(t)
                year += n
            }
        }
        return values
    }

    /// Labels for ticks at `interval`: `2011` for years; `Jan` for months, with the year on the first
    /// tick and on each January; `3 Jan` for days and weeks, with the year where it changes; `14:00`
    /// for hours, with the date where it changes.
    public static func labels(for values: [Double], interval: Interval) -> [String] {
        var previous: CivilDate?
        return values.map { t in
            let date = CivilDate(secondsSinceEpoch: t)
            defer { previous = date }
            let newYear = previous.map { $0.year != date.year } ?? true
            switch interval {
            case .years:
                return String(date.year)
            case .months:
                return newYear ? "\(date.monthName) \(date.year)" : date.monthName
            case .weeks, .days:
                return newYear ? "\(date.day) \(date.monthName) \(date.year)" : "\(date.day) \(date.monthName)"
            case .hours:
                let seconds = t - (t / CivilDate.secondsPerDay).rounded(.down) * CivilDate.secondsPerDay
                let hour = Int(seconds / 3600)
                let clock = (hour < 10 ? "0" : "") + "\(hour):00"
                let newDay = previous.map { $0 != date } ?? true
                return newDay ? "\(date.day) \(date.monthName) \(clock)" : clock
            }
        }
    }
}
