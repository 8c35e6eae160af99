// Exploration: what was sold, where, when — the first look at a dataset before any modelling.
import Foundation
import Restock

struct Exploration: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cleans the transactions and explores store performance, regional demand, seasonality and SKU classes.")

    @OptionGroup var options: StageOptions

    func run() throws {
        let output = try options.openOutput()
        var notebook = Notebook(number: 1, name: "exploration", title: "Exploration", seed: options.seed)
        let dataset = try Dataset(contentsOf: options.manifestURL, transactionsPath: options.transactions)
        try notebook.recordInput(options.manifestURL)
        try notebook.recordInput(dataset.manifest.transactions.file)
        typealias Name = TransactionColumns.Canonical

        // MARK: - The data
        notebook.section("The data")
        let raw = dataset.transactions
        notebook.text("""
            **\(dataset.manifest.name)**: \(NumberFormat.plain(decimals: 0).string(Double(raw.rowCount))) transaction rows, \(dataset.manifest.locations.count) locations \
            in \(dataset.manifest.regions.count) regions.
            """)
        notebook.table(raw.head(8), caption: "The first transactions")

        // MARK: - Cleaning
        notebook.section("Cleaning")
        let cleaning = try notebook.cleanTransactions(of: dataset, options: options, summarize: false)
        let sales = cleaning.frame
        notebook.text("Rows are dropped rule by rule, in this order; each count is of the rows still there when the rule ran.")
        notebook.table(cleaning.report.frame(), caption: "Rows dropped per rule")
        notebook.table(try sales.selecting([Name.quantity, Name.unitPrice, Name.revenue]).describe(), caption: "describe() of the clean sales")

        // MARK: - Store performance
        notebook.section("Store performance")
        let byLocation = try SalesAnalysis.performance(of: sales, by: Name.location)
        notebook.text("Revenue, orders, units and average order value per location, largest first.")
        notebook.table(byLocation, caption: "Performance by location")
        var storeFigure = Figure(width: 1100, height: 650, title: "Revenue by location")
        storeFigure.panel.xAxis = Axis(label: "Revenue", format: .compact)
        try storeFigure.panel.barChart(categories: byLocation["location", String.self].map { $0 ?? "" },
                                       values: byLocation.doubles("revenue"), orientation: .horizontal)
        notebook.figure(try storeFigure.png(), name: "location_revenue", caption: "Revenue by location")

        let byRegion = try SalesAnalysis.performance(of: sales, by: Name.region)
        notebook.table(byRegion, caption: "Performance by region")

        // MARK: - Regional demand
        notebook.section("Regional demand by category")
        let regionRevenue = try SalesAnalysis.revenueMatrix(sales, rows: Name.region, columns: Name.category)
        let regionCategory = regionRevenue.largestRows(15).rowShares
        let shownRegions = regionCategory.rows.count < regionRevenue.rows.count
            ? " The \(regionCategory.rows.count) regions with the most revenue of \(regionRevenue.rows.count) are shown, largest first." : ""
        notebook.text("Each row is one region's revenue split across categories: where a region leans is where its stock should lean.\(shownRegions)")
        var heatmap = Figure(width: 1100, height: 600, title: "Share of each region's revenue by category")
        try heatmap.panel.heatmap(values: regionCategory.values, rows: regionCategory.rows,
                                  columns: regionCategory.columns, annotation: .percent)
        notebook.figure(try heatmap.png(), name: "region_category_heatmap", caption: "Revenue share by region and category")

        // MARK: - Seasonality
        notebook.section("Seasonal category distribution")
        let monthly = try SalesAnalysis.monthly(sales, by: Name.category)
        var seasonal = Figure(width: 1200, height: 650, title: "Monthly revenue by category")
        seasonal.panel.yAxis = Axis(label: "Revenue", format: .compact)
        try seasonal.panel.barChart(categories: monthly.rows.map { String($0.prefix(7)) },
                                    series: monthly.columns.map { Series($0, monthly.series($0), color: $0 == "Other" ? Color(hex: 0xBBBBBB) : nil) },
                                    arrangement: .stacked)
        notebook.figure(try seasonal.png(), name: "monthly_category", caption: "Monthly revenue by category (stacked)")

        // MARK: - Regional treemap
        notebook.section("Regional sales")
        var treemap = Figure(width: 1200, height: 700, title: "Revenue by location")
        let locationLabels = try zip(byLocation["location", String.self], byLocation["region", String.self])
            .map { "\($0 ?? "") (\($1 ?? ""))" }
        try treemap.panel.treemap(labels: locationLabels, values: byLocation.doubles("revenue"), format: .compact)
        notebook.figure(try treemap.png(), name: "location_treemap", caption: "Revenue by location, area proportional to revenue")

        // MARK: - Trends
        notebook.section("Trends")
        let weekly = try SalesAnalysis.weekly(sales, by: Name.region)
        var trend = Figure(width: 1200, height: 600, title: "Weekly revenue by region")
        trend.panel.yAxis = Axis(label: "Revenue", format: .compact)
        try trend.panel.lineChart(x: weekly.rowDates ?? [], series: weekly.columns.map { Series($0, weekly.series($0)) })
        notebook.figure(try trend.png(), name: "weekly_region", caption: "Weekly revenue by region")

        // MARK: - Top SKUs and ABC/XYZ
        notebook.section("Top SKUs and ABC/XYZ classes")
        notebook.table(try SalesAnalysis.topSKUs(sales), caption: "Best-selling SKUs by revenue")
        try StageError.require(weekly.rows.count, atLeast: 2, "complete weeks of sales", stage: "exploration", for: "the XYZ classification (weekly demand variation)")
        let classes = try SKUClasses.classify(sales)
        let classMatrix = try SKUClasses.matrix(classes)
        notebook.text("A: the SKUs making the first 80% of revenue; X: weekly demand with a coefficient of variation below 0.5. AX items deserve the tightest service levels; CZ items are candidates for central stocking.")
        notebook.table(try classMatrix.frame(label: "ABC \\ XYZ"), caption: "SKUs per ABC and XYZ class")
        notebook.attach(try classes.csvBytes(), as: "sku_classes.csv")

        try notebook.write(to: output)
        print("exploration: wrote \(notebook.stem) to \(options.outputDirectory.path)")
    }
}

Exploration.main()
