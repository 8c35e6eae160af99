// Validation: the held-out weeks' actual demand replayed against the baseline and the recommended
// allocation (and the recommended transfers), KPIs per plan, bootstrap intervals on the differences,
// and the "Regional Inventory Rebalancing Strategy" report.
import Foundation
import Restock

struct Validation: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replays the held-out weeks for the allocation (baseline vs recommended) and the transfers (today's stock with vs without) and writes the KPIs and the strategy report.")

    @OptionGroup var options: StageOptions

    @Option(help: "Bootstrap resamples of the SKUs for the intervals on the differences.")
    var bootstrap: Int = 1000

    @Option(help: "Held-out weeks to replay (default: the weeks of the forecasting stage's forecasts.csv, else 8).")
    var horizon: Int?

    @Option(help: "Days between a store's replenishment reviews.")
    var reviewDays: Int = 7

    @Option(help: "Days from a store's order to the morning before it arrives (0: next morning).")
    var leadTime: Int = 2

    func validate() throws {
        try requireOption("bootstrap", bootstrap, within: 1...100_000)
        if let horizon { try requireOption("horizon", horizon, within: 1...52, unit: "weeks") }
        try requireOption("review-days", reviewDays, within: 1...28)
        try requireOption("lead-time", leadTime, within: 0...14, unit: "days")
    }

    func run() throws {
        let output = try options.openOutput()
        var notebook = Notebook(number: 5, name: "validation", title: "Validation of the allocation and the transfers", seed: options.seed)
        let allocationURL = try output.stageOutput("allocation.csv", writtenBy: "allocation")
        let transfersURL = try output.stageOutput("transfers.csv", writtenBy: "allocation")
        let forecastsURL = output.url.appendingPathComponent("forecasts.csv")
        let forecasts = FileManager.default.fileExists(atPath: forecastsURL.path)
            ? try ValidationInputs.forecastHorizon(AllocationPlan.readForecasts(contentsOf: output.stageOutput("forecasts.csv", writtenBy: "forecasting"))) : nil
        let dataset = try Dataset(contentsOf: options.manifestURL, transactionsPath: options.transactions)
        try dataset.manifest.requireAllocationInputs()
        let money = Money(symbol: dataset.manifest.currency)
        let placements = try ValidationInputs.placements(DataFrame(contentsOfCSVFile: allocationURL, options: .init(textColumns: ["sku", "location", "region", "kind"])))
        let transfers = try ValidationInputs.transfers(DataFrame(contentsOfCSVFile: transfersURL, options: .init(textColumns: ["sku", "from", "to"])))
        let weeks = horizon ?? forecasts?.weeks ?? 8
        for url in [options.manifestURL, dataset.manifest.transactions.file, allocationURL, transfersURL] { try notebook.recordInput(url) }
        for (name, value) in [("horizon", "\(weeks) weeks"), ("review", "every \(reviewDays) days"), ("lead time", "\(leadTime) days"),
                              ("bootstrap", "\(bootstrap) resamples of the SKUs")] {
            notebook.recordParameter(name, value)
        }

        // MARK: - Held-out demand
        notebook.section("Held-out demand")
        let sales = try notebook.cleanTransactions(of: dataset, options: options).frame
        let calendar = try PlanningCalendar(transactions: sales, horizon: weeks, weekStart: dataset.manifest.transactions.weekStart)
        if let forecasts, forecasts.firstWeek != calendar.cutoff {
            throw StageError.unusableData("forecasts.csv starts on \(forecasts.firstWeek) but holding out \(weeks) weeks puts the cutoff on \(calendar.cutoff): run the forecasting and allocation stages with the same --horizon and data")
        }
        let replay = try ValidationReplay(placements: placements, transfers: transfers, transactions: sales, calendar: calendar,
                                          manifest: dataset.manifest, skuAttributes: dataset.skus,
                                          reviewDays: reviewDays, leadTimeDays: leadTime)
        let heldOut = replay.demand.reduce(0) { $0 + $1.reduce(0) { $0 + $1.reduce(0, +) } }
        notebook.text("""
            The **\(weeks) weeks from \(calendar.cutoff) to \(calendar.end)** were held out of the forecasts; their actual \
            sales of the \(replay.skus.count) allocated SKUs at the \(replay.sites.count) allocated locations \
            (**\(StrategyReport.amount(heldOut)) units**) are replayed day by day against the stock each plan places on the \
            first morning. Stores sell to their walk-in customers; fulfillment centers ship online orders to the customers' \
            regions at the dataset's shipping cost. Every \(reviewDays) days each store orders up to its level (mean demand \
            over review period and lead time plus the allocation's safety stock scaled to that window) from the fulfillment \
            center that serves its region, at the center-to-store transfer rate; orders arrive \(leadTime + 1) mornings later \
            as far as the center has the units. Centers are not resupplied during the period: the allocation places the \
            season's stock. Demand not met from stock that day is lost. The plans differ only in where the stock starts.
            """)

        // MARK: - Replay
        notebook.section("Replay of the plans")
        let traces = try ValidationPlan.allCases.map { try replay.run($0) }
        let kpis = try replay.kpiFrame(traces)
        // MARK: - Differences with bootstrap intervals
        let differences = try replay.bootstrapDifferences(PlanComparison.all, traces: traces, resamples: bootstrap, seed: options.seed)
        let figureNames = ["kpi_comparison": ("Cost, fill rate and units lost: the allocation decision (top) and the rebalancing decision (bottom)", StrategyReport.FigureLink.Topic.overview),
                           "cumulative": ("Cumulative units lost and cost over the held-out weeks, per decision", .overview),
                           "bootstrap": ("Bootstrap distributions of the two decisions' differences with their 95% intervals", .overview),
                           "fill_by_store": ("Replayed fill rate by location, per decision", .stores)]
        let links = ["kpi_comparison", "cumulative", "bootstrap", "fill_by_store"].compactMap { name in
            figureNames[name].map { StrategyReport.FigureLink(file: "figures/\(notebook.stem)_\(name).png", caption: $0.0, topic: $0.1) }
        }
        let report = try StrategyReport(replay: replay, traces: traces, differences: differences, placements: placements,
                                        transfers: transfers, figures: links, datasetName: dataset.manifest.name,
                                        currency: dataset.manifest.currency, resamples: bootstrap)
        notebook.text("""
            Four plans in two like-for-like pairs. **baseline** and **recommended** place the same total stock \
            (\(report.stockPlaced)), one size fits all or where the allocation puts it. **current** is today's stock left where it is and **rebalanced** the same stock after \
            the \(transfers.count) transfers of `transfers.csv` on the first morning, transfer cost counted. `kpis.csv` has \
            the KPIs per region and location too (columns `plan`, `scope` — `network`, `region:<name>` or \
            `location:<name>` — `kpi` and `value`).
            """)
        notebook.table(try ValidationTables.formatted(ValidationTables.wide(kpis, scope: "network"), currency: dataset.manifest.currency),
                       caption: "Network KPIs over the held-out weeks")

        let intervalNote = """
            Intervals are 95% percentile bootstrap intervals over \(bootstrap) resamples of the SKUs, paired (a drawn SKU \
            counts in both plans). SKUs are resampled, not weeks: a SKU's replay does not depend on the others', while weeks \
            are chained by the stock carried from one to the next. An interval says how much the difference depends on which \
            SKUs are in the assortment, not on another season's demand.
            """
        func metrics(_ comparison: PlanComparison) -> [Metric] {
            let chosen: [PlanDifference] = differences.filter { $0.comparison == comparison }
            return chosen.map { d in
                let show = StrategyReport.changeFormatter(kpi: d.kpi, currency: dataset.manifest.currency)
                return Metric("\(d.kpi.replacingOccurrences(of: "_", with: " ")), \(comparison) (95% CI)", "\(show(d.estimate)) [\(show(d.lower)), \(show(d.upper))]")
            }
        }

        notebook.section("Allocation decision: recommended vs baseline")
        notebook.text(report.allocationDecision)
        notebook.metrics(metrics(.allocation))

        notebook.section("Rebalancing decision: transfers vs doing nothing")
        notebook.text(report.rebalancingDecision)
        notebook.metrics(metrics(.rebalancing))
        notebook.text(intervalNote)
        notebook.table(try ValidationTables.formatted(ValidationTables.intervals(differences, resamples: bootstrap), currency: dataset.manifest.currency),
                       caption: "Differences with 95% bootstrap intervals")

        // MARK: - KPI comparison
        notebook.section("KPI comparison")
        let rows: [(title: String, comparison: PlanComparison)] = [("Allocation", .allocation), ("Rebalancing", .rebalancing)]
        let regional = Dictionary(uniqueKeysWithValues: traces.map { ($0.plan, replay.networkAndRegions($0)) })
        let scopes = regional[traces[0].plan]?.map(\.name) ?? []
        func trace(_ plan: ValidationPlan) -> ReplayTrace? { traces.first { $0.plan == plan } }
        func series(_ plan: ValidationPlan, _ values: [Double]) -> Series { Series(plan.label, values, color: planColor(plan)) }
        func byScope(_ plan: ValidationPlan, _ value: (ValidationKPIs) -> Double) -> [Double] {
            regional[plan]?.map { value($0.kpis) } ?? []
        }
        var comparison = Figure(width: 1500, height: 1000, title: "Held-out weeks: allocation decision (top), rebalancing decision (bottom)", rows: 2, columns: 3)
        for (row, decision) in rows.enumerated() {
            let pair = [decision.comparison.reference, decision.comparison.other]
            let components = [row == 0 ? "Placement" : "Transfers", "Shipping", "Holding", "Total"]
            comparison[row, 0].title = "\(decision.title): cost by component"
            comparison[row, 0].yAxis = Axis(label: money.label("Cost"), format: .compact)
            comparison[row, 0].legend = .inside(.topLeft)
            try comparison[row, 0].barChart(categories: components, series: pair.compactMap { plan in
                report.network[plan].map { k in
                    series(plan, [k.transferCost, k.shippingCost, k.holdingCost, k.totalCost])
                }
            })
            comparison[row, 1].title = "\(decision.title): fill rate"
            comparison[row, 1].yAxis = Axis(label: "Fill rate", format: .percent)
            comparison[row, 1].legend = .hidden
            try comparison[row, 1].barChart(categories: scopes, series: pair.map { series($0, byScope($0, \.fillRate)) })
            comparison[row, 2].title = "\(decision.title): units lost to stockouts"
            comparison[row, 2].yAxis = Axis(label: "Units", format: .compact)
            comparison[row, 2].legend = .hidden
            try comparison[row, 2].barChart(categories: scopes, series: pair.map { series($0, byScope($0, \.stockoutUnits)) })
        }
        notebook.figure(try comparison.png(), name: "kpi_comparison", caption: figureNames["kpi_comparison"]?.0 ?? "")

        // MARK: - Fill rate by store
        notebook.section("Fill rate by store")
        let siteNames = replay.sites.map { StrategyReport.displayName($0.name, isStore: $0.isStore) }
        var stores = Figure(width: 1400, height: 200 + 46 * replay.sites.count, title: "Replayed fill rate by location", columns: 2, sharesY: true)
        for (column, decision) in rows.enumerated() {
            stores[0, column].title = decision.title == "Allocation" ? "Allocation: baseline vs recommended" : "Rebalancing: today's stock vs with transfers"
            stores[0, column].xAxis = Axis(label: "Fill rate", format: .percent, limits: 0...1)
            stores[0, column].legend = .inside(.bottomRight)
            try stores[0, column].barChart(categories: siteNames, series: [decision.comparison.reference, decision.comparison.other].map { plan in
                series(plan, report.locations.map { $0.kpis(plan).fillRate })
            }, orientation: .horizontal)
        }
        notebook.figure(try stores.png(), name: "fill_by_store", caption: "Share of each location's held-out demand met from stock, per decision")
        notebook.table(try ValidationTables.locations(kpis, sites: replay.sites.map(\.name)), caption: "Per location: fill rate and units lost", maxRows: 40)

        // MARK: - Over the held-out weeks
        notebook.section("Over the held-out weeks")
        let weekEnds = (0..<((replay.days + 6) / 7)).map { CivilDate(days: calendar.cutoff.daysSince1970 + 7 * $0 + 6).date }
        var cumulative = Figure(width: 1400, height: 900, title: "Cumulative stockouts and cost over the held-out weeks", rows: 2, columns: 2)
        let weekly = Dictionary(uniqueKeysWithValues: traces.map { ($0.plan, $0.weekly(in: replay)) })
        let lostTop = 1.06 * max(1, weekly.values.map { $0.lost.reduce(0, +) }.max() ?? 1)  // headroom for the markers
        let costTop = 1.06 * max(1, weekly.values.map { $0.cost.reduce(0, +) }.max() ?? 1)
        for (row, decision) in rows.enumerated() {
            let pair = [decision.comparison.reference, decision.comparison.other].compactMap(trace)
            cumulative[row, 0].title = "\(decision.title): units lost, cumulative to the end of each week"
            cumulative[row, 0].yAxis = Axis(label: "Units", format: .compact, limits: 0...lostTop)
            cumulative[row, 0].legend = .inside(.topLeft)
            try cumulative[row, 0].lineChart(x: weekEnds, series: pair.map { series($0.plan, ValidationTables.runningTotal(weekly[$0.plan]?.lost ?? [])) }, markers: true)
            cumulative[row, 1].title = "\(decision.title): total cost, cumulative"
            cumulative[row, 1].yAxis = Axis(label: money.label("Cost"), format: .compact, limits: 0...costTop)
            cumulative[row, 1].legend = .hidden
            try cumulative[row, 1].lineChart(x: weekEnds, series: pair.map { series($0.plan, ValidationTables.runningTotal(weekly[$0.plan]?.cost ?? [])) }, markers: true)
        }
        notebook.figure(try cumulative.png(), name: "cumulative", caption: figureNames["cumulative"]?.0 ?? "")

        // MARK: - Bootstrap distributions
        notebook.section("Bootstrap distributions")
        var distributions = Figure(width: 1500, height: 900, title: "Bootstrap distributions of the differences (\(bootstrap) SKU resamples)", rows: 2, columns: 3)
        for (row, decision) in rows.enumerated() {
            for (column, difference) in differences.filter({ $0.comparison == decision.comparison }).enumerated() where column < 3 {
                let panel = (row, column)
                let (axisLabel, format): (String, NumberFormat) = switch difference.kpi {
                case "fill_rate": ("Fill rate, \(decision.comparison)", .percent)
                case "total_cost": (money.label("Cost, \(decision.comparison)"), .compact)
                default: ("Units lost, \(decision.comparison)", .plain(decimals: 0))
                }
                distributions[panel.0, panel.1].title = "\(decision.title): \(difference.kpi.replacingOccurrences(of: "_", with: " ")) difference"
                distributions[panel.0, panel.1].xAxis = Axis(label: axisLabel, format: format)
                distributions[panel.0, panel.1].yAxis = Axis(label: "Resamples")
                distributions[panel.0, panel.1].legend = column == 2 ? .outside : .hidden
                try distributions[panel.0, panel.1].histogram(difference.replicates, bins: 40, name: "resamples", color: planColor(decision.comparison.other).mixed(with: .white, amount: 0.35))
                let top = Double(difference.replicates.count) / 8
                try distributions[panel.0, panel.1].lineChart(x: [difference.lower, difference.lower, difference.upper, difference.upper],
                                                              series: [Series("95% interval", [0, top, top, 0], color: Color(hex: 0xC0392B))])
                try distributions[panel.0, panel.1].lineChart(x: [difference.estimate, difference.estimate], series: [Series("estimate", [0, top], color: .black)])
                try distributions[panel.0, panel.1].lineChart(x: [0, 0], series: [Series("no difference", [0, top], color: Color(gray: 0.55))])
            }
        }
        notebook.figure(try distributions.png(), name: "bootstrap", caption: figureNames["bootstrap"]?.0 ?? "")

        // MARK: - Interpretation and the strategy report
        notebook.section("Interpretation")
        notebook.text(report.executiveSummary)
        notebook.text("The strategy report for planners, `report.md`, is written beside this notebook from the same numbers.")

        notebook.attach(try kpis.csvBytes(), as: "kpis.csv")
        notebook.attach(try ValidationTables.intervals(differences, resamples: bootstrap).csvBytes(), as: "kpi_intervals.csv")
        notebook.attach(Array(report.markdown().utf8), as: "report.md")
        try notebook.write(to: output)
        print("validation: wrote \(notebook.stem), kpis.csv (\(kpis.rowCount) rows), report.md to \(options.outputDirectory.path)")
        for trace in traces {
            guard let k = report.network[trace.plan] else { continue }
            print(String(format: "  %@ fill %.4f  total cost %.2f  (shipping %.2f, transfers %.2f, holding %.2f)  lost %.0f units  events %d",
                         trace.plan.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0) as NSString, k.fillRate, k.totalCost, k.shippingCost, k.transferCost, k.holdingCost,
                         k.stockoutUnits, k.stockoutEvents))
        }
        for d in differences {
            print(String(format: "  %@ %@ %.4f  95%% CI [%.4f, %.4f]", d.kpi.padding(toLength: 15, withPad: " ", startingAt: 0) as NSString,
                         d.comparison.description.padding(toLength: 24, withPad: " ", startingAt: 0) as NSString, d.estimate, d.lower, d.upper))
        }
    }

    /// Light for the plan a decision is measured against, dark for the plan it proposes: blue for
    /// the allocation decision, orange for the rebalancing one.
    func planColor(_ plan: ValidationPlan) -> Color {
        switch plan {
        case .baseline: Color(hex: 0x8CC4EC)
        case .recommended: Color(hex: 0x0165A8)
        case .current: Color(hex: 0xF3BB6E)
        case .rebalanced: Color(hex: 0xC25400)
        }
    }
}

Validation.main()
