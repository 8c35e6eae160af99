/// Classical decomposition by a centred moving average, as statsmodels' `seasonal_decompose`,
/// with the trend's ends extrapolated rather than left NaN (its `extrapolate_trend='freq'`).
///
/// The trend is the 2×m moving average (m odd: the plain m-term average); the first and last
/// ⌊m/2⌋ values, which it cannot reach, are extended by least-squares lines through the nearest
/// `period` trend values at each end (statsmodels' fit at the end uses the `period` values before
/// the last defined one, which we reproduce). The seasonal component is the mean detrended value of
/// each position in the cycle, centred to sum to zero (additive) or to average one
/// (multiplicative). Kendall & Stuart (1983); Hyndman & Athanasopoulos, FPP3 §3.4.
public enum ClassicalDecomposition {
    /// - Parameters:
    ///   - y: the series, oldest first, finite.
    ///   - period: the seasonal period, at least 2.
    /// - Throws: `ForecastError.nonFinite` for NaN values, `.tooShort` below two full periods,
    ///   `.invalidArgument` for a period below 2 or a multiplicative model on non-positive data.
    /// - Complexity: O(n · period).
    public static func decompose(_ y: [Double], period: Int, model: Decomposition.Model = .additive) throws -> Decomposition {
        guard period >= 2 else { throw ForecastError.invalidArgument("the decomposition period must be at least 2, got \(period)") }
        try Validation.history(y, minimum: 2 * period, method: "Classical decomposition")
        if model == .multiplicative, let bad = y.firstIndex(where: { $0 <= 0 }) {
            throw ForecastError.invalidArgument("a multiplicative decomposition needs positive data, the series has \(y[bad]) at position \(bad)")
        }
        let n = y.count
        // Centred moving average: weights 1/m (odd m) or 1/2m, 1/m, …, 1/m, 1/2m (even m).
        var weights = [Double](repeating: 1 / Double(period), count: period)
        if period % 2 == 0 {
            weights = [0.5 / Double(period)] + [Double](repeating: 1 / Double(period), count: period - 1) + [0.5 / Double(period)]
        }
        let half = weights.count / 2
        var trend = [Double](repeating: .nan, count: n)
        for t in half..<(n - half) {
            var s = 0.0
            for k in weights.indices { s += weights[k] * y[t - half + k] }
            trend[t] = s
        }
        extrapolateEnds(&trend, front: half, back: n - 1 - half, points: period)

        var detrended = [Double](repeating: 0, count: n)
        for t in 0..<n { detrended[t] = model == .multiplicative ? y[t] / trend[t] : y[t] - trend[t] }
        var averages = [Double](repeating: 0, count: period)
        for j in 0..<period {
            var s = 0.0, c = 0
            var t = j
            while t < n { s += detrended[t]; c += 1; t += period }
            averages[j] = s / Double(c)
        }
        let centre = averages.reduce(0, +) / Double(period)
        for j in 0..<period { averages[j] = model == .multiplicative ? averages[j] / centre : averages[j] - centre }
        var seasonal = [Double](repeating: 0, count: n)
        var residual = seasonal
        for t in 0..<n {
            seasonal[t] = averages[t % period]
            residual[t] = model == .multiplicative ? y[t] / seasonal[t] / trend[t] : detrended[t] - seasonal[t]
        }
        return Decomposition(model: model, period: period, observed: y, trend: trend, seasonal: seasonal, residual: residual, weights: [])
    }

    /// Replaces the NaN ends of `trend` by least-squares lines (statsmodels' `_extrapolate_trend`):
    /// the front from indices front..<front+points, the back from back−points..<back.
    static func extrapolateEnds(_ trend: inout [Double], front: Int, back: Int, points: Int) {
        func line(_ range: Range<Int>) -> (slope: Double, intercept: Double) {
            let xs = range.map(Double.init)
            let count = Double(xs.count)
            let mx = xs.reduce(0, +) / count
            let my = range.reduce(0) { $0 + trend[$1] } / count
            var sxy = 0.0, sxx = 0.0
            for i in range { let dx = Double(i) - mx; sxy += dx * (trend[i] - my); sxx += dx * dx }
            let slope = sxx > 0 ? sxy / sxx : 0
            return (slope, my - slope * mx)
        }
        let frontRange = front..<min(front + points, back)
        if !frontRange.isEmpty {
            let (k, c) = line(frontRange)
            for t in 0..<front { trend[t] = k * Double(t) + c }
        }
        let backRange = max(front, back - points)..<back
        if !backRange.isEmpty {
            let (k, c) = line(backRange)
            for t in (back + 1)..<trend.count { trend[t] = k * Double(t) + c }
        }
    }
}
