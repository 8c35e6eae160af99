/// What a simulation did on each day, for callers that need more than the period's totals: a
/// day-by-day replay, weekly KPIs, cumulative figures.
///
/// Recorded only when asked for (``InventorySimulation/run(recordingDailyTrace:)``): it holds
/// SKUs × (3 × locations + regions) × days values that a caller reading only the totals should not
/// pay for. A day's sales and receipts are the change of the run's running totals over that day, so
/// they are, to the last bit, the differences between the totals of runs stopped after consecutive
/// days; sums over the days match ``SimulationReport``'s totals up to rounding.
public struct DailyTrace: Sendable {
    /// Units sold from each location, `[sku][location][day]`.
    public internal(set) var sold: [[[Double]]]
    /// Units that arrived from replenishment orders that morning, `[sku][location][day]`
    /// (transfers are not receipts).
    public internal(set) var received: [[[Double]]]
    /// Units on hand at the end of the day, after that day's sales and after the replenishment it
    /// shipped to other locations, `[sku][location][day]`: the stock holding cost is charged on.
    public internal(set) var onHand: [[[Double]]]
    /// Units sold to each region, whichever locations served it, `[sku][region][day]`.
    public internal(set) var regionSold: [[[Double]]]

    /// The running totals at the end of the last day recorded, `[sku][location]` and `[sku][region]`.
    var soldBefore: [[Double]], receivedBefore: [[Double]], regionSoldBefore: [[Double]]

    /// A trace of zeros for `skus` SKUs, `locations` locations and `regions` regions over `days` days.
    init(skus: Int, locations: Int, regions: Int, days: Int) {
        let perLocation = [[Double]](repeating: [Double](repeating: 0, count: days), count: locations)
        let perRegion = [[Double]](repeating: [Double](repeating: 0, count: days), count: regions)
        sold = Array(repeating: perLocation, count: skus)
        received = sold
        onHand = sold
        regionSold = Array(repeating: perRegion, count: skus)
        soldBefore = Array(repeating: Array(repeating: 0, count: locations), count: skus)
        receivedBefore = soldBefore
        regionSoldBefore = Array(repeating: Array(repeating: 0, count: regions), count: skus)
    }
}
