import Foundation

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
    /// The daily trace comes from ``InventorySimulation`` itself: the simulation is causal, so a run
    /// over the first d days ends in the state of day d of the full run; each SKU (SKUs do not
    /// interact) is run over every prefix of the period and the day-to-day differences of its
    /// cumulative sales, receipts and node fill give the daily values.
    ///
    /// - Throws: ``SimulationError`` for inconsistent arrays, ``ValidationInputError/nothingToReplay(_:)``
    ///   for a period of no days or no SKUs.
    /// - Complexity: O(SKUs × days² × (nodes + sites)), run on every core.
    public func run(_ plan: ValidationPlan) throws -> ReplayTrace {
        let days = self.days, siteCount = sites.count, nodeCount = nodes.count
        guard days > 0, !skus.isEmpty, nodeCount > 0 else {
            throw ValidationInputError.nothingToReplay("the held-out period has no days, SKUs or demand nodes to replay")
        }
        let start = startStock(plan)
        let planMoves = moves(of: plan)
        let full = try simulation(skuIndices: Array(skus.indices), stock: start, moves: planMoves, days: days).run()

        let perSKU = try ConcurrentResults<SKUTrace>.map(count: skus.count) { s in try self.trace(sku: s, start: start[s], moves: planMoves) }
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
        return ReplayTrace(plan: plan, days: days, demand: perSKU.map(\.demand), sold: perSKU.map(\.sold),
                           onHand: perSKU.map(\.onHand), received: perSKU.map(\.received), nodeSold: perSKU.map(\.nodeSold),
                           transferCost: transferCost, unitsTransferred: moved, report: full)
    }

    struct SKUTrace: Sendable {
        var demand: [[Double]], sold: [[Double]], onHand: [[Double]], received: [[Double]], nodeSold: [[Double]]
    }

    private func trace(sku s: Int, start: [Double], moves: [Move]) throws -> SKUTrace {
        let days = self.days, siteCount = sites.count
        let zeros = [[Double]](repeating: [Double](repeating: 0, count: days), count: siteCount)
        var result = SKUTrace(demand: zeros, sold: zeros, onHand: zeros, received: zeros,
                              nodeSold: [[Double]](repeating: [Double](repeating: 0, count: days), count: nodes.count))
        for (n, node) in nodes.enumerated() {
            for day in 0..<days { result.demand[node.site][day] += demand[s][n][day] }
        }
        let skuMoves = moves.filter { $0.sku == s }.map { Move(sku: 0, from: $0.from, to: $0.to, units: $0.units) }
        var soldBefore = [Double](repeating: 0, count: siteCount), receivedBefore = soldBefore
        var nodeSoldBefore = [Double](repeating: 0, count: nodes.count)
        var nodeDemand = nodeSoldBefore
        for day in 0..<days {
            let report = try simulation(skuIndices: [s], stock: [start], moves: skuMoves, days: day + 1).run()
            for l in 0..<siteCount {
                result.sold[l][day] = Self.clean(report.soldFrom[0][l] - soldBefore[l])
                result.received[l][day] = Self.clean(report.receivedAt[0][l] - receivedBefore[l])
                result.onHand[l][day] = report.endingStock[0][l]
                soldBefore[l] = report.soldFrom[0][l]
                receivedBefore[l] = report.receivedAt[0][l]
            }
            for n in nodes.indices {
                nodeDemand[n] += demand[s][n][day]
                let cumulative = nodeDemand[n] > 0 ? report.regionalFillRates[n] * nodeDemand[n] : 0
                result.nodeSold[n][day] = Self.clean(cumulative - nodeSoldBefore[n])
                nodeSoldBefore[n] = cumulative
            }
        }
        return result
    }

    /// The simulation of some SKUs (indices into `skus`) over the first `days` days; moves index
    /// the simulated SKUs.
    func simulation(skuIndices: [Int], stock: [[Double]], moves: [Move], days: Int) -> InventorySimulation {
        let simulated = skuIndices.map { InventorySimulation.SKU(id: skus[$0], holdingCostPerDay: holdingCostPerDay[$0]) }
        let locations = sites.map {
            InventorySimulation.Location(id: $0.name, replenishedFrom: $0.supplier, replenishmentCost: $0.replenishmentCost)
        }
        let regions = nodes.map { sites[$0.site].name + " → " + $0.region }
        let shipping = sites.indices.map { l in nodes.map { $0.site == l ? $0.shippingCost : Double.infinity } }
        let demandRows = skuIndices.map { s in demand[s].map { Array($0.prefix(days)) } }
        let levelRows = skuIndices.map { levels[$0] }
        return InventorySimulation(
            skus: simulated, locations: locations, regions: regions, shippingCost: shipping, demand: demandRows,
            initialStock: stock, replenishment: .orderUpTo(reviewPeriod: max(1, reviewDays), levels: levelRows),
            leadTime: leadTimeDays, transfers: moves.map { ScheduledTransfer(day: 0, sku: $0.sku, from: $0.from, to: $0.to, units: $0.units) },
            transferCost: transferCost)
    }

    /// Rounding noise of cumulative differences set to zero.
    static func clean(_ value: Double) -> Double { abs(value) < 1e-9 ? 0 : value }
}

/// Runs independent jobs on every core and returns their results in job order; the first error
/// (in job order) is rethrown.
final class ConcurrentResults<Result: Sendable>: @unchecked Sendable {
    private var slots: [Swift.Result<Result, Error>?]
    private let lock = NSLock()

    private init(count: Int) { slots = Array(repeating: nil, count: count) }

    static func map(count: Int, _ job: @Sendable (Int) throws -> Result) throws -> [Result] {
        let results = ConcurrentResults(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let outcome = Swift.Result { try job(index) }
            results.lock.lock()
            results.slots[index] = outcome
            results.lock.unlock()
        }
        return try results.slots.map { slot in
            guard let slot else { throw ValidationInputError.nothingToReplay("a replay job did not finish") }
            return try slot.get()
        }
    }
}
