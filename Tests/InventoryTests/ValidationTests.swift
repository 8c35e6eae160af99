import Foundation
import Tabular
import Testing
@testable import Inventory

/// A frame read from a hand-made CSV under Fixtures/validation.
func validationFixture(_ name: String) throws -> DataFrame {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/validation/\(name)", withExtension: "csv"))
    return try DataFrame(contentsOfCSVFile: url)
}

/// One SKU, one week: Columbus FC (online orders of region East at 2 a unit) supplies Chicago
/// (3 a day) and Detroit (1 on day 0) at 0.5 a unit; stores order up to 5 on day 0 only, arriving
/// next morning; holding 0.1 a unit a day. Start stock from Fixtures/validation/allocation.csv.
func handReplay(withTransfers: Bool = true) throws -> ValidationReplay {
    let placements = try ValidationInputs.placements(validationFixture("allocation"))
    let transfers = withTransfers ? try ValidationInputs.transfers(validationFixture("transfers")) : []
    let order = ["Columbus FC", "Chicago", "Detroit"]
    func stock(_ plan: KeyPath<PlacementRow, Double>) -> [[Double]] {
        [order.map { name in placements.first { $0.location == name }.map { $0[keyPath: plan] } ?? 0 }]
    }
    let moves = transfers.map { ValidationReplay.Move(sku: 0, from: order.firstIndex(of: $0.from) ?? -1, to: order.firstIndex(of: $0.to) ?? -1, units: $0.quantity) }
    return ValidationReplay(
        skus: ["BRIE"], holdingCostPerDay: [0.1],
        sites: [.init(name: "Columbus FC", region: "North", isStore: false),
                .init(name: "Chicago", region: "North", isStore: true, supplier: 0, replenishmentCost: 0.5),
                .init(name: "Detroit", region: "North", isStore: true, supplier: 0, replenishmentCost: 0.5)],
        nodes: [.init(site: 1, region: "North", shippingCost: 0), .init(site: 2, region: "North", shippingCost: 0),
                .init(site: 0, region: "East", shippingCost: 2)],
        demand: [[[3, 3, 3, 3, 3, 3, 3], [1, 0, 0, 0, 0, 0, 0], [0, 2, 0, 0, 0, 0, 0]]],
        baseline: stock(\.baseline), recommended: stock(\.recommended), moves: moves,
        transferCost: [[0, 1, 1], [1, 0, 1], [1, 1, 0]], levels: [[0, 5, 5]], reviewDays: 7, leadTimeDays: 0,
        start: CivilDate(year: 2024, month: 11, day: 4))
}

// MARK: - Replay against hand-computed answers

@Test func baselineReplayMatchesTheHandTrace() throws {
    // FC 4, Chicago 6, Detroit 6. Day 0: Chicago sells 3 (3 left) and orders 2 from the FC, Detroit sells 1.
    // Day 1: Chicago +2 → 5, sells 3; the FC ships 2 online orders. Day 2: Chicago sells 2, loses 1;
    // days 3–6 it loses 3 a day. End-of-day stock 10, 7, 5, 5, 5, 5, 5.
    let replay = try handReplay()
    let trace = try replay.run(.baseline)
    let network = trace.kpis(of: [0, 1, 2], in: replay)
    #expect(network.unitsDemanded == 24 && network.unitsSold == 11 && network.stockoutUnits == 13)
    #expect(abs(network.fillRate - 11.0 / 24) < 1e-12)
    #expect(network.stockoutEvents == 5)
    #expect(abs(network.shippingCost - (2 * 2 + 2 * 0.5)) < 1e-12)
    #expect(abs(network.holdingCost - 4.2) < 1e-12)
    #expect(network.transferCost == 0)
    #expect(abs(network.totalCost - 9.2) < 1e-12)
    #expect(abs(network.averageOnHand - 6) < 1e-12)
    #expect(abs(network.turnover - 11.0 / 6) < 1e-12)
    #expect(abs(network.daysOfSupply - 6 / (11.0 / 7)) < 1e-12)
    #expect(trace.onHand[0][1] == [3, 2, 0, 0, 0, 0, 0])
    #expect(trace.received[0][1] == [0, 2, 0, 0, 0, 0, 0])

    let chicago = trace.kpis(of: [1], in: replay)
    #expect(chicago.unitsSold == 8 && chicago.stockoutEvents == 5 && chicago.shippingCost == 1)
    #expect(abs(chicago.holdingCost - 0.5) < 1e-12)
    let center = trace.kpis(of: [0], in: replay)
    #expect(center.fillRate == 1 && center.shippingCost == 4)
}

@Test func recommendedReplayMatchesTheHandTrace() throws {
    // FC 4, Chicago 10, Detroit 2. Day 0: Detroit orders 4, emptying the FC, so day 1's two online
    // orders are lost; Chicago runs out on day 3 (1 sold, 2 lost) and loses 3 a day after.
    let replay = try handReplay()
    let trace = try replay.run(.recommended)
    let network = trace.kpis(of: [0, 1, 2], in: replay)
    #expect(network.unitsSold == 11 && network.stockoutUnits == 13 && network.stockoutEvents == 5)
    #expect(abs(network.shippingCost - 2) < 1e-12)
    #expect(abs(network.holdingCost - 4.3) < 1e-12)
    let center = trace.kpis(of: [0], in: replay)
    #expect(center.fillRate == 0 && center.stockoutEvents == 1)
}

@Test func transfersMoveStockOnTheFirstMorningAndAreCosted() throws {
    // 3 units Chicago → Detroit at 1 a unit: Chicago 7, Detroit 5, then both order 1 from the FC.
    let replay = try handReplay()
    let trace = try replay.run(.recommendedWithTransfers)
    let network = trace.kpis(of: [0, 1, 2], in: replay)
    #expect(trace.unitsTransferred == 3)
    #expect(network.transferCost == 3 && trace.kpis(of: [2], in: replay).transferCost == 3)
    #expect(network.unitsSold == 11)
    #expect(abs(network.shippingCost - 5) < 1e-12)
    #expect(abs(network.holdingCost - 4.2) < 1e-12)
    #expect(abs(network.totalCost - 12.2) < 1e-12)
}

@Test func traceAgreesWithTheSimulatorOverTheWholePeriod() throws {
    let replay = try handReplay()
    for plan in ValidationPlan.allCases {
        let trace = try replay.run(plan)
        let network = trace.kpis(of: [0, 1, 2], in: replay)
        #expect(abs(network.fillRate - trace.report.fillRate) < 1e-12)
        #expect(abs(network.holdingCost - trace.report.holdingCost) < 1e-12)
        #expect(abs(network.shippingCost - trace.report.shippingCost - trace.report.replenishmentCost) < 1e-12)
        #expect(abs(network.transferCost - trace.report.transferCost) < 1e-12)
    }
}

@Test func kpisCSVHasEveryPlanScopeAndKPI() throws {
    let replay = try handReplay()
    let traces = try ValidationPlan.allCases.map { try replay.run($0) }
    let frame = try replay.kpiFrame(traces)
    #expect(frame.columnNames == ["plan", "scope", "kpi", "value"])
    // 3 plans × (network + 1 region + 3 locations) × 12 KPIs.
    #expect(frame.rowCount == 3 * 5 * 12)
    let wide = try ValidationTables.wide(frame, scope: "location:Chicago")
    let names = try wide["kpi", String.self]
    let fill = try #require(names.firstIndex(of: "fill_rate"))
    #expect(abs(try wide.doubles("baseline")[fill] - 8.0 / 21) < 1e-12)
    for value in try frame.doubles("value") where !value.isInfinite { #expect(value >= 0) }
}

@Test func orderUpToLevelScalesMeanAndSafetyStockToTheWindow() {
    // 56-day horizon, weekly review, lead time 6: a 14-day window, a quarter of the horizon.
    let level = ValidationReplay.orderUpToLevel(demandMean: 40, safetyStock: 8, horizonDays: 56, reviewDays: 7, leadTimeDays: 6)
    #expect(abs(level - (10 + 4)) < 1e-12)
    #expect(ValidationReplay.orderUpToLevel(demandMean: 40, safetyStock: 8, horizonDays: 0, reviewDays: 7, leadTimeDays: 6) == 0)
}

@Test func nothingToReplayIsAnError() throws {
    var replay = try handReplay()
    replay.demand = [[[], [], []]]
    #expect(throws: ValidationInputError.self) { try replay.run(.baseline) }
}

// MARK: - Bootstrap

/// Five SKUs: the hand case with demand scaled by 1…5.
func fiveSKUReplay() throws -> ValidationReplay {
    var replay = try handReplay()
    let one = replay
    replay.skus = (1...5).map { "SKU\($0)" }
    replay.holdingCostPerDay = Array(repeating: 0.1, count: 5)
    replay.demand = (1...5).map { k in one.demand[0].map { $0.map { $0 * Double(k) } } }
    replay.baseline = Array(repeating: one.baseline[0], count: 5)
    replay.recommended = (0..<5).map { k in one.recommended[0].map { $0 + Double(k) } }
    replay.levels = Array(repeating: one.levels[0], count: 5)
    replay.moves = []
    return replay
}

@Test func bootstrapIsReproducibleAndSurroundsTheEstimate() throws {
    let replay = try fiveSKUReplay()
    let base = try replay.run(.baseline), rec = try replay.run(.recommended)
    let first = try replay.bootstrapDifferences(reference: base, other: rec, resamples: 500, seed: 7)
    let again = try replay.bootstrapDifferences(reference: base, other: rec, resamples: 500, seed: 7)
    let other = try replay.bootstrapDifferences(reference: base, other: rec, resamples: 500, seed: 8)
    #expect(first == again)
    #expect(first[0].replicates != other[0].replicates)
    let all = Array(replay.sites.indices)
    let b = base.kpis(of: all, in: replay), r = rec.kpis(of: all, in: replay)
    #expect(first.map(\.kpi) == ["total_cost", "fill_rate"])
    #expect(abs(first[0].estimate - (r.totalCost - b.totalCost)) < 1e-9)
    #expect(abs(first[1].estimate - (r.fillRate - b.fillRate)) < 1e-12)
    for difference in first {
        #expect(difference.lower <= difference.estimate && difference.estimate <= difference.upper)
        #expect(difference.replicates.count == 500)
        #expect(difference.lower < difference.upper)
    }
}

@Test func bootstrapOfOneSKUHasNoSpread() throws {
    let replay = try handReplay()
    let differences = try replay.bootstrapDifferences(reference: replay.run(.baseline), other: replay.run(.recommended),
                                                      resamples: 50, seed: 1)
    #expect(abs(differences[0].estimate - (6.3 - 9.2)) < 1e-12)
    #expect(differences[0].lower == differences[0].estimate && differences[0].upper == differences[0].estimate)
    #expect(differences[1].estimate == 0 && !differences[1].isSignificant)
}

@Test func bootstrapRejectsBadSettings() throws {
    let replay = try handReplay()
    let trace = try replay.run(.baseline)
    #expect(throws: (any Error).self) { try replay.bootstrapDifferences(reference: trace, other: trace, resamples: 0, seed: 1) }
    #expect(throws: (any Error).self) { try replay.bootstrapDifferences(reference: trace, other: trace, resamples: 10, level: 1, seed: 1) }
}

// MARK: - Input schemas

@Test func allocationAndTransfersAreRead() throws {
    let placements = try ValidationInputs.placements(validationFixture("allocation"))
    #expect(placements.count == 3)
    #expect(placements[0].isStore == false && placements[1].recommended == 10 && placements[2].baseline == 6)
    let transfers = try ValidationInputs.transfers(validationFixture("transfers"))
    #expect(transfers == [TransferRow(sku: "BRIE", from: "Chicago", to: "Detroit", quantity: 3, cost: 3, benefit: 4.5)])
    #expect(try ValidationInputs.transfers(validationFixture("transfers_header_only")).isEmpty)
}

@Test func allocationWithoutAColumnNamesIt() throws {
    #expect {
        try ValidationInputs.placements(validationFixture("allocation_missing_column"))
    } throws: { error in
        guard case let ValidationInputError.missingColumn(file, column, _) = error else { return false }
        return file == "allocation.csv" && column == "recommended" && "\(error)".contains("recommended")
    }
}

@Test func badAllocationValuesAreErrorsWithTheLine() throws {
    #expect(throws: ValidationInputError.badValue(file: "allocation.csv", line: 3, column: "kind", value: "warehouse", expected: "store or fc")) {
        try ValidationInputs.placements(validationFixture("allocation_bad_kind"))
    }
    #expect {
        try ValidationInputs.placements(validationFixture("allocation_negative"))
    } throws: { error in
        guard case let ValidationInputError.badValue(_, line, column, _, _) = error else { return false }
        return line == 2 && column == "recommended"
    }
    #expect(throws: ValidationInputError.self) { try ValidationInputs.transfers(validationFixture("transfers_to_itself")) }
    #expect(throws: ValidationInputError.self) { try ValidationInputs.transfers(validationFixture("allocation")) }
}

@Test func repeatedAllocationRowsAreErrors() throws {
    let doubled = try DataFrame(csvString: """
        sku,location,region,kind,demand_mean,demand_sd,safety_stock,target,current,baseline,recommended,expected_fill_baseline,expected_fill_recommended
        BRIE,Chicago,North,store,1,1,1,2,3,4,5,0.5,0.5
        BRIE,Chicago,North,store,1,1,1,2,3,4,5,0.5,0.5
        """)
    #expect(throws: ValidationInputError.duplicateRow(file: "allocation.csv", line: 3, sku: "BRIE", location: "Chicago")) {
        try ValidationInputs.placements(doubled)
    }
}

@Test func forecastHorizonIsReadFromForecasts() throws {
    let forecasts = try DataFrame(csvString: """
        sku,week,step
        A,2024-11-04,1
        A,2024-11-11,2
        """)
    let horizon = try #require(try ValidationInputs.forecastHorizon(forecasts))
    #expect(horizon.weeks == 2 && horizon.firstWeek == CivilDate(year: 2024, month: 11, day: 4))
}

@Test func runningTotalAccumulates() {
    #expect(ValidationTables.runningTotal([1, 2, 3]) == [1, 3, 6])
    #expect(ValidationTables.runningTotal([]) == [])
}

@Test func formattedTablesKeepEachKPIsPrecision() throws {
    let frame = try DataFrame(columns: [Column("kpi", ["fill_rate", "total_cost", "stockout_events"]), Column("baseline", [0.8066, 6293.456, 994.0])])
    let formatted = try ValidationTables.formatted(frame)
    #expect(try formatted["baseline", String.self] == ["80.7%", "6,293.46", "994"])
}
