// Allocation: service-level targets per SKU x location, where to hold the stock already in the network
// (a linear program against the one-size-fits-all proportional split), and store-to-store transfers
// that pay for themselves.
import Foundation
import Restock

struct Allocation: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sets service-level targets from the forecasts, allocates today's stock by linear program against a proportional baseline, and proposes store transfers.")

    @OptionGroup var options: StageOptions

    @Option(help: "The probability that a location's stock covers its demand over the horizon.")
    var serviceLevel: Double = 0.95

    @Option(help: "The baseline's proportions: history (each location's share of training sales) or capacity.")
    var baseline: String = AllocationPlan.Baseline.history.rawValue

    @Option(help: "The stock both plans place: targets (today's stock plus purchases up to the targets, received at the fulfillment centers) or on-hand (today's stock only).")
    var supply: String = "targets"

    func validate() throws {
        guard serviceLevel > 0, serviceLevel < 1 else { throw ValidationError("--service-level must be in (0, 1), e.g. 0.95; got \(serviceLevel)") }
        guard AllocationPlan.Baseline(rawValue: baseline) != nil else {
            throw ValidationError("--baseline must be one of \(AllocationPlan.Baseline.allCases.map(\.rawValue).joined(separator: ", ")), got '\(baseline)'")
        }
        guard ["targets", "on-hand"].contains(supply) else { throw ValidationError("--supply must be targets or on-hand, got '\(supply)'") }
    }

    func run() throws {
        let basis = AllocationPlan.Baseline(rawValue: baseline) ?? .history
        let output = try options.openOutput()
        var notebook = Notebook(number: 4, name: "allocation", title: "Allocation and rebalancing", seed: options.seed)
        notebook.recordParameter("service level", percent(serviceLevel, decimals: 1))
        notebook.recordParameter("baseline", basis.rawValue)
        notebook.recordParameter("supply", supply)
        let forecastsURL = try output.stageOutput("forecasts.csv", writtenBy: "forecasting")
        let dataset = try Dataset(contentsOf: options.manifestURL, transactionsPath: options.transactions)
        try dataset.manifest.requireAllocationInputs()
        let money = Money(symbol: dataset.manifest.currency)
        for url in [options.manifestURL, dataset.manifest.transactions.file, forecastsURL] + [dataset.manifest.stock?.file].compactMap({ $0 }) {
            try notebook.recordInput(url)
        }

        // MARK: - Targets
        notebook.section("Targets at the service level")
        let sales = try notebook.cleanTransactions(of: dataset, options: options).frame
        let onHand = try AllocationPlan.Problem(forecasts: AllocationPlan.readForecasts(contentsOf: forecastsURL), dataset: dataset,
                                                costs: CostTable(manifest: dataset.manifest), sales: sales, serviceLevel: serviceLevel)
        let problem = supply == "targets" ? onHand.receivingPurchases() : onHand
        let plan = try AllocationPlan(problem, baseline: basis)
        let pairs = problem.covered.reduce(0) { $0 + $1.filter { $0 }.count }
        notebook.text("""
            For each of the **\(problem.skus.count) forecast SKUs** at each location (\(pairs) SKU × location pairs), demand over \
            the \(problem.horizonDays / 7)-week horizon is the sum of the weekly forecast means, with a standard deviation from the \
            summed weekly variances (weeks taken as independent). The target (order-up-to level) is the demand quantile at the \
            **\(percent(serviceLevel, decimals: 1)) service level** under a normal approximation: mean + z·sd with \
            z = \(String(format: "%.4f", plan.z)); the safety stock is z·sd. A location with stock but no forecast has demand 0.
            """)
        notebook.table(try plan.targetsByRegion(), caption: "Demand, safety stock and targets over the horizon by region and kind of location (units)")
        let available = problem.available.reduce(0, +)
        let today = problem.current.reduce(0) { $0 + $1.reduce(0, +) }
        let totalTarget = plan.target.reduce(0) { $0 + $1.reduce(0, +) }
        let totalMean = problem.demandMean.reduce(0) { $0 + $1.reduce(0, +) }
        notebook.metrics([
            Metric("Units in the network today (these SKUs)", grouped(today)),
            Metric("Expected demand over the horizon", grouped(totalMean)),
            Metric("Sum of targets", grouped(totalTarget)),
            Metric("Today's stock as a share of targets", percent(totalTarget > 0 ? today / totalTarget : 1)),
            Metric("Bought and received at the fulfillment centers", grouped(problem.receivedUnits)),
        ])
        if dataset.stock == nil {
            notebook.text("\(dataset.manifest.name) has no stock file: today's stock is taken as zero, so all the stock placed is bought.")
        }
        if problem.receivedUnits > 0 {
            notebook.text("""
                Today's stock covers \(percent(totalTarget > 0 ? today / totalTarget : 1)) of the targets, so the shortfall of each SKU \
                (\(grouped(problem.receivedUnits)) units in all\(problem.receivedUnits + today < totalTarget.rounded(.down) ? ", as much as the network's free capacity holds" : "")) \
                is bought and received at the fulfillment centers at the start of the horizon, split by their free capacity \
                (`--supply on-hand` places today's stock alone). Where that stock goes is the decision below.
                """)
        }

        // MARK: - Allocation
        notebook.section("Recommended allocation against the baseline")
        notebook.text("""
            Both plans place exactly the same **\(grouped(available)) units**\(problem.receivedUnits > 0 ? " (today's stock and the receipts)" : ", the network's stock today"), within each location's capacity \
            (its capacity less the stock of SKUs outside the plan). The **baseline** is one-size-fits-all: each SKU's stock split \
            over its locations in proportion to \(basis == .history ? "their share of its training sales" : "their capacity"). \
            The **recommendation** is a linear program (CLP): it moves stock between locations at the manifest's transfer costs \
            and minimises their cost plus a shortage penalty, the unit margin (price − unit cost) times the expected units short \
            that stock below target adds, so scarce stock goes where it is most likely to sell, net of moving it. Shipping cost \
            is the cheapest set of transfers from where the stock starts to each plan; holding cost covers the horizon; expected fill is \
            expected units sold over expected demand under normal demand.
            """)
        let totals = try plan.totalsFrame()
        notebook.table(totals, caption: "Plan totals: today's stock, the baseline and the recommendation")
        let regions = try plan.unitsByRegion()
        notebook.table(regions, caption: "Units and expected fill by region")
        let base = plan.baselineTotals, best = plan.recommendedTotals
        notebook.metrics([
            Metric("Expected fill, baseline → recommended", "\(percent(base.expectedFill, decimals: 1)) → \(percent(best.expectedFill, decimals: 1)) (today's stock \(percent(plan.currentTotals.expectedFill, decimals: 1)))"),
            Metric("Shipping cost, baseline → recommended", "\(money(base.shippingCost)) → \(money(best.shippingCost))"),
            Metric("Holding cost (both plans)", money(best.holdingCost)),
            Metric("Total cost incl. shortage penalty, baseline → recommended", "\(money(base.totalCost)) → \(money(best.totalCost))"),
        ])
        let difference = plan.differenceByCategory()
        var heatmap = Figure(width: 1200, height: 160 + 42 * difference.rows.count,
                             title: "Recommended minus baseline units by location and \(difference.columns.count < problem.skus.count ? "category" : "SKU")")
        try heatmap.panel.heatmap(values: difference.values, rows: difference.rows, columns: difference.columns,
                                  annotation: .plain(decimals: 0), center: 0)
        notebook.figure(try heatmap.png(), name: "allocation_heatmap",
                        caption: "Where the recommendation puts more (red) or fewer (blue) units than the baseline")
        var costs = Figure(width: 1300, height: 520, title: "Baseline against recommendation", columns: 2)
        costs[0, 0].title = "Costs over the horizon"
        costs[0, 0].yAxis = Axis(label: money.label("Cost over the horizon"), format: .compact)
        let now = plan.currentTotals
        try costs[0, 0].barChart(categories: ["Shipping (transfers)", "Holding", "Shortage penalty"], series: [
            Series("today's stock", [now.shippingCost, now.holdingCost, now.shortagePenalty], color: Color(red: 170, green: 170, blue: 170)),
            Series("baseline", [base.shippingCost, base.holdingCost, base.shortagePenalty]),
            Series("recommended", [best.shippingCost, best.holdingCost, best.shortagePenalty]),
        ])
        costs[0, 1].title = "Expected fill by region"
        costs[0, 1].yAxis = Axis(label: "Expected fill", format: .percent)
        try costs[0, 1].barChart(categories: try regions["region", String.self].map { $0 ?? "" }, series: [
            Series("today's stock", try regions.doubles("fill_current"), color: Color(red: 170, green: 170, blue: 170)),
            Series("baseline", try regions.doubles("fill_baseline")),
            Series("recommended", try regions.doubles("fill_recommended")),
        ])
        notebook.figure(try costs.png(), name: "cost_comparison", caption: "Costs and expected fill of the two plans")

        // MARK: - Rebalancing transfers
        notebook.section("Rebalancing transfers between stores")
        let (rebalancing, storeIndices) = RebalancingProblem.stores(of: problem)
        let moves = try rebalancing.solve()
        let transfers = try moves.transfersFrame(rebalancing, locations: storeIndices.map { problem.locations[$0] })
        notebook.text("""
            Independently of the plan above, which also moves stock through the fulfillment centers, these are moves between \
            stores that pay now: a transfer is proposed when the expected shortage it avoids at the receiver, net of what it \
            adds at the sender, times the **unit margin**, exceeds its transfer cost (a piecewise-linear program per SKU, \
            rounded to whole units, every transfer re-checked with the exact normal loss). \
            **\(moves.transfers.count) transfers** of \(grouped(moves.transfers.reduce(0) { $0 + $1.units })) units cut expected \
            lost sales at the stores from \(grouped(moves.expectedLostUnitsBefore)) to \(grouped(moves.expectedLostUnitsAfter)) \
            units, for an expected margin of \(money(moves.totalBenefit)) against \(money(moves.totalCost)) of transfer cost.
            """)
        if transfers.rowCount > 0 {
            notebook.table(transfers, caption: "Transfers, largest net benefit first", maxRows: 15)
            let shown = min(15, transfers.rowCount)
            let labels = try (0..<shown).map { row -> String in
                let values = try [transfers["sku", String.self][row], transfers["from", String.self][row], transfers["to", String.self][row]]
                let quantity = try transfers["quantity", Int.self][row] ?? 0
                return "\(values[0] ?? ""): \(values[1] ?? "") → \(values[2] ?? "") (\(quantity))"
            }
            var flows = Figure(width: 1300, height: 200 + 38 * shown, title: "Largest store transfers: expected margin gained and cost")
            flows.panel.xAxis = Axis(label: money.label("Expected margin gained and transfer cost over the horizon"), format: .compact)
            try flows.panel.barChart(categories: labels, series: [
                Series("expected margin gained", Array(try transfers.doubles("benefit").prefix(shown))),
                Series("transfer cost", Array(try transfers.doubles("cost").prefix(shown))),
            ], orientation: .horizontal)
            notebook.figure(try flows.png(), name: "transfer_flows", caption: "The largest transfers (SKU: from → to (units)), benefit against cost")
        }

        // MARK: - Interpretation
        notebook.section("Interpretation")
        notebook.text(interpretation(plan, regions: regions, available: available, target: totalTarget, moves: moves, money: money))

        notebook.attach(try plan.allocationFrame().csvBytes(), as: "allocation.csv")
        notebook.attach(try transfers.csvBytes(), as: "transfers.csv")
        try notebook.write(to: output)
        print("""
            allocation: \(problem.skus.count) SKUs × \(problem.locations.count) locations, \(grouped(available)) units at \(percent(serviceLevel, decimals: 1)) service level
              baseline (\(basis)): shipping \(money(base.shippingCost)), holding \(money(base.holdingCost)), penalty \(money(base.shortagePenalty)), expected fill \(percent(base.expectedFill, decimals: 1))
              recommended: shipping \(money(best.shippingCost)), holding \(money(best.holdingCost)), penalty \(money(best.shortagePenalty)), expected fill \(percent(best.expectedFill, decimals: 1))
              transfers: \(moves.transfers.count), benefit \(money(moves.totalBenefit)), cost \(money(moves.totalCost))
            wrote \(notebook.stem), allocation.csv, transfers.csv to \(options.outputDirectory.path)
            """)
    }

    /// A few sentences read off the numbers.
    func interpretation(_ plan: AllocationPlan, regions region: DataFrame, available: Double, target stockShare: Double,
                        moves: RebalancingPlan, money: Money) -> String {
        let base = plan.baselineTotals, best = plan.recommendedTotals
        var text = ""
        let gain = best.expectedFill - base.expectedFill
        text += abs(gain) < 0.005
            ? "The recommendation and the baseline fill about the same share of expected units (\(percent(best.expectedFill, decimals: 1)) against \(percent(base.expectedFill, decimals: 1)); today's stock, \(percent(plan.currentTotals.expectedFill, decimals: 1))): the program weighs a unit by its margin, not by its count, so it keeps high-margin SKUs where they sell and does not pay to move low-margin ones. It "
            : "The recommendation \(gain >= 0 ? "raises" : "lowers") expected fill from \(percent(base.expectedFill, decimals: 1)) to \(percent(best.expectedFill, decimals: 1)) and "
        text += "\(best.shippingCost <= base.shippingCost ? "costs" : "needs") \(money(best.shippingCost)) of transfers against the baseline's \(money(base.shippingCost)); "
        text += "counting the shortage penalty, the total \(best.totalCost <= base.totalCost ? "falls" : "rises") from \(money(base.totalCost)) to \(money(best.totalCost)). "
        if available < stockShare {
            text += "The network holds only \(percent(available / max(stockShare, 1))) of what the targets ask for, so no placement meets the \(percent(plan.problem.serviceLevel, decimals: 1)) service level everywhere: the program gives scarce units to the pairs where they most likely sell and leaves the rest short, and replenishment, not placement, has to close the gap. "
        }
        if let names = try? region["region", String.self],
           let b = try? region.doubles("baseline"), let r = try? region.doubles("recommended") {
            let shifts = names.indices.map { (names[$0] ?? "", r[$0] - b[$0]) }.sorted { $0.1 > $1.1 }
            if let up = shifts.first, let down = shifts.last, up.1 > 0 {
                text += "Against the baseline it moves the most units into \(up.0) (\(signed(up.1))) and out of \(down.0) (\(signed(down.1))). "
            }
        }
        text += moves.transfers.isEmpty
            ? "No store-to-store transfer pays for itself at these costs and margins."
            : "Right now, \(moves.transfers.count) store transfers are worth making: expected margin \(money(moves.totalBenefit)) for \(money(moves.totalCost)) of transfer cost."
        return text
    }

    func percent(_ value: Double, decimals: Int = 0) -> String { String(format: "%.\(decimals)f%%", value * 100) }
    func grouped(_ value: Double) -> String { NumberFormat.plain(decimals: 0).string(value) }
    func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + grouped(value) }
}

Allocation.main()
