extension DailyTrace {
    /// Records the end of `day` from the run's state: the running totals of units sold and received
    /// per SKU × location and sold per SKU × region since day 0, and the stock on hand now.
    ///
    /// Taking differences of the running totals, rather than adding each sale to the day's cell,
    /// keeps a day's value equal to what differencing the reports of two runs stopped after
    /// consecutive days gives (floating-point addition does not reassociate).
    /// - Complexity: O(SKUs × (locations + regions)).
    mutating func recordEndOfDay(_ day: Int, soldTotals: [[Double]], receivedTotals: [[Double]],
                                 regionSoldTotals: [[Double]], onHand stock: [[Double]]) {
        for s in stock.indices {
            for l in stock[s].indices {
                sold[s][l][day] = soldTotals[s][l] - soldBefore[s][l]
                received[s][l][day] = receivedTotals[s][l] - receivedBefore[s][l]
                onHand[s][l][day] = stock[s][l]
            }
            for r in regionSoldTotals[s].indices {
                regionSold[s][r][day] = regionSoldTotals[s][r] - regionSoldBefore[s][r]
            }
        }
        soldBefore = soldTotals
        receivedBefore = receivedTotals
        regionSoldBefore = regionSoldTotals
    }
}
