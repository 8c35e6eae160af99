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
            let (year, month, _) = Frequency.civil(fromDays: day)
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
            day = Frequency.days(fromCivil: year, month, 1)
        }
        return Date(timeIntervalSince1970: Double(day) * 86_400)
    }

    static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's `days_from_civil`).
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (Hinnant's `civil_from_days`).
    static func civil(fromDays z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = floorDivide(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
