/// A stretch of days at the same dates every year (say 11 to 24 December) whose effect on weekly
/// demand a ``SeasonalProfile`` may estimate beside its Fourier terms.
///
/// A Fourier sum of a few pairs is smooth, so a peak that ends on a fixed date — the last shopping
/// days before Christmas, then the lull after it — comes out too early and too flat. The regressor
/// of a window is the share of a week's seven days inside it, so that a week straddling its edge
/// gets part of the effect, as weeks start on different dates each year (FPP3 §7.4 on dummy
/// variables for holidays).
public struct HolidayWindow: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let month: Int
    public let firstDay: Int
    public let lastDay: Int

    /// - Parameters: month 1…12, days of that month from `firstDay` to `lastDay` inclusive.
    public init(name: String, month: Int, firstDay: Int, lastDay: Int) {
        self.name = name
        self.month = month
        self.firstDay = firstDay
        self.lastDay = lastDay
    }

    /// 11 to 24 December: the last two weeks of shopping before Christmas.
    public static let beforeChristmas = HolidayWindow(name: "before Christmas", month: 12, firstDay: 11, lastDay: 24)
    /// 25 to 31 December: Christmas to New Year.
    public static let christmasWeek = HolidayWindow(name: "Christmas to New Year", month: 12, firstDay: 25, lastDay: 31)
    /// The default windows of a retail profile.
    public static let christmas: [HolidayWindow] = [.beforeChristmas, .christmasWeek]

    public var description: String { "\(name) (\(month)/\(firstDay)–\(month)/\(lastDay))" }

    /// Whether a day (days since 1970-01-01) falls in the window.
    public func contains(day: Int) -> Bool {
        let (_, m, d) = Self.civil(day)
        return m == month && d >= firstDay && d <= lastDay
    }

    /// The share of the seven days from `weekStart` inside the window.
    public func share(weekStartingOn weekStart: Int) -> Double {
        Double((0..<7).filter { contains(day: weekStart + $0) }.count) / 7
    }

    /// (year, month, day) of a day count since 1970-01-01 (Hinnant's `civil_from_days`).
    static func civil(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
