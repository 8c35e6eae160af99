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
/// next morning; holding 0.1 a unit a day. Start stock from Fixtures/validation/allocation.csv (today's
/// stock FC 2, Chicago 8, Detroit 9); the transfer moves 3 units Detroit → Chicago at 1 a unit.
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
        baseline: stock(\.baseline), recommended: stock(\.recommended), current: stock(\.current), moves: moves,
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

@Test func currentStockReplayMatchesTheHandTrace() throws {
    // FC 2, Chicago 8, Detroit 9. Day 0: Chicago sells 3 (5 left, at its level: no order), Detroit sells 1
    // (8 left). Day 1: the FC ships both online orders; Chicago sells 3 (2 left). Day 2: Chicago sells 2,
    // loses 1; days 3–6 it loses 3 a day. End-of-day stock 15, 10, 8, 8, 8, 8, 8.
    let replay = try handReplay()
    let trace = try replay.run(.current)
    let network = trace.kpis(of: [0, 1, 2], in: replay)
    #expect(trace.unitsTransferred == 0 && network.transferCost == 0)
    #expect(network.unitsSold == 11 && network.stockoutUnits == 13 && network.stockoutEvents == 5)
    #expect(abs(network.shippingCost - 4) < 1e-12)
    #expect(abs(network.holdingCost - 6.5) < 1e-12)
    #expect(abs(network.totalCost - 10.5) < 1e-12)
    #expect(trace.onHand[0][1] == [5, 2, 0, 0, 0, 0, 0])
}

@Test func rebalancedReplayAvoidsAStockoutAtAKnownCost() throws {
    // The same stock with 3 units Detroit → Chicago on the first morning at 1 a unit: Chicago 11, Detroit 6,
    // neither orders. Chicago sells 3 a day to day 2 and 2 on day 3: 3 more units sold, one stockout day
    // fewer, for 3 of transfer cost; holding falls to 5.2 (end-of-day stock 15, 10, 7, 5, 5, 5, 5).
    let replay = try handReplay()
    let trace = try replay.run(.rebalanced)
    let network = trace.kpis(of: [0, 1, 2], in: replay)
    #expect(trace.unitsTransferred == 3)
    #expect(network.transferCost == 3 && trace.kpis(of: [1], in: replay).transferCost == 3)
    #expect(network.unitsSold == 14 && network.stockoutUnits == 10 && network.stockoutEvents == 4)
    #expect(abs(network.fillRate - 14.0 / 24) < 1e-12)
    #expect(abs(network.shippingCost - 4) < 1e-12)
    #expect(abs(network.holdingCost - 5.2) < 1e-12)
    #expect(abs(network.totalCost - 12.2) < 1e-12)
    #expect(trace.onHand[0][1] == [8, 5, 2, 0, 0, 0, 0] && trace.onHand[0][2] == [5, 5, 5, 5, 5, 5, 5])
    // Only the rebalanced plan makes the moves; the others start from their own stock.
    #expect(replay.moves(of: .rebalanced).count == 1 && replay.moves(of: .recommended).isEmpty && replay.moves(of: .current).isEmpty)
    #expect(replay.startStock(.rebalanced) == replay.startStock(.current))
}

@Test func aTransferMovesAtMostTheSendersStock() throws {
    var replay = try handReplay()
    replay.moves = [.init(sku: 0, from: 2, to: 1, units: 50)]
    let trace = try replay.run(.rebalanced)
    #expect(trace.unitsTransferred == 9 && trace.kpis(of: [1], in: replay).transferCost == 9)
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
    // 4 plans × (network + 1 region + 3 locations) × 12 KPIs.
    #expect(frame.rowCount == 4 * 5 * 12)
    #expect(Set(try frame["plan", String.self].compactMap { $0 }) == ["baseline", "recommended", "current", "rebalanced"])
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

// MARK: - Daily trace against runs over every prefix

/// What the replay computed before the simulation recorded a daily trace: each SKU alone run over
/// the first 1, 2, … days, the daily values the differences of consecutive runs' totals, a node's
/// sales its fill rate times its demand so far.
private func prefixTrace(_ replay: ValidationReplay, plan: ValidationPlan, sku s: Int) throws
    -> (sold: [[Double]], received: [[Double]], onHand: [[Double]], nodeSold: [[Double]]) {
    let start = replay.startStock(plan)
    var single = replay.simulation(stock: start, moves: replay.moves(of: plan))
    single.skus = [single.skus[s]]
    single.initialStock = [start[s]]
    single.replenishment = .orderUpTo(reviewPeriod: max(1, replay.reviewDays), levels: [replay.levels[s]])
    single.transfers = single.transfers.filter { $0.sku == s }.map { ScheduledTransfer(day: 0, sku: 0, from: $0.from, to: $0.to, units: $0.units) }
    let zeros = [[Double]](repeating: [Double](repeating: 0, count: replay.days), count: replay.sites.count)
    var sold = zeros, received = zeros, onHand = zeros
    var nodeSold = [[Double]](repeating: [Double](repeating: 0, count: replay.days), count: replay.nodes.count)
    var soldBefore = [Double](repeating: 0, count: replay.sites.count), receivedBefore = soldBefore
    var nodeDemand = [Double](repeating: 0, count: replay.nodes.count), nodeSoldBefore = nodeDemand
    for day in 0..<replay.days {
        var prefix = single
        prefix.demand = [replay.demand[s].map { Array($0.prefix(day + 1)) }]
        let report = try prefix.run()
        for l in replay.sites.indices {
            sold[l][day] = ValidationReplay.clean(report.soldFrom[0][l] - soldBefore[l])
            received[l][day] = ValidationReplay.clean(report.receivedAt[0][l] - receivedBefore[l])
            onHand[l][day] = report.endingStock[0][l]
            soldBefore[l] = report.soldFrom[0][l]
            receivedBefore[l] = report.receivedAt[0][l]
        }
        for n in replay.nodes.indices {
            nodeDemand[n] += replay.demand[s][n][day]
            let cumulative = nodeDemand[n] > 0 ? report.regionalFillRates[n] * nodeDemand[n] : 0
            nodeSold[n][day] = ValidationReplay.clean(cumulative - nodeSoldBefore[n])
            nodeSoldBefore[n] = cumulative
        }
    }
    return (sold, received, onHand, nodeSold)
}

@Test func replayTraceEqualsTheDifferencesOfPrefixRuns() throws {
    // Fractional demand, levels and moves, so that sums round: sales, receipts and stock must agree
    // bit for bit; node sales up to the rounding of fill rate × demand.
    var replay = try fiveSKUReplay()
    for k in 0..<5 {
        let scale: Double = 0.85 + 0.1 * Double(k), extra = Double(k)
        replay.demand[k] = replay.demand[k].map { series in series.map { $0 * scale } }
        replay.levels[k] = [0, 5.3 + 0.7 * extra, 4.15 + extra / 3]
    }
    replay.moves = (0..<5).map { ValidationReplay.Move(sku: $0, from: 2, to: 1, units: 1.6 + Double($0)) }
    for plan in ValidationPlan.allCases {
        let trace = try replay.run(plan)
        #expect(trace.report.unitsReceived > 0 && trace.report.unitsLost > 0)
        for s in replay.skus.indices {
            let expected = try prefixTrace(replay, plan: plan, sku: s)
            #expect(trace.sold[s] == expected.sold)
            #expect(trace.received[s] == expected.received)
            #expect(trace.onHand[s] == expected.onHand)
            for n in replay.nodes.indices {
                for day in 0..<replay.days { #expect(abs(trace.nodeSold[s][n][day] - expected.nodeSold[n][day]) < 1e-12) }
            }
        }
    }
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
    replay.current = Array(repeating: one.current[0], count: 5)
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
    #expect(first.map(\.kpi) == ["total_cost", "fill_rate", "stockout_units"])
    #expect(first.allSatisfy { $0.comparison == .allocation })
    #expect(abs(first[2].estimate - (r.stockoutUnits - b.stockoutUnits)) < 1e-9)
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

@Test func bootstrapComparesBothPairs() throws {
    // One SKU: rebalanced − current is +1.7 of cost, +3/24 of fill rate and −3 units lost, with no spread.
    let replay = try handReplay()
    let traces = try ValidationPlan.allCases.map { try replay.run($0) }
    let differences = try replay.bootstrapDifferences(PlanComparison.all, traces: traces, resamples: 50, seed: 1)
    #expect(differences.map(\.comparison) == [.allocation, .allocation, .allocation, .rebalancing, .rebalancing, .rebalancing])
    let rebalancing = differences.filter { $0.comparison == .rebalancing }
    #expect(abs(rebalancing[0].estimate - 1.7) < 1e-9 && rebalancing[0].isSignificant)
    #expect(abs(rebalancing[1].estimate - 3.0 / 24) < 1e-12 && rebalancing[1].lower == rebalancing[1].upper)
    #expect(abs(rebalancing[2].estimate + 3) < 1e-9)
    #expect(PlanComparison.rebalancing.description == "rebalanced − current")
    let table = try ValidationTables.intervals(differences, resamples: 50)
    #expect(try table["kpi", String.self][4] == "fill_rate (rebalanced − current)")
    #expect(throws: ValidationInputError.self) {
        try replay.bootstrapDifferences(PlanComparison.all, traces: Array(traces.prefix(2)), resamples: 5, seed: 1)
    }
}

@Test func bootstrapOfManySKUsCoversTheRebalancingEstimate() throws {
    var replay = try fiveSKUReplay()
    replay.moves = (0..<5).map { .init(sku: $0, from: 2, to: 1, units: 3) }
    let current = try replay.run(.current), rebalanced = try replay.run(.rebalanced)
    let differences = try replay.bootstrapDifferences(reference: current, other: rebalanced, resamples: 300, seed: 11)
    for difference in differences {
        #expect(difference.comparison == .rebalancing)
        #expect(difference.lower <= difference.estimate && difference.estimate <= difference.upper)
    }
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
    #expect(transfers == [TransferRow(sku: "BRIE", from: "Detroit", to: "Chicago", quantity: 3, cost: 3, benefit: 4.5)])
    // The fixture carries an extra `receipt` column, which is ignored.
    #expect(placements[2].current == 9)
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
    #expect(try formatted["baseline", String.self] == ["80.7%", "$6,293", "994"])
    let pounds = try DataFrame(columns: [Column("kpi", ["total_cost (rebalanced − current)", "fill_rate (rebalanced − current)", "stockout_units (rebalanced − current)"]),
                                         Column("estimate", [791.4, 0.0212, -187.6])])
    #expect(try ValidationTables.formatted(pounds, currency: "£")["estimate", String.self] == ["+£791", "+2.1 points", "−188"])
}

@Test func plansArePlacedFromTodaysStockAndReceiptsAtTheirTransferCost() throws {
    // Today's stock 4 at the FC, 12 received there: the baseline (FC 4, Chicago 6, Detroit 6) is
    // reached by moving 6 + 6 units at 1 a unit, the recommendation (4, 10, 2) by 10 + 2.
    var replay = try handReplay()
    replay.current = [[4, 0, 0]]
    replay.placeFrom(receipts: [[12, 0, 0]])
    #expect(replay.startStock(.baseline) == [[16, 0, 0]])
    let baselineMoves = replay.moves(of: .baseline).map { [$0.from, $0.to, Int($0.units)] }.sorted { $0.lexicographicallyPrecedes($1) }
    #expect(baselineMoves == [[0, 1, 6], [0, 2, 6]])
    let placed = try replay.run(.baseline)
    let network = placed.kpis(of: [0, 1, 2], in: replay)
    // Once placed, the replay is the hand trace of the baseline, plus 12 of transfer cost.
    #expect(network.unitsSold == 11 && network.stockoutUnits == 13)
    #expect(abs(network.transferCost - 12) < 1e-12)
    #expect(placed.onHand[0][1] == [3, 2, 0, 0, 0, 0, 0])
    #expect(abs(try replay.run(.recommended).kpis(of: [0, 1, 2], in: replay).transferCost - 12) < 1e-12)
    #expect(replay.moves(of: .current).isEmpty)
}

@Test func plansWithoutReceiptsStartWhereTheyArePlaced() throws {
    // Today's stock (19) and the placements (16) differ and there are no receipts: no moves.
    var replay = try handReplay()
    replay.placeFrom(receipts: [[0, 0, 0]])
    #expect(replay.placementOrigin == nil)
    #expect(replay.startStock(.baseline) == replay.baseline)
    #expect(replay.moves(of: .baseline).isEmpty)
}
