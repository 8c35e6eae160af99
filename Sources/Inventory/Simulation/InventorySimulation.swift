/// A day-by-day replay of demand against stock placed at locations, a replenishment policy and
/// optional transfers, under the lost-sales model (demand not met from stock that day is lost).
///
/// Each day, in order: replenishment orders due that day arrive; scheduled transfers move stock;
/// each region's demand for each SKU is served from the locations that can serve it, cheapest
/// shipping cost first (regions in index order, ties by location index), and what is left is lost;
/// then locations review their stock and order; finally holding cost is charged on the stock left.
/// To simulate stores serving their own walk-in demand, make each store a region of its own with a
/// zero shipping cost from that store and `.infinity` from the others.
public struct InventorySimulation: Sendable {
    /// One SKU and what it costs to hold.
    public struct SKU: Sendable, Hashable {
        public var id: String
        /// Cost of holding one unit for one day, ≥ 0.
        public var holdingCostPerDay: Double
        public init(id: String, holdingCostPerDay: Double) {
            self.id = id
            self.holdingCostPerDay = holdingCostPerDay
        }
    }

    /// One stocking location and where its replenishment comes from.
    public struct Location: Sendable, Hashable {
        public var id: String
        /// The index of the location (a fulfillment center) that replenishes this one, or nil for an
        /// outside supplier with unlimited stock.
        public var replenishedFrom: Int?
        /// Cost per unit replenished, ≥ 0.
        public var replenishmentCost: Double
        public init(id: String, replenishedFrom: Int? = nil, replenishmentCost: Double = 0) {
            self.id = id
            self.replenishedFrom = replenishedFrom
            self.replenishmentCost = replenishmentCost
        }
    }

    public var skus: [SKU]
    public var locations: [Location]
    public var regions: [String]
    /// Cost of shipping one unit from a location to a region, `[location][region]`; `.infinity` where
    /// the location does not serve the region.
    public var shippingCost: [[Double]]
    /// Daily demand, `[sku][region][day]`, every series the same length (the horizon), ≥ 0.
    public var demand: [[[Double]]]
    /// Stock on hand at the start, `[sku][location]`, ≥ 0.
    public var initialStock: [[Double]]
    public var replenishment: ReplenishmentPolicy
    /// Days between ordering and arrival, ≥ 0; an order placed at the end of day d arrives the
    /// morning of day d + leadTime + 1 (so 0 means next morning).
    public var leadTime: Int
    public var transfers: [ScheduledTransfer]
    /// Cost of moving one unit between locations, `[from][to]`; needed when there are transfers.
    public var transferCost: [[Double]]?

    public init(skus: [SKU], locations: [Location], regions: [String], shippingCost: [[Double]],
                demand: [[[Double]]], initialStock: [[Double]], replenishment: ReplenishmentPolicy = .none,
                leadTime: Int = 0, transfers: [ScheduledTransfer] = [], transferCost: [[Double]]? = nil) {
        self.skus = skus
        self.locations = locations
        self.regions = regions
        self.shippingCost = shippingCost
        self.demand = demand
        self.initialStock = initialStock
        self.replenishment = replenishment
        self.leadTime = leadTime
        self.transfers = transfers
        self.transferCost = transferCost
    }

    /// The number of days simulated (the length of the demand series; 0 with no SKUs or regions).
    public var horizon: Int { demand.first?.first?.count ?? 0 }
}

/// Why a simulation was rejected.
public enum SimulationError: Error, Sendable, Hashable {
    case shapeMismatch(String)
    case invalidValue(String, Double)
    case badTransfer(index: Int, why: String)
}

extension SimulationError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .shapeMismatch(what): return "simulation input has the wrong shape: \(what)"
        case let .invalidValue(what, value): return "simulation input \(what) is \(value)"
        case let .badTransfer(index, why): return "scheduled transfer \(index) is invalid: \(why)"
        }
    }
}
