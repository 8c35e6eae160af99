/// The economic order quantity (Harris, 1913): the order size that minimises ordering plus holding
/// cost for steady demand, `Q* = √(2DS / H)`.
public struct EconomicOrderQuantity: Sendable, Hashable {
    /// The optimal order size Q*, in units.
    public let quantity: Double
    /// Orders per period, D / Q*.
    public let ordersPerPeriod: Double
    /// Ordering plus holding cost per period at Q*: `D·S/Q* + H·Q*/2 = √(2DSH)`.
    public let totalCost: Double
    /// Time between orders as a fraction of the period, Q* / D.
    public let cycleLength: Double

    /// Computes the EOQ.
    ///
    /// - Parameters:
    ///   - demand: Demand per period D (usually a year), ≥ 0.
    ///   - orderingCost: Fixed cost per order S, ≥ 0.
    ///   - holdingCost: Cost of holding one unit for one period H, > 0.
    /// - Throws: ``PolicyError/invalidValue(name:value:expected:)`` for negative, NaN or infinite
    ///   inputs, or a holding cost of 0. Zero demand gives a zero quantity, zero orders and cost,
    ///   and an infinite cycle.
    public init(demand: Double, orderingCost: Double, holdingCost: Double) throws(PolicyError) {
        try requireNonNegative(demand, "demand")
        try requireNonNegative(orderingCost, "ordering cost")
        try requirePositive(holdingCost, "holding cost")
        quantity = (2 * demand * orderingCost / holdingCost).squareRoot()
        ordersPerPeriod = quantity > 0 ? demand / quantity : 0
        totalCost = (2 * demand * orderingCost * holdingCost).squareRoot()
        cycleLength = demand > 0 ? quantity / demand : .infinity
    }
}
