// Validation: the held-out weeks' actual demand replayed against the baseline and the recommended
// allocation (and the recommended transfers), KPIs per plan, bootstrap intervals on the differences,
// and the "Regional Inventory Rebalancing Strategy" report.
import Foundation
import Restock

struct Validation: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replays the held-out weeks for the baseline and recommended allocations and writes the KPIs and the strategy report.")

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
        guard (1...100_000).contains(bootstrap) else { throw ValidationError("--bootstrap must be between 1 and 100000, got \(bootstrap)") }
        if let horizon, !(1...52).contains(horizon) { throw ValidationError("--horizon must be between 1 and 52 weeks, got \(horizon)") }
        guard (1...28).contains(reviewDays) else { throw ValidationError("--review-days must be between 1 and 28, got \(reviewDays)") }
        guard (0...14).contains(leadTime) else { throw ValidationError("--lead-time must be between 0 and 14 days, got \(leadTime)") }
    }

    func run() throws {
        var notebook = Notebook(number: 5, name: "validation", title: "Validation of the allocation", seed: options.seed)
        let allocationURL = try options.stageOutput("allocation.csv", writtenBy: "allocation")
        let transfersURL = try options.stageOutput("transfers.csv", writtenBy: "allocation")
        let forecastsURL = options.outputDirectory.appendingPathComponent("forecasts.csv")
        let forecasts = FileManager.default.fileExists(atPath: forecastsURL.path)
            ? try ValidationInputs.forecastHorizon(DataFrame(contentsOfCSVFile: forecastsURL)) : nil
        let dataset = try Dataset(contentsOf: options.manifestURL, transactionsPath: options.transactions)
        let placements = try ValidationInputs.placements(DataFrame(contentsOfCSVFile: allocationURL))
        let transfers = try ValidationInputs.transfers(DataFrame(contentsOfCSVFile: transfersURL))
        let weeks = horizon ?? forecasts?.weeks ?? 8
        for url in [options.manifestURL, dataset.manifest.transactions.file, allocationURL, transfersURL] { try notebook.recordInput(url) }
        for (name, value) in [("horizon", "\(weeks) weeks"), ("review", "every \(reviewDays) days"), ("lead time", "\(leadTime) days"),
                              ("bootstrap", "\(bootstrap) resamples of the SKUs")] {
            notebook.recordParameter(name, value)
        }

        // MARK: - Held-out demand
        notebook.section("Held-out demand")
        let sales = try Cleaning().clean(dataset.transactions).frame
        let calendar = try PlanningCalendar(transactions: sales, horizon: weeks)
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
        let plans: [ValidationPlan] = transfers.isEmpty ? [.baseline, .recommended] : ValidationPlan.allCases
        let traces = try plans.map { try replay.run($0) }
        let kpis = try replay.kpiFrame(traces)
        notebook.text("KPIs of the whole network per plan (`kpis.csv` has them per region and location too: columns `plan`, `scope` — `network`, `region:<name>` or `location:<name>` — `kpi` and `value`).")
        notebook.table(try ValidationTables.formatted(ValidationTables.wide(kpis, scope: "network")), caption: "Network KPIs over the held-out weeks")
        let network = traces.map { $0.kpis(of: Array(replay.sites.indices), in: replay) }

        // MARK: - Differences with bootstrap intervals
        notebook.section("Differences with bootstrap intervals")
        let differences = try replay.bootstrapDifferences(reference: traces[0], other: traces[1], resamples: bootstrap, seed: options.seed)
        notebook.text("""
            Differences recommended − baseline with 95% percentile bootstrap intervals over \(bootstrap) resamples of the \
            SKUs, paired (a drawn SKU counts in both plans). SKUs are resampled, not weeks: a SKU's replay does not depend on \
            the others', while weeks are chained by the stock carried from one to the next. The interval says how much the \
            difference depends on which SKUs are in the assortment, not on another season's demand.
            """)
        notebook.table(try ValidationTables.formatted(ValidationTables.intervals(differences, resamples: bootstrap)), caption: "Recommended − baseline")
        notebook.metrics(traces.indices.map { Metric("Fill rate, \(traces[$0].plan)", NumberFormat.percent.string(network[$0].fillRate)) }
            + traces.indices.map { Metric("Total cost, \(traces[$0].plan)", StrategyReport.amount(network[$0].totalCost)) }
            + differences.map { d in
                let show = d.kpi == "fill_rate" ? StrategyReport.points : StrategyReport.signedAmount
                return Metric("\(d.kpi) recommended − baseline (95% CI)", "\(show(d.estimate)) [\(show(d.lower)), \(show(d.upper))]")
            })

        // MARK: - KPI comparison
        notebook.section("KPI comparison")
        var comparison = Figure(width: 1400, height: 900, title: "Baseline vs recommended allocation over the held-out weeks", rows: 2, columns: 2)
        let componentNames = ["Shipping", "Transfers", "Holding", "Total"]
        comparison[0, 0].title = "Cost by component"
        comparison[0, 0].yAxis = Axis(label: "Cost", format: .compact)
        try comparison[0, 0].barChart(categories: componentNames, series: zip(traces, network).map { trace, k in
            Series(trace.plan.rawValue, [k.shippingCost, k.transferCost, k.holdingCost, k.totalCost])
        })
        let scopes = replay.networkAndRegions(traces[0]).map(\.name)
        func byScope(_ trace: ReplayTrace, _ value: (ValidationKPIs) -> Double) -> [Double] {
            replay.networkAndRegions(trace).map { value($0.kpis) }
        }
        for (row, column) in [(0, 1), (1, 0), (1, 1)] { comparison[row, column].legend = .hidden }
        comparison[0, 1].title = "Fill rate"
        comparison[0, 1].yAxis = Axis(label: "Fill rate", format: .percent)
        try comparison[0, 1].barChart(categories: scopes, series: traces.map { Series($0.plan.rawValue, byScope($0, \.fillRate)) })
        comparison[1, 0].title = "Units lost to stockouts"
        comparison[1, 0].yAxis = Axis(label: "Units", format: .compact)
        try comparison[1, 0].barChart(categories: scopes, series: traces.map { Series($0.plan.rawValue, byScope($0, \.stockoutUnits)) })
        comparison[1, 1].title = "Days of supply"
        comparison[1, 1].yAxis = Axis(label: "Days")
        try comparison[1, 1].barChart(categories: scopes, series: traces.map { Series($0.plan.rawValue, byScope($0, \.daysOfSupply)) })
        notebook.figure(try comparison.png(), name: "kpi_comparison", caption: "Cost, fill rate, lost units and days of supply per plan")

        // MARK: - Fill rate by store
        notebook.section("Fill rate by store")
        let siteNames = replay.sites.map { $0.isStore ? $0.name : $0.name + " (FC)" }
        var stores = Figure(width: 1200, height: 160 + 42 * replay.sites.count, title: "Replayed fill rate by location")
        stores.panel.xAxis = Axis(label: "Fill rate", format: .percent)
        try stores.panel.barChart(categories: siteNames, series: traces.map { trace in
            Series(trace.plan.rawValue, replay.sites.indices.map { trace.kpis(of: [$0], in: replay).fillRate })
        }, orientation: .horizontal)
        notebook.figure(try stores.png(), name: "fill_by_store", caption: "Share of each location's held-out demand met from stock, per plan")
        notebook.table(try ValidationTables.locations(kpis, sites: replay.sites.map(\.name)), caption: "Per location: fill rate and units lost", maxRows: 40)

        // MARK: - Over the held-out weeks
        notebook.section("Over the held-out weeks")
        let weekEnds = (0..<((replay.days + 6) / 7)).map { CivilDate(days: calendar.cutoff.daysSince1970 + 7 * $0 + 6).date }
        var cumulative = Figure(width: 1400, height: 600, title: "Cumulative stockouts and cost over the held-out weeks", columns: 2)
        cumulative[0, 0].title = "Units lost, cumulative to the end of each week"
        cumulative[0, 0].yAxis = Axis(label: "Units", format: .compact)
        try cumulative[0, 0].lineChart(x: weekEnds, series: traces.map { Series($0.plan.rawValue, ValidationTables.runningTotal($0.weekly(in: replay).lost)) }, markers: true)
        cumulative[0, 1].title = "Total cost (shipping, transfers, holding), cumulative"
        cumulative[0, 1].yAxis = Axis(label: "Cost", format: .compact)
        try cumulative[0, 1].lineChart(x: weekEnds, series: traces.map { Series($0.plan.rawValue, ValidationTables.runningTotal($0.weekly(in: replay).cost)) }, markers: true)
        notebook.figure(try cumulative.png(), name: "cumulative", caption: "Cumulative units lost and cost at the end of each held-out week")

        // MARK: - Bootstrap distributions
        notebook.section("Bootstrap distributions")
        var distributions = Figure(width: 1400, height: 600, title: "Bootstrap distribution of recommended − baseline (\(bootstrap) SKU resamples)", columns: 2)
        for (column, difference) in differences.enumerated() {
            let isFill = difference.kpi == "fill_rate"
            distributions[0, column].title = isFill ? "Fill rate difference" : "Total cost difference"
            distributions[0, column].xAxis = Axis(label: isFill ? "Fill rate, recommended − baseline" : "Cost, recommended − baseline", format: isFill ? .percent : .automatic)
            distributions[0, column].yAxis = Axis(label: "Resamples")
            distributions[0, column].legend = .outside
            try distributions[0, column].histogram(difference.replicates, bins: 40, name: "resamples")
            let top = Double(difference.replicates.count) / 8
            try distributions[0, column].lineChart(x: [difference.lower, difference.lower, difference.upper, difference.upper],
                                                   series: [Series("95% interval", [0, top, top, 0], color: Color(hex: 0xC0392B))])
            try distributions[0, column].lineChart(x: [difference.estimate, difference.estimate],
                                                   series: [Series("estimate", [0, top], color: .black)])
            try distributions[0, column].lineChart(x: [0, 0], series: [Series("no difference", [0, top], color: Color(gray: 0.55))])
        }
        notebook.figure(try distributions.png(), name: "bootstrap", caption: "Bootstrap replicates of the differences with the point estimate and the 95% interval")

        // MARK: - Interpretation and the strategy report
        notebook.section("Interpretation")
        let figures = ["kpi_comparison": "Cost, fill rate, lost units and days of supply per plan",
                       "fill_by_store": "Replayed fill rate by location",
                       "cumulative": "Cumulative units lost and cost over the held-out weeks",
                       "bootstrap": "Bootstrap distribution of the differences with their 95% intervals"]
        let links = ["kpi_comparison", "fill_by_store", "cumulative", "bootstrap"].map {
            StrategyReport.FigureLink(file: "figures/\(notebook.stem)_\($0).png", caption: figures[$0] ?? $0)
        }
        let report = try StrategyReport(replay: replay, traces: traces, differences: differences, placements: placements,
                                        transfers: transfers, figures: links, datasetName: dataset.manifest.name, resamples: bootstrap)
        notebook.text(report.executiveSummary)
        notebook.text("The strategy report for planners, `report.md`, is written beside this notebook from the same numbers.")

        notebook.attach(try kpis.csvBytes(), as: "kpis.csv")
        notebook.attach(try ValidationTables.intervals(differences, resamples: bootstrap).csvBytes(), as: "kpi_intervals.csv")
        notebook.attach(Array(report.markdown().utf8), as: "report.md")
        try notebook.write(to: options.outputDirectory)
        print("validation: wrote \(notebook.stem), kpis.csv (\(kpis.rowCount) rows), report.md to \(options.outputDirectory.path)")
        for (trace, k) in zip(traces, network) {
            print(String(format: "  %-22@ fill %.4f  total cost %.2f  lost %.0f units  events %d", trace.plan.rawValue as NSString,
                         k.fillRate, k.totalCost, k.stockoutUnits, k.stockoutEvents))
        }
        for d in differences { print(String(format: "  %@ difference %.4f  95%% CI [%.4f, %.4f]", d.kpi as NSString, d.estimate, d.lower, d.upper)) }
    }
}

Validation.main()
