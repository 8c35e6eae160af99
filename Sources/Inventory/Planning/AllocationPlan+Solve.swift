import Optimize
import Stats

extension AllocationPlan {
    /// Makes the plan: targets at the service level, the proportional baseline, and the recommended
    /// allocation from the linear program, both in whole units and both judged the same way.
    ///
    /// The linear program (solved by CLP) has, per SKU s, a variable `x[s, i, j] ≥ 0` for the units
    /// moved from location i (holding stock today) to j (`x[s, i, i]` stays, at no cost), rows
    /// `Σ_j x[s, i, j] = current[s][i] + receipts[s][i]` so that exactly the available stock is placed, and a row
    /// `Σ_s Σ_i x[s, i, j] ≤ capacity[j]` per location. Stock below target is penalised by the unit
    /// margin times the expected shortage it adds: the stock range `[0, target]` is cut at
    /// breakpoints, each segment a bounded variable priced at the margin times the slope of the
    /// normal loss function there; the loss is convex, so the cheapest segments (nearest the target)
    /// fill first and the penalty is the loss interpolated between breakpoints. It minimises
    /// transfer cost plus that penalty (holding cost is the same wherever the stock sits, since all
    /// of it is placed). Scarce stock therefore goes where it most likely sells, net of the cost of
    /// moving it, and stock is not moved for less than it earns.
    ///
    /// The solution is rounded to whole units per SKU (largest remainder, keeping the SKU's total),
    /// and any location pushed over capacity by rounding gives units to the pair with the largest
    /// gap to target that has room.
    ///
    /// - Parameters:
    ///   - problem: The inputs.
    ///   - baseline: How the baseline splits the stock.
    ///   - segments: Segments of the penalty per pair within its target; default 12.
    /// - Throws: ``AllocationPlanError`` for malformed input, stock the locations cannot hold, or a
    ///   solver failure.
    /// - Complexity: One program with Σ_s (holders × locations + locations × segments) variables.
    public init(_ problem: Problem, baseline: Baseline = .history, segments: Int = 12) throws(AllocationPlanError) {
        try problem.validate()
        let z = Normal.standard.quantile(problem.serviceLevel)
        let safety = problem.demandSD.map { row in row.map { z * $0 } }
        let target = problem.targets()
        try problem.checkCapacity()
        let baselineUnits = problem.proportionalSplit(baseline)
        let solved = try problem.solveProgram(target: target, segments: max(segments, 1))
        let recommendedUnits = problem.wholeUnits(solved, target: target)

        self.problem = problem
        self.baselineBasis = baseline
        self.z = z
        safetyStock = safety
        self.target = target
        self.baseline = baselineUnits
        recommended = recommendedUnits
        expectedFillBaseline = problem.expectedFill(baselineUnits)
        expectedFillRecommended = problem.expectedFill(recommendedUnits)
        baselineTotals = try problem.totals(baselineUnits, target: target)
        recommendedTotals = try problem.totals(recommendedUnits, target: target)
        currentTotals = try problem.totals(problem.current, target: target, from: problem.current)
    }
}

extension AllocationPlan.Problem {
    /// Units to place of each SKU: today's stock summed over the locations, rounded to whole units
    /// (computed on each access: read it once outside loops).
    public var available: [Double] { start.map { $0.reduce(0, +).rounded() } }

    /// Where the stock both plans place starts: today's stock plus the receipts.
    public var start: [[Double]] { zip(current, receipts).map { zip($0, $1).map(+) } }

    func validate() throws(AllocationPlanError) {
        guard serviceLevel > 0, serviceLevel < 1 else { throw .serviceLevelOutOfRange(serviceLevel) }
        let n = locations.count
        guard capacity.count == n else { throw .shapeMismatch("\(capacity.count) capacities for \(n) locations") }
        for (array, name) in [(demandMean, "demand mean"), (demandSD, "demand sd"), (current, "current stock"), (receipts, "receipts"), (history, "history")] {
            guard array.count == skus.count, array.allSatisfy({ $0.count == n }) else {
                throw .shapeMismatch("\(name) must be [sku][location], \(skus.count) × \(n)")
            }
        }
        guard covered.count == skus.count, covered.allSatisfy({ $0.count == n }) else {
            throw .shapeMismatch("covered must be [sku][location], \(skus.count) × \(n)")
        }
        guard transferCost.count == n, transferCost.allSatisfy({ $0.count == n }) else {
            throw .shapeMismatch("transfer cost must be \(n) × \(n)")
        }
        for (s, sku) in skus.enumerated() {
            for (value, what) in [(sku.unitMargin, "unit margin"), (sku.holdingCost, "holding cost")] where !value.isFinite || value < 0 {
                throw .invalidValue("\(what) of \(sku.id)", value)
            }
            for l in 0..<n {
                for (value, what) in [(demandMean[s][l], "demand mean"), (demandSD[s][l], "demand sd"),
                                      (current[s][l], "current stock"), (receipts[s][l], "receipts"), (history[s][l], "history")]
                where !value.isFinite || value < 0 {
                    throw .invalidValue("\(what) of \(sku.id) at \(locations[l].name)", value)
                }
                if current[s][l] + receipts[s][l] > 0, !covered[s][l] {
                    throw .badInput("\(sku.id) has stock at \(locations[l].name), which the plan does not cover")
                }
            }
        }
        for (l, value) in capacity.enumerated() where value.isNaN || value < 0 {
            throw .invalidValue("capacity of \(locations[l].name)", value)
        }
        for row in transferCost { for value in row where value.isNaN || value < 0 { throw .invalidValue("transfer cost", value) } }
    }

    /// Whether the covered locations of each SKU, together, can hold the stock to be placed.
    func checkCapacity() throws(AllocationPlanError) {
        let available = self.available
        let units = available.reduce(0, +)
        let open = capacity.indices.filter { l in skus.indices.contains { covered[$0][l] } }
        let room = open.reduce(0.0) { $0 + capacity[$1].rounded(.down) }
        guard units <= room else {
            let largest = available.indices.max { available[$0] < available[$1] }
            throw .insufficientCapacity(units: units, capacity: room, detail: "\(skus.count) SKUs over \(open.count) locations"
                + (largest.map { ", the largest \(skus[$0].id) with \(available[$0].formatted2) units" } ?? "")
                + "; raise the capacities in the manifest or plan fewer SKUs")
        }
        for s in skus.indices where available[s] > 0 && !covered[s].contains(true) {
            throw .badInput("\(skus[s].id) has \(available[s].formatted2) units but no location to hold them")
        }
    }

    // MARK: - The linear program

    /// The linear program `AllocationPlan.init` solves (see there), for export or inspection: for
    /// example ``LinearProgram/writeMPS(to:)`` to solve the same model with another solver.
    ///
    /// - Throws: ``AllocationPlanError`` for malformed input.
    public func placementProgram(segments: Int = 12) throws(AllocationPlanError) -> LinearProgram {
        try validate()
        return buildProgram(target: targets(), segments: max(segments, 1)).program
    }

    /// How CLP solves the placement program.
    public static let placementSolverOptions = SolverOptions(algorithm: .dual)

    /// The service-level targets `mean + z·sd`.
    func targets() -> [[Double]] {
        let z = Normal.standard.quantile(serviceLevel)
        return zip(demandMean, demandSD).map { means, sds in zip(means, sds).map { $0 + z * $1 } }
    }

    func solveProgram(target: [[Double]], segments: Int) throws(AllocationPlanError) -> [[Double]] {
        let (program, flows) = buildProgram(target: target, segments: segments)
        let solution: LinearProgramSolution
        do {
            solution = try program.solve(options: Self.placementSolverOptions)
        } catch .infeasible {
            throw .insufficientCapacity(units: available.reduce(0, +), capacity: capacity.reduce(0, +),
                                        detail: "no placement respects every location's capacity with the transfers possible")
        } catch {
            throw .solverFailed(error.description)
        }
        var stock = skus.map { _ in [Double](repeating: 0, count: locations.count) }
        for flow in flows { stock[flow.sku][flow.to] += max(0, solution[flow.variable]) }
        return stock
    }

    /// The program, and the flow variables: units of a SKU placed at a location.
    private func buildProgram(target: [[Double]], segments: Int)
        -> (program: LinearProgram, flows: [(sku: Int, to: Int, variable: Variable)]) {
        let n = locations.count
        let origin = start
        var program = LinearProgram(.minimize)
        var flows: [(sku: Int, to: Int, variable: Variable)] = []
        var inflow = [[Variable]](repeating: [], count: n)
        for s in skus.indices {
            let skuFlows = flows.count
            for i in 0..<n where origin[s][i] > 0 {
                var outgoing: [Variable] = []
                for j in 0..<n where covered[s][j] && (i == j || transferCost[i][j].isFinite) {
                    let variable = program.addVariable(cost: i == j ? 0 : transferCost[i][j])
                    flows.append((s, j, variable))
                    outgoing.append(variable)
                    inflow[j].append(variable)
                }
                program.addSumConstraint(outgoing, .equal(origin[s][i]))
            }
            let margin = skus[s].unitMargin
            for j in 0..<n where covered[s][j] && target[s][j] > 0 && margin > 0 {
                let mean = demandMean[s][j], sd = demandSD[s][j]
                let points = Self.breakpoints(target: target[s][j], mean: mean, sd: sd, segments: segments)
                let losses = points.map { expectedShortage(stock: $0, mean: mean, sd: sd) }
                var terms: [(Variable, Double)] = flows[skuFlows...].lazy.filter { $0.to == j }.map { ($0.variable, 1) }
                for k in 0..<(points.count - 1) {
                    let width = points[k + 1] - points[k]
                    let slope = (losses[k] - losses[k + 1]) / width
                    terms.append((program.addVariable(upperBound: width, cost: margin * max(0, slope)), 1))
                }
                program.addConstraint(terms, .greaterOrEqual(target[s][j]))
            }
        }
        for j in 0..<n where !inflow[j].isEmpty {
            program.addSumConstraint(inflow[j], .lessOrEqual(capacity[j].rounded(.down)))
        }
        return (program, flows)
    }

    /// Sorted breakpoints in [0, target]: 0, mean − 3 sd when inside, and an even grid from there to
    /// the target (below mean − 3 sd the loss is within 0.04% of linear).
    static func breakpoints(target: Double, mean: Double, sd: Double, segments: Int) -> [Double] {
        let low = sd > 0 ? min(max(0, mean - 3 * sd), target) : min(max(0, mean), target)
        var points: [Double] = [0]
        if low > 0 { points.append(low) }
        if target > low {
            for k in 1...segments { points.append(low + (target - low) * Double(k) / Double(segments)) }
        }
        var distinct: [Double] = []
        for point in points where distinct.last.map({ point - $0 > 1e-9 }) ?? true { distinct.append(point) }
        return distinct
    }

    // MARK: - Whole units

    /// Rounds each SKU's stock to whole units keeping its total (largest remainder, ties to the
    /// earlier location), then repairs capacity.
    func wholeUnits(_ stock: [[Double]], target: [[Double]]) -> [[Double]] {
        let available = self.available
        var units = stock.indices.map { s in Self.largestRemainder(stock[s], total: available[s]) }
        repairCapacity(&units) { s, j, level in target[s][j] - level }
        return units
    }

    /// The baseline: each SKU's available stock split over its covered locations in proportion to
    /// `basis`, in whole units; locations over capacity pass units on to those with room.
    func proportionalSplit(_ basis: AllocationPlan.Baseline) -> [[Double]] {
        let n = locations.count, available = self.available
        var shares: [[Double]] = []
        var units: [[Double]] = []
        for s in skus.indices {
            let byCapacity = (0..<n).map { covered[s][$0] ? capacity[$0] : 0 }
            var weights = byCapacity
            if basis == .history {
                let sold = (0..<n).map { covered[s][$0] ? history[s][$0] : 0 }
                if sold.reduce(0, +) > 0 { weights = sold }
            }
            if weights.reduce(0, +) <= 0 { weights = (0..<n).map { covered[s][$0] ? 1 : 0 } }
            let total = weights.reduce(0, +)
            let share = weights.map { total > 0 ? $0 / total : 0 }
            shares.append(share)
            units.append(Self.largestRemainder(share.map { $0 * available[s] }, total: available[s]))
        }
        repairCapacity(&units) { s, j, _ in shares[s][j] }
        return units
    }

    /// Whole numbers summing to `total` close to `values`: floors, then one more unit to the largest
    /// remainders (ties to the earlier position).
    static func largestRemainder(_ values: [Double], total: Double) -> [Double] {
        var floors = values.map { max(0, $0 + 1e-9).rounded(.down) }
        var left = Int((total - floors.reduce(0, +)).rounded())
        let order = values.indices.sorted { a, b in
            let ra = values[a] - floors[a], rb = values[b] - floors[b]
            return ra != rb ? ra > rb : a < b
        }
        let positive = order.filter { values[$0] > 0 }
        let receivers = positive.isEmpty ? order : positive
        var k = 0
        while left > 0, !receivers.isEmpty {
            floors[receivers[k % receivers.count]] += 1
            left -= 1
            k += 1
        }
        while left < 0, let index = floors.indices.filter({ floors[$0] > 0 }).min(by: { values[$0] - floors[$0] < values[$1] - floors[$1] }) {
            floors[index] -= 1
            left += 1
        }
        return floors
    }

    /// Moves single units out of locations over capacity, each time of the SKU with most units
    /// there, to the covered location with room that `priority(sku, location, level)` ranks highest.
    func repairCapacity(_ units: inout [[Double]], priority: (Int, Int, Double) -> Double) {
        let n = locations.count
        let room = capacity.map { $0.rounded(.down) }
        var used = (0..<n).map { j in units.reduce(0.0) { $0 + $1[j] } }
        for j in 0..<n {
            while used[j] > room[j] {
                guard let s = units.indices.filter({ units[$0][j] > 0 }).max(by: { units[$0][j] < units[$1][j] }) else { break }
                let receivers = (0..<n).filter { $0 != j && covered[s][$0] && used[$0] + 1 <= room[$0] }
                guard let k = receivers.max(by: { priority(s, $0, units[s][$0]) < priority(s, $1, units[s][$1]) }) else { break }
                units[s][j] -= 1
                units[s][k] += 1
                used[j] -= 1
                used[k] += 1
            }
        }
    }
}
