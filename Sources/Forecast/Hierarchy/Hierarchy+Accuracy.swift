import Foundation

/// The mean MASE of one level of a hierarchy.
public struct LevelAccuracy: Sendable, Hashable {
    /// The level's label: its attributes joined by `×`, `total`, or `bottom`.
    public let level: String
    /// The mean MASE over the level's series with a finite score.
    public let meanMASE: Double
    /// How many series had a finite MASE (a constant history gives +∞ and is left out).
    public let series: Int
}

extension Hierarchy {
    /// Mean MASE per level (aggregates in level order, then the bottom), with actuals and training
    /// histories given at the bottom and aggregated through S.
    ///
    /// - Parameters:
    ///   - forecasts: `[series][step]` forecasts for every series (base or reconciled).
    ///   - actualBottom: `[bottom][step]` actuals over the horizon.
    ///   - trainingBottom: `[bottom][t]` histories that scale the errors (Hyndman & Koehler 2006).
    ///   - period: the seasonal period of the naive scale; 1 for the naive method.
    /// - Throws: ``HierarchyError/shape(_:)`` for mismatched shapes.
    public func levelAccuracy(_ forecasts: [[Double]], actualBottom: [[Double]], trainingBottom: [[Double]],
                              period: Int = 1) throws -> [LevelAccuracy] {
        guard forecasts.count == count else { throw HierarchyError.shape("expected forecasts for \(count) series, got \(forecasts.count)") }
        let actual = try aggregate(actualBottom)
        let training = try aggregate(trainingBottom)
        var scores = [[Double]](repeating: [], count: levels.count + 1)
        for i in 0..<count {
            let mase = try Accuracy.mase(actual: actual[i], forecast: forecasts[i], training: training[i], period: period)
            if mase.isFinite { scores[series[i].level ?? levels.count].append(mase) }
        }
        return scores.enumerated().map { l, values in
            let name = l == levels.count ? "bottom" : (levels[l].isEmpty ? "total" : levels[l].joined(separator: "×"))
            return LevelAccuracy(level: name, meanMASE: values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count),
                                 series: values.count)
        }
    }
}
