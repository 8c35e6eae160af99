/// A stretch of days that recurs every year — fixed dates (11 to 24 December) or dates that move
/// with a holiday (Thanksgiving week) — whose effect on weekly demand a ``SeasonalProfile`` may
/// estimate beside its Fourier terms.
///
/// A Fourier sum of a few pairs is smooth, so a peak that ends on a fixed date — the last shopping
/// days before Christmas, then the lull after it — comes out too early and too flat, and a season
/// that starts with a moving holiday starts on the wrong week in a year where the holiday moved.
/// The regressor of a window is the share of a week's seven days inside it, so that a week
/// straddling its edge gets part of the effect, as weeks start on different dates each year
/// (FPP3 §7.4 on dummy variables for holidays).
public struct HolidayWindow: Sendable, Hashable, CustomStringConvertible {
    /// A day of each year a window is placed from.
    public enum Anchor: Sendable, Hashable {
        /// A fixed date.
        case date(month: Int, day: Int)
        /// The fourth Thursday of November (US Thanksgiving).
        case thanksgiving
    }

    public let name: String
    public let start: Anchor
    public let startOffset: Int
    public let end: Anchor
    public let endOffset: Int

    /// The days from `start` + `startOffset` to `end` + `endOffset` inclusive, in every year.
    public init(name: String, from start: Anchor, offset startOffset: Int = 0, through end: Anchor, offset endOffset: Int = 0) {
        self.name = name
        self.start = start
        self.startOffset = startOffset
        self.end = end
        self.endOffset = endOffset
    }

    /// The week before Thanksgiving and the day itself.
    public static let thanksgivingWeek = HolidayWindow(name: "Thanksgiving week", from: .thanksgiving, offset: -7, through: .thanksgiving)
    /// Black Friday to 10 December: the first weeks of gift shopping.
    public static let blackFridayToDecember10 = HolidayWindow(name: "Black Friday to 10 December", from: .thanksgiving, offset: 1,
                                                              through: .date(month: 12, day: 10))
    /// 11 to 24 December: the last two weeks of shopping before Christmas.
    public static let beforeChristmas = HolidayWindow(name: "11 to 24 December", from: .date(month: 12, day: 11), through: .date(month: 12, day: 24))
    /// 25 to 31 December: Christmas to New Year.
    public static let christmasWeek = HolidayWindow(name: "25 to 31 December", from: .date(month: 12, day: 25), through: .date(month: 12, day: 31))
    /// The windows of a (US) retail year-end: Thanksgiving week, Black Friday to 10 December, the
    /// two weeks before Christmas and the week after it.
    public static let yearEnd: [HolidayWindow] = [.thanksgivingWeek, .blackFridayToDecember10, .beforeChristmas, .christmasWeek]

    public var description: String { name }

    /// Whether a day (days since 1970-01-01) falls in the window of its year.
    public func contains(day: Int) -> Bool {
        let year = CivilDay.date(day).year
        return day >= Self.day(of: start, in: year) + startOffset && day <= Self.day(of: end, in: year) + endOffset
    }

    /// The share of the seven days from `weekStart` inside the window.
    public func share(weekStartingOn weekStart: Int) -> Double {
        Double((0..<7).filter { contains(day: weekStart + $0) }.count) / 7
    }

    /// Days since 1970 of an anchor in a year.
    static func day(of anchor: Anchor, in year: Int) -> Int {
        switch anchor {
        case let .date(month, day):
            return CivilDay.days(year: year, month: month, day: day)
        case .thanksgiving:
            return CalendarEvent.thanksgivingDay(year: year)
        }
    }
}
