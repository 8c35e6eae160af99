import Tabular

/// The split of a dataset's history for planning and validation: forecasts are made from the
/// weeks before the cutoff, and the `horizon` complete weeks after it are held out, so that the
/// validation stage can replay demand nobody saw.
///
/// Weeks follow the data's own week (``weekStart``): the manifest's `week_start` when it sets one,
/// else the weekday every date falls on when the data are weekly (one date per week, all on the
/// same weekday, such as Friday-dated weekly sales), else Monday. In weekly data each date stands
/// for the week that starts on it, so the first and last weeks are complete; in daily data a week
/// counts only if the data cover all of its seven days.
public struct PlanningCalendar: Sendable, Hashable {
    /// The first day of the first complete week of the data (a ``weekStart`` day).
    public let firstWeek: CivilDate
    /// The first day of the held-out period: training data end the day before.
    public let cutoff: CivilDate
    /// The number of held-out weeks.
    public let horizon: Int
    /// The day weeks start on.
    public let weekStart: Weekday
    /// Whether the data are weekly: every date falls on ``weekStart`` and stands for its week.
    public let isWeeklyData: Bool
    /// How ``weekStart`` was decided, for the notebook: `manifest`, `weekly dates` or `default`.
    public let weekStartSource: WeekStartSource

    /// Where the day weeks start on comes from.
    public enum WeekStartSource: String, Sendable, Hashable {
        /// The manifest's `week_start`.
        case manifest
        /// Every date of the data falls on that weekday.
        case weeklyDates = "weekly dates"
        /// Daily (or mixed) dates and no manifest key: Monday.
        case `default`
    }

    /// The longest history, in weeks, a calendar accepts (20 years): a stray date decades away
    /// from the rest would otherwise make every weekly series thousands of weeks long.
    public static let maximumWeeks = 1_040

    /// The calendar of `transactions` (with a `date` column) holding out `horizon` weeks.
    /// - Parameter weekStart: the day weeks start on (the manifest's `week_start`); nil to detect
    ///   it from the dates (``detectWeekStart(days:)``).
    /// - Throws: ``PlanningError/invalid(_:)`` for a horizon below 1, no dates, data spanning more
    ///   than ``maximumWeeks`` weeks (the message names the far dates), or fewer than `horizon` + 8
    ///   complete weeks.
    public init(transactions: DataFrame, horizon: Int, weekStart: Weekday? = nil) throws {
        guard horizon > 0 else { throw PlanningError.invalid("the horizon must be at least one week, got \(horizon)") }
        let days = try transactions[TransactionColumns.Canonical.date].floored(to: .day)
        guard case let .date(values, missing) = days.data else {
            throw PlanningError.invalid("the transactions have no dates")
        }
        let present = missing.map { flags in values.indices.compactMap { flags[$0] ? nil : values[$0] } } ?? values
        try self.init(days: present, horizon: horizon, weekStart: weekStart)
    }

    /// The calendar of dates given as days since 1970 (see ``init(transactions:horizon:weekStart:)``).
    public init(days: [Int], horizon: Int, weekStart: Weekday? = nil) throws {
        guard horizon > 0 else { throw PlanningError.invalid("the horizon must be at least one week, got \(horizon)") }
        guard let first = days.min(), let last = days.max() else { throw PlanningError.invalid("the transactions have no dates") }
        if (last - first) / 7 > Self.maximumWeeks {
            throw PlanningError.invalid(Self.farDatesMessage(days))
        }
        let detected = Self.detectWeekStart(days: days)
        let start = weekStart ?? detected.weekStart
        let weekly = detected.isWeekly && detected.weekStart == start
        let firstOffset = start.offset(ofWeekday: CivilDate(days: first).weekday)
        let firstStart = firstOffset == 0 ? first : first - firstOffset + 7
        // The day after the last complete week: weekly dates stand for their whole week.
        let lastStart = last - start.offset(ofWeekday: CivilDate(days: last).weekday)
        let end = weekly || last - lastStart == 6 ? lastStart + 7 : lastStart
        let weeks = (end - firstStart) / 7
        guard weeks >= horizon + 8 else {
            throw PlanningError.invalid("the data cover \(max(0, weeks)) complete weeks (starting on \(start)); holding out \(horizon) needs at least \(horizon + 8)")
        }
        firstWeek = CivilDate(days: firstStart)
        cutoff = CivilDate(days: end - 7 * horizon)
        self.horizon = horizon
        self.weekStart = start
        isWeeklyData = weekly
        weekStartSource = weekStart != nil ? .manifest : detected.isWeekly ? .weeklyDates : .default
    }

    /// The data's own week: when every distinct date (at least two) falls on one weekday, the data
    /// are weekly and that weekday starts the week; otherwise the data are daily and weeks start on
    /// Monday (ISO 8601).
    /// - Complexity: O(days).
    public static func detectWeekStart(days: [Int]) -> (weekStart: Weekday, isWeekly: Bool) {
        guard let first = days.first else { return (.monday, false) }
        func weekdayOf(_ day: Int) -> Int { ((day % 7) + 7 + 3) % 7 }  // CivilDate.weekday without the calendar
        let weekday = weekdayOf(first)
        var distinct = false
        for day in days {
            guard weekdayOf(day) == weekday else { return (.monday, false) }
            if day != first { distinct = true }
        }
        guard distinct, let start = Weekday(rawValue: weekday) else { return (.monday, false) }
        return (start, true)
    }

    /// Names the dates that lie far from the rest: those more than half the allowed span from the
    /// median date, with their row counts.
    static func farDatesMessage(_ days: [Int]) -> String {
        let sorted = days.sorted()
        let median = sorted[sorted.count / 2], reach = 7 * maximumWeeks / 2
        var counts: [Int: Int] = [:]
        for day in sorted where abs(day - median) > reach { counts[day, default: 0] += 1 }
        let far = counts.keys.sorted()
        let shown = far.prefix(6).map { "\(CivilDate(days: $0)) (\(counts[$0] ?? 0) row\(counts[$0] == 1 ? "" : "s"))" }
        let span = ((sorted.last ?? 0) - (sorted.first ?? 0)) / 7
        return "the dates run from \(CivilDate(days: sorted.first ?? 0)) to \(CivilDate(days: sorted.last ?? 0)), \(span) weeks: "
            + "more than the \(maximumWeeks) weeks a demand series may span. "
            + "\(far.count) date\(far.count == 1 ? " lies" : "s lie") far from the rest of the data: \(shown.joined(separator: ", "))\(far.count > 6 ? ", …" : ""); "
            + "correct or remove those rows"
    }

    /// Complete weeks of training data.
    public var trainingWeeks: Int { (cutoff.daysSince1970 - firstWeek.daysSince1970) / 7 }
    /// The last day of the held-out period.
    public var end: CivilDate { CivilDate(days: cutoff.daysSince1970 + 7 * horizon - 1) }
    /// The first day of training week `index` (0-based); negative or past the end continue the sequence.
    public func weekStart(_ index: Int) -> CivilDate { CivilDate(days: firstWeek.daysSince1970 + 7 * index) }

    /// A sentence for the notebook on how weeks are counted.
    public var weekDescription: String {
        switch weekStartSource {
        case .manifest:
            return "Weeks run \(weekStart) to \(weekStart.weekEnd), as the manifest's `week_start` says\(isWeeklyData ? "; every date is a \(weekStart) and stands for its week" : "")."
        case .weeklyDates:
            return "The data are weekly, every date a \(weekStart): each date stands for the week from that \(weekStart) to the \(weekStart.weekEnd) after, so the first and last weeks are kept."
        case .default:
            return "Weeks run Monday to Sunday; a week at either end of the data counts only if all its days are in the data."
        }
    }
}

/// Why the planning stages cannot proceed with the data and flags given.
public enum PlanningError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalid(String)

    public var description: String {
        switch self {
        case let .invalid(message): message
        }
    }
}
