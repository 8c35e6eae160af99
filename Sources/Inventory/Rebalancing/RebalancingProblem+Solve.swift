import Dispatch
import Optimize

extension RebalancingProblem {
    /// Proposes transfers, one linear program per SKU.
    ///
    /// For a SKU with stock `h_i` at store i, the program has a variable `t_ij ≥ 0` per pair of
    /// stores with a finite cost (sender holding stock) and rows `Σ_j t_ij ≤ h_i`. Each store's stock
    /// after the transfers, `h_i − Σ_j t_ij + Σ_j t_ji`, is split into segment variables
    /// `0 ≤ δ_ik ≤ b_{k+1} − b_k` between breakpoints b_k of the expected shortage `L_i`, each costing
    /// margin × the segment's slope; `L_i` is convex, so slopes increase, the segments fill in order
    /// and the cost is exactly the piecewise-linear interpolation of margin × `L_i` (up to the
    /// constant `L_i(0)`). It minimises that plus `Σ cost_ij · t_ij`. Breakpoints are
    /// 0, the SKU's total stock, the store's current stock, and a grid over mean ± 4 sd (whole units
    /// when the window is at most ``segments`` wide), so the model is exact at whole units there.
    ///
    /// This is the linear relaxation of the integer problem: transfers are rounded down to whole
    /// units, then each transfer's benefit is recomputed from the exact normal loss function, and a
    /// transfer whose apportioned benefit no longer exceeds its cost is dropped (repeated until none
    /// is), so every proposal pays for itself.
    ///
    /// - Throws: ``RebalancingError`` for malformed input or a solver failure.
    /// - Complexity: One program per SKU with stores² + stores × segments variables and 2 × stores
    ///   rows; SKUs are solved in parallel.
    public func solve(options: SolverOptions = .standard) throws(RebalancingError) -> RebalancingPlan {
        try validate()
        // SKUs are independent programs: solve them on all cores, then gather in SKU order.
        var results = [Result<([Transfer], [Double]), RebalancingError>?](repeating: nil, count: skus.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: skus.count) { s in
                do throws(RebalancingError) {
                    slots[s] = .success(try solveSKU(s, options: options))
                } catch {
                    slots[s] = .failure(error)
                }
            }
        }
        var transfers: [Transfer] = []
        var stockAfter = onHand
        var lostBefore = 0.0, lostAfter = 0.0
        for s in skus.indices {
            guard let result = results[s] else { continue }
            let (skuTransfers, after) = try result.get()
            transfers.append(contentsOf: skuTransfers)
            stockAfter[s] = after
            for i in stores.indices {
                lostBefore += expectedShortage(stock: onHand[s][i], mean: demandMean[s][i], sd: demandSD[s][i])
                lostAfter += expectedShortage(stock: after[i], mean: demandMean[s][i], sd: demandSD[s][i])
            }
        }
        return RebalancingPlan(
            transfers: transfers, stockAfter: stockAfter, expectedLostUnitsBefore: lostBefore,
            expectedLostUnitsAfter: lostAfter, totalBenefit: transfers.reduce(0) { $0 + $1.benefit },
            totalCost: transfers.reduce(0) { $0 + $1.cost })
    }

    private func unitCost(_ s: Int, _ i: Int, _ j: Int) -> Double { transferCost[i][j] * skus[s].transferCostFactor }

    private func solveSKU(_ s: Int, options: SolverOptions) throws(RebalancingError) -> ([Transfer], [Double]) {
        let n = stores.count
        let stock = onHand[s]
        let total = stock.reduce(0, +)
        let margin = skus[s].unitMargin
        guard n > 1, total >= minimumTransfer, margin > 0 else { return ([], stock) }

        var lp = LinearProgram(.minimize)
        var pairs: [(from: Int, to: Int, variable: Variable)] = []
        var outgoing = [[Variable]](repeating: [], count: n)
        var incoming = [[Variable]](repeating: [], count: n)
        for i in 0..<n where stock[i] >= minimumTransfer {
            for j in 0..<n where j != i && transferCost[i][j].isFinite {
                let variable = lp.addVariable(cost: unitCost(s, i, j))
                pairs.append((i, j, variable))
                outgoing[i].append(variable)
                incoming[j].append(variable)
            }
        }
        guard !pairs.isEmpty else { return ([], stock) }
        for i in 0..<n where !outgoing[i].isEmpty {
            lp.addSumConstraint(outgoing[i], .lessOrEqual(stock[i]))
        }
        // Stock after the transfers, split into the segments between breakpoints: the loss is
        // convex, so segment slopes increase and the program fills them in order.
        for i in 0..<n where !(outgoing[i].isEmpty && incoming[i].isEmpty) {
            let mean = demandMean[s][i], sd = demandSD[s][i]
            let points = breakpoints(stock: stock[i], total: total, mean: mean, sd: sd)
            let values = points.map { expectedShortage(stock: $0, mean: mean, sd: sd) }
            var terms: [(Variable, Double)] = []
            terms.reserveCapacity(points.count + outgoing[i].count + incoming[i].count)
            for k in 0..<(points.count - 1) {
                let width = points[k + 1] - points[k]
                let slope = (values[k + 1] - values[k]) / width
                terms.append((lp.addVariable(upperBound: width, cost: margin * slope), 1))
            }
            for variable in outgoing[i] { terms.append((variable, 1)) }
            for variable in incoming[i] { terms.append((variable, -1)) }
            lp.addConstraint(terms, .equal(stock[i]))
        }
        let solution: LinearProgramSolution
        do {
            solution = try lp.solve(options: options)
        } catch {
            throw .solverFailed("SKU \(skus[s].id): \(error.description)")
        }

        // Whole units, then drop any transfer that no longer pays for itself.
        var units = pairs.map { (solution[$0.variable] + 1e-6).rounded(.down) }
        for k in units.indices where units[k] < minimumTransfer { units[k] = 0 }
        while true {
            let evaluated = evaluate(s, pairs: pairs, units: units)
            guard let worst = evaluated.indices.filter({ units[$0] > 0 })
                .min(by: { evaluated[$0].net < evaluated[$1].net }), evaluated[worst].net <= 0 else {
                let after = stockAfter(stock, pairs: pairs, units: units)
                let transfers = pairs.indices.filter { units[$0] > 0 }.map { k in
                    Transfer(sku: s, from: pairs[k].from, to: pairs[k].to, units: units[k],
                             benefit: evaluated[k].benefit, cost: units[k] * unitCost(s, pairs[k].from, pairs[k].to))
                }
                return (transfers, after)
            }
            units[worst] = 0
        }
    }

    private func stockAfter(_ stock: [Double], pairs: [(from: Int, to: Int, variable: Variable)], units: [Double]) -> [Double] {
        var after = stock
        for (k, pair) in pairs.enumerated() {
            after[pair.from] -= units[k]
            after[pair.to] += units[k]
        }
        return after
    }

    /// Each transfer's apportioned benefit and net benefit under the exact loss function.
    private func evaluate(_ s: Int, pairs: [(from: Int, to: Int, variable: Variable)], units: [Double])
        -> [(benefit: Double, net: Double)] {
        let stock = onHand[s]
        let after = stockAfter(stock, pairs: pairs, units: units)
        let margin = skus[s].unitMargin
        var inflow = [Double](repeating: 0, count: stores.count)
        var outflow = [Double](repeating: 0, count: stores.count)
        for (k, pair) in pairs.enumerated() {
            inflow[pair.to] += units[k]
            outflow[pair.from] += units[k]
        }
        func loss(_ i: Int, _ level: Double) -> Double {
            expectedShortage(stock: level, mean: demandMean[s][i], sd: demandSD[s][i])
        }
        return pairs.enumerated().map { k, pair in
            guard units[k] > 0 else { return (0, 0) }
            // A store both sending and receiving nets its flows; apportion its change by units.
            let gain = margin * (loss(pair.to, stock[pair.to]) - loss(pair.to, after[pair.to]))
            let sacrifice = margin * (loss(pair.from, after[pair.from]) - loss(pair.from, stock[pair.from]))
            let benefit = gain * units[k] / inflow[pair.to] - sacrifice * units[k] / outflow[pair.from]
            return (benefit, benefit - units[k] * unitCost(s, pair.from, pair.to))
        }
    }

    /// Sorted, distinct breakpoints in [0, total].
    func breakpoints(stock: Double, total: Double, mean: Double, sd: Double) -> [Double] {
        var points: [Double] = [0, total, min(stock, total)]
        if sd > 0 {
            let low = max(0, mean - 4 * sd), high = min(total, mean + 4 * sd)
            if high > low {
                if high - low <= Double(segments) {
                    var value = low.rounded(.up)
                    while value <= high {
                        points.append(value)
                        value += 1
                    }
                    points.append(low)
                    points.append(high)
                } else {
                    let count = max(segments, 1)
                    for k in 0...count { points.append(low + (high - low) * Double(k) / Double(count)) }
                }
            }
        } else if mean > 0, mean < total {
            points.append(mean)
        }
        points.sort()
        var distinct: [Double] = []
        for point in points where distinct.last.map({ point - $0 > 1e-9 }) ?? true { distinct.append(point) }
        return distinct
    }

    func validate() throws(RebalancingError) {
        let n = stores.count
        guard onHand.count == skus.count, demandMean.count == skus.count, demandSD.count == skus.count else {
            throw .shapeMismatch("stock and demand need one row per SKU (\(skus.count))")
        }
        for s in skus.indices {
            guard onHand[s].count == n, demandMean[s].count == n, demandSD[s].count == n else {
                throw .shapeMismatch("stock and demand of \(skus[s].id) need one value per store (\(n))")
            }
            for i in 0..<n {
                for (value, what) in [(onHand[s][i], "stock"), (demandMean[s][i], "mean demand"), (demandSD[s][i], "demand sd")]
                where !value.isFinite || value < 0 {
                    throw .invalidValue("\(what) of \(skus[s].id) at \(stores[i])", value)
                }
            }
            for (value, what) in [(skus[s].unitMargin, "unit margin"), (skus[s].transferCostFactor, "transfer cost factor")]
            where !value.isFinite || value < 0 {
                throw .invalidValue("\(what) of \(skus[s].id)", value)
            }
        }
        guard transferCost.count == n, transferCost.allSatisfy({ $0.count == n }) else {
            throw .shapeMismatch("transfer cost must be \(n) × \(n)")
        }
        for row in transferCost { for value in row where value.isNaN || value < 0 { throw .invalidValue("transfer cost", value) } }
        guard segments >= 1 else { throw .invalidValue("segments", Double(segments)) }
        guard minimumTransfer.isFinite, minimumTransfer > 0 else { throw .invalidValue("minimum transfer", minimumTransfer) }
    }
}
