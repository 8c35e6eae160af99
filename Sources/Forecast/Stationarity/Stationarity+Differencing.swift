extension Stationarity {
    /// Differences `x` `order` times at `lag`: `y[t] = x[t] - x[t - lag]`, repeated.
    ///
    /// Matches numpy's `np.diff` for `lag == 1` and R's `diff(x, lag, differences)` in general.
    /// Each pass shortens the series by `lag`; NaN propagates to the differences that touch it.
    /// - Parameters:
    ///   - x: the series, oldest first.
    ///   - lag: the distance between differenced values (1 for regular, the period for seasonal).
    ///   - order: how many times to difference; 0 returns `x` unchanged.
    /// - Returns: `max(0, x.count - lag * order)` values; empty when the series is too short.
    /// - Throws: `ForecastError.invalidArgument` when `lag < 1` or `order < 0`.
    /// - Complexity: O(n · order).
    public static func difference(_ x: [Double], lag: Int = 1, order: Int = 1) throws -> [Double] {
        guard lag >= 1 else { throw ForecastError.invalidArgument("differencing lag must be at least 1, got \(lag)") }
        guard order >= 0 else { throw ForecastError.invalidArgument("differencing order must be non-negative, got \(order)") }
        var y = x
        for _ in 0..<order {
            guard y.count > lag else { return [] }
            var next = [Double](repeating: 0, count: y.count - lag)
            for t in 0..<next.count { next[t] = y[t + lag] - y[t] }
            y = next
        }
        return y
    }

    /// The coefficients `δ` of `(1 - B)^d (1 - B^s)^D = 1 - Σ δ_i B^i`, i = 1 ... d + s·D.
    ///
    /// `y[t] = w[t] + Σ δ_i y[t - i]` undoes the differencing, which is how forecasts of the
    /// differenced series are carried back to the original scale.
    static func differencingPolynomial(d: Int, seasonalD: Int, period: Int) -> [Double] {
        var poly: [Double] = [1]
        func multiply(by lag: Int) {
            var out = [Double](repeating: 0, count: poly.count + lag)
            for (i, c) in poly.enumerated() {
                out[i] += c
                out[i + lag] -= c
            }
            poly = out
        }
        for _ in 0..<max(0, d) { multiply(by: 1) }
        for _ in 0..<max(0, seasonalD) { multiply(by: max(1, period)) }
        return poly.dropFirst().map { -$0 }
    }
}
