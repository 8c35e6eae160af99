extension Stationarity {
    /// The number of first differences that make `x` level-stationary by repeated KPSS tests at
    /// `alpha`, as R forecast's and statsforecast's `ndiffs(test="kpss")`.
    ///
    /// Differencing stops at `maxOrder`, when a test no longer rejects, or when the differenced series
    /// becomes constant. A constant series needs none. Hyndman & Khandakar (2008).
    /// - Parameters:
    ///   - x: the series, oldest first; NaN values are dropped first, as `ndiffs` does.
    ///   - alpha: the test level, clipped to [0.01, 0.10] (the range the KPSS table covers).
    ///   - maxOrder: the largest order returned.
    /// - Returns: 0 ... `maxOrder`. A series too short for the test (fewer than 3 points) gets 0.
    public static func differencingOrder(_ x: [Double], alpha: Double = 0.05, maxOrder: Int = 2) -> Int {
        let level = min(max(alpha, 0.01), 0.10)
        var y = x.filter { $0.isFinite }
        if isConstant(y) { return 0 }
        func rejects(_ series: [Double]) -> Bool? {
            guard let test = try? kpss(series) else { return nil }
            return test.rejectsStationarity(at: level)
        }
        guard var doDiff = rejects(y) else { return 0 }
        var d = 0
        while doDiff && d < maxOrder {
            d += 1
            y = (try? difference(y)) ?? []
            if isConstant(y) { return d }
            guard let next = rejects(y) else { return d - 1 }
            doDiff = next
        }
        return d
    }

    /// The number of seasonal differences (0 ... `maxOrder`) by the seasonal-strength heuristic of
    /// R forecast's and statsforecast's `nsdiffs(test="seas")`: difference while the strength of
    /// seasonality exceeds 0.64. Wang, Smith & Hyndman (2006).
    ///
    /// The strength is measured on a classical moving-average decomposition
    /// (`seasonalStrength(_:period:)`) rather than STL, so borderline series (strength near 0.64)
    /// can be decided differently from statsforecast; clearly seasonal or non-seasonal ones agree.
    /// - Returns: 0 for a constant series, a period below 2, or a series not longer than `2 * period`.
    public static func seasonalDifferencingOrder(_ x: [Double], period: Int, maxOrder: Int = 1) -> Int {
        var y = x.filter { $0.isFinite }
        guard period >= 2, !isConstant(y), y.count > 2 * period else { return 0 }
        var doDiff = seasonalStrength(y, period: period) > 0.64
        var order = 0
        while doDiff && order < maxOrder {
            order += 1
            y = (try? difference(y, lag: period)) ?? []
            if isConstant(y) { return order }
            if y.count > 2 * period && order < maxOrder {
                doDiff = seasonalStrength(y, period: period) > 0.64
            } else {
                doDiff = false
            }
        }
        return order
    }

    /// The strength of seasonality `max(0, 1 - Var(R) / Var(S + R))` of a classical additive
    /// decomposition: a centred 2×m moving-average trend, seasonal indices averaged by position and
    /// centred to sum zero, remainder R. Wang, Smith & Hyndman (2006); Hyndman & Athanasopoulos, FPP3 §4.3.
    ///
    /// - Returns: a value in [0, 1]; 0 when `period < 2`, when the series has fewer than two full
    ///   periods, contains non-finite values, or has no variation once the trend is removed.
    public static func seasonalStrength(_ x: [Double], period: Int) -> Double {
        let n = x.count
        guard period >= 2, n >= 2 * period, nonFinitePositions(x).isEmpty else { return 0 }
        let half = period / 2
        var detrended = [Double](repeating: .nan, count: n)
        for t in half..<(n - half) {
            var s = 0.0
            if period % 2 == 0 {
                s = 0.5 * x[t - half] + 0.5 * x[t + half]
                for k in (t - half + 1)..<(t + half) { s += x[k] }
            } else {
                for k in (t - half)...(t + half) { s += x[k] }
            }
            detrended[t] = x[t] - s / Double(period)
        }
        var sums = [Double](repeating: 0, count: period)
        var counts = [Int](repeating: 0, count: period)
        for t in 0..<n where detrended[t].isFinite {
            sums[t % period] += detrended[t]
            counts[t % period] += 1
        }
        var indices = (0..<period).map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : 0 }
        let centre = indices.reduce(0, +) / Double(period)
        indices = indices.map { $0 - centre }
        var remainder: [Double] = []
        var seasonalPlusRemainder: [Double] = []
        for t in 0..<n where detrended[t].isFinite {
            remainder.append(detrended[t] - indices[t % period])
            seasonalPlusRemainder.append(detrended[t])
        }
        func sampleVariance(_ v: [Double]) -> Double {
            guard v.count > 1 else { return 0 }
            let m = v.reduce(0, +) / Double(v.count)
            return v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count - 1)
        }
        let total = sampleVariance(seasonalPlusRemainder)
        guard total > 0 else { return 0 }
        return max(0, min(1, 1 - sampleVariance(remainder) / total))
    }
}
