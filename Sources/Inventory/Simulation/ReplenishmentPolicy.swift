/// How locations reorder stock during a simulation.
public enum ReplenishmentPolicy: Sendable, Hashable {
    /// No replenishment: the initial stock (and transfers) must last.
    case none
    /// Periodic review, order-up-to: every `reviewPeriod` days (from day 0) each location orders
    /// `max(0, level − position)` where position is on hand plus on order; `levels` is `[sku][location]`.
    case orderUpTo(reviewPeriod: Int, levels: [[Double]])
    /// Continuous review (s, Q): at the end of each day, while a location's position is at or below
    /// `reorderPoints[sku][location]` it orders `quantities[sku][location]` more (so possibly several Q).
    case reorderPoint(reorderPoints: [[Double]], quantities: [[Double]])
}

/// A transfer scheduled for a given day: it moves at most the sender's stock on hand that morning
/// and arrives before that day's demand.
public struct ScheduledTransfer: Sendable, Hashable {
    public var day: Int
    public var sku: Int
    public var from: Int
    public var to: Int
    public var units: Double
    public init(day: Int, sku: Int, from: Int, to: Int, units: Double) {
        self.day = day
        self.sku = sku
        self.from = from
        self.to = to
        self.units = units
    }
}
