import Foundation
import Testing
@testable import Inventory

/// Two stores and two fulfillment centers; transfer cost 1 per step along the line.
private func network(current: [[Double]], capacity: [Double] = [100, 100, 100, 300]) -> AllocationPlan.Problem {
    let kinds: [LocationKind] = [.store, .store, .fulfillmentCenter, .fulfillmentCenter]
    let locations = kinds.indices.map { i in
        Location(name: "L\(i)", region: "East", kind: kinds[i], latitude: 40, longitude: -80 + Double(i), capacity: Int(capacity[i]))
    }
    let costs = (0..<4).map { i in (0..<4).map { j in Double(abs(i - j)) } }
    return AllocationPlan.Problem(
        skus: [AllocationPlan.SKU(id: "A", unitMargin: 10, holdingCost: 0.1), AllocationPlan.SKU(id: "B", unitMargin: 5, holdingCost: 0.1)],
        locations: locations, capacity: capacity,
        covered: [[true, true, false, false], [true, true, false, false]],
        demandMean: [[20, 10, 0, 0], [4, 4, 0, 0]], demandSD: [[5, 0, 0, 0], [0, 0, 0, 0]],
        current: current, transferCost: costs, serviceLevel: 0.95)
}

@Test func purchasesCoverEachSKUsShortfallAtTheCenters() throws {
    let p = network(current: [[10, 0, 0, 0], [20, 0, 0, 0]]).receivingPurchases()
    // A: targets 20 + 1.6449·5 = 28.22 and 10 → 38.22, less 10 on hand → 29 bought (rounded up).
    // B: targets 8 < 20 on hand → nothing bought.
    #expect(p.receipts[0].reduce(0, +) == 29)
    #expect(p.receipts[1].reduce(0, +) == 0)
    // Split by free capacity: 100 against 300 at the two centers.
    #expect(p.receipts[0][2] == 7 && p.receipts[0][3] == 22)
    #expect(p.receipts[0][0] == 0 && p.receipts[0][1] == 0)
    #expect(p.covered[0][2] && p.covered[0][3])
    #expect(p.available == [39, 20])
    #expect(p.receivedUnits == 29)

    // Both plans place today's stock plus the receipts; only today's stock is the "current" plan.
    let plan = try AllocationPlan(p)
    #expect(plan.recommended[0].reduce(0, +) == 39)
    #expect(plan.baseline[0].reduce(0, +) == 39)
    #expect(plan.currentTotals.units == 30)
    #expect(plan.recommendedTotals.totalCost <= plan.baselineTotals.totalCost + 1e-9)
    let frame = try plan.allocationFrame()
    #expect(try frame["receipt", Int.self].compactMap { $0 }.reduce(0, +) == 29)
}

@Test func purchasesFitTheNetworksFreeCapacity() throws {
    // Free room: 0 at L0 (30 held, capacity 30), 5 at L1 and at each center: 15 in all, below the
    // 29 wanted, so A receives 15, split 7.5 and 7.5 between the centers (the tie to the first).
    let tight = network(current: [[10, 0, 0, 0], [20, 0, 0, 0]], capacity: [30, 5, 5, 5]).receivingPurchases()
    #expect(tight.receivedUnits == 15)
    #expect(tight.receipts[0][2] == 8 && tight.receipts[0][3] == 7)
}

@Test func nothingIsBoughtWithoutCentersOrShortfall() {
    var stores = network(current: [[40, 0, 0, 0], [20, 0, 0, 0]])
    #expect(stores.receivingPurchases().receivedUnits == 0)
    stores.locations = stores.locations.map { Location(name: $0.name, region: $0.region, kind: .store, latitude: 40, longitude: -80, capacity: $0.capacity) }
    stores.current = [[10, 0, 0, 0], [20, 0, 0, 0]]
    #expect(stores.receivingPurchases().receivedUnits == 0)
}
