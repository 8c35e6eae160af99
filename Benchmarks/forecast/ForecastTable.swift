import Forecast
import Foundation

/// The forecasts file the harness scores: `series,model,step,mean,lo80,hi80,lo95,hi95`, the model
/// name quoted (ARIMA orders hold commas), values
/// written in the shortest form that reads back as the same double.
enum ForecastTable {
    static func write(series: [BenchSeries], forecasts: [ForecastResult], to path: String) throws {
        var text = "series,model,step,mean,lo80,hi80,lo95,hi95\n"
        for (s, forecast) in zip(series, forecasts) {
            let low80 = forecast.interval(level: 0.8), low95 = forecast.interval(level: 0.95)
            for step in forecast.mean.indices {
                let fields = [forecast.mean[step], low80?.lower[step] ?? .nan, low80?.upper[step] ?? .nan,
                              low95?.lower[step] ?? .nan, low95?.upper[step] ?? .nan]
                text += "\(s.id),\"\(forecast.model.replacingOccurrences(of: "\"", with: "\"\""))\",\(step + 1)," + fields.map { "\($0)" }.joined(separator: ",") + "\n"
            }
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}

/// Accuracy over the held-out weeks, averaged over series: MASE scaled by the in-sample MAE of the
/// seasonal naive method (period 52) on each series' history, and the share of held-out weeks
/// inside the 80% and 95% intervals.
struct HoldoutScore {
    let mase: Double
    let coverage80: Double
    let coverage95: Double

    init(series: [[Double]], forecasts: [ForecastResult], horizon: Int) throws {
        var mases: [Double] = [], hits80: [Double] = [], hits95: [Double] = []
        for (values, forecast) in zip(series, forecasts) {
            let history = Array(values.dropLast(horizon)), actual = Array(values.suffix(horizon))
            mases.append(try Accuracy.mase(actual: actual, forecast: forecast.mean, training: history, period: Candidates.period))
            if let band = forecast.interval(level: 0.8) { hits80.append(try Accuracy.coverage(actual: actual, lower: band.lower, upper: band.upper)) }
            if let band = forecast.interval(level: 0.95) { hits95.append(try Accuracy.coverage(actual: actual, lower: band.lower, upper: band.upper)) }
        }
        func mean(_ x: [Double]) -> Double { x.isEmpty ? .nan : x.reduce(0, +) / Double(x.count) }
        mase = mean(mases)
        coverage80 = mean(hits80)
        coverage95 = mean(hits95)
    }
}
