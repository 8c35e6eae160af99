// Renders six charts at 1200x800 to PNG bytes in memory, one case per process, for scripts/bench plot.
// The inputs come from formulas that Benchmarks/peers/plot.py reproduces exactly (sines and a 64-bit
// linear congruential generator), so that matplotlib draws the same data.
import BenchSupport
import Foundation
import Plot

/// A 64-bit LCG (Knuth's MMIX constants); uniform draws in [0, 1) from the top 53 bits.
struct Generator {
    var state: UInt64

    mutating func uniform() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / 9_007_199_254_740_992
    }
}

let width = 1200, height = 800

/// Each case makes its data once, then returns the work that is timed: building the figure and
/// rendering it to PNG bytes.
func lineCase() -> () throws -> Figure {
    let points = 2000
    let x = (0..<points).map(Double.init)
    func value(_ s: Double, _ i: Double) -> Double {
        100 + 10 * s + 20 * sin(i / 50 + s) + 5 * cos(i / 7 * (s + 1))
    }
    let series = (0..<5).map { (s: Int) -> Series in
        Series("Series \(s)", x.map { value(Double(s), $0) })
    }
    return {
        var figure = Figure(width: width, height: height, title: "Line")
        figure.panel.xAxis.label = "Day"
        figure.panel.yAxis.label = "Units"
        try figure.panel.lineChart(x: x, series: series)
        return figure
    }
}

func barCase() -> () throws -> Figure {
    let categories = (0..<30).map { "C\($0 < 10 ? "0" : "")\($0)" }
    func value(_ s: Double, _ i: Double) -> Double { 50 + 40 * sin(i * 0.7 + s) + 10 * s }
    let series = (0..<3).map { (s: Int) -> Series in
        Series("Series \(s)", (0..<30).map { value(Double(s), Double($0)) })
    }
    return {
        var figure = Figure(width: width, height: height, title: "Bar")
        figure.panel.yAxis.label = "Units"
        try figure.panel.barChart(categories: categories, series: series)
        return figure
    }
}

func scatterCase() -> () throws -> Figure {
    var generator = Generator(state: 42)
    let count = 5000
    var x: [Double] = [], y: [Double] = [], groups: [String] = []
    for i in 0..<count {
        let a = generator.uniform(), b = generator.uniform()
        x.append(100 * a)
        y.append(0.5 * 100 * a + 20 * b)
        groups.append("G\(i % 4)")
    }
    return {
        var figure = Figure(width: width, height: height, title: "Scatter")
        figure.panel.xAxis.label = "x"
        figure.panel.yAxis.label = "y"
        try figure.panel.scatterChart(x: x, y: y, groups: groups)
        return figure
    }
}

func histogramCase() -> () throws -> Figure {
    var generator = Generator(state: 7)
    let values = (0..<100_000).map { _ in
        generator.uniform() + generator.uniform() + generator.uniform() + generator.uniform()
    }
    return {
        var figure = Figure(width: width, height: height, title: "Histogram")
        figure.panel.xAxis.label = "Value"
        figure.panel.yAxis.label = "Count"
        try figure.panel.histogram(values, bins: 50)
        return figure
    }
}

func heatmapCase() -> () throws -> Figure {
    let rows = (0..<20).map { "Row \($0)" }, columns = (0..<30).map { "C\($0)" }
    func value(_ r: Double, _ c: Double) -> Double { 100 + 50 * sin(r * 0.3) * cos(c * 0.2) + r + c }
    let values = (0..<20).map { (r: Int) -> [Double] in (0..<30).map { value(Double(r), Double($0)) } }
    return {
        var figure = Figure(width: width, height: height, title: "Heatmap")
        try figure.panel.heatmap(values: values, rows: rows, columns: columns, annotation: .plain(decimals: 0))
        return figure
    }
}

func treemapCase() -> () throws -> Figure {
    let labels = (0..<40).map { "Item \($0)" }
    let values = (0..<40).map { 1000 / pow(Double($0 + 1), 0.9) }
    return {
        var figure = Figure(width: width, height: height, title: "Treemap")
        try figure.panel.treemap(labels: labels, values: values, format: .plain(decimals: 0))
        return figure
    }
}

func boxCase() -> () throws -> Figure {
    var generator = Generator(state: 99)
    let groups = (0..<10).map { "Group \($0)" }
    var values: [[Double]] = []
    for g in 0..<10 {
        var sample: [Double] = []
        for _ in 0..<1000 {
            let sum = generator.uniform() + generator.uniform() + generator.uniform()
            sample.append(Double(g) + 4 * (sum - 1.5))
        }
        values.append(sample)
    }
    return {
        var figure = Figure(width: width, height: height, title: "Box")
        try figure.panel.boxPlot(groups: groups, values: values)
        return figure
    }
}

let cases: [String: () -> () throws -> Figure] = [
    "line": lineCase, "bar": barCase, "scatter": scatterCase, "histogram": histogramCase,
    "heatmap": heatmapCase, "treemap": treemapCase, "box": boxCase,
]

let arguments = BenchArguments()
guard let makeCase = cases[arguments.caseName] else {
    print("bench-plot: no case named '\(arguments.caseName)'; cases: \(cases.keys.sorted().joined(separator: ", "))")
    exit(2)
}
do {
    let make = makeCase()
    // The first rendering loads the fonts; the timed runs measure steady-state drawing.
    let bytes = try make().png()
    if let path = arguments.options["out"] {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
    try benchmark("plot-\(arguments.caseName)", repeats: arguments.int("repeats", default: 10)) {
        _ = try make().png()
    }
} catch {
    print("bench-plot: \(error)")
    exit(1)
}
