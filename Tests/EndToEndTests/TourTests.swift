import Foundation
import Restock
import Testing

/// The README's tour, verbatim but for the file paths: if it stops compiling or running, this fails.
@Test func readmeTour() throws {
    let folder = try StageRunner.temporaryFolder("tour")
    let transactionsPath = StageRunner.packageRoot.appendingPathComponent("data/sample/transactions.csv").path
    let figurePath = folder.appendingPathComponent("revenue.png").path

    // Data frames: CSV in, typed columns, group-by, pivot.
    let sales = try DataFrame(contentsOfCSVFile: transactionsPath)
    let withRevenue = try sales.withColumn("revenue", sales.column("quantity") * sales.column("unit_price"))
    let byRegion = try withRevenue.grouped(by: "region")
        .aggregate(.sum("revenue"), .distinctCount("invoice"), .mean("quantity"))
        .sorted(by: "revenue_sum", descending: true)
    print(byRegion)
    let monthly = try withRevenue
        .withColumn("month", withRevenue.column("date").floored(to: .month))
        .pivot(index: "month", columns: "region", values: "revenue", aggregate: .sum)

    // Statistics: k-means++ with ten starts on standardized features, and its silhouette.
    let features = try Matrix(columns: [withRevenue.doubles("quantity"), withRevenue.doubles("unit_price")].map { Array($0.prefix(5_000)) })
    let scaled = try StandardScaler(fitting: features).transform(features)
    let clusters = try KMeans(clusters: 3, starts: 10, seed: 42).fit(scaled)
    let silhouette = try Silhouette.score(scaled, labels: clusters.labels)

    // Forecasting: AutoETS and auto-ARIMA on the weekly units of the West region, 8 weeks ahead.
    let west = try withRevenue.filter(withRevenue.column("region") == "West")
    let weekly = try west.withColumn("week", west.column("date").floored(to: .week))
        .grouped(by: "week").aggregate(.sum("quantity"))
    let history = try weekly.doubles("quantity_sum")
    let ets = try AutoETS().forecast(history, horizon: 8, levels: [0.8, 0.95])
    let arima = try AutoARIMA().forecast(history, horizon: 8, levels: [0.95])
    print(ets.model, ets.mean, ets.intervals[1].upper, arima.model)

    // Optimization: a linear program solved by COIN-OR CLP.
    var program = LinearProgram(.minimize)
    let fromEast = program.addVariable(cost: 2.0), fromWest = program.addVariable(cost: 3.5)
    program.addSumConstraint([fromEast, fromWest], .equal(120))
    program.addSumConstraint([fromEast], .lessOrEqual(80))
    let solution = try program.solve()

    // Plotting: PNG figures on libgd.
    var figure = Figure(width: 1000, height: 500, title: "Monthly revenue by region")
    figure.panel.yAxis = Axis(label: "Revenue ($)", format: .compact)
    let months = try monthly["month", Date.self].compactMap { $0 }
    try figure.panel.lineChart(x: months, series: monthly.columnNames.dropFirst().map { try Series($0, monthly.doubles($0)) })
    try figure.save(to: URL(fileURLWithPath: figurePath))

    #expect(byRegion.rowCount == 4)
    #expect(monthly.rowCount == 24)
    #expect(silhouette > 0 && silhouette <= 1)
    #expect(ets.mean.count == 8 && arima.mean.count == 8)
    #expect(solution[fromEast] == 80 && solution[fromWest] == 40 && solution.objectiveValue == 300)
    #expect(FileManager.default.fileExists(atPath: figurePath))
}
