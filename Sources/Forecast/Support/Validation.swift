import Stats

/// Argument checks shared by the forecasting methods, so that each throws the same `ForecastError`.
enum Validation {
    /// Throws unless every value is finite and there are at least `minimum` of them.
    static func history(_ values: [Double], minimum: Int, method: String) throws {
        var bad: [Int] = []
        for (i, v) in values.enumerated() where !v.isFinite { bad.append(i) }
        if !bad.isEmpty { throw ForecastError.nonFinite(positions: bad) }
        if values.count < minimum {
            throw ForecastError.tooShort(count: values.count, needed: minimum, method: method)
        }
    }

    static func horizon(_ horizon: Int) throws {
        guard horizon > 0 else {
            throw ForecastError.invalidArgument("the horizon must be positive, got \(horizon)")
        }
    }

    static func levels(_ levels: [Double]) throws {
        for level in levels where !(level > 0 && level < 1) {
            throw ForecastError.invalidArgument("interval levels must lie in (0, 1), got \(level)")
        }
    }

    /// Checks horizon, levels and history together, the usual prologue of `forecast`.
    static func forecastArguments(_ history: [Double], horizon: Int, levels: [Double], minimum: Int, method: String) throws {
        try Validation.horizon(horizon)
        try Validation.levels(levels)
        try Validation.history(history, minimum: minimum, method: method)
    }

    /// The two-sided standard normal quantile for a central coverage `level`.
    static func normalQuantile(level: Double) -> Double {
        Normal.standard.quantile(0.5 + level / 2)
    }

    /// Normal intervals `mean ± z·sigma[h]` for each level.
    static func normalIntervals(mean: [Double], sigma: [Double], levels: [Double]) -> [PredictionInterval] {
        levels.map { level in
            let z = normalQuantile(level: level)
            var lower = [Double](repeating: 0, count: mean.count)
            var upper = lower
            for h in mean.indices {
                lower[h] = mean[h] - z * sigma[h]
                upper[h] = mean[h] + z * sigma[h]
            }
            return PredictionInterval(level: level, lower: lower, upper: upper)
        }
    }

    /// The `p`-quantile of sorted values with numpy's default linear interpolation.
    static func quantile(sorted values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let position = p * Double(values.count - 1)
        let lowerIndex = Int(position.rounded(.down))
        let upperIndex = min(lowerIndex + 1, values.count - 1)
        let fraction = position - Double(lowerIndex)
        return values[lowerIndex] + (values[upperIndex] - values[lowerIndex]) * fraction
    }
}
