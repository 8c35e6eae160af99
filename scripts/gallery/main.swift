// Draws every chart kind of the Plot module on the real Online Retail data, one PNG each:
//   swift run -c release gallery --out DIR [--data ../shared/data/online-retail.csv.gz]
import ArgumentParser
import Forecast
import Inventory
import Foundation
import Plot
import Tabular

struct Gallery: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Draws every chart kind on the Online Retail data.")

    @Option(help: "The Online Retail CSV (plain or .gz).")
    var data = "../shared/data/online-retail.csv.gz"

    @Option(help: "The folder the PNGs go to.")
    var out: String

    func run() throws {
        let sales = try loadSales()
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written: [String] = []
        func save(_ figure: Figure, _ name: String) throws {
            try figure.save(to: folder.appendingPathComponent("\(name).png"))
            written.append(name)
        }

        let byCountry = try sales.grouped(by: "Country").aggregate(.sum("Revenue", as: "revenue"), .sum("Quantity", as: "units"))
            .sorted(by: .descending("revenue"))
        let countries = try byCountry["Country", String.self].map { $0 ?? "" }
        let countryRevenue = try byCountry.doubles("revenue")
        let topAbroad = Array(countries.dropFirst().prefix(5))

        // Monthly revenue of the largest markets abroad: lines, with and without markers, and stacked areas.
        let monthly = try LabeledMatrix(pivoting: sales.withColumn("Month", sales["InvoiceDate"].floored(to: .month)),
                                        index: "Month", columns: "Country", values: "Revenue")
        let months = monthly.rowDates ?? []
        let monthSeries = topAbroad.map { Series($0, monthly.series($0)) }
        var line = Figure(width: 1200, height: 650, title: "Monthly revenue, largest markets outside the UK")
        line.panel.yAxis = Axis(label: "Revenue", format: .currency("£"))
        try line.panel.lineChart(x: months, series: monthSeries, markers: true)
        try save(line, "01_line_monthly_revenue")

        var area = Figure(width: 1200, height: 650, title: "Monthly revenue, stacked by market")
        area.panel.yAxis = Axis(label: "Revenue", format: .currency("£"))
        try area.panel.areaChart(x: months, series: monthSeries, stacked: true)
        try save(area, "02_area_monthly_revenue")

        var logLine = Figure(width: 1200, height: 650, title: "Monthly revenue on a log scale, UK included")
        logLine.panel.yAxis = Axis(label: "Revenue (log scale)", scale: .log, format: .currency("£"))
        try logLine.panel.lineChart(x: months, series: countries.prefix(6).map { Series($0, monthly.series($0)) })
        try save(logLine, "03_line_log_scale")

        // A forecast of weekly UK revenue with 80% and 95% intervals.
        let weekly = try LabeledMatrix(pivoting: sales.withColumn("Week", sales["InvoiceDate"].floored(to: .week)),
                                       index: "Week", columns: "Country", values: "Revenue")
        let weeks = weekly.rowDates ?? []
        let ukWeekly = Array(weekly.series("United Kingdom").dropLast())  // the last week is partial
        let history = Array(ukWeekly.prefix(ukWeekly.count - 8))
        let forecast = try AutoETS(period: 1).forecast(history, horizon: 16, levels: [0.8, 0.95])
        let historyDates = Array(weeks.prefix(history.count))
        let forecastDates = (1...16).map { historyDates[historyDates.count - 1].addingTimeInterval(Double($0) * 7 * 86_400) }
        var fan = Figure(width: 1200, height: 650, title: "Weekly UK revenue: \(forecast.model) forecast")
        fan.panel.yAxis = Axis(label: "Revenue", format: .currency("£"))
        try fan.panel.fanChart(history: history, at: historyDates, forecast: forecast.mean, at: forecastDates,
                               intervals: forecast.intervals.map { ForecastInterval(level: $0.level, lower: $0.lower, upper: $0.upper) })
        try save(fan, "04_fan_weekly_forecast")

        // Bars: markets abroad, top products, grouped quarters, stacked months.
        var bars = Figure(width: 1200, height: 650, title: "Revenue by market outside the UK")
        bars.panel.yAxis = Axis(label: "Revenue", format: .currency("£"))
        try bars.panel.barChart(categories: Array(countries.dropFirst().prefix(12)), values: Array(countryRevenue.dropFirst().prefix(12)))
        try save(bars, "05_bar_vertical_markets")

        let products = try sales.grouped(by: "Description").aggregate(.sum("Revenue", as: "revenue"))
            .sorted(by: .descending("revenue")).head(15)
        var horizontal = Figure(width: 1200, height: 700, title: "Top 15 products by revenue")
        horizontal.panel.xAxis = Axis(label: "Revenue", format: .currency("£"))
        try horizontal.panel.barChart(categories: products["Description", String.self].map { $0 ?? "" },
                                      values: products.doubles("revenue"), orientation: .horizontal)
        try save(horizontal, "06_bar_horizontal_products")

        let quarterly = try LabeledMatrix(pivoting: sales.withColumn("Quarter", sales["InvoiceDate"].floored(to: .quarter)),
                                          index: "Quarter", columns: "Country", values: "Revenue")
        let quarterNames = quarterly.rows.map(quarterName)
        var grouped = Figure(width: 1200, height: 650, title: "Quarterly revenue by market")
        grouped.panel.yAxis = Axis(label: "Revenue", format: .currency("£"))
        try grouped.panel.barChart(categories: quarterNames,
                                   series: topAbroad.prefix(4).map { Series($0, quarterly.series($0)) })
        try save(grouped, "07_bar_grouped_quarters")

        var stacked = Figure(width: 1200, height: 650, title: "Monthly revenue by market, stacked")
        stacked.panel.yAxis = Axis(label: "Revenue", format: .currency("£"))
        try stacked.panel.barChart(categories: monthly.rows.map { String($0.prefix(7)) }, series: monthSeries, arrangement: .stacked)
        try save(stacked, "08_bar_stacked_months")

        // Customers: frequency against spend, coloured by home market, sized by units.
        let customers = try sales.filter(sales["CustomerID"].isPresent())
            .grouped(by: "CustomerID")
            .aggregate(.first("Country", as: "country"), .distinctCount("InvoiceNo", as: "orders"),
                       .sum("Revenue", as: "revenue"), .sum("Quantity", as: "units"))
        let market = try customers["country", String.self].map { name -> String in
            guard let name else { return "Other" }
            return name == "United Kingdom" || topAbroad.prefix(3).contains(name) ? name : "Other"
        }
        var scatter = Figure(width: 1100, height: 750, title: "Customers: orders against revenue")
        scatter.panel.xAxis = Axis(label: "Orders", scale: .log)
        scatter.panel.yAxis = Axis(label: "Revenue", scale: .log, format: .currency("£"))
        try scatter.panel.scatterChart(x: customers.doubles("orders"), y: customers.doubles("revenue"),
                                       groups: market, sizes: customers.doubles("units"))
        try save(scatter, "09_scatter_customers")

        // Distributions: units per order line, unit prices by market.
        let quantities = try sales.doubles("Quantity").filter { $0 <= 100 }
        var histogram = Figure(width: 1100, height: 650, title: "Units per order line (lines of up to 100 units)")
        histogram.panel.xAxis = Axis(label: "Units")
        histogram.panel.yAxis = Axis(label: "Order lines")
        try histogram.panel.histogram(quantities, bins: 50)
        try save(histogram, "10_histogram_units")

        let boxMarkets = Array(countries.prefix(6))
        let prices = try sales["UnitPrice", Double.self], rowCountries = try sales["Country", String.self]
        var pricesByMarket = Dictionary(uniqueKeysWithValues: boxMarkets.map { ($0, [Double]()) })
        for (price, country) in zip(prices, rowCountries) {
            if let price, let country, price <= 20, pricesByMarket[country] != nil { pricesByMarket[country]?.append(price) }
        }
        var box = Figure(width: 1100, height: 650, title: "Unit prices by market (up to £20)")
        box.panel.yAxis = Axis(label: "Unit price", format: .currency("£"))
        try box.panel.boxPlot(groups: boxMarkets, values: boxMarkets.map { pricesByMarket[$0] ?? [] })
        try save(box, "11_box_prices")

        // Country x month revenue shares, and the treemap of revenue by country.
        let heatCountries = Array(countries.prefix(10))
        let shares = heatCountries.map { country -> [Double] in
            let values = monthly.series(country)
            let total = values.reduce(0, +)
            return values.map { total > 0 ? $0 / total : 0 }
        }
        var heatmap = Figure(width: 1300, height: 700, title: "Share of each market's revenue by month")
        try heatmap.panel.heatmap(values: shares, rows: heatCountries, columns: monthly.rows.map(monthName), annotation: .percent)
        try save(heatmap, "12_heatmap_country_month")

        var treemap = Figure(width: 1200, height: 750, title: "Revenue by country")
        try treemap.panel.treemap(labels: countries, values: countryRevenue, format: .currency("£"))
        try save(treemap, "13_treemap_countries")

        var panels = Figure(width: 1400, height: 700, title: "Two panels sharing the vertical axis", columns: 2, sharesY: true)
        try panels[0, 0].lineChart(x: months, series: [Series("Germany", monthly.series("Germany"))])
        try panels[0, 1].lineChart(x: months, series: [Series("France", monthly.series("France"))])
        panels[0, 0].title = "Germany"
        panels[0, 1].title = "France"
        try save(panels, "14_panels_shared_axis")

        print("gallery: wrote \(written.count) figures to \(folder.path)")
    }

    /// The product sales lines of the file's whole months, with revenue.
    func loadSales() throws -> DataFrame {
        var options = CSVReadingOptions()
        options.types["InvoiceNo"] = .string
        options.types["StockCode"] = .string
        options.types["CustomerID"] = .string
        let raw = try CSVReader(options: options).read(path: data)
        // Cancellations, postage, fees and manual adjustments are not sales of products; a month the
        // file covers only in part (December 2011 stops on the 9th) would read as a slump.
        var cleaning = Cleaning()
        cleaning.rules = [.cancellations, .nonProductCodes, .nonPositivePrices]
        cleaning.columns.invoice = "InvoiceNo"
        cleaning.columns.customer = "CustomerID"
        cleaning.columns.sku = "StockCode"
        cleaning.columns.quantity = "Quantity"
        cleaning.columns.unitPrice = "UnitPrice"
        guard let months = try SalesAnalysis.completePeriodDays(of: raw["InvoiceDate"], unit: .month) else {
            throw ValidationError("\(data): no dated sales lines")
        }
        let sales = try cleaning.clean(raw.filter(SalesAnalysis.completePeriodRows(of: raw["InvoiceDate"], within: months))).frame
        return try sales.withColumn("Revenue", sales["Quantity"] * sales["UnitPrice"])
    }
}

func monthName(_ iso: String) -> String {
    guard let date = CivilDate(iso: iso) else { return iso }
    let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return "\(names[date.month - 1]) \(date.year % 100 < 10 ? "0" : "")\(date.year % 100)"
}

func quarterName(_ iso: String) -> String {
    guard let date = CivilDate(iso: iso) else { return iso }
    return "Q\((date.month - 1) / 3 + 1) \(date.year)"
}

Gallery.main()
