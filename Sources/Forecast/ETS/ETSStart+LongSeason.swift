import Foundation

extension ETSStart {
    /// Starting states for a long season whose initial seasonal states stay fixed: a least-squares
    /// fit of a line plus one index per season position to the whole series, by backfitting (the
    /// line on the seasonally adjusted data, the indices as the mean detrended value of each
    /// position, three rounds). Multiplicative seasons fit ratios to the line.
    ///
    /// Unlike the classical decomposition (Hyndman et al. 2008, §2.6.1), which loses half a season at
    /// each end to the centred moving average and so averages only two values per week of a
    /// three-year weekly series, every observation contributes; with small smoothing parameters
    /// these indices are close to the maximum-likelihood initial states.
    mutating func useRegressionSeason(_ y: [Double]) {
        let s = specification
        let n = y.count, m = s.period
        guard s.hasSeason, m >= 2, n >= 2 * m else { return }
        let multiplicative = s.season == .multiplicative
        var indices = [Double](repeating: multiplicative ? 1 : 0, count: m)
        var intercept = 0.0, slope = 0.0
        let tMean = Double(n - 1) / 2
        var sxx = 0.0
        for t in 0..<n { sxx += (Double(t) - tMean) * (Double(t) - tMean) }
        for _ in 0..<3 {
            // The line through the seasonally adjusted series.
            var mean = 0.0, sxy = 0.0
            for t in 0..<n {
                let adjusted = multiplicative ? y[t] / indices[t % m] : y[t] - indices[t % m]
                mean += adjusted
                sxy += (Double(t) - tMean) * adjusted
            }
            mean /= Double(n)
            slope = sxy / sxx
            intercept = mean - slope * tMean
            // Each position's mean departure from the line, centred.
            var sums = [Double](repeating: 0, count: m), counts = [Double](repeating: 0, count: m)
            for t in 0..<n {
                let line = intercept + slope * Double(t)
                sums[t % m] += multiplicative ? y[t] / line : y[t] - line
                counts[t % m] += 1
            }
            for j in 0..<m { indices[j] = sums[j] / counts[j] }
            let centre = indices.reduce(0, +) / Double(m)
            for j in 0..<m { indices[j] = multiplicative ? indices[j] / centre : indices[j] - centre }
        }
        guard indices.allSatisfy({ $0.isFinite }), !multiplicative || indices.allSatisfy({ $0 > 0 }),
              intercept.isFinite, slope.isFinite else { return }
        seasonal = indices
        // The level before the first observation: the line one step back.
        level = intercept - (s.hasTrend ? slope : 0)
        trend = s.hasTrend ? slope : 0
        if !s.hasTrend { level = intercept + slope * tMean }
    }
}
