import Foundation

/// Forecasts many series with one method on several threads.
public enum ForecastBatch {
    /// Fits `method` to each series and forecasts, in parallel, results in input order.
    ///
    /// - Parameters:
    ///   - maxConcurrency: the number of worker threads (default: the active processor count).
    ///   - progress: called after each series with (done, total), one call at a time.
    /// - Returns: each series' forecast or the `ForecastError` it raised; deterministic for
    ///   deterministic methods (the simulated intervals are seeded).
    public static func forecast(_ series: [[Double]], with method: any Forecaster, horizon: Int, levels: [Double] = [0.8, 0.95],
                                maxConcurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
                                progress: (@Sendable (Int, Int) -> Void)? = nil) -> [Result<ForecastResult, ForecastError>] {
        ParallelMap.map(count: series.count, width: maxConcurrency, progress: progress) { i in
            do {
                return .success(try method.forecast(series[i], horizon: horizon, levels: levels))
            } catch let error as ForecastError {
                return .failure(error)
            } catch {
                return .failure(.fitFailed(method: method.name, reason: "\(error)"))
            }
        }
    }
}
