/// A proleptic Gregorian calendar date in UTC, converted to and from days since 1970-01-01 without
/// time zones or locale, so that date ticks are the same on every machine.
/// Hinnant (2013), "chrono-Compatible Low-Level Date Algorithms".
struct CivilDate: Sendable, Equatable, Comparable {
    var year: Int
    /// 1 through 12.
    var month: Int
    /// 1 through 31.
    var day: Int

    static let secondsPerDay = 86_400.0
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01.
    init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The date holding the instant `seconds` after 1970-01-01T00:00Z (clamped to ±1e7 years).
    init(secondsSinceEpoch seconds: Double) {
        let days = (min(3e15, max(-3e15, seconds)) / CivilDate.secondsPerDay).rounded(.down)
        self.init(daysSinceEpoch: Int(days))
    }

    /// Days from 1970-01-01 to this date.
    var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    var secondsSinceEpoch: Double { Double(daysSinceEpoch) * CivilDate.secondsPerDay }

    /// Months since January 1970 (0 for 1970-01), for stepping by months.
    var monthIndex: Int { (year - 1970) * 12 + (month - 1) }

    /// The first day of the month `index` months after January 1970.
    init(monthIndex index: Int) {
        let year = 1970 + Int((Double(index) / 12).rounded(.down))
        self.init(year: year, month: index - (year - 1970) * 12 + 1, day: 1)
    }

    /// Monday is 0, Sunday 6.
    var weekday: Int {
        let days = daysSinceEpoch
        return ((days + 3) % 7 + 7) % 7
    }

    var monthName: String { CivilDate.monthNames[(month - 1 + 12) % 12] }

    static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
