/// Where to hold the stock already in the network: a recommended allocation per SKU × location from
/// a linear program, against the one-size-fits-all proportional baseline, with service-level targets
/// and the expected fill of both.
///
/// The stock available for a SKU is what the network holds today (every location's `on_hand`).
/// Each location sells its own forecast demand from its own stock (a store to walk-in customers, a
/// fulfillment center to the online orders it ships), normal over the horizon with the forecast's
/// mean and standard deviation. The target (order-up-to level) is the demand quantile at the service
/// level, `mean + z·sd`.
///
/// ```swift
/// let problem = try AllocationPlan.Problem(forecasts: forecasts, dataset: dataset, costs: costs,
///                                          sales: cleaned, serviceLevel: 0.95)
/// let plan = try AllocationPlan(problem, baseline: .history)
/// let frame = try plan.allocationFrame()
/// ```
public struct AllocationPlan: Sendable {
    /// One SKU of the plan: what a unit earns and what holding it costs.
    public struct SKU: Sendable, Hashable {
        public var id: String
        /// The product category, for summaries ("" when unknown).
        public var category: String
        /// Margin lost per unit of unmet demand (price − unit cost), ≥ 0: the shortage penalty.
        public var unitMargin: Double
        /// Cost of holding one unit over the horizon (unit cost × holding rate × horizon), ≥ 0.
        public var holdingCost: Double

        public init(id: String, category: String = "", unitMargin: Double, holdingCost: Double) {
            self.id = id
            self.category = category
            self.unitMargin = unitMargin
            self.holdingCost = holdingCost
        }
    }

    /// How the baseline splits each SKU's available stock over the locations.
    public enum Baseline: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// In proportion to each location's share of the SKU's training sales (capacity shares for
        /// a SKU without sales).
        case history
        /// In proportion to each location's capacity.
        case capacity

        public var description: String { rawValue }
    }

    /// What the allocation decides on and is judged by: SKUs, locations, demand, stock and costs.
    ///
    /// Arrays are indexed `[sku][location]` by position in ``skus`` and ``locations``.
    public struct Problem: Sendable {
        public var skus: [SKU]
        public var locations: [Location]
        /// Units the location can hold for these SKUs (its capacity less the stock of SKUs outside
        /// the plan), ≥ 0.
        public var capacity: [Double]
        /// Whether the plan covers the pair (a forecast or stock exists); the plan never places
        /// stock outside these pairs.
        public var covered: [[Bool]]
        /// Expected demand over the horizon, ≥ 0.
        public var demandMean: [[Double]]
        /// Standard deviation of demand over the horizon, ≥ 0.
        public var demandSD: [[Double]]
        /// Units on hand today, ≥ 0.
        public var current: [[Double]]
        /// Units bought and received at the start of the horizon, ≥ 0 (zeros unless
        /// ``receivingPurchases()`` added them): both plans place `current + receipts`.
        public var receipts: [[Double]]
        /// Training sales, the history baseline's proportions, ≥ 0.
        public var history: [[Double]]
        /// Cost of moving one unit between locations, `[from][to]`, ≥ 0 (0 on the diagonal);
        /// `.infinity` where no move is possible.
        public var transferCost: [[Double]]
        /// Probability that a location's stock covers its demand over the horizon, in (0, 1).
        public var serviceLevel: Double
        /// Days the demand and holding costs cover.
        public var horizonDays: Int

        public init(skus: [SKU], locations: [Location], capacity: [Double], covered: [[Bool]]? = nil,
                    demandMean: [[Double]], demandSD: [[Double]], current: [[Double]], history: [[Double]]? = nil,
                    transferCost: [[Double]], serviceLevel: Double = 0.95, horizonDays: Int = 56,
                    receipts: [[Double]]? = nil) {
            self.skus = skus
            self.locations = locations
            self.capacity = capacity
            self.covered = covered ?? skus.map { _ in locations.map { _ in true } }
            self.demandMean = demandMean
            self.demandSD = demandSD
            self.current = current
            self.receipts = receipts ?? current.map { $0.map { _ in 0 } }
            self.history = history ?? current
            self.transferCost = transferCost
            self.serviceLevel = serviceLevel
            self.horizonDays = horizonDays
        }
    }

    /// What a plan costs and achieves, summed over every SKU and location.
    public struct Totals: Sendable, Hashable {
        /// Units placed.
        public let units: Double
        /// Cost of moving today's stock to the plan's positions by the cheapest transfers.
        public let shippingCost: Double
        /// Cost of holding the plan's stock over the horizon.
        public let holdingCost: Double
        /// Unit margin × expected units short of demand, for the stock below target:
        /// `Σ margin · (E[(D − q)⁺] − E[(D − target)⁺])` over pairs with q below target.
        public let shortagePenalty: Double
        /// Expected units of demand not met, `Σ E[(D − q)⁺]`.
        public let expectedShortUnits: Double
        /// Expected units sold over expected demand, in [0, 1].
        public let expectedFill: Double

        /// Shipping, holding and shortage penalty: what the linear program minimises.
        public var totalCost: Double { shippingCost + holdingCost + shortagePenalty }
    }

    public let problem: Problem
    public let baselineBasis: Baseline
    /// The standard normal quantile of the service level.
    public let z: Double
    /// `z · sd`, `[sku][location]`.
    public let safetyStock: [[Double]]
    /// `mean + z · sd`, the order-up-to level, `[sku][location]`.
    public let target: [[Double]]
    /// The baseline's whole units, `[sku][location]`.
    public let baseline: [[Double]]
    /// The recommended whole units, `[sku][location]`.
    public let recommended: [[Double]]
    /// Expected fill of each pair under the baseline and the recommendation, in [0, 1].
    public let expectedFillBaseline: [[Double]]
    public let expectedFillRecommended: [[Double]]
    public let baselineTotals: Totals
    public let recommendedTotals: Totals
    /// Today's stock judged the same way (no moves, so no shipping cost).
    public let currentTotals: Totals
}

/// Why an allocation plan cannot be made from the inputs given.
public enum AllocationPlanError: Error, Sendable, Hashable {
    /// An array's shape does not match the SKUs and locations.
    case shapeMismatch(String)
    /// A value that must be finite and ≥ 0 was not.
    case invalidValue(String, Double)
    /// The service level is outside (0, 1).
    case serviceLevelOutOfRange(Double)
    /// The locations cannot hold the stock to be placed.
    case insufficientCapacity(units: Double, capacity: Double, detail: String)
    /// An input table is unusable, with a sentence saying which and why.
    case badInput(String)
    /// The linear program failed; the message says why.
    case solverFailed(String)
}

extension AllocationPlanError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .shapeMismatch(what): return "allocation plan input has the wrong shape: \(what)"
        case let .invalidValue(what, value): return "allocation plan input \(what) is \(value): expected a finite number ≥ 0"
        case let .serviceLevelOutOfRange(level): return "service level \(level) is outside (0, 1): expected a probability such as 0.95"
        case let .insufficientCapacity(units, capacity, detail):
            return "allocation is infeasible: \(units.formatted2) units must be placed but the locations can hold only "
                + "\(capacity.formatted2) of them (\(detail))"
        case let .badInput(why): return why
        case let .solverFailed(why): return "allocation plan could not be solved: \(why)"
        }
    }
}
