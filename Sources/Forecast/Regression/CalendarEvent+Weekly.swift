extension CalendarEvent {
    /// The event's weekly indicator: 1 for each week in which some day of the event (an occurrence
    /// widened by its window) falls, 0 elsewhere. A week is the 7 days from its start day.
    ///
    /// Weeks need not be contiguous or sorted; an event outside their range gives a column of
    /// zeros (which a regression cannot estimate: `DynamicHarmonicRegression` leaves such columns
    /// out, and `ARIMA.fit(_:regressors:)` reports them in `droppedRegressors`).
    /// - Parameter weekStarts: the first day of each week, in days since 1970-01-01.
    /// - Returns: one value per week, 0 or 1.
    /// - Complexity: O(w log w + e) for w weeks and e occurrences in their years.
    public func weeklyIndicator(weekStarts: [Int]) -> [Double] {
        guard let first = weekStarts.min(), let last = weekStarts.max() else { return [] }
        // Years whose occurrences, widened by the window, can reach the weeks.
        let lowYear = CivilDay.date(first - daysAfter).year
        let highYear = CivilDay.date(last + 6 + daysBefore).year
        let days = occurrences(years: lowYear...max(lowYear, highYear))
            .map { ($0 - daysBefore)...($0 + daysAfter) }
        return weekStarts.map { start in
            let week = start...(start + 6)
            return days.contains { $0.overlaps(week) } ? 1 : 0
        }
    }

    /// The weekly indicators of several events, one column per event in order.
    public static func weeklyIndicators(_ events: [CalendarEvent], weekStarts: [Int]) -> [[Double]] {
        events.map { $0.weeklyIndicator(weekStarts: weekStarts) }
    }
}
