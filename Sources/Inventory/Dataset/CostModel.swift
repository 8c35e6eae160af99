import Foundation

/// How moving and holding stock is priced: shipping to regions and transfers between locations,
/// per unit, plus a holding cost rate.
public struct CostModel: Sendable, Equatable {
    /// The share of the selling price taken as a SKU's unit cost when the dataset has no
    /// `unit_cost` (holding cost and margins need a value of the stock).
    public static let assumedCostShareOfPrice = 0.6

    /// How the cost of moving one unit is found.
    public enum Rate: Sendable, Equatable {
        /// A fixed cost per unit plus a rate per unit and kilometre of great-circle distance.
        case distance(ratePerUnitKm: Double, fixedPerUnit: Double)
        /// A file with columns `from`, `to`, `cost_per_unit` (location to region or location to location).
        case matrix(URL)
    }

    /// Shipping from a location to a demand region.
    public var shipping: Rate
    /// Transfers between locations (rebalancing); the shipping rate when the manifest gives none.
    public var transfer: Rate
    /// Holding cost per unit of stock value per year (0.25 = 25% of the unit cost a year).
    public var holdingRate: Double

    public init(shipping: Rate, transfer: Rate? = nil, holdingRate: Double) {
        self.shipping = shipping
        self.transfer = transfer ?? shipping
        self.holdingRate = holdingRate
    }

    /// The cost of holding one unit of value `unitCost` for `days` days.
    public func holdingCost(unitCost: Double, days: Double) -> Double {
        unitCost * holdingRate * days / 365
    }
}
