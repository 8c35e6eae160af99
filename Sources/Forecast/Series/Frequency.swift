import Foundation

/// The spacing of a regular time series, on the UTC Gregorian calendar.
///
/// Each observation is labelled by the start of its period: midnight UTC for days, Monday for
/// weeks (ISO weeks; pandas' `resample('W-MON', label='left', closed='left')`), and the first of
/// the month for months (pandas' `'MS'`).
public enum Frequency: String, Sendable, Hashable, CaseIterable, Comparable {
    case day, week, month

    public static func < (a: Frequency, b: Frequency) -> Bool { a.rank < b.rank }

    private var rank: Int {
        switch self {
        case .day: 0
        case .week: 1
        case .month: 2
        }
    }

    /// The usual seasonal period of this frequency over a year (7 for days within a week).
    public var seasonalPeriod: Int {
        switch self {
        case .day: 7
        case .week: 52
        case .month: 12
        }
    }

    /// The index of the period containing `date`: days since 1970-01-01, weeks since Monday
    /// 1970-01-05 (negative before), or months since January 1970. Nil for a date that is not
    /// finite or lies beyond ±1,000,000 years.
    func periodIndex(of date: Date) -> Int? {
        let days = (date.timeIntervalSince1970 / 86_400).rounded(.down)
        guard days.isFinite, abs(days) < 365_250_000 else { return nil }
        let day = Int(days)
        switch self {
        case .day: return day
        case .week: return Frequency.floorDivide(day - 4, 7)
        case .month:
            let (year, month, _) = CivilDay.date(day)
            return (year - 1970) * 12 + (month - 1)
        }
    }

    /// The start of period `index`.
    func date(ofPeriod index: Int) -> Date {
        let day: Int
        switch self {
        case .day: day = index
        case .week: day = index * 7 + 4
        case .month:
            let year = 1970 + Frequency.floorDivide(index, 12)
            let month = index - Frequency.floorDivide(index, 12) * 12 + 1
            day = CivilDay.days(year: year, month: month, day: 1)
        }
        return Date(timeIntervalSince1970: Double(day) * 86_400)
    }

    static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
