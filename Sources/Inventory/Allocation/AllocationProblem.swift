/// Where to stock each SKU: forecast demand per SKU × region over a horizon, locations with
/// capacities, and the costs of holding stock and shipping it to the regions.
///
/// The target for SKU s in region r is the demand quantile at the service level under a normal
/// approximation, `mean + z·sd`. ``solve(options:)`` finds the stock per SKU × location (and which
/// region each unit is meant for) that meets every target at least cost, or, when capacity cannot,
/// the allocation with the least penalised shortfall.
public struct AllocationProblem: Sendable {
    /// One SKU: its identifier, cost of holding a unit over the horizon, and unit volume.
    public struct SKU: Sendable, Hashable {
        public var id: String
        /// Cost of holding one unit over the horizon (unit cost × carrying rate × horizon), ≥ 0.
        public var holdingCost: Double
        /// Space one unit takes, > 0; used when capacity is measured in volume.
        public var volume: Double
        public init(id: String, holdingCost: Double, volume: Double = 1) {
            self.id = id
            self.holdingCost = holdingCost
            self.volume = volume
        }
    }

    /// One stocking location (store or fulfillment center).
    public struct Location: Sendable, Hashable {
        public var id: String
        /// Capacity in units or volume (see ``CapacityMeasure``), ≥ 0; `.infinity` for none.
        public var capacity: Double
        /// Multiplies every SKU's holding cost at this location (rent differs); default 1.
        public var holdingCostFactor: Double
        public init(id: String, capacity: Double, holdingCostFactor: Double = 1) {
            self.id = id
            self.capacity = capacity
            self.holdingCostFactor = holdingCostFactor
        }
    }

    /// What a location's capacity counts.
    public enum CapacityMeasure: Sendable, Hashable {
        case units
        case volume
    }

    public var skus: [SKU]
    public var locations: [Location]
    /// Region names; demand and shipping costs are indexed by position in this array.
    public var regions: [String]
    /// Expected demand over the horizon, `[sku][region]`, ≥ 0.
    public var demandMean: [[Double]]
    /// Standard deviation of demand over the horizon, `[sku][region]`, ≥ 0.
    public var demandSD: [[Double]]
    /// Cost of shipping one unit from a location to a region, `[location][region]`, ≥ 0;
    /// `.infinity` where a location cannot serve a region.
    public var shippingCost: [[Double]]
    public var capacityMeasure: CapacityMeasure
    /// The probability that stock covers a region's demand over the horizon, in (0, 1).
    public var serviceLevel: Double
    /// Cost per unit of shortfall when capacity cannot meet the targets; `nil` for
    /// 1000 × the largest unit shipping-plus-holding cost, which puts meeting demand first.
    public var shortfallPenalty: Double?

    public init(skus: [SKU], locations: [Location], regions: [String], demandMean: [[Double]],
                demandSD: [[Double]], shippingCost: [[Double]], capacityMeasure: CapacityMeasure = .units,
                serviceLevel: Double = 0.95, shortfallPenalty: Double? = nil) {
        self.skus = skus
        self.locations = locations
        self.regions = regions
        self.demandMean = demandMean
        self.demandSD = demandSD
        self.shippingCost = shippingCost
        self.capacityMeasure = capacityMeasure
        self.serviceLevel = serviceLevel
        self.shortfallPenalty = shortfallPenalty
    }
}

/// Why an allocation problem was rejected or could not be solved.
public enum AllocationError: Error, Sendable, Hashable {
    /// An array's shape does not match the SKUs, locations or regions.
    case shapeMismatch(String)
    /// A value that must be finite and ≥ 0 (or > 0) was not.
    case invalidValue(String, Double)
    /// The service level is outside (0, 1).
    case serviceLevelOutOfRange(Double)
    /// The solver failed on the model (numerical trouble or a limit); the message says which.
    case solverFailed(String)
}

extension AllocationError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .shapeMismatch(what): return "allocation input has the wrong shape: \(what)"
        case let .invalidValue(what, value): return "allocation input \(what) is \(value)"
        case let .serviceLevelOutOfRange(level): return "service level \(level) is outside (0, 1)"
        case let .solverFailed(why): return "allocation could not be solved: \(why)"
        }
    }
}
