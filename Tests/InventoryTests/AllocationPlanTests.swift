import Foundation
import Testing
@testable import Inventory

/// Stores on a line, `spacing` apart in cost; each SKU's demand, stock and capacity given per store.
private func problem(mean: [[Double]], sd: [[Double]], current: [[Double]], capacity: [Double],
                     margin: Double = 10, holding: Double = 0.1, costPerStep: Double = 1,
                     serviceLevel: Double = 0.95, history: [[Double]]? = nil) -> AllocationPlan.Problem {
    let n = capacity.count
    var locations: [Location] = []
    for i in 0..<n {
        let kind: LocationKind = i == n - 1 && n > 2 ? .fulfillmentCenter : .store
        let region = i % 2 == 0 ? "East" : "West"
        locations.append(Location(name: "S\(i)", region: region, kind: kind, latitude: 40, longitude: -80 + Double(i),
                                  capacity: Int(capacity[i])))
    }
    var costs: [[Double]] = []
    for i in 0..<n { costs.append((0..<n).map { j in costPerStep * Double(abs(i - j)) }) }
    return AllocationPlan.Problem(
        skus: mean.indices.map { AllocationPlan.SKU(id: "K\($0)", category: $0 % 2 == 0 ? "Cheese" : "Wine", unitMargin: margin, holdingCost: holding) },
        locations: locations, capacity: capacity, demandMean: mean, demandSD: sd, current: current, history: history,
        transferCost: costs, serviceLevel: serviceLevel)
}

/// Transfer cost plus margin × the expected shortage below target, exactly, for one SKU on two stores.
private func exactCost(_ q: [Double], current: [Double], mean: [Double], sd: [Double], target: [Double], margin: Double, cost: Double) -> Double {
    var total = cost * max(0, current[0] - q[0]) + cost * max(0, current[1] - q[1])
    for i in 0..<2 where q[i] < target[i] {
        total += margin * (expectedShortage(stock: q[i], mean: mean[i], sd: sd[i]) - expectedShortage(stock: target[i], mean: mean[i], sd: sd[i]))
    }
    return total
}

@Test func targetsAreMeanPlusZTimesSD() throws {
    let plan = try AllocationPlan(problem(mean: [[5, 12]], sd: [[2, 0]], current: [[10, 0]], capacity: [100, 100]))
    // z(0.95) = 1.6448536269514722 (scipy.stats.norm.ppf); the plan's quantile is accurate to 1e-9.
    #expect(abs(plan.z - 1.6448536269514722) < 1e-9)
    #expect(abs(plan.safetyStock[0][0] - 2 * 1.6448536269514722) < 1e-8)
    #expect(abs(plan.target[0][0] - (5 + 2 * 1.6448536269514722)) < 1e-8)
    #expect(plan.safetyStock[0][1] == 0)
    #expect(plan.target[0][1] == 12)
}

@Test func recommendationPlacesExactlyTheAvailableStockInWholeUnits() throws {
    let p = problem(mean: [[5, 5, 3], [2, 8, 1]], sd: [[2, 2, 1], [1, 3, 1]], current: [[10, 0, 3], [0, 1, 6]], capacity: [50, 50, 50])
    let plan = try AllocationPlan(p)
    for s in 0..<2 {
        #expect(plan.recommended[s].reduce(0, +) == p.current[s].reduce(0, +))
        #expect(plan.baseline[s].reduce(0, +) == p.current[s].reduce(0, +))
        #expect(plan.recommended[s].allSatisfy { $0 >= 0 && $0 == $0.rounded() })
        #expect(plan.baseline[s].allSatisfy { $0 >= 0 && $0 == $0.rounded() })
    }
    #expect(plan.recommendedTotals.units == 20)
    // Holding is the same wherever the stock sits: 20 units × 0.1.
    #expect(abs(plan.recommendedTotals.holdingCost - 2) < 1e-12)
    #expect(abs(plan.baselineTotals.holdingCost - 2) < 1e-12)
}

@Test func recommendationMatchesTheBruteForceOptimumOnTwoStores() throws {
    let mean = [5.0, 5], sd = [2.0, 2], current = [10.0, 0]
    let plan = try AllocationPlan(problem(mean: [mean], sd: [sd], current: [current], capacity: [100, 100]))
    let costs = (0...10).map { q0 in
        exactCost([Double(q0), 10 - Double(q0)], current: current, mean: mean, sd: sd, target: plan.target[0], margin: 10, cost: 1)
    }
    let best = costs.min() ?? .nan
    let recommended = exactCost(plan.recommended[0], current: current, mean: mean, sd: sd, target: plan.target[0], margin: 10, cost: 1)
    // The program is exact at its breakpoints and interpolates between them; rounding to whole
    // units can cost at most a unit's marginal value (≤ margin × 1) here, far more than the gap seen.
    #expect(recommended <= best + 0.5)
    #expect(plan.recommended[0][1] >= 4 && plan.recommended[0][1] <= 6)
    #expect(abs(plan.recommendedTotals.totalCost - (recommended + 1)) < 1e-9) // plus 10 units × 0.1 holding
}

@Test func recommendedCostIsNoMoreThanTheBaselines() throws {
    for basis in AllocationPlan.Baseline.allCases {
        let p = problem(mean: [[5, 9, 2], [4, 1, 6]], sd: [[2, 3, 1], [1, 1, 2]], current: [[3, 2, 10], [8, 0, 1]],
                        capacity: [20, 12, 30], history: [[1, 1, 1], [5, 0, 2]])
        let plan = try AllocationPlan(p, baseline: basis)
        // The baseline is a feasible placement, so the program's optimum is no worse; whole-unit
        // rounding may add a fraction of one unit's marginal penalty.
        #expect(plan.recommendedTotals.totalCost <= plan.baselineTotals.totalCost + 1)
        #expect(plan.recommendedTotals.expectedFill >= 0 && plan.recommendedTotals.expectedFill <= 1)
    }
}

@Test func capacitiesAreRespected() throws {
    // Demand all at store 1, which holds only 6 units: the rest stays or goes to store 2.
    let p = problem(mean: [[0, 20, 1], [0, 20, 1]], sd: [[1, 4, 1], [1, 4, 1]], current: [[10, 0, 0], [10, 0, 0]], capacity: [30, 6, 30])
    let plan = try AllocationPlan(p)
    for l in 0..<3 {
        let recommended = plan.recommended.reduce(0) { $0 + $1[l] }
        let baseline = plan.baseline.reduce(0) { $0 + $1[l] }
        #expect(recommended <= p.capacity[l])
        #expect(baseline <= p.capacity[l])
    }
    #expect(plan.recommended.reduce(0) { $0 + $1[1] } == 6)
}

@Test func stockBeyondCapacityIsAnError() throws {
    let p = problem(mean: [[5, 5]], sd: [[1, 1]], current: [[10, 0]], capacity: [4, 4])
    #expect(throws: AllocationPlanError.self) { try AllocationPlan(p) }
    do throws(AllocationPlanError) {
        _ = try AllocationPlan(p)
        Issue.record("expected an error")
    } catch {
        guard case let .insufficientCapacity(units, capacity, _) = error else {
            Issue.record("expected insufficientCapacity, got \(error)")
            return
        }
        #expect(units == 10 && capacity == 8)
        #expect(error.description.contains("10.0 units must be placed"))
    }
}

@Test func badInputsAreErrors() {
    #expect(throws: AllocationPlanError.serviceLevelOutOfRange(1)) {
        try AllocationPlan(problem(mean: [[5]], sd: [[1]], current: [[5]], capacity: [10], serviceLevel: 1))
    }
    #expect(throws: AllocationPlanError.self) {
        try AllocationPlan(problem(mean: [[5, .nan]], sd: [[1, 1]], current: [[5, 0]], capacity: [10, 10]))
    }
    #expect(throws: AllocationPlanError.self) {
        try AllocationPlan(problem(mean: [[5, 1]], sd: [[1, 1]], current: [[5, -1]], capacity: [10, 10]))
    }
    var wrongShape = problem(mean: [[5, 1]], sd: [[1, 1]], current: [[5, 0]], capacity: [10, 10])
    wrongShape.capacity = [10]
    #expect(throws: AllocationPlanError.self) { try AllocationPlan(wrongShape) }
}

@Test func emptyAndZeroDemandProblems() throws {
    // No SKUs: nothing to place, everything zero, fill 1.
    let empty = try AllocationPlan(problem(mean: [], sd: [], current: [], capacity: [10, 10]))
    #expect(empty.recommendedTotals.units == 0 && empty.recommendedTotals.expectedFill == 1)
    #expect(try empty.allocationFrame().rowCount == 0)
    // Stock without demand: nothing pays for a move, so it stays; fill is 1 where the mean is 0.
    let idle = try AllocationPlan(problem(mean: [[0, 0]], sd: [[0, 0]], current: [[3, 4]], capacity: [10, 10]))
    #expect(idle.recommended == [[3, 4]])
    #expect(idle.recommendedTotals.shippingCost == 0)
    #expect(idle.expectedFillRecommended == [[1, 1]])
}

@Test func proportionalBaselineFollowsItsBasis() throws {
    let p = problem(mean: [[1, 1]], sd: [[1, 1]], current: [[8, 0]], capacity: [30, 10], history: [[1, 3]])
    #expect(try AllocationPlan(p, baseline: .capacity).baseline == [[6, 2]])
    #expect(try AllocationPlan(p, baseline: .history).baseline == [[2, 6]])
    // A SKU without sales falls back to capacity shares.
    let unsold = problem(mean: [[1, 1]], sd: [[1, 1]], current: [[8, 0]], capacity: [30, 10], history: [[0, 0]])
    #expect(try AllocationPlan(unsold, baseline: .history).baseline == [[6, 2]])
}

@Test func largestRemainderKeepsTotalsAndBreaksTiesToTheEarlierPosition() {
    #expect(AllocationPlan.Problem.largestRemainder([2.5, 2.5], total: 5) == [3, 2])
    #expect(AllocationPlan.Problem.largestRemainder([1.2, 1.3, 2.5], total: 5) == [1, 1, 3])
    #expect(AllocationPlan.Problem.largestRemainder([0, 0], total: 0) == [0, 0])
    #expect(AllocationPlan.Problem.largestRemainder([1e9 + 0.5, 0.5], total: 1e9 + 1).reduce(0, +) == 1e9 + 1)
}

@Test func breakpointsCoverTheTargetInOrder() {
    let points = AllocationPlan.Problem.breakpoints(target: 20, mean: 15, sd: 2, segments: 4)
    #expect(points == [0, 9, 11.75, 14.5, 17.25, 20])
    #expect(AllocationPlan.Problem.breakpoints(target: 5, mean: 5, sd: 0, segments: 4) == [0, 5])
}

@Test func allocationCSVHasTheAgreedSchema() throws {
    var p = problem(mean: [[5, 5, 3]], sd: [[2, 2, 1]], current: [[10, 0, 3]], capacity: [50, 50, 50])
    p.covered = [[true, true, false]]
    p.current = [[10, 0, 0]]
    let frame = try AllocationPlan(p).allocationFrame()
    #expect(frame.columnNames == ["sku", "location", "region", "kind", "demand_mean", "demand_sd", "safety_stock", "target", "current",
                                  "baseline", "recommended", "expected_fill_baseline", "expected_fill_recommended", "receipt"])
    #expect(frame.columnNames == AllocationPlan.allocationColumns)
    #expect(frame.rowCount == 2)
    #expect(try frame["kind", String.self] == ["store", "store"])
    #expect(try frame["recommended", Int.self].compactMap { $0 }.reduce(0, +) == 10)
    let text = String(decoding: try frame.csvBytes(), as: UTF8.self)
    #expect(text.hasPrefix(AllocationPlan.allocationColumns.joined(separator: ",") + "\n"))
}
