extension InventorySimulation {
    /// Replays the demand and returns the measured service, costs and stock.
    ///
    /// - Parameter recordingDailyTrace: Whether to record each day's sales, receipts and stock in
    ///   ``SimulationReport/dailyTrace`` (nil otherwise), at O(days × SKUs × (locations + regions))
    ///   more time and memory; the totals are the same either way.
    /// - Throws: ``SimulationError`` for arrays of the wrong shape, negative or NaN values, a
    ///   transfer naming an unknown day, SKU or location, or transfers without a cost matrix.
    /// - Complexity: O(days × SKUs × (regions × locations + locations)).
    public func run(recordingDailyTrace: Bool = false) throws(SimulationError) -> SimulationReport {
        try validate()
        let days = horizon
        let skuCount = skus.count, locationCount = locations.count, regionCount = regions.count
        // For each region, the locations that can serve it, cheapest first.
        let sources: [[Int]] = (0..<regionCount).map { r in
            (0..<locationCount).filter { shippingCost[$0][r].isFinite }
                .sorted { (shippingCost[$0][r], $0) < (shippingCost[$1][r], $1) }
        }
        let transfersByDay = Dictionary(grouping: transfers.indices, by: { transfers[$0].day })

        var stock = initialStock
        var pipeline = [[Double]](repeating: [Double](repeating: 0, count: locationCount), count: skuCount)
        // Arrivals due: day → list of (sku, location, units).
        var arrivals = [[(Int, Int, Double)]](repeating: [], count: days + leadTime + 2)
        var received = pipeline, sold = pipeline, shippedOut = pipeline, transferred = pipeline
        var demanded = 0.0, soldTotal = 0.0, lost = 0.0
        var regionDemand = [Double](repeating: 0, count: regionCount)
        var regionSold = [Double](repeating: 0, count: regionCount)
        var stockoutCells = 0
        var shipping = 0.0, replenishing = 0.0, transferring = 0.0, holding = 0.0
        var moved = 0.0, receivedTotal = 0.0
        var onHandDays = 0.0
        var trace = recordingDailyTrace
            ? DailyTrace(skus: skuCount, locations: locationCount, regions: regionCount, days: days) : nil
        // Units sold per SKU × region, kept only for the trace.
        var regionSoldBySKU = [[Double]](repeating: [Double](repeating: 0, count: regionCount),
                                         count: recordingDailyTrace ? skuCount : 0)

        for day in 0..<days {
            for (s, l, units) in arrivals[day] {
                stock[s][l] += units
                pipeline[s][l] -= units
                received[s][l] += units
                receivedTotal += units
            }
            for index in transfersByDay[day] ?? [] {
                let transfer = transfers[index]
                let units = min(transfer.units, stock[transfer.sku][transfer.from])
                guard units > 0 else { continue }
                stock[transfer.sku][transfer.from] -= units
                stock[transfer.sku][transfer.to] += units
                transferred[transfer.sku][transfer.from] -= units
                transferred[transfer.sku][transfer.to] += units
                moved += units
                transferring += units * (transferCost?[transfer.from][transfer.to] ?? 0)
            }
            for s in 0..<skuCount {
                for r in 0..<regionCount {
                    let wanted = demand[s][r][day]
                    guard wanted > 0 else { continue }
                    var remaining = wanted
                    for l in sources[r] where stock[s][l] > 0 {
                        let units = min(remaining, stock[s][l])
                        stock[s][l] -= units
                        sold[s][l] += units
                        shipping += units * shippingCost[l][r]
                        remaining -= units
                        if remaining <= 0 { break }
                    }
                    remaining = max(0, remaining)
                    demanded += wanted
                    soldTotal += wanted - remaining
                    lost += remaining
                    regionDemand[r] += wanted
                    regionSold[r] += wanted - remaining
                    if trace != nil { regionSoldBySKU[s][r] += wanted - remaining }
                    if remaining > 0 { stockoutCells += 1 }
                }
            }
            for s in 0..<skuCount {
                for l in 0..<locationCount {
                    let quantity = orderQuantity(sku: s, location: l, day: day, position: stock[s][l] + pipeline[s][l])
                    guard quantity > 0 else { continue }
                    var shipped = quantity
                    if let source = locations[l].replenishedFrom {
                        shipped = min(quantity, stock[s][source])
                        guard shipped > 0 else { continue }
                        stock[s][source] -= shipped
                        shippedOut[s][source] += shipped
                    }
                    pipeline[s][l] += shipped
                    arrivals[day + leadTime + 1].append((s, l, shipped))
                    replenishing += shipped * locations[l].replenishmentCost
                }
            }
            for s in 0..<skuCount {
                var units = 0.0
                for l in 0..<locationCount { units += stock[s][l] }
                holding += units * skus[s].holdingCostPerDay
                onHandDays += units
            }
            trace?.recordEndOfDay(day, soldTotals: sold, receivedTotals: received, regionSoldTotals: regionSoldBySKU, onHand: stock)
        }

        let averageOnHand = days > 0 ? onHandDays / Double(days) : 0
        let averageSales = days > 0 ? soldTotal / Double(days) : 0
        let regionalFill = (0..<regionCount).map { regionDemand[$0] > 0 ? regionSold[$0] / regionDemand[$0] : .nan }
        let cells = skuCount * regionCount * days
        return SimulationReport(
            days: days, unitsDemanded: demanded, unitsSold: soldTotal, unitsLost: lost,
            unitsReceived: receivedTotal, unitsOnOrderAtEnd: pipeline.reduce(0) { $0 + $1.reduce(0, +) },
            unitsTransferred: moved,
            fillRate: demanded > 0 ? soldTotal / demanded : 1,
            stockoutRate: cells > 0 ? Double(stockoutCells) / Double(cells) : 0,
            shippingCost: shipping, replenishmentCost: replenishing, transferCost: transferring, holdingCost: holding,
            averageOnHand: averageOnHand,
            turnover: averageOnHand > 0 ? soldTotal / averageOnHand : (soldTotal > 0 ? .infinity : 0),
            daysOfSupply: averageSales > 0 ? averageOnHand / averageSales : (averageOnHand > 0 ? .infinity : 0),
            regionalFillRates: regionalFill, regionalBalanceIndex: Self.balanceIndex(regionalFill),
            endingStock: stock, soldFrom: sold, receivedAt: received, shippedToLocations: shippedOut,
            transferredNet: transferred, dailyTrace: trace)
    }

    /// `max(0, 1 − population CV)` of the finite fill rates; 1 with fewer than two.
    static func balanceIndex(_ rates: [Double]) -> Double {
        let finite = rates.filter { !$0.isNaN }
        guard finite.count >= 2 else { return 1 }
        let mean = finite.reduce(0, +) / Double(finite.count)
        guard mean > 0 else { return 0 }
        let variance = finite.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(finite.count)
        return max(0, 1 - variance.squareRoot() / mean)
    }

    private func orderQuantity(sku s: Int, location l: Int, day: Int, position: Double) -> Double {
        switch replenishment {
        case .none:
            return 0
        case let .orderUpTo(reviewPeriod, levels):
            guard day % reviewPeriod == 0 else { return 0 }
            return max(0, levels[s][l] - position)
        case let .reorderPoint(points, quantities):
            let point = points[s][l], quantity = quantities[s][l]
            guard position <= point, quantity > 0 else { return 0 }
            return (((point - position) / quantity).rounded(.down) + 1) * quantity
        }
    }

    func validate() throws(SimulationError) {
        let skuCount = skus.count, locationCount = locations.count, regionCount = regions.count
        let days = horizon
        guard demand.count == skuCount, initialStock.count == skuCount else {
            throw .shapeMismatch("demand and initial stock need one entry per SKU (\(skuCount))")
        }
        for s in 0..<skuCount {
            guard demand[s].count == regionCount else { throw .shapeMismatch("demand of \(skus[s].id) needs \(regionCount) regions") }
            for series in demand[s] {
                guard series.count == days else { throw .shapeMismatch("every demand series needs \(days) days") }
                for value in series where !value.isFinite || value < 0 { throw .invalidValue("demand of \(skus[s].id)", value) }
            }
            guard initialStock[s].count == locationCount else {
                throw .shapeMismatch("initial stock of \(skus[s].id) needs \(locationCount) locations")
            }
            for value in initialStock[s] where !value.isFinite || value < 0 { throw .invalidValue("initial stock of \(skus[s].id)", value) }
            let holding = skus[s].holdingCostPerDay
            guard holding.isFinite, holding >= 0 else { throw .invalidValue("holding cost of \(skus[s].id)", holding) }
        }
        guard shippingCost.count == locationCount, shippingCost.allSatisfy({ $0.count == regionCount }) else {
            throw .shapeMismatch("shipping cost must be \(locationCount) locations × \(regionCount) regions")
        }
        for row in shippingCost { for value in row where value.isNaN || value < 0 { throw .invalidValue("shipping cost", value) } }
        for (l, location) in locations.enumerated() {
            if let source = location.replenishedFrom, source < 0 || source >= locationCount || source == l {
                throw .invalidValue("replenishment source of \(location.id)", Double(source))
            }
            guard location.replenishmentCost.isFinite, location.replenishmentCost >= 0 else {
                throw .invalidValue("replenishment cost of \(location.id)", location.replenishmentCost)
            }
        }
        guard leadTime >= 0 else { throw .invalidValue("lead time", Double(leadTime)) }
        switch replenishment {
        case .none: break
        case let .orderUpTo(reviewPeriod, levels):
            guard reviewPeriod >= 1 else { throw .invalidValue("review period", Double(reviewPeriod)) }
            try checkGrid(levels, "order-up-to levels")
        case let .reorderPoint(points, quantities):
            try checkGrid(points, "reorder points", allowNegative: true)
            try checkGrid(quantities, "order quantities")
        }
        if !transfers.isEmpty {
            guard let costs = transferCost, costs.count == locationCount, costs.allSatisfy({ $0.count == locationCount }) else {
                throw .shapeMismatch("transfers need a \(locationCount) × \(locationCount) transfer cost matrix")
            }
            for row in costs { for value in row where !value.isFinite || value < 0 { throw .invalidValue("transfer cost", value) } }
        }
        for (index, transfer) in transfers.enumerated() {
            if transfer.day < 0 || transfer.day >= max(days, 1) { throw .badTransfer(index: index, why: "day \(transfer.day) outside 0..<\(days)") }
            if transfer.sku < 0 || transfer.sku >= skuCount { throw .badTransfer(index: index, why: "unknown SKU \(transfer.sku)") }
            if transfer.from < 0 || transfer.from >= locationCount || transfer.to < 0 || transfer.to >= locationCount || transfer.from == transfer.to {
                throw .badTransfer(index: index, why: "locations \(transfer.from) → \(transfer.to) are not two known locations")
            }
            if !transfer.units.isFinite || transfer.units < 0 { throw .badTransfer(index: index, why: "units \(transfer.units)") }
        }
    }

    private func checkGrid(_ grid: [[Double]], _ what: String, allowNegative: Bool = false) throws(SimulationError) {
        guard grid.count == skus.count, grid.allSatisfy({ $0.count == locations.count }) else {
            throw .shapeMismatch("\(what) must be \(skus.count) SKUs × \(locations.count) locations")
        }
        for row in grid { for value in row where !value.isFinite || (!allowNegative && value < 0) { throw .invalidValue(what, value) } }
    }
}
