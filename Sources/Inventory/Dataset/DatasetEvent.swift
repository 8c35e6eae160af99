import Tabular

/// A dated event of a manifest's `[[events]]`: a holiday, a promotion or a closure that demand
/// models may take as a regressor. Each date opens a window from `daysBefore` days before to
/// `daysAfter` days after it.
///
/// ```toml
/// [[events]]
/// name = "black_friday"
/// dates = ["2010-11-26", "2011-11-25"]
/// days_before = 0
/// days_after = 3
/// ```
public struct DatasetEvent: Sendable, Hashable {
    /// The event's name, unique in the manifest.
    public var name: String
    /// The days the event falls on, sorted, without repeats.
    public var dates: [CivilDate]
    /// Days before each date that belong to the event (0 or more).
    public var daysBefore: Int
    /// Days after each date that belong to the event (0 or more).
    public var daysAfter: Int

    public init(name: String, dates: [CivilDate], daysBefore: Int = 0, daysAfter: Int = 0) {
        self.name = name
        self.dates = Array(Set(dates)).sorted()
        self.daysBefore = max(0, daysBefore)
        self.daysAfter = max(0, daysAfter)
    }

    /// Whether `day` lies in the window of one of the event's dates.
    public func covers(_ day: CivilDate) -> Bool {
        let d = day.daysSince1970
        return dates.contains { d >= $0.daysSince1970 - daysBefore && d <= $0.daysSince1970 + daysAfter }
    }

    /// The number of the event's days in the seven days from `weekStart` (0…7): the event's
    /// weight in a weekly bucket.
    public func days(inWeekStarting weekStart: CivilDate) -> Int {
        (0..<7).filter { covers(CivilDate(days: weekStart.daysSince1970 + $0)) }.count
    }
}
