import Testing
@testable import Inventory

// MARK: - By hand

/// A fulfillment center (FC 5) replenishing a store (Store 3) up to 4 every day, arriving next
/// morning; walk-in customers buy only at the store, online customers from the FC at 2 a unit or
/// the store at 5.
private func handNetwork() -> InventorySimulation {
    InventorySimulation(
        skus: [.init(id: "Brie", holdingCostPerDay: 0)],
        locations: [.init(id: "FC"), .init(id: "Store", replenishedFrom: 0)],
        regions: ["walk-in", "online"], shippingCost: [[.infinity, 2], [0, 5]],
        demand: [[[2, 3, 4], [1, 4, 2]]], initialStock: [[5, 3]],
        replenishment: .orderUpTo(reviewPeriod: 1, levels: [[0, 4]]), leadTime: 0)
}

@Test func dailyTraceMatchesTheHandTrace() throws {
    // Day 0: the store sells 2 walk-in (1 left), the FC 1 online (4 left) and ships the store 3 (1 left).
    // Day 1: the store receives 3 (4), sells 3 walk-in (1); online 4 takes the FC's 1, then the store's
    // 1, and 2 are lost; the FC has nothing to ship. Day 2: nothing left, everything lost.
    let report = try handNetwork().run(recordingDailyTrace: true)
    let trace = try #require(report.dailyTrace)
    #expect(trace.sold == [[[1, 1, 0], [2, 4, 0]]])
    #expect(trace.received == [[[0, 0, 0], [0, 3, 0]]])
    #expect(trace.onHand == [[[1, 0, 0], [1, 0, 0]]])
    #expect(trace.regionSold == [[[2, 3, 0], [1, 2, 0]]])
}

@Test func dailyTraceOfOrderUpToWithLeadTime() throws {
    // The case of `orderUpToWithLeadTime`: orders of 4 on day 0 and 8 on day 2 arrive on days 2 and 4.
    let simulation = InventorySimulation(
        skus: [.init(id: "Wine", holdingCostPerDay: 0)], locations: [.init(id: "Chicago", replenishmentCost: 0.5)],
        regions: ["North"], shippingCost: [[0]], demand: [[[4, 4, 4, 4, 4, 4]]], initialStock: [[10]],
        replenishment: .orderUpTo(reviewPeriod: 2, levels: [[10]]), leadTime: 1)
    let trace = try #require(try simulation.run(recordingDailyTrace: true).dailyTrace)
    #expect(trace.sold == [[[4, 4, 4, 2, 4, 4]]])
    #expect(trace.received == [[[0, 0, 4, 0, 8, 0]]])
    #expect(trace.onHand == [[[6, 2, 2, 0, 4, 0]]])
    #expect(trace.regionSold == [[[4, 4, 4, 2, 4, 4]]])
}

@Test func dailyTraceIsRecordedOnlyWhenAskedFor() throws {
    let plain = try handNetwork().run()
    let traced = try handNetwork().run(recordingDailyTrace: true)
    #expect(plain.dailyTrace == nil && traced.dailyTrace != nil)
    #expect(plain.soldFrom == traced.soldFrom && plain.receivedAt == traced.receivedAt)
    #expect(plain.endingStock == traced.endingStock && plain.holdingCost == traced.holdingCost)
    #expect(plain.regionalFillRates == traced.regionalFillRates)
}

@Test func dailyTraceOfNoDays() throws {
    let simulation = InventorySimulation(
        skus: [.init(id: "Brie", holdingCostPerDay: 0)], locations: [.init(id: "FC")], regions: ["East"],
        shippingCost: [[1]], demand: [[[]]], initialStock: [[5]])
    let trace = try #require(try simulation.run(recordingDailyTrace: true).dailyTrace)
    #expect(trace.sold == [[[]]] && trace.received == [[[]]] && trace.onHand == [[[]]] && trace.regionSold == [[[]]])
}

// MARK: - Against the report's totals

/// Three SKUs, a fulfillment center replenishing two stores that also serve online regions, fractional
/// demand, levels and transfers over 40 days: values whose sums round, unlike whole units.
private func fractionalNetwork() -> InventorySimulation {
    var seed: UInt64 = 7
    func next() -> Double {
        seed = (seed &* 6364136223846793005 &+ 1442695040888963407)
        return Double(seed >> 11) / Double(1 << 53)
    }
    let days = 40, skuCount = 3, regionCount = 4
    let demand = (0..<skuCount).map { _ in (0..<regionCount).map { _ in (0..<days).map { _ in next() < 0.3 ? 0 : next() * 5.5 } } }
    return InventorySimulation(
        skus: (0..<skuCount).map { .init(id: "S\($0)", holdingCostPerDay: 0.013) },
        locations: [.init(id: "FC", replenishmentCost: 0.2),
                    .init(id: "Store A", replenishedFrom: 0, replenishmentCost: 0.5),
                    .init(id: "Store B", replenishedFrom: 0, replenishmentCost: 0.5)],
        regions: ["W", "E", "N", "S"],
        shippingCost: [[3, 3, 3, 3], [0, 1.5, .infinity, .infinity], [.infinity, 2.5, 0, 1]],
        demand: demand, initialStock: [[60.3, 10.7, 9.1], [12.25, 30.5, 5.75], [40.1, 0, 3.3]],
        replenishment: .orderUpTo(reviewPeriod: 3, levels: [[70.7, 14.3, 12.9], [55.1, 11.2, 9.8], [45.6, 8.35, 13.1]]),
        leadTime: 2,
        transfers: [.init(day: 4, sku: 1, from: 1, to: 2, units: 7.4), .init(day: 11, sku: 0, from: 2, to: 1, units: 1000)],
        transferCost: [[0, 1, 1], [1, 0, 2], [1, 2, 0]])
}

@Test func dailyTraceSumsToTheReportTotals() throws {
    let simulation = fractionalNetwork()
    let report = try simulation.run(recordingDailyTrace: true)
    let trace = try #require(report.dailyTrace)
    let days = simulation.horizon
    #expect(report.unitsReceived > 0 && report.unitsLost > 0)
    for s in simulation.skus.indices {
        for l in simulation.locations.indices {
            #expect(trace.sold[s][l].count == days && trace.onHand[s][l].count == days)
            #expect(abs(trace.sold[s][l].reduce(0, +) - report.soldFrom[s][l]) < 1e-9)
            #expect(abs(trace.received[s][l].reduce(0, +) - report.receivedAt[s][l]) < 1e-9)
            #expect(trace.onHand[s][l].last == report.endingStock[s][l])
            #expect(trace.sold[s][l].allSatisfy { $0 >= 0 } && trace.onHand[s][l].allSatisfy { $0 >= 0 })
        }
    }
    // Per region, summed over SKUs: fill rate × demand.
    for r in simulation.regions.indices {
        let demanded = simulation.demand.reduce(0) { $0 + $1[r].reduce(0, +) }
        let sold = trace.regionSold.reduce(0) { $0 + $1[r].reduce(0, +) }
        #expect(abs(sold - report.regionalFillRates[r] * demanded) < 1e-9)
    }
    let soldEachDay = trace.sold.reduce(0) { $0 + $1.reduce(0) { $0 + $1.reduce(0, +) } }
    let soldToRegions = trace.regionSold.reduce(0) { $0 + $1.reduce(0) { $0 + $1.reduce(0, +) } }
    #expect(abs(soldEachDay - report.unitsSold) < 1e-9 && abs(soldToRegions - report.unitsSold) < 1e-9)
    let unitDays = trace.onHand.reduce(0) { $0 + $1.reduce(0) { $0 + $1.reduce(0, +) } }
    #expect(abs(unitDays / Double(days) - report.averageOnHand) < 1e-9)
}

@Test func dailyTraceIsTheDifferenceOfRunsStoppedEachDay() throws {
    // The simulation is causal: a run over the first d days ends in day d's state of the full run, so
    // each day's value must equal, bit for bit, the change between the totals of consecutive prefixes.
    let simulation = fractionalNetwork()
    let trace = try #require(try simulation.run(recordingDailyTrace: true).dailyTrace)
    func prefix(_ days: Int) throws -> SimulationReport {
        var truncated = simulation
        truncated.demand = simulation.demand.map { $0.map { Array($0.prefix(days)) } }
        truncated.transfers = simulation.transfers.filter { $0.day < days }
        return try truncated.run(recordingDailyTrace: true)
    }
    var before = try prefix(0)
    for day in 0..<simulation.horizon {
        let after = try prefix(day + 1)
        for s in simulation.skus.indices {
            for l in simulation.locations.indices {
                #expect(trace.sold[s][l][day] == after.soldFrom[s][l] - before.soldFrom[s][l])
                #expect(trace.received[s][l][day] == after.receivedAt[s][l] - before.receivedAt[s][l])
                #expect(trace.onHand[s][l][day] == after.endingStock[s][l])
            }
        }
        #expect(after.dailyTrace?.sold.map { $0.map { Array($0.suffix(1)) } } == trace.sold.map { $0.map { [$0[day]] } })
        before = after
    }
}
