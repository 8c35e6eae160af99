import Foundation
import Testing
@testable import Inventory

@Test func expectedShortageMatchesTheStandardLossFunction() {
    // Standard normal loss G(z) = φ(z) − z(1 − Φ(z)): G(0) = 1/√(2π), G(1) = 0.0833154705876864,
    // G(−z) = G(z) + z.
    #expect(abs(expectedShortage(stock: 0, mean: 0, sd: 1) - 1 / (2 * Double.pi).squareRoot()) < 1e-15)
    #expect(abs(expectedShortage(stock: 1, mean: 0, sd: 1) - 0.0833154705876864) < 1e-14)
    #expect(abs(expectedShortage(stock: -1, mean: 0, sd: 1) - 1.0833154705876864) < 1e-14)
    // Scales with σ and shifts with μ: E[(D − 30)⁺] for N(20, 10²) is 10·G(1).
    #expect(abs(expectedShortage(stock: 30, mean: 20, sd: 10) - 0.833154705876864) < 1e-13)
    // Deterministic demand and far tails.
    #expect(expectedShortage(stock: 3, mean: 5, sd: 0) == 2)
    #expect(expectedShortage(stock: 8, mean: 5, sd: 0) == 0)
    #expect(abs(expectedShortage(stock: -50, mean: 0, sd: 1) - 50) < 1e-12)
    #expect(expectedShortage(stock: 50, mean: 0, sd: 1) == 0)
}

/// The expected margin gained by moving `units` from a store at `from` to one at `to`, exactly.
private func net(_ units: Double, from: (stock: Double, mean: Double, sd: Double),
                 to: (stock: Double, mean: Double, sd: Double), margin: Double, cost: Double) -> Double {
    let gain = expectedShortage(stock: to.stock, mean: to.mean, sd: to.sd)
        - expectedShortage(stock: to.stock + units, mean: to.mean, sd: to.sd)
    let loss = expectedShortage(stock: from.stock - units, mean: from.mean, sd: from.sd)
        - expectedShortage(stock: from.stock, mean: from.mean, sd: from.sd)
    return margin * (gain - loss) - cost * units
}

@Test func twoStoresMoveUntilMarginalBenefitMeetsCost() throws {
    // A holds 100 against N(10, 3²); B holds none against N(20, 5²). Margin 10, cost 1 per unit:
    // a unit pays while 10·P(D_B > s) > 1, i.e. up to about the 90th percentile of B's demand (26.4).
    let problem = RebalancingProblem(
        skus: [.init(id: "Truffle oil", unitMargin: 10)], stores: ["Beverly Hills", "Seattle"],
        onHand: [[100, 0]], demandMean: [[10, 20]], demandSD: [[3, 5]], transferCost: [[0, 1], [1, 0]])
    let plan = try problem.solve()
    let transfer = try #require(plan.transfers.first)
    #expect(plan.transfers.count == 1)
    #expect(transfer.from == 0 && transfer.to == 1)
    // The whole-unit optimum by enumeration.
    let best = (0...100).max { a, b in
        net(Double(a), from: (100, 10, 3), to: (0, 20, 5), margin: 10, cost: 1)
            < net(Double(b), from: (100, 10, 3), to: (0, 20, 5), margin: 10, cost: 1)
    }
    #expect(best == 26)
    #expect(transfer.units == 26)
    #expect(abs(transfer.netBenefit - net(26, from: (100, 10, 3), to: (0, 20, 5), margin: 10, cost: 1)) < 1e-9)
    #expect(abs(transfer.cost - 26) < 1e-12)
    #expect(plan.stockAfter == [[74, 26]])
    #expect(plan.expectedLostUnitsAfter < plan.expectedLostUnitsBefore)
    #expect(plan.describe(problem) == ["move 26 units of Truffle oil from Beverly Hills to Seattle (expected benefit \((transfer.benefit * 100).rounded() / 100), cost 26.0)"])
}

@Test func noTransferWhenCostExceedsMargin() throws {
    let problem = RebalancingProblem(
        skus: [.init(id: "Caviar", unitMargin: 10)], stores: ["A", "B"],
        onHand: [[100, 0]], demandMean: [[10, 20]], demandSD: [[3, 5]], transferCost: [[0, 11], [11, 0]])
    let plan = try problem.solve()
    #expect(plan.transfers.isEmpty)
    #expect(plan.stockAfter == problem.onHand)
    #expect(plan.totalBenefit == 0 && plan.totalCost == 0)
}

@Test func balancedStoresStayPut() throws {
    let problem = RebalancingProblem(
        skus: [.init(id: "Olive oil", unitMargin: 4)], stores: ["A", "B", "C"],
        onHand: [[30, 30, 30]], demandMean: [[25, 25, 25]], demandSD: [[4, 4, 4]],
        transferCost: [[0, 0.5, 0.5], [0.5, 0, 0.5], [0.5, 0.5, 0]])
    #expect(try problem.solve().transfers.isEmpty)
}

@Test func oneSenderTwoReceiversMatchesEnumeration() throws {
    // A: 30 units against N(5, 2²); B and C empty against N(10, 3²); the lane to C costs more.
    let problem = RebalancingProblem(
        skus: [.init(id: "Saffron", unitMargin: 5)], stores: ["A", "B", "C"],
        onHand: [[30, 0, 0]], demandMean: [[5, 10, 10]], demandSD: [[2, 3, 3]],
        transferCost: [[0, 0.5, 2], [0.5, 0, 1], [2, 1, 0]])
    let plan = try problem.solve()
    func value(_ b: Int, _ c: Int) -> Double {
        let before = [30.0, 0, 0], after = [30.0 - Double(b + c), Double(b), Double(c)]
        let mean = [5.0, 10, 10], sd = [2.0, 3, 3]
        var lost = 0.0
        for i in 0..<3 {
            lost += expectedShortage(stock: before[i], mean: mean[i], sd: sd[i])
                - expectedShortage(stock: after[i], mean: mean[i], sd: sd[i])
        }
        return 5 * lost - 0.5 * Double(b) - 2 * Double(c)
    }
    var best = -Double.infinity
    for b in 0...30 { for c in 0...(30 - b) { best = max(best, value(b, c)) } }
    let achieved = plan.transfers.reduce(0) { $0 + $1.netBenefit }
    #expect(abs(achieved - best) < 1e-9, "\(achieved) vs \(best)")
    #expect(plan.transfers.allSatisfy { $0.from == 0 && $0.netBenefit > 0 })
    let toB = plan.transfers.first { $0.to == 1 }?.units ?? 0
    let toC = plan.transfers.first { $0.to == 2 }?.units ?? 0
    #expect(toB > toC)
    // Stock is conserved.
    #expect(plan.stockAfter[0].reduce(0, +) == 30)
}

@Test func manySKUsAndUnreachableStores() throws {
    // An infinite cost forbids the lane; zero-margin and zero-stock SKUs propose nothing.
    let problem = RebalancingProblem(
        skus: [.init(id: "x", unitMargin: 10), .init(id: "y", unitMargin: 0), .init(id: "z", unitMargin: 10)],
        stores: ["A", "B"], onHand: [[100, 0], [100, 0], [0, 0]],
        demandMean: [[10, 20], [10, 20], [5, 5]], demandSD: [[3, 5], [3, 5], [1, 1]],
        transferCost: [[0, .infinity], [1, 0]])
    let plan = try problem.solve()
    #expect(plan.transfers.isEmpty)
    #expect(plan.expectedLostUnitsBefore == plan.expectedLostUnitsAfter)
}

@Test func deterministicDemandAndWideWindows() throws {
    // sd 0: B needs exactly 12 more; with wide windows (sd 40) the grid is not whole units but the
    // rounded plan still pays for itself.
    let exact = RebalancingProblem(
        skus: [.init(id: "x", unitMargin: 3)], stores: ["A", "B"], onHand: [[50, 0]],
        demandMean: [[20, 12]], demandSD: [[0, 0]], transferCost: [[0, 1], [1, 0]])
    #expect(try exact.solve().transfers.map(\.units) == [12])
    let wide = RebalancingProblem(
        skus: [.init(id: "x", unitMargin: 3)], stores: ["A", "B"], onHand: [[900, 0]],
        demandMean: [[100, 400]], demandSD: [[40, 40]], transferCost: [[0, 1], [1, 0]])
    let plan = try wide.solve()
    #expect(plan.transfers.count == 1)
    #expect(plan.transfers.allSatisfy { $0.netBenefit > 0 && $0.units == $0.units.rounded() })
}

@Test func malformedRebalancingInputThrows() {
    var problem = RebalancingProblem(
        skus: [.init(id: "x", unitMargin: 3)], stores: ["A", "B"], onHand: [[50, 0]],
        demandMean: [[20, 12]], demandSD: [[0, 0]], transferCost: [[0, 1], [1, 0]])
    problem.onHand = [[50]]
    #expect(throws: RebalancingError.self) { try problem.solve() }
    problem.onHand = [[-1, 0]]
    #expect(throws: RebalancingError.self) { try problem.solve() }
    problem.onHand = [[1, 0]]
    problem.transferCost = [[0, .nan], [1, 0]]
    #expect(throws: RebalancingError.self) { try problem.solve() }
}

@Test func distanceBasedCostsUseGreatCircleDistance() throws {
    // Los Angeles (33.9416, −118.4085) to New York (40.6413, −73.7781): about 3,974 km (haversine).
    let costs = try RebalancingProblem.distanceBasedCosts(
        latitudes: [33.9416, 40.6413, 33.9416], longitudes: [-118.4085, -73.7781, -118.4085],
        ratePerUnitKm: 0.001, handlingPerUnit: 0.25, maximumKilometres: 5000)
    let km = RebalancingProblem.greatCircleKilometres(33.9416, -118.4085, 40.6413, -73.7781)
    #expect(abs(km - 3974) < 5)
    #expect(abs(costs[0][1] - (0.25 + 0.001 * km)) < 1e-12)
    #expect(costs[0][1] == costs[1][0])
    #expect(costs[0][0] == 0 && costs[0][2] == 0.25)   // same place: handling only
    let near = try RebalancingProblem.distanceBasedCosts(
        latitudes: [33.9416, 40.6413], longitudes: [-118.4085, -73.7781], ratePerUnitKm: 1, maximumKilometres: 1000)
    #expect(near[0][1] == .infinity)
    #expect(throws: RebalancingError.self) {
        try RebalancingProblem.distanceBasedCosts(latitudes: [0], longitudes: [], ratePerUnitKm: 1)
    }
}

@Test func planReplaysInSimulation() throws {
    let problem = RebalancingProblem(
        skus: [.init(id: "Truffle oil", unitMargin: 10)], stores: ["A", "B"],
        onHand: [[100, 0]], demandMean: [[10, 20]], demandSD: [[3, 5]], transferCost: [[0, 1], [1, 0]])
    let plan = try problem.solve()
    let simulation = InventorySimulation(
        skus: [.init(id: "Truffle oil", holdingCostPerDay: 0)], locations: [.init(id: "A"), .init(id: "B")],
        regions: ["A", "B"], shippingCost: [[0, .infinity], [.infinity, 0]], demand: [[[10], [20]]],
        initialStock: problem.onHand, transfers: plan.scheduledTransfers(day: 0), transferCost: problem.transferCost)
    let report = try simulation.run()
    #expect(report.unitsTransferred == 26)
    #expect(report.unitsSold == 30)
    #expect(report.transferCost == 26)
}
