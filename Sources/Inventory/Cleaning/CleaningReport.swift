import Tabular

/// What ``Cleaning`` removed: the rows and units dropped by each rule, in the order the rules ran,
/// and the kept rows that fall outside the manifest's network.
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
        /// Units (positive quantities) of the rows this rule removed.
        public var unitsDropped: Double = 0
        /// Units of the rows still there when the rule ran.
        public var unitsBefore: Double = 0

        public init(rule: CleaningRule, dropped: Int, remaining: Int, detail: String,
                    unitsDropped: Double = 0, unitsBefore: Double = 0) {
            self.rule = rule
            self.dropped = dropped
            self.remaining = remaining
            self.detail = detail
            self.unitsDropped = unitsDropped
            self.unitsBefore = unitsBefore
        }

        /// The share of the units still there that this rule removed (0 when there were none).
        public var shareOfUnits: Double { unitsBefore > 0 ? unitsDropped / unitsBefore : 0 }
    }

    public var inputRows: Int
    public var steps: [Step]
    /// The largest quantity kept by the outlier rule, when it ran.
    public var outlierThreshold: Double?
    /// Kept rows whose region the manifest does not list, and those regions (sorted).
    public var unknownRegions: (rows: Int, names: [String]) = (0, [])
    /// Kept rows without a location (counted when the cleaning knew the manifest's locations).
    public var rowsWithoutLocation = 0

    public init(inputRows: Int, steps: [Step], outlierThreshold: Double? = nil) {
        self.inputRows = inputRows
        self.steps = steps
        self.outlierThreshold = outlierThreshold
    }

    public static func == (lhs: CleaningReport, rhs: CleaningReport) -> Bool {
        lhs.inputRows == rhs.inputRows && lhs.steps == rhs.steps && lhs.outlierThreshold == rhs.outlierThreshold
            && lhs.unknownRegions.rows == rhs.unknownRegions.rows && lhs.unknownRegions.names == rhs.unknownRegions.names
            && lhs.rowsWithoutLocation == rhs.rowsWithoutLocation
    }

    /// Rows left after every rule.
    public var outputRows: Int { steps.last?.remaining ?? inputRows }
    /// Rows removed by all rules together.
    public var droppedRows: Int { inputRows - outputRows }

    /// Rows removed by `rule` (0 when it did not run).
    public func dropped(by rule: CleaningRule) -> Int {
        step(rule)?.dropped ?? 0
    }

    /// The step of `rule`, when it ran.
    public func step(_ rule: CleaningRule) -> Step? {
        steps.first { $0.rule == rule }
    }

    /// The report as a table: `rule`, `description`, `dropped`, `remaining`, `share_dropped`
    /// (of the input rows), `units_share` (of the units still there when the rule ran), `detail`,
    /// one row per rule in order.
    public func frame() -> DataFrame {
        let share = steps.map { inputRows == 0 ? 0 : Double($0.dropped) / Double(inputRows) }
        return (try? DataFrame(columns: [
            Column("rule", steps.map(\.rule.rawValue)),
            Column("description", steps.map(\.rule.description)),
            Column("dropped", steps.map(\.dropped)),
            Column("remaining", steps.map(\.remaining)),
            Column("share_dropped", share),
            Column("units_share", steps.map(\.shareOfUnits)),
            Column("detail", steps.map(\.detail)),
        ])) ?? DataFrame()
    }
}
