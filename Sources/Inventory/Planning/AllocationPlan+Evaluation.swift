import Optimize

extension AllocationPlan.Problem {
    /// Expected fill of each pair holding `stock`: expected units sold over expected demand,
    /// `(mean − E[(D − q)⁺]) / mean` under normal demand, clamped to [0, 1]; 1 where the mean is 0.
    public func expectedFill(_ stock: [[Double]]) -> [[Double]] {
        skus.indices.map { s in
            locations.indices.map { l in
                let mean = demandMean[s][l]
                guard mean > 0 else { return 1 }
                let short = expectedShortage(stock: stock[s][l], mean: mean, sd: demandSD[s][l])
                return min(1, max(0, (mean - short) / mean))
            }
        }
    }

    /// Costs and expected service of holding `stock`, `[sku][location]`, each SKU summing to what is
    /// available: shipping is the cheapest way to move the stock from `origin` (by default today's
    /// stock plus the receipts) there (a transportation
    /// problem per SKU, solved by CLP), holding is the SKUs' holding cost, the penalty is the unit
    /// margin times the expected shortage the stock below target adds.
    /// - Throws: ``AllocationPlanError/badInput(_:)`` when a SKU's total differs from today's, or
    ///   the stock cannot be moved there with the transfers possible.
    public func totals(_ stock: [[Double]], target: [[Double]], from origin: [[Double]]? = nil) throws(AllocationPlanError) -> AllocationPlan.Totals {
        let origin = origin ?? start
        var shipping = 0.0, holding = 0.0, penalty = 0.0, short = 0.0, mean = 0.0, units = 0.0
        for s in skus.indices {
            shipping += try repositioningCost(s, from: origin[s], to: stock[s])
            for l in locations.indices {
                let q = stock[s][l], mu = demandMean[s][l], sd = demandSD[s][l]
                units += q
                holding += q * skus[s].holdingCost
                let lost = expectedShortage(stock: q, mean: mu, sd: sd)
                short += lost
                mean += mu
                if q < target[s][l] {
                    penalty += skus[s].unitMargin * max(0, lost - expectedShortage(stock: target[s][l], mean: mu, sd: sd))
                }
            }
        }
        let fill = mean > 0 ? min(1, max(0, (mean - short) / mean)) : 1
        return AllocationPlan.Totals(units: units, shippingCost: shipping, holdingCost: holding, shortagePenalty: penalty,
                                     expectedShortUnits: short, expectedFill: fill)
    }

    /// The least cost of moving SKU `s` from `origin` to `stock` (0 when nothing moves).
    func repositioningCost(_ s: Int, from origin: [Double], to stock: [Double]) throws(AllocationPlanError) -> Double {
        do {
            return try Repositioning.cheapestMoves(from: origin, to: stock, cost: transferCost).cost
        } catch {
            switch error {
            case let .unbalanced(available, placed):
                throw .badInput("the plan for \(skus[s].id) places \(placed.formatted2) units but \(available.formatted2) are available")
            case let .unreachable(reason):
                throw .badInput("the plan for \(skus[s].id) cannot be reached from today's stock with the transfers possible (\(reason))")
            }
        }
    }
}
