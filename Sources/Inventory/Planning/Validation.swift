import Tabular

/// The plans the validation stage replays, in two like-for-like pairs: the allocation decision
/// (baseline and recommended place the same total stock, purchases included) and the rebalancing
/// decision (today's stock left where it is, or moved by `transfers.csv`: the same units).
public enum ValidationPlan: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The one-size-fits-all proportional split of `allocation.csv`.
    case baseline
    /// The LP allocation of `allocation.csv`.
    case recommended
    /// Today's stock (`current` of `allocation.csv`) left where it is.
    case current
    /// Today's stock with the moves of `transfers.csv` made on the first morning.
    case rebalanced

    public var description: String { rawValue }

    /// The words a planner reads in tables and legends.
    public var label: String {
        switch self {
        case .baseline: "baseline (one size fits all)"
        case .recommended: "recommended allocation"
        case .current: "today's stock, no transfers"
        case .rebalanced: "today's stock + transfers"
        }
    }
}

/// Two plans that start from the same total stock, compared as `other − reference`.
public struct PlanComparison: Sendable, Hashable, CustomStringConvertible {
    public let reference: ValidationPlan
    public let other: ValidationPlan

    public init(reference: ValidationPlan, other: ValidationPlan) {
        self.reference = reference
        self.other = other
    }

    /// The allocation decision: recommended against the one-size-fits-all baseline.
    public static let allocation = PlanComparison(reference: .baseline, other: .recommended)
    /// The rebalancing decision: today's stock with the transfers against doing nothing.
    public static let rebalancing = PlanComparison(reference: .current, other: .rebalanced)
    /// Both decisions, allocation first.
    public static let all = [allocation, rebalancing]

    /// `recommended − baseline`.
    public var description: String { "\(other) − \(reference)" }
}

/// The held-out period replayed against the stock each plan places: the same demand, network,
/// replenishment policy and costs for every plan, so that the differences between the plans are
/// differences of placement.
///
/// Demand arises at *demand nodes*: a store's walk-in customers (served by the store alone, no
/// shipping cost), and each (fulfillment center, customer region) pair of online orders (served by
/// that center at its shipping cost to the region). Stores review their stock every `reviewDays`
/// days and order up to their level from the fulfillment center that supplies them, paying the
/// center-to-store transfer rate per unit; an order arrives `leadTimeDays` + 1 mornings later,
/// as far as the center has the units. Fulfillment centers are not resupplied during the held-out
/// period (level 0): the allocation is a placement of the season's stock, and the centers hold its
/// reserve. Unmet demand is lost (``InventorySimulation``).
public struct ValidationReplay: Sendable {
    /// A stocking location of the replay.
    public struct Site: Sendable, Hashable {
        public var name: String
        public var region: String
        public var isStore: Bool
        /// The index of the location that replenishes this one, nil for none.
        public var supplier: Int?
        /// Cost per unit replenished from the supplier.
        public var replenishmentCost: Double

        public init(name: String, region: String, isStore: Bool, supplier: Int? = nil, replenishmentCost: Double = 0) {
            self.name = name
            self.region = region
            self.isStore = isStore
            self.supplier = supplier
            self.replenishmentCost = replenishmentCost
        }
    }

    /// Where demand arises and which site serves it at what cost per unit.
    public struct DemandNode: Sendable, Hashable {
        public var site: Int
        /// The customers' region (a store's own region for walk-in demand).
        public var region: String
        public var shippingCost: Double

        public init(site: Int, region: String, shippingCost: Double) {
            self.site = site
            self.region = region
            self.shippingCost = shippingCost
        }
    }

    /// A transfer by indices, made on the first morning.
    public struct Move: Sendable, Hashable {
        public var sku: Int
        public var from: Int
        public var to: Int
        public var units: Double

        public init(sku: Int, from: Int, to: Int, units: Double) {
            self.sku = sku
            self.from = from
            self.to = to
            self.units = units
        }
    }

    public var skus: [String]
    /// Cost of holding one unit of each SKU for a day.
    public var holdingCostPerDay: [Double]
    public var sites: [Site]
    public var nodes: [DemandNode]
    /// Daily held-out demand, `[sku][node][day]`.
    public var demand: [[[Double]]]
    /// Start stock per plan, `[sku][site]`: the allocation's two placements and today's stock
    /// (which the rebalanced plan starts from too).
    public var baseline: [[Double]]
    public var recommended: [[Double]]
    public var current: [[Double]]
    /// The transfers of the rebalanced plan, made from today's stock.
    public var moves: [Move]
    /// Where the allocation's two plans start, today's stock plus the receipts, with the cheapest
    /// moves from there to each placement made on the first morning (their cost counted as
    /// transfer cost); nil when the plans are replayed from their placements at no cost.
    public var placementOrigin: [[Double]]?
    public var placementMoves: [ValidationPlan: [Move]]
    /// Cost of moving one unit between sites, `[from][to]`.
    public var transferCost: [[Double]]
    /// Order-up-to levels, `[sku][site]` (0 where a site never orders).
    public var levels: [[Double]]
    public var reviewDays: Int
    public var leadTimeDays: Int
    /// The first day of the held-out period (the data's week start), for week labels.
    public var start: CivilDate

    public init(skus: [String], holdingCostPerDay: [Double], sites: [Site], nodes: [DemandNode], demand: [[[Double]]],
                baseline: [[Double]], recommended: [[Double]], current: [[Double]], moves: [Move] = [], transferCost: [[Double]],
                levels: [[Double]], reviewDays: Int = 7, leadTimeDays: Int = 2, start: CivilDate) {
        self.skus = skus
        self.holdingCostPerDay = holdingCostPerDay
        self.sites = sites
        self.nodes = nodes
        self.demand = demand
        self.baseline = baseline
        self.recommended = recommended
        self.current = current
        self.moves = moves
        self.placementOrigin = nil
        self.placementMoves = [:]
        self.transferCost = transferCost
        self.levels = levels
        self.reviewDays = reviewDays
        self.leadTimeDays = leadTimeDays
        self.start = start
    }

    /// Days replayed.
    public var days: Int { demand.first?.first?.count ?? 0 }

    /// The start stock of a plan, before any transfer.
    public func startStock(_ plan: ValidationPlan) -> [[Double]] {
        switch plan {
        case .baseline: placementOrigin ?? baseline
        case .recommended: placementOrigin ?? recommended
        case .current, .rebalanced: current
        }
    }

    /// The transfers a plan makes on the first morning: the rebalanced plan's transfers, the moves
    /// that place the allocation's plans, none for today's stock.
    public func moves(of plan: ValidationPlan) -> [Move] {
        plan == .rebalanced ? moves : placementMoves[plan] ?? []
    }

    /// Replays the allocation's plans from today's stock plus `receipts`, `[sku][site]`: each plan's
    /// placement is reached by the cheapest moves on the first morning, whose cost is counted.
    /// Unchanged when a SKU's start and placement totals differ (an allocation.csv without receipts).
    public mutating func placeFrom(receipts: [[Double]]) {
        let origin = zip(current, receipts).map { zip($0, $1).map(+) }
        var planned: [ValidationPlan: [Move]] = [:]
        for plan in [ValidationPlan.baseline, .recommended] {
            let placement = plan == .baseline ? baseline : recommended
            var moves: [Move] = []
            for s in skus.indices {
                guard let result = try? Repositioning.cheapestMoves(from: origin[s], to: placement[s], cost: transferCost) else { return }
                moves += result.moves.map { Move(sku: s, from: $0.from, to: $0.to, units: $0.units.rounded()) }
            }
            planned[plan] = moves
        }
        placementOrigin = origin
        placementMoves = planned
    }

    /// The order-up-to level of a periodic-review policy for one site: mean demand over review
    /// period plus lead time, and the allocation's safety stock scaled from the horizon to that
    /// window by the square root of time.
    ///
    /// `S = μ_H · (R + L + 1) / H + SS_H · √((R + L + 1) / H)`, with μ_H and SS_H over the H-day
    /// horizon (an order arrives L + 1 mornings after it is placed). 0 for a non-positive horizon.
    public static func orderUpToLevel(demandMean: Double, safetyStock: Double, horizonDays: Int,
                                      reviewDays: Int, leadTimeDays: Int) -> Double {
        guard horizonDays > 0 else { return 0 }
        let window = Double(reviewDays + leadTimeDays + 1) / Double(horizonDays)
        return max(0, demandMean) * window + max(0, safetyStock) * window.squareRoot()
    }
}
