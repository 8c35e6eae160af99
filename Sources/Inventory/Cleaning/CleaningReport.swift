import Tabular

/// What ``Cleaning`` removed: the rows dropped by each rule, in the order the rules ran.
public struct CleaningReport: Sendable, Equatable {
    /// One rule's effect.
    public struct Step: Sendable, Equatable {
        public var rule: CleaningRule
        /// Rows this rule removed (rows already removed by an earlier rule are not counted again).
        public var dropped: Int
        /// Rows left after this rule.
        public var remaining: Int
        /// How the rule was applied to this data (the outlier threshold, a skipped rule's reason).
        public var detail: String
    }

    public var inputRows: Int
    public var steps: [Step]
    /// The largest quantity kept by the outlier rule, when it ran.
    public var outlierThreshold: Double?

    /// Rows left after every rule.
    public var outputRows: Int { steps.last?.remaining ?? inputRows }
    /// Rows removed by all rules together.
    public var droppedRows: Int { inputRows - outputRows }

    /// Rows removed by `rule` (0 when it did not run).
    public func dropped(by rule: CleaningRule) -> Int {
        steps.first { $0.rule == rule }?.dropped ?? 0
    }

    /// The report as a table: `rule`, `description`, `dropped`, `remaining`, `share_dropped`
    /// (of the input rows), `detail`, one row per rule in order.
    public func frame() -> DataFrame {
        let share = steps.map { inputRows == 0 ? 0 : Double($0.dropped) / Double(inputRows) }
        return (try? DataFrame(columns: [
            Column("rule", steps.map(\.rule.rawValue)),
            Column("description", steps.map(\.rule.description)),
            Column("dropped", steps.map(\.dropped)),
            Column("remaining", steps.map(\.remaining)),
            Column("share_dropped", share),
            Column("detail", steps.map(\.detail)),
        ])) ?? DataFrame()
    }
}
