/// What a simulation measured: service, costs, stock and the balance between regions.
public struct SimulationReport: Sendable {
    /// Days simulated.
    public let days: Int
    /// Units demanded, sold and lost over every SKU, region and day (sold + lost = demand).
    public let unitsDemanded: Double
    public let unitsSold: Double
    public let unitsLost: Double
    /// Units that arrived from replenishment orders, and units still on order at the end.
    public let unitsReceived: Double
    public let unitsOnOrderAtEnd: Double
    /// Units moved by transfers.
    public let unitsTransferred: Double

    /// Share of demand met from stock: sold / demanded (1 when nothing was demanded).
    public let fillRate: Double
    /// Share of SKU × region × day cells whose demand was not fully met (over all cells, with or
    /// without demand).
    public let stockoutRate: Double
    /// Cost of shipping the units sold from locations to regions.
    public let shippingCost: Double
    /// Cost of the replenishment received or shipped from fulfillment centers.
    public let replenishmentCost: Double
    /// Cost of the transfers.
    public let transferCost: Double
    /// Holding cost of the stock left at the end of each day.
    public let holdingCost: Double
    /// Average units on hand at the end of a day, over the network.
    public let averageOnHand: Double
    /// Units sold over the horizon divided by the average units on hand (0 when nothing is held and
    /// nothing sold; +∞ when units were sold from no average stock).
    public let turnover: Double
    /// Average units on hand over average units sold per day (+∞ when nothing sold and stock held).
    public let daysOfSupply: Double
    /// Fill rate per region (NaN for a region with no demand).
    public let regionalFillRates: [Double]
    /// `max(0, 1 − CV)` of the fill rates of the regions with demand, CV the population standard
    /// deviation over the mean: 1 when every region is served equally well, falling towards 0 as
    /// service diverges (0 also when nothing is sold). 1 with fewer than two regions with demand.
    public let regionalBalanceIndex: Double

    /// Stock per SKU × location at the end, and units sold and received per SKU × location.
    public let endingStock: [[Double]]
    public let soldFrom: [[Double]]
    public let receivedAt: [[Double]]
    /// Units shipped out of each SKU × location to replenish other locations.
    public let shippedToLocations: [[Double]]
    /// Net units moved in (positive) or out (negative) by transfers, per SKU × location.
    public let transferredNet: [[Double]]

    /// Each day's sales, receipts and stock, when the run was asked to record them
    /// (``InventorySimulation/run(recordingDailyTrace:)``); nil otherwise.
    public let dailyTrace: DailyTrace?
}
