/// Stock per SKU × location chosen by an ``AllocationProblem``, with the flows to regions it plans,
/// the costs, and any shortfall against the service-level targets.
public struct Allocation: Sendable {
    /// Units planned from one location for one region.
    public struct Flow: Sendable, Hashable {
        public let sku: Int
        public let location: Int
        public let region: Int
        public let units: Double
    }

    /// Units to stock, `[sku][location]`.
    public let stock: [[Double]]
    /// The positive planned flows, ordered by SKU, location, region.
    public let flows: [Flow]
    /// The service-level targets `mean + z·sd`, `[sku][region]`.
    public let targets: [[Double]]
    /// Units of target not covered, `[sku][region]` (all 0 when ``meetsServiceLevel``).
    public let shortfall: [[Double]]
    /// Whether every target is met.
    public let meetsServiceLevel: Bool
    /// A sentence for the reader: met, or by how much and where capacity falls short.
    public let message: String
    /// Shipping cost of the planned flows.
    public let shippingCost: Double
    /// Holding cost of the stock.
    public let holdingCost: Double
    /// Capacity used per location, in the problem's measure.
    public let capacityUsed: [Double]
    /// The marginal cost saved per extra unit of capacity at each location (≥ 0; 0 when slack).
    public let capacityShadowPrice: [Double]

    /// Total units short over every SKU and region.
    public var totalShortfall: Double { shortfall.reduce(0) { $0 + $1.reduce(0, +) } }
    /// Shipping plus holding cost (shortfall penalties excluded).
    public var totalCost: Double { shippingCost + holdingCost }
}
