extension AllocationPlan.Problem {
    /// The same problem with each SKU's shortfall bought and received at the fulfillment centers at
    /// the start of the horizon, so that the plans place enough stock to meet the service-level
    /// targets rather than only what is on hand today.
    ///
    /// A SKU's shortfall is its targets (mean + z·sd over the covered pairs, z the normal quantile
    /// of ``serviceLevel``) less its stock today, rounded up to whole units; nothing is bought for
    /// a SKU that already holds its targets. The receipts of a SKU are split over the fulfillment
    /// centers (every one becomes a covered pair) in proportion to their free capacity, and all
    /// receipts together are scaled down to fit the network's free capacity when they would
    /// exceed it.
    /// - Returns: the problem itself when it has no fulfillment center or nothing is short.
    public func receivingPurchases() -> Self {
        let centers = locations.indices.filter { locations[$0].kind == .fulfillmentCenter }
        guard !centers.isEmpty else { return self }
        let targets = targets()
        var shortfall = skus.indices.map { s in
            let target = locations.indices.reduce(0.0) { sum, l in covered[s][l] ? sum + max(0, targets[s][l]) : sum }
            return max(0, (target - current[s].reduce(0, +)).rounded(.up))
        }
        let held = locations.indices.map { l in skus.indices.reduce(0.0) { $0 + current[$1][l] } }
        let free = locations.indices.map { max(0, capacity[$0] - held[$0]) }
        let room = free.reduce(0, +), wanted = shortfall.reduce(0, +)
        guard wanted > 0 else { return self }
        if wanted > room {
            shortfall = shortfall.map { ($0 * room / wanted).rounded(.down) }
        }
        let centerRoom = centers.map { free[$0] }
        let totalCenterRoom = centerRoom.reduce(0, +)
        let shares = totalCenterRoom > 0
            ? centerRoom.map { $0 / totalCenterRoom } : centers.map { _ in 1 / Double(centers.count) }
        var result = self
        for s in skus.indices where shortfall[s] > 0 {
            let split = Self.largestRemainder(shares.map { $0 * shortfall[s] }, total: shortfall[s])
            for (k, l) in centers.enumerated() {
                result.receipts[s][l] += split[k]
                result.covered[s][l] = true
            }
        }
        return result
    }

    /// Units received per SKU, summed over locations.
    public var receivedUnits: Double { receipts.reduce(0) { $0 + $1.reduce(0, +) } }
}
