import Tabular

/// What date ticks need of Tabular's calendar date: instants in seconds since 1970-01-01T00:00Z,
/// steps by whole months and short month names, without time zones or locale, so that date ticks
/// are the same on every machine.
extension CivilDate {
    static let secondsPerDay = 86_400.0
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The date holding the instant `seconds` after 1970-01-01T00:00Z (clamped to ±1e7 years).
    init(secondsSinceEpoch seconds: Double) {
        let days = (min(3e15, max(-3e15, seconds)) / CivilDate.secondsPerDay).rounded(.down)
        self.init(days: Int(days))
    }

    var secondsSinceEpoch: Double { Double(daysSince1970) * CivilDate.secondsPerDay }

    /// Months since January 1970 (0 for 1970-01), for stepping by months.
    var monthIndex: Int { (year - 1970) * 12 + (month - 1) }

    /// The first day of the month `index` months after January 1970.
    init(monthIndex index: Int) {
        let year = 1970 + Int((Double(index) / 12).rounded(.down))
        self.init(year: year, month: index - (year - 1970) * 12 + 1, day: 1)
    }

    var monthName: String { CivilDate.monthNames[(month - 1 + 12) % 12] }
}
