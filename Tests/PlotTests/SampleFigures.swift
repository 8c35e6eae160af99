import Tabular
import Foundation
@testable import Plot

/// Deterministic figures of every chart kind, shared by the pixel tests. Setting the environment
/// variable `PLOT_SAMPLE_DIR` makes `SampleFigureTests` also write them there as PNG files for review.
enum SampleFigures {
    /// Day `n` after 2010-12-01 (the Online Retail data's first month).
    static func day(_ n: Int) -> Date {
        Date(timeIntervalSince1970: 1_291_161_600 + Double(n) * 86_400)
    }

    static func month(_ n: Int) -> Date {
        let date = CivilDate(monthIndex: CivilDate(year: 2010, month: 12, day: 1).monthIndex + n)
        return Date(timeIntervalSince1970: date.secondsSinceEpoch)
    }

    /// A reproducible pseudo-random sequence in [0, 1) (a 64-bit linear congruential generator).
    static func uniform(_ count: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    static func normal(_ count: Int, seed: UInt64) -> [Double] {
        let u = uniform(2 * count, seed: seed)
        return (0..<count).map { i in
            (-2 * log(max(1e-12, u[2 * i]))).squareRoot() * cos(2 * .pi * u[2 * i + 1])
        }
    }

    static let countries = ["United Kingdom", "Germany", "France", "EIRE", "Spain", "Netherlands", "Belgium",
                            "Switzerland", "Portugal", "Australia", "Norway", "Italy"]

    static func line() throws -> Figure {
        var figure = Figure(width: 1000, height: 600, title: "Monthly revenue")
        figure.panel.yAxis = Axis(label: "Revenue", format: .currency("£"))
        let months = (0..<13).map(month)
        let noise = uniform(39, seed: 7)
        func revenue(base: Double, trend: Double, spread: Double, offset: Int) -> [Double] {
            (0..<13).map { (i: Int) -> Double in base + trend * Double(i) + spread * noise[offset + i] }
        }
        try figure.panel.lineChart(x: months, series: [
            Series("United Kingdom", revenue(base: 600_000, trend: 30_000, spread: 80_000, offset: 0)),
            Series("Germany", revenue(base: 150_000, trend: 9_000, spread: 30_000, offset: 13)),
            Series("France", revenue(base: 120_000, trend: 7_000, spread: 30_000, offset: 26)),
        ], markers: true)
        return figure
    }

    static func area() throws -> Figure {
        var figure = Figure(width: 1000, height: 600, title: "Units by channel")
        figure.panel.yAxis = Axis(label: "Units", format: .compact)
        let days = (0..<120).map(day)
        let a = (0..<120).map { 2000 + 800 * sin(Double($0) / 9) }
        let b = (0..<120).map { 1200 + 500 * cos(Double($0) / 13) }
        let c = (0..<120).map { 600 + 6 * Double($0) }
        try figure.panel.areaChart(x: days, series: [Series("Wholesale", a), Series("Retail", b), Series("Online", c)])
        return figure
    }

    static func fan() throws -> Figure {
        var figure = Figure(width: 1000, height: 600, title: "Weekly demand forecast")
        figure.panel.yAxis = Axis(label: "Units")
        let history = (0..<52).map { 1000 + 300 * sin(Double($0) / 8) + 60 * normal(52, seed: 3)[$0] }
        let weeks = (0..<52).map { day(7 * $0) }
        let future = (52..<70).map { day(7 * $0) }
        let mean = (52..<70).map { 1000 + 300 * sin(Double($0) / 8) }
        let spread = (0..<18).map { 80 * (1 + Double($0)).squareRoot() }
        try figure.panel.fanChart(history: history, at: weeks, forecast: mean, at: future, intervals: [
            ForecastInterval(level: 0.8, lower: zip(mean, spread).map { $0 - 1.28 * $1 }, upper: zip(mean, spread).map { $0 + 1.28 * $1 }),
            ForecastInterval(level: 0.95, lower: zip(mean, spread).map { $0 - 1.96 * $1 }, upper: zip(mean, spread).map { $0 + 1.96 * $1 }),
        ])
        return figure
    }

    static func bars() throws -> Figure {
        var figure = Figure(width: 1400, height: 900, title: "Revenue by country", rows: 2, columns: 2)
        let names = Array(countries.prefix(8))
        let values = (0..<8).map { 900_000 / pow(1.9, Double($0)) }
        try figure[0, 0].barChart(categories: names, values: values)
        figure[0, 0].title = "Vertical"
        figure[0, 0].yAxis.format = .currency("£")
        try figure[0, 1].barChart(categories: names, values: values, orientation: .horizontal)
        figure[0, 1].title = "Horizontal"
        figure[0, 1].xAxis.format = .currency("£")
        let quarters = ["Q1", "Q2", "Q3", "Q4"]
        let series = [Series("2010", [120, 150, 170, 260]), Series("2011", [140, 160, 210, 300]), Series("2012", [150, 190, 220, 330])]
        try figure[1, 0].barChart(categories: quarters, series: series)
        figure[1, 0].title = "Grouped"
        try figure[1, 1].barChart(categories: quarters, series: series, arrangement: .stacked)
        figure[1, 1].title = "Stacked"
        return figure
    }

    static func scatter() throws -> Figure {
        var figure = Figure(width: 1000, height: 650, title: "Customers")
        let n = 300
        let u = uniform(3 * n, seed: 11), z = normal(n, seed: 12)
        let segments = ["Loyal", "New", "At risk"]
        let groups = (0..<n).map { segments[Int(u[$0] * 3)] }
        let x = (0..<n).map { 5 + 40 * u[n + $0] }
        let y = (0..<n).map { i -> Double in
            let bonus: Double = groups[i] == "Loyal" ? 400 : 0
            let trend: Double = 30 * x[i]
            return 200 + trend + 150 * z[i] + bonus
        }
        let sizes = (0..<n).map { u[2 * n + $0] * 100 }
        figure.panel.xAxis.label = "Orders per year"
        figure.panel.yAxis = Axis(label: "Spend", format: .currency("£"))
        try figure.panel.scatterChart(x: x, y: y, groups: groups, sizes: sizes)
        return figure
    }

    static func histogram() throws -> Figure {
        var figure = Figure(width: 1000, height: 600, title: "Units per order line")
        figure.panel.xAxis.label = "Units (log)"
        figure.panel.yAxis.label = "Order lines"
        let values = normal(5000, seed: 5).map { 2.2 + 0.9 * $0 }
        try figure.panel.histogram(values)
        return figure
    }

    static func box() throws -> Figure {
        var figure = Figure(width: 1000, height: 600, title: "Order value by country")
        let names = Array(countries.prefix(6))
        let samples = names.indices.map { g in normal(200, seed: UInt64(20 + g)).map { exp(3 + 0.2 * Double(g) + 0.6 * $0) } }
        figure.panel.yAxis = Axis(label: "Order value", scale: .log, format: .currency("£"))
        try figure.panel.boxPlot(groups: names, values: samples)
        return figure
    }

    static func heatmap() throws -> Figure {
        var figure = Figure(width: 1200, height: 650, title: "Revenue by country and month")
        let rows = Array(countries.prefix(8))
        let columns = (0..<12).map { CivilDate.monthNames[$0] }
        let u = uniform(96, seed: 9)
        let values = rows.indices.map { r in columns.indices.map { c in 1e5 / Double(r + 1) * (1 + 0.5 * sin(Double(c) / 2)) * (0.8 + 0.4 * u[r * 12 + c]) } }
        try figure.panel.heatmap(values: values, rows: rows, columns: columns, annotation: .compact)
        return figure
    }

    static func treemap() throws -> Figure {
        var figure = Figure(width: 1000, height: 650, title: "Revenue by country")
        let values = countries.indices.map { 8e6 / pow(1.8, Double($0)) }
        try figure.panel.treemap(labels: countries, values: values, format: .currency("£"))
        return figure
    }

    static let all: [(String, @Sendable () throws -> Figure)] = [
        ("line", line), ("area", area), ("fan", fan), ("bars", bars), ("scatter", scatter), ("histogram", histogram),
        ("box", box), ("heatmap", heatmap), ("treemap", treemap),
    ]
}
