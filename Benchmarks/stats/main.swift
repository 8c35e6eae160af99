// The Restock side of `scripts/bench stats`: each case reads the inputs the Python harness prepared.
import BenchSupport
import Forecast
import Foundation
import Stats
import Tabular

let arguments = BenchArguments()

/// One row per series: the first column names it, the rest are the weekly values.
func readSeries(_ path: String) throws -> [[Double]] {
    let frame = try CSVReader().read(path: path)
    let weeks = try frame.columns.dropFirst().map { column -> [Double] in
        guard let values = column.doubles else { throw TabularError.typeMismatch(column: column.name, expected: "numbers", actual: column.type) }
        return values
    }
    return (0..<frame.rowCount).map { row in weeks.map { $0[row] } }
}

func readFeatures(_ path: String) throws -> Matrix {
    let frame = try CSVReader().read(path: path)
    let columns = try frame.columnNames.map { try frame.doubles($0) }
    return try Matrix(columns: columns)
}

do {
    switch arguments.caseName {
    case "arima":
        let series = try readSeries(arguments.string("series", default: "series.csv"))
        let model = ARIMA(order: (1, 1, 1), includeConstant: false)
        var fits: [FittedARIMA] = []
        try benchmark("arima", repeats: 3) {
            fits = try series.map { try model.fit($0) }
        }
        // One line per series: log-likelihood, AR and MA coefficients, σ².
        let text = fits.map { "\($0.logLikelihood) \($0.ar[0]) \($0.ma[0]) \($0.sigma2)" }.joined(separator: "\n") + "\n"
        try text.write(toFile: arguments.string("llf_out", default: "restock_llf.txt"), atomically: true, encoding: .utf8)
    case "auto-arima":
        let series = try readSeries(arguments.string("series", default: "series.csv"))
        let holdout = arguments.int("holdout", default: 8)
        var scores: [Double] = []
        try benchmark("auto-arima", repeats: 1) {
            scores = try series.map { values in
                let train = Array(values.dropLast(holdout)), test = Array(values.suffix(holdout))
                let forecast = try AutoARIMA().forecast(train, horizon: holdout, levels: [0.95])
                // A flat training series has no scale: left out, as the Python side's NaN is.
                guard Accuracy.naiveScale(train) > 0 else { return .nan }
                return try Accuracy.mase(actual: test, forecast: forecast.mean, training: train)
            }
        }
        let finite = scores.filter(\.isFinite)
        report("auto-arima", ["mean_mase": finite.reduce(0, +) / Double(max(1, finite.count))])
    case "kmeans":
        let features = try readFeatures(arguments.string("features", default: "features.csv"))
        var inertia = 0.0
        try benchmark("kmeans") { inertia = try KMeans(clusters: 5, starts: 10, seed: 0).fit(features).inertia }
        report("kmeans", ["inertia": inertia])
    case "silhouette":
        let features = try readFeatures(arguments.string("features", default: "features.csv"))
        let labelText = try String(contentsOfFile: arguments.string("labels", default: "labels.txt"), encoding: .utf8)
        let labels = labelText.split(separator: "\n").compactMap { Int($0) }
        var score = 0.0
        try benchmark("silhouette") { score = try Silhouette.score(features, labels: labels) }
        report("silhouette", ["silhouette": score])
    default:
        print("bench-stats: no case named '\(arguments.caseName)'; cases: arima, auto-arima, kmeans, silhouette")
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("bench-stats: \(error)\n".utf8))
    exit(1)
}
