import Testing
@testable import Inventory

@Test func singleLocationHandTrace() throws {
    // 7 units against 3 a day for 5 days, no replenishment: sells 3, 3, 1, then nothing.
    let simulation = InventorySimulation(
        skus: [.init(id: "Brie", holdingCostPerDay: 0.1)], locations: [.init(id: "Manhattan")], regions: ["East"],
        shippingCost: [[2]], demand: [[[3, 3, 3, 3, 3]]], initialStock: [[7]])
    let report = try simulation.run()
    #expect(report.unitsDemanded == 15 && report.unitsSold == 7 && report.unitsLost == 8)
    #expect(abs(report.fillRate - 7.0 / 15) < 1e-15)
    #expect(report.stockoutRate == 0.6)               // days 3, 4, 5 of 5
    #expect(abs(report.holdingCost - 0.5) < 1e-12)   // end-of-day stock 4 + 1 = 5 unit-days
    #expect(report.shippingCost == 14)
    #expect(abs(report.averageOnHand - 1) < 1e-15)
    #expect(abs(report.turnover - 7) < 1e-12)
    #expect(abs(report.daysOfSupply - 1 / 1.4) < 1e-12)
    #expect(report.endingStock == [[0]])
    #expect(report.regionalBalanceIndex == 1)
}

@Test func orderUpToWithLeadTime() throws {
    // Review every 2 days up to 10, lead time 1: an order at the end of day d arrives on day d + 2.
    let simulation = InventorySimulation(
        skus: [.init(id: "Wine", holdingCostPerDay: 0)], locations: [.init(id: "Chicago", replenishmentCost: 0.5)],
        regions: ["North"], shippingCost: [[0]], demand: [[[4, 4, 4, 4, 4, 4]]], initialStock: [[10]],
        replenishment: .orderUpTo(reviewPeriod: 2, levels: [[10]]), leadTime: 1)
    let report = try simulation.run()
    // Day 0: 10 → 6, order 4 (arrives day 2). Day 1: 6 → 2. Day 2: +4 = 6 → 2, order 8 (day 4).
    // Day 3: 2 → 0 (2 lost). Day 4: +8 → 4, order 6 (day 6, after the horizon). Day 5: 4 → 0.
    #expect(report.unitsSold == 22 && report.unitsLost == 2)
    #expect(report.unitsReceived == 12)
    #expect(report.unitsOnOrderAtEnd == 6)
    #expect(report.replenishmentCost == 0.5 * 18)
    #expect(report.endingStock == [[0]])
}

@Test func reorderPointOrdersWholeMultiplesOfQ() throws {
    let simulation = InventorySimulation(
        skus: [.init(id: "Honey", holdingCostPerDay: 0)], locations: [.init(id: "Seattle")], regions: ["West"],
        shippingCost: [[0]], demand: [[[9, 0, 0]]], initialStock: [[10]],
        replenishment: .reorderPoint(reorderPoints: [[5]], quantities: [[2]]), leadTime: 0)
    let report = try simulation.run()
    // Position 1 ≤ 5: orders 3 × 2 = 6 to reach 7 > 5; arrives next morning.
    #expect(report.unitsReceived == 6)
    #expect(report.endingStock == [[7]])
}

@Test func demandIsServedFromTheCheapestLocationFirst() throws {
    let simulation = InventorySimulation(
        skus: [.init(id: "Cheese", holdingCostPerDay: 0)],
        locations: [.init(id: "far"), .init(id: "near"), .init(id: "closed")], regions: ["South"],
        shippingCost: [[5], [1], [.infinity]], demand: [[[8]]], initialStock: [[10, 5, 100]])
    let report = try simulation.run()
    #expect(report.soldFrom == [[3, 5, 0]])
    #expect(report.shippingCost == 5 + 15)
}

@Test func regionalBalanceIndexDefinition() {
    // Fill rates 1.0 and 0.5: mean 0.75, population sd 0.25, so 1 − 1/3.
    #expect(abs(InventorySimulation.balanceIndex([1, 0.5]) - 2.0 / 3) < 1e-15)
    #expect(InventorySimulation.balanceIndex([0.9, .nan]) == 1)
    #expect(InventorySimulation.balanceIndex([0, 0]) == 0)
    #expect(InventorySimulation.balanceIndex([1, 0, 0, 0]) == 0)   // CV √3 > 1 clamps to 0
}

@Test func conservationWithFulfillmentCenterAndTransfers() throws {
    // Three SKUs, a fulfillment center replenishing two stores, an outside supplier replenishing the
    // center, four regions, scheduled transfers, 60 days of pseudo-random demand.
    var seed: UInt64 = 42
    func next() -> Double {
        seed = (seed &* 6364136223846793005 &+ 1442695040888963407)
        return Double(seed >> 11) / Double(1 << 53)
    }
    let days = 60, skuCount = 3, regionCount = 4
    let demand = (0..<skuCount).map { _ in (0..<regionCount).map { _ in (0..<days).map { _ in (next() * 6).rounded(.down) } } }
    let simulation = InventorySimulation(
        skus: (0..<skuCount).map { .init(id: "S\($0)", holdingCostPerDay: 0.01) },
        locations: [.init(id: "FC", replenishmentCost: 0.2),
                    .init(id: "Store A", replenishedFrom: 0, replenishmentCost: 0.5),
                    .init(id: "Store B", replenishedFrom: 0, replenishmentCost: 0.5)],
        regions: ["W", "E", "N", "S"],
        shippingCost: [[3, 3, 3, 3], [0, 1, .infinity, .infinity], [.infinity, .infinity, 0, 1]],
        demand: demand, initialStock: [[50, 10, 10], [0, 30, 5], [20, 0, 0]],
        replenishment: .reorderPoint(reorderPoints: [[40, 8, 8], [40, 8, 8], [40, 8, 8]],
                                     quantities: [[60, 12, 12], [60, 12, 12], [60, 12, 12]]),
        leadTime: 2,
        transfers: [.init(day: 5, sku: 1, from: 1, to: 2, units: 10), .init(day: 9, sku: 0, from: 2, to: 1, units: 1000)],
        transferCost: [[0, 1, 1], [1, 0, 2], [1, 2, 0]])
    let report = try simulation.run()
    let totalDemand = demand.reduce(0) { $0 + $1.reduce(0) { $0 + $1.reduce(0, +) } }
    #expect(report.unitsSold + report.unitsLost == totalDemand)
    #expect(report.unitsDemanded == totalDemand)
    for s in 0..<skuCount {
        for l in 0..<3 {
            let expected = simulation.initialStock[s][l] + report.receivedAt[s][l] + report.transferredNet[s][l]
                - report.soldFrom[s][l] - report.shippedToLocations[s][l]
            #expect(abs(report.endingStock[s][l] - expected) < 1e-9)
            #expect(report.endingStock[s][l] >= 0)
        }
    }
    // Transfers are capped at what the sender held that morning (far below 1000 here).
    #expect(report.unitsTransferred > 0 && report.unitsTransferred <= 10 + 60)
    #expect(report.transferCost == 2 * report.unitsTransferred)
    #expect(report.fillRate > 0 && report.fillRate <= 1)
    #expect(report.regionalBalanceIndex >= 0 && report.regionalBalanceIndex <= 1)
    #expect(report.stockoutRate >= 0 && report.stockoutRate <= 1)
}

@Test func emptyAndMalformedSimulations() throws {
    let empty = InventorySimulation(skus: [], locations: [], regions: [], shippingCost: [], demand: [], initialStock: [])
    let report = try empty.run()
    #expect(report.days == 0 && report.fillRate == 1 && report.turnover == 0)
    var bad = InventorySimulation(
        skus: [.init(id: "x", holdingCostPerDay: 0)], locations: [.init(id: "a")], regions: ["r"],
        shippingCost: [[0]], demand: [[[1, 2]]], initialStock: [[1]])
    bad.demand = [[[1, .nan]]]
    #expect(throws: SimulationError.self) { try bad.run() }
    bad.demand = [[[1, 2]]]
    bad.transfers = [.init(day: 0, sku: 0, from: 0, to: 0, units: 1)]
    #expect(throws: SimulationError.self) { try bad.run() }
    bad.transfers = []
    bad.replenishment = .orderUpTo(reviewPeriod: 0, levels: [[5]])
    #expect(throws: SimulationError.self) { try bad.run() }
    bad.replenishment = .none
    bad.locations = [.init(id: "a", replenishedFrom: 0)]
    #expect(throws: SimulationError.self) { try bad.run() }
}

@Test func optimisedAllocationServesRegionalDemandBetterThanProportionalBaseline() throws {
    // Two stores each serving only their own region; West sells 20 a day, East 5, for 10 days.
    // Capacity is equal, so the proportional baseline splits stock evenly and West runs out.
    let problem = AllocationProblem(
        skus: [.init(id: "Pinot", holdingCost: 0.1)],
        locations: [.init(id: "Beverly Hills", capacity: 300), .init(id: "Manhattan", capacity: 300)],
        regions: ["West", "East"], demandMean: [[200, 50]], demandSD: [[20, 10]],
        shippingCost: [[0, .infinity], [.infinity, 0]], serviceLevel: 0.9)
    let optimised = try problem.solve()
    let baseline = try problem.proportionalAllocation()
    func simulate(_ stock: [[Double]]) throws -> SimulationReport {
        try InventorySimulation(
            skus: [.init(id: "Pinot", holdingCostPerDay: 0.01)],
            locations: [.init(id: "Beverly Hills"), .init(id: "Manhattan")], regions: ["West", "East"],
            shippingCost: problem.shippingCost, demand: [[[Double](repeating: 20, count: 10), [Double](repeating: 5, count: 10)]],
            initialStock: stock).run()
    }
    let good = try simulate(optimised.stock)
    let even = try simulate(baseline.stock)
    #expect(good.fillRate == 1)
    #expect(even.fillRate < 1)
    #expect(good.regionalBalanceIndex > even.regionalBalanceIndex)
    #expect(abs(baseline.stock[0][0] - baseline.stock[0][1]) < 1e-9)
}
