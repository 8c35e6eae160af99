import Foundation
import Testing
@testable import Inventory

private func planProblem(current: [[Double]], mean: [[Double]], sd: [[Double]], cost: Double) -> AllocationPlan.Problem {
    let kinds: [LocationKind] = [.store, .store, .fulfillmentCenter]
    let locations = (0..<3).map { Location(name: "L\($0)", region: "R", kind: kinds[$0], latitude: 40, longitude: -80 + Double($0), capacity: 100) }
    return AllocationPlan.Problem(
        skus: current.indices.map { AllocationPlan.SKU(id: "K\($0)", unitMargin: 20, holdingCost: 0.1) },
        locations: locations, capacity: [100, 100, 100], demandMean: mean, demandSD: sd, current: current,
        transferCost: (0..<3).map { i in (0..<3).map { j in i == j ? 0 : cost } })
}

@Test func storeTransfersLeaveFulfillmentCentersOut() throws {
    let (problem, stores) = RebalancingProblem.stores(of: planProblem(current: [[20, 0, 50]], mean: [[2, 10, 30]], sd: [[1, 3, 5]], cost: 1))
    #expect(stores == [0, 1])
    #expect(problem.stores == ["L0", "L1"])
    #expect(problem.onHand == [[20, 0]])
    #expect(problem.skus.map(\.unitMargin) == [20])
}

@Test func transfersThatPayAreWrittenWithTheAgreedSchema() throws {
    let plan = planProblem(current: [[20, 0, 0]], mean: [[2, 10, 0]], sd: [[1, 3, 0]], cost: 1)
    let (problem, stores) = RebalancingProblem.stores(of: plan)
    let moves = try problem.solve()
    let frame = try moves.transfersFrame(problem, locations: stores.map { plan.locations[$0] })
    #expect(frame.columnNames == ["sku", "from", "to", "quantity", "distance_km", "cost", "benefit"])
    #expect(frame.columnNames == RebalancingPlan.transferColumns)
    #expect(frame.rowCount == 1)
    #expect(try frame["from", String.self] == ["L0"] && frame["to", String.self] == ["L1"])
    let benefit = try frame.doubles("benefit")[0], cost = try frame.doubles("cost")[0]
    #expect(benefit > cost)
    // One degree of longitude at 40° N is about 85 km.
    #expect(abs(try frame.doubles("distance_km")[0] - 85.3) < 0.5)
}

@Test func noTransferWhenNothingPays() throws {
    // Moving costs more than the whole margin of a unit: nothing is proposed, and the file is
    // the header alone.
    let plan = planProblem(current: [[20, 0, 0]], mean: [[2, 10, 0]], sd: [[1, 3, 0]], cost: 50)
    let (problem, stores) = RebalancingProblem.stores(of: plan)
    let moves = try problem.solve()
    #expect(moves.transfers.isEmpty)
    let frame = try moves.transfersFrame(problem, locations: stores.map { plan.locations[$0] })
    #expect(frame.rowCount == 0)
    #expect(String(decoding: try frame.csvBytes(), as: UTF8.self) == RebalancingPlan.transferColumns.joined(separator: ",") + "\n")
}
