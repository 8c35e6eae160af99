// Forecasting: weekly demand per SKU (x segment) x location, a model chosen per series by backtest,
// and forecasts with prediction intervals over the held-out horizon for the planning stages.
import Foundation
import Restock

struct Forecasting: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Builds weekly demand series, chooses a model per series by rolling-origin backtest and forecasts the held-out weeks.")

    @OptionGroup var options: StageOptions

    @Option(help: "The series level: sku, sku-location or sku-segment-location (needs the segmentation stage's segments.csv).")
    var level: String = DemandLevel.skuLocation.rawValue

    @Option(help: "Forecast only the N SKUs with the most training revenue (default: every SKU).")
    var top: Int?

    @Option(help: "Forecast the SKUs of these ABC classes instead of every SKU, e.g. A or AB.")
    var abc: String?

    @Option(help: "Keep only the N series with the most training demand, over the SKUs selected (default: every series).")
    var topSeries: Int?

    @Option(help: "Threads of the model-choice backtests (default: the number of cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Weeks held out after the planning cutoff and forecast.")
    var horizon: Int = 8

    @Option(help: "Rolling origins of the model-choice backtest.")
    var origins: Int = 3

    func validate() throws {
        guard DemandLevel(rawValue: level) != nil else {
            throw ValidationError("--level must be one of \(DemandLevel.allCases.map(\.rawValue).joined(separator: ", ")), got '\(level)'")
        }
        if let top, top < 1 { throw ValidationError("--top must be at least 1, got \(top)") }
        if let topSeries, topSeries < 1 { throw ValidationError("--top-series must be at least 1, got \(topSeries)") }
        guard top == nil || abc == nil else { throw ValidationError("give --top or --abc, not both") }
        try requireOption("threads", threads, within: 1...256)
        if let abc, abc.isEmpty || !abc.uppercased().allSatisfy({ "ABC".contains($0) }) {
            throw ValidationError("--abc takes ABC classes such as A or AB, got '\(abc)'")
        }
        try requireOption("horizon", horizon, within: 1...52, unit: "weeks")
        try requireOption("origins", origins, within: 1...10)
    }

    func run() throws {
        let level = DemandLevel(rawValue: level) ?? .skuLocation
        let selection: SKUSelection = abc.map { .abc(Set($0.uppercased().map(String.init))) } ?? top.map { .top($0) } ?? .all
        let output = try options.openOutput()
        var notebook = Notebook(number: 3, name: "forecasting", title: "Demand forecasting", seed: options.seed)
        var parameters = [("level", level.rawValue), ("selection", selection.description), ("horizon", "\(horizon) weeks"), ("origins", "\(origins)")]
        if let topSeries { parameters.append(("series", "the \(topSeries) largest")) }
        for (name, value) in parameters {
            notebook.recordParameter(name, value)
        }
        let segmentsURL = level.splitsSegments ? try output.stageOutput("segments.csv", writtenBy: "segmentation") : nil
        let dataset = try Dataset(contentsOf: options.manifestURL, transactionsPath: options.transactions)
        try notebook.recordInput(options.manifestURL)
        try notebook.recordInput(dataset.manifest.transactions.file)
        if let segmentsURL { try notebook.recordInput(segmentsURL) }

        // MARK: - Demand series
        notebook.section("Demand series")
        let sales = try notebook.cleanTransactions(of: dataset, options: options).frame
        let calendar = try PlanningCalendar(transactions: sales, horizon: horizon, weekStart: dataset.manifest.transactions.weekStart)
        let segments = try segmentsURL.map { try DemandSeriesSet.segmentMap(DataFrame(contentsOfCSVFile: $0, options: .init(textColumns: ["customer", "segment"]))) }
        let demand = try DemandSeriesSet(transactions: sales, calendar: calendar, level: level, selection: selection,
                                         seriesLimit: topSeries, locations: dataset.manifest.locations, segments: segments)
        let measure = dataset.manifest.transactions.measure
        let intermittent = demand.series.filter { $0.averageDemandInterval > 1.32 }.count
        let ranking = demand.rankedBy == .revenue ? "ranked on training revenue only"
            : "ranked on training \(measure) only: \(dataset.hasPrices ? "every row has the same price" : "the data have no prices"), so revenue cannot rank them"
        let cut = demand.series.count < demand.matchedSeries ? ", the largest of \(demand.matchedSeries) by training \(measure)" : ""
        notebook.text("""
            Weekly demand in \(measure) at the **\(level)** level for \(selection.description) (\(demand.skus.count) SKUs, \
            \(ranking)): **\(demand.series.count) series**\(cut), of \(calendar.trainingWeeks) training weeks \
            from \(calendar.firstWeek) to the planning cutoff **\(calendar.cutoff)**, weeks without sales counted as zero. \
            \(calendar.weekDescription) \
            The \(horizon) weeks from the cutoff to \(calendar.end) are held out: they are forecast here and replayed by the \
            validation stage. \(intermittent) series are intermittent (average interval between demand weeks above 1.32).
            """)
        if demand.rowsWithoutLocation > 0 {
            notebook.text("\(demand.rowsWithoutLocation) training rows of these SKUs have no location and are left out.")
        }

        // MARK: - Model choice
        notebook.section("Model choice by backtest")
        var planner = DemandForecast(horizon: horizon, origins: origins, seed: options.seed)
        planner.threads = threads
        let aggregates = try DemandAggregates(transactions: sales, calendar: calendar, locations: dataset.manifest.locations)
        let reporter = ProgressReporter("forecasting", total: demand.series.count)
        let results = try planner.run(demand.series, aggregates: aggregates, progress: { done, _ in reporter.update(done: done) })
        let profileCount = aggregates.units.count, seasonal = aggregates.profiles.values.filter { $0.harmonics > 0 || !$0.holidays.isEmpty }.count
        notebook.text("""
            Each series is backtested from \(origins) rolling origins \(planner.step) weeks apart and from \(origins) more origins \
            \(planner.lookbackLags.map(String.init).joined(separator: ", ")) weeks before the cutoff, each scored on the next \
            \(horizon) weeks. The winner has the smallest RMSE: allocation stocks for the mean, and absolute errors favour \
            the median, zero or near it on sparse weekly demand; MASE (mean absolute error over the in-sample naive error) \
            is reported below. Candidates: \
            \(calendar.trainingWeeks >= 104 ? "seasonal naive (52 weeks), MSTL and harmonic regression (Fourier terms of the year with ARIMA errors) for regular series" : "naive for regular series (less than two years of history for seasonal naive)"), \
            AutoETS for every series, \(planner.regularCandidates.map(\.name).joined(separator: ", ")) for regular series, and Croston and SBA for intermittent series. \
            Intermittent series with fewer than \(planner.sparseDemandWeeks) weeks of demand (\(results.filter { $0.intermittent && $0.series.units.contains { $0 > 0 } && planner.isSparse($0.series.units) }.count) here) \
            get the historical mean in place of AutoETS: with so few non-zero weeks AutoETS can only fit a level close to it, at many times the cost. \
            Naive is not a candidate for intermittent series: it repeats the last week, usually a zero, which MASE rewards \
            on sparse demand but which would leave a selling item without stock; it is still scored as the benchmark. \
            On top of these, each series gets a yearly shape borrowed from an aggregate: the training weeks of all SKUs \
            summed by category and region, by category and over the network (\(profileCount) aggregates, \(seasonal) of them \
            with a yearly profile: log units regressed on a trend, Fourier terms and the share of each week in \
            \(HolidayWindow.yearEnd.map(\.name).joined(separator: ", ")), the terms chosen by AICc). AutoETS (SBA and \
            ETS(A,N,N) for intermittent series) forecasts the history divided by the profile and the forecast is multiplied \
            back, candidates per level (`× category-region`, `× category`, `× network`). The rolling origins all fall in the weeks before the \
            cutoff and never reach December; the origins a year back are scored on last year's weeks around the forecast \
            horizon, so a model blind to the season is not preferred just because the recent weeks were quiet. Each \
            series is adjusted by its aggregate without its own units: the group's shape is taken as known, and what is \
            scored is whether the series follows it. The winner is refitted on all training weeks. Series without any \
            demand are forecast as zero, and series the backtest cannot score fall back to naive.
            """)
        notebook.table(try DemandForecast.modelChoice(results), caption: "Series won by each model")

        // MARK: - Accuracy against naive
        notebook.section("Accuracy against naive")
        let summary = try planner.accuracySummary(results)
        let beating = DemandForecast.shareBeatingNaive(results)
        notebook.text("""
            MASE below 1: better than the naive forecast's in-sample error. Means can be pulled up by a few series whose \
            early training weeks barely move (a tiny MASE scale); the medians describe the typical series.
            """)
        notebook.table(summary, caption: "Backtest MASE per candidate, of the chosen model and of naive")
        let means = try summary.doubles("mean_mase"), medians = try summary.doubles("median_mase")
        let chosenMean = means.dropLast().last ?? .nan, naiveMean = means.last ?? .nan
        let chosenMedian = medians.dropLast().last ?? .nan, naiveMedian = medians.last ?? .nan
        notebook.metrics([
            Metric("Series", "\(results.count)"),
            Metric("Chosen model beats naive", beating.isNaN ? "n/a" : NumberFormat.percent.string(beating)),
            Metric("Mean MASE, chosen vs naive", String(format: "%.2f vs %.2f", chosenMean, naiveMean)),
            Metric("Median MASE, chosen vs naive", String(format: "%.2f vs %.2f", chosenMedian, naiveMedian)),
        ])

        // MARK: - Fan charts
        notebook.section("Forecasts of the top SKUs")
        let shown = demand.skus.prefix(4).compactMap { sku in results.first { $0.series.key.sku == sku } }
        notebook.text(level == .sku
            ? "The four best-selling SKUs: the last year of training history and the forecast with 80% and 95% intervals."
            : "For each of the four best-selling SKUs, its largest series (the \(level.splitsSegments ? "location and segment" : "location") with the most training \(measure)): the last year of training history and the forecast with 80% and 95% intervals.")
        let names = try demand.descriptions(transactions: sales, skuAttributes: dataset.skus)
        var fans = Figure(width: 1400, height: 900, title: "Weekly demand and forecast, top SKUs", rows: 2, columns: 2)
        for (i, result) in shown.enumerated() {
            let units = result.series.units, first = max(0, units.count - 52)
            let history = Array(units[first...])
            let weeks = (first..<units.count).map { result.series.week($0).date }
            let future = result.forecast.mean.indices.map { result.series.week(units.count + $0).date }
            let bands = result.forecast.intervals.map { interval in
                ForecastInterval(level: interval.level, lower: interval.lower.map { max(0, $0) }, upper: interval.upper.map { max(0, $0) })
            }
            let key = result.series.key
            let name = names[key.sku].map { $0.count > 26 ? " " + $0.prefix(25) + "…" : " " + $0 } ?? ""
            fans[i / 2, i % 2].title = "\(key.sku)\(name)\(key.location == "all" ? "" : " @ " + key.location) — \(result.model)"
            fans[i / 2, i % 2].yAxis = Axis(label: "\(measure.prefix(1).uppercased() + measure.dropFirst()) per week")
            fans[i / 2, i % 2].legend = .outside
            try fans[i / 2, i % 2].fanChart(history: history, at: weeks, forecast: result.forecast.mean.map { max(0, $0) },
                                            at: future, intervals: bands)
        }
        notebook.figure(try fans.png(), name: "top_sku_fans", caption: "Top SKUs: history and forecast with 80% and 95% intervals")

        // MARK: - Interpretation
        notebook.section("Interpretation")
        notebook.text(interpretation(results, calendar: calendar, beating: beating, chosen: (chosenMean, chosenMedian),
                                     naive: (naiveMean, naiveMedian)))

        let forecasts = try DemandForecast.forecastsFrame(results, cutoff: calendar.cutoff)
        try ForecastTable.validate(forecasts)
        notebook.attach(try forecasts.csvBytes(), as: "forecasts.csv")
        notebook.attach(try planner.accuracyFrame(results).csvBytes(), as: "forecast_accuracy.csv")
        try notebook.write(to: output)
        print("forecasting: wrote \(notebook.stem), forecasts.csv (\(forecasts.rowCount) rows) to \(options.outputDirectory.path)")
    }

    /// A few sentences read off the numbers.
    func interpretation(_ results: [SeriesForecast], calendar: PlanningCalendar, beating: Double,
                        chosen: (mean: Double, median: Double), naive: (mean: Double, median: Double)) -> String {
        let choice = (try? DemandForecast.modelChoice(results)) ?? DataFrame()
        let leader = (try? choice["model", String.self].first ?? nil) ?? nil
        let leaderShare = (try? choice.doubles("share").first) ?? nil
        func two(_ value: Double) -> String { String(format: "%.2f", value) }
        var text = ""
        if let leader, let leaderShare {
            text += "\(leader) wins most often (\(NumberFormat.percent.string(leaderShare)) of the series). "
        }
        if chosen.median.isFinite, naive.median.isFinite {
            let gain = 1 - chosen.median / naive.median
            text += gain > 0
                ? "On the typical series the chosen model cuts naive's backtest error by \(NumberFormat.percent.string(gain)) (median MASE \(two(chosen.median)) against \(two(naive.median)); means \(two(chosen.mean)) and \(two(naive.mean)))"
                : "On the typical series the chosen model does not beat naive (median MASE \(two(chosen.median)) against \(two(naive.median)))"
            text += beating.isNaN ? ". " : ", and it beats naive on \(NumberFormat.percent.string(beating)) of the series. "
        }
        let fallbacks = results.filter { !$0.isBacktested }
        if !fallbacks.isEmpty {
            let zeros = fallbacks.filter { $0.model == DemandForecast.zeroModel }.count
            text += "\(fallbacks.count) series use a fallback (\(zeros) without any demand forecast as zero, the others naive; the `note` column of forecast_accuracy.csv says why). "
        }
        let adjusted = results.filter { $0.chosen.contains("×") }.count
        if calendar.trainingWeeks < 104 {
            text += "With \(calendar.trainingWeeks) training weeks, less than two years, no series sees its own season twice; \(adjusted) of the \(results.count) series follow a yearly shape borrowed from an aggregate, so a yearly peak in the held-out weeks (Christmas, for a retailer) is in their forecasts as far as the aggregates saw it last year. "
        }
        text += "Where MASE stays near 1, week-to-week demand at this level is mostly noise: allocation should lean on the intervals (the `sd` column of forecasts.csv) more than on the point forecasts."
        return text
    }
}

Forecasting.main()
