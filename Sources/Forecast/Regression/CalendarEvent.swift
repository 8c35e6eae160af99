/// A recurring or one-off event whose effect on demand a forecast can learn as a regressor:
/// holidays from a built-in calendar (Christmas, New Year, Easter, US Thanksgiving and Black
/// Friday) or the user's own dates, each with an optional window of days before and after.
///
/// Days are counted from 1970-01-01 (day 0), the Unix epoch, so that `Forecast` needs no date
/// type; `Tabular`'s dates convert by dividing their seconds by 86 400.
///
/// ```swift
/// let christmasRush = CalendarEvent.christmas.window(before: 10, after: 0)
/// let promo = CalendarEvent(name: "spring sale", days: [19_800, 20_165])
/// ```
public struct CalendarEvent: Sendable, Hashable {
    /// How the event's days are found.
    enum Rule: Sendable, Hashable {
        /// The same month and day every year.
        case fixed(month: Int, day: Int)
        /// Western (Gregorian) Easter Sunday.
        case easter
        /// The fourth Thursday of November (US Thanksgiving), shifted by `offset` days.
        case thanksgiving(offset: Int)
        /// Explicit days since 1970-01-01.
        case days([Int])
    }

    /// A name for the regressor column, for example "Christmas".
    public let name: String
    let rule: Rule
    /// Days before each occurrence that belong to the event (≥ 0).
    public let daysBefore: Int
    /// Days after each occurrence that belong to the event (≥ 0).
    public let daysAfter: Int

    init(name: String, rule: Rule, daysBefore: Int = 0, daysAfter: Int = 0) {
        self.name = name
        self.rule = rule
        self.daysBefore = max(0, daysBefore)
        self.daysAfter = max(0, daysAfter)
    }

    /// A user event on explicit days.
    /// - Parameters:
    ///   - name: the regressor's name.
    ///   - days: the occurrences, in days since 1970-01-01, in any order.
    ///   - daysBefore, daysAfter: the window around each occurrence; negative values count as 0.
    public init(name: String, days: [Int], daysBefore: Int = 0, daysAfter: Int = 0) {
        self.init(name: name, rule: .days(days.sorted()), daysBefore: daysBefore, daysAfter: daysAfter)
    }

    /// The same event with a window of days before and after each occurrence.
    public func window(before: Int, after: Int) -> CalendarEvent {
        CalendarEvent(name: name, rule: rule, daysBefore: before, daysAfter: after)
    }

    /// 25 December.
    public static let christmas = CalendarEvent(name: "Christmas", rule: .fixed(month: 12, day: 25))
    /// 1 January.
    public static let newYear = CalendarEvent(name: "New Year", rule: .fixed(month: 1, day: 1))
    /// Easter Sunday (Gregorian computus).
    public static let easter = CalendarEvent(name: "Easter", rule: .easter)
    /// US Thanksgiving, the fourth Thursday of November.
    public static let thanksgiving = CalendarEvent(name: "Thanksgiving", rule: .thanksgiving(offset: 0))
    /// Black Friday, the day after US Thanksgiving.
    public static let blackFriday = CalendarEvent(name: "Black Friday", rule: .thanksgiving(offset: 1))
    /// The built-in calendar.
    public static let builtIn: [CalendarEvent] = [.christmas, .newYear, .easter, .thanksgiving, .blackFriday]

    /// The event's occurrences (without the window) in the given years, in days since 1970-01-01.
    public func occurrences(years: ClosedRange<Int>) -> [Int] {
        switch rule {
        case let .fixed(month, day):
            return years.map { CivilDay.days(year: $0, month: month, day: day) }
        case .easter:
            return years.map(CalendarEvent.easterSunday)
        case let .thanksgiving(offset):
            return years.map { CalendarEvent.thanksgivingDay(year: $0) + offset }
        case let .days(days):
            let first = CivilDay.days(year: years.lowerBound, month: 1, day: 1)
            let end = CivilDay.days(year: years.upperBound + 1, month: 1, day: 1)
            return days.filter { $0 >= first && $0 < end }
        }
    }

    /// Easter Sunday of `year` in days since 1970-01-01, by the anonymous Gregorian algorithm
    /// (Meeus, Astronomical Algorithms, 1991, ch. 8).
    public static func easterSunday(year: Int) -> Int {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDay.days(year: year, month: month, day: day)
    }

    /// US Thanksgiving (fourth Thursday of November) of `year` in days since 1970-01-01.
    public static func thanksgivingDay(year: Int) -> Int {
        let first = CivilDay.days(year: year, month: 11, day: 1)
        let toThursday = (3 - CivilDay.weekday(first) + 7) % 7
        return first + toThursday + 21
    }
}
