import Tabular

/// The split of a dataset's history for planning and validation: forecasts are made from the
/// weeks before the cutoff, and the `horizon` complete weeks after it are held out, so that the
/// validation stage can replay demand nobody saw.
///
/// Weeks start on Monday. The last week of the data counts only if it is complete.
public struct PlanningCalendar: Sendable, Hashable {
    /// The first day (a Monday) of the first complete week of the data.
    public let firstWeek: CivilDate
    /// The first day of the held-out period (a Monday): training data end the day before.
    public let cutoff: CivilDate
    /// The number of held-out weeks.
    public let horizon: Int

    /// The calendar of `transactions` (with a `date` column) holding out `horizon` weeks.
    /// - Throws: ``StageError``-like ``PlanningError/tooShort`` when fewer than `horizon` + 8 complete
    ///   weeks remain for training.
    public init(transactions: DataFrame, horizon: Int) throws {
        guard horizon > 0 else { throw PlanningError.invalid("the horizon must be at least one week, got \(horizon)") }
        let days = try transactions[TransactionColumns.Canonical.date].floored(to: .day)
        guard case let .date(values, _) = days.data, let first = values.min(), let last = values.max() else {
            throw PlanningError.invalid("the transactions have no dates")
        }
        let firstMonday = CivilDate(days: first).weekday == 0 ? first : first - CivilDate(days: first).weekday + 7
        let lastSunday = CivilDate(days: last).weekday == 6 ? last : last - CivilDate(days: last).weekday - 1
        let weeks = (lastSunday + 1 - firstMonday) / 7
        guard weeks >= horizon + 8 else {
            throw PlanningError.invalid("the data cover \(max(0, weeks)) complete weeks; holding out \(horizon) needs at least \(horizon + 8)")
        }
        firstWeek = CivilDate(days: firstMonday)
        cutoff = CivilDate(days: lastSunday + 1 - 7 * horizon)
        self.horizon = horizon
    }

    /// Complete weeks of training data.
    public var trainingWeeks: Int { (cutoff.daysSince1970 - firstWeek.daysSince1970) / 7 }
    /// The last day of the held-out period.
    public var end: CivilDate { CivilDate(days: cutoff.daysSince1970 + 7 * horizon - 1) }
    /// The Monday of training week `index` (0-based); negative or past the end continue the sequence.
    public func weekStart(_ index: Int) -> CivilDate { CivilDate(days: firstWeek.daysSince1970 + 7 * index) }
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
