/// What one plan's replay did, day by day: the trace the KPIs, the figures and the bootstrap read.
public struct ReplayTrace: Sendable {
    public let plan: ValidationPlan
    public let days: Int
    /// Units demanded, sold, on hand at the end of the day and received from replenishment,
    /// `[sku][site][day]`.
    public let demand: [[[Double]]]
    public let sold: [[[Double]]]
    public let onHand: [[[Double]]]
    public let received: [[[Double]]]
    /// Units sold at each demand node, `[sku][node][day]`.
    public let nodeSold: [[[Double]]]
    /// Cost of the transfers, charged to the receiving site, `[sku][site]`.
    public let transferCost: [[Double]]
    /// Units the transfers moved (a transfer moves at most the sender's stock).
    public let unitsTransferred: Double
    /// The simulator's report of the whole network over the whole period.
    public let report: SimulationReport
}

extension ValidationReplay {
    /// Replays the held-out demand against a plan's start stock.
    ///
    /// One run of ``InventorySimulation`` over every SKU and the whole period records a
    /// ``DailyTrace``: sales, receipts and end-of-day stock per SKU × site and sales per SKU × demand
    /// node (the simulation's regions), each day. SKUs do not interact, so each SKU's series are what
    /// a run of that SKU alone would give.
    ///
    /// - Throws: ``SimulationError`` for inconsistent arrays, ``ValidationInputError/nothingToReplay(_:)``
    ///   for a period of no days or no SKUs.
    /// - Complexity: O(SKUs × days × (nodes + sites)).
    public func run(_ plan: ValidationPlan) throws -> ReplayTrace {
        let days = self.days, siteCount = sites.count, nodeCount = nodes.count
        guard days > 0, !skus.isEmpty, nodeCount > 0 else {
            throw ValidationInputError.nothingToReplay("the held-out period has no days, SKUs or demand nodes to replay")
        }
        let start = startStock(plan)
        let planMoves = moves(of: plan)
        let report = try simulation(stock: start, moves: planMoves).run(recordingDailyTrace: true)
        guard let daily = report.dailyTrace else {
            throw ValidationInputError.nothingToReplay("the simulation did not record the daily trace it was asked for")
        }

        var siteDemand = [[[Double]]](repeating: [[Double]](repeating: [Double](repeating: 0, count: days), count: siteCount),
                                      count: skus.count)
        for s in skus.indices {
            for (n, node) in nodes.enumerated() {
                for day in 0..<days { siteDemand[s][node.site][day] += demand[s][n][day] }
            }
        }
        var transferCost = [[Double]](repeating: [Double](repeating: 0, count: siteCount), count: skus.count)
        var stock = start, moved = 0.0
        for move in planMoves {
            let units = min(move.units, stock[move.sku][move.from])
            guard units > 0 else { continue }
            stock[move.sku][move.from] -= units
            stock[move.sku][move.to] += units
            moved += units
            transferCost[move.sku][move.to] += units * self.transferCost[move.from][move.to]
        }
        func cleaned(_ series: [[[Double]]]) -> [[[Double]]] { series.map { $0.map { $0.map(Self.clean) } } }
        return ReplayTrace(plan: plan, days: days, demand: siteDemand, sold: cleaned(daily.sold), onHand: daily.onHand,
                           received: cleaned(daily.received), nodeSold: cleaned(daily.regionSold), transferCost: transferCost,
                           unitsTransferred: moved, report: report)
    }

    /// The simulation of every SKU over the held-out period from `stock`, with `moves` made on the
    /// first morning.
    func simulation(stock: [[Double]], moves: [Move]) -> InventorySimulation {
        let simulated = skus.indices.map { InventorySimulation.SKU(id: skus[$0], holdingCostPerDay: holdingCostPerDay[$0]) }
        let locations = sites.map {
            InventorySimulation.Location(id: $0.name, replenishedFrom: $0.supplier, replenishmentCost: $0.replenishmentCost)
        }
        let regions = nodes.map { sites[$0.site].name + " → " + $0.region }
        let shipping = sites.indices.map { l in nodes.map { $0.site == l ? $0.shippingCost : Double.infinity } }
        return InventorySimulation(
            skus: simulated, locations: locations, regions: regions, shippingCost: shipping, demand: demand,
            initialStock: stock, replenishment: .orderUpTo(reviewPeriod: max(1, reviewDays), levels: levels),
            leadTime: leadTimeDays, transfers: moves.map { ScheduledTransfer(day: 0, sku: $0.sku, from: $0.from, to: $0.to, units: $0.units) },
            transferCost: transferCost)
    }

    /// Rounding noise of the day-to-day changes of running totals set to zero.
    static func clean(_ value: Double) -> Double { abs(value) < 1e-9 ? 0 : value }
}
