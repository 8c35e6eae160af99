extension Stationarity {
    /// The sample autocorrelation function at lags 0 ... `maxLag`, as statsmodels' `acf` (default,
    /// `adjusted=False`) and R's `acf` compute it: `r_k = Σ (x_t - x̄)(x_{t+k} - x̄) / Σ (x_t - x̄)²`.
    ///
    /// Lag 0 is 1. A constant series has no defined autocorrelation: every lag above 0 is NaN, as in
    /// statsmodels.
    /// - Parameters:
    ///   - x: the series, oldest first, finite.
    ///   - maxLag: the largest lag; at most `x.count - 1`.
    /// - Throws: `ForecastError.nonFinite` for NaN or infinite values, `.tooShort` for fewer than two
    ///   points, `.invalidArgument` for a negative `maxLag` or one past the end of the series.
    /// - Complexity: O(n · maxLag).
    public static func autocorrelation(_ x: [Double], maxLag: Int) throws -> [Double] {
        let acov = try autocovariance(x, maxLag: maxLag)
        guard acov[0] > 0 else { return [1] + [Double](repeating: .nan, count: maxLag) }
        return acov.map { $0 / acov[0] }
    }

    /// The biased sample autocovariances (divisor n) at lags 0 ... `maxLag`.
    static func autocovariance(_ x: [Double], maxLag: Int) throws -> [Double] {
        let bad = nonFinitePositions(x)
        guard bad.isEmpty else { throw ForecastError.nonFinite(positions: bad) }
        guard x.count >= 2 else { throw ForecastError.tooShort(count: x.count, needed: 2, method: "autocorrelation") }
        guard maxLag >= 0, maxLag < x.count else {
            throw ForecastError.invalidArgument("maxLag must be in 0...\(x.count - 1), got \(maxLag)")
        }
        let n = x.count
        var mean = 0.0
        for v in x { mean += v }
        mean /= Double(n)
        let centred = x.map { $0 - mean }
        var acov = [Double](repeating: 0, count: maxLag + 1)
        centred.withUnsafeBufferPointer { c in
            for k in 0...maxLag {
                var s = 0.0
                for t in 0..<(n - k) { s += c[t] * c[t + k] }
                acov[k] = s / Double(n)
            }
        }
        return acov
    }

    /// The sample partial autocorrelation function at lags 0 ... `maxLag` by the Durbin–Levinson
    /// recursion on the biased autocovariances: statsmodels' `pacf(method="ldb")` (which equals
    /// `method="ywm"`) and R's `pacf`.
    ///
    /// Lag 0 is 1. A constant series gives NaN above lag 0. Durbin (1960), Levinson (1947).
    /// - Parameters:
    ///   - x: the series, oldest first, finite.
    ///   - maxLag: the largest lag; at most `x.count - 1`.
    /// - Throws: as `autocorrelation(_:maxLag:)`.
    /// - Complexity: O(n · maxLag + maxLag²).
    public static func partialAutocorrelation(_ x: [Double], maxLag: Int) throws -> [Double] {
        let rho = try autocorrelation(x, maxLag: maxLag)
        var pacf = [Double](repeating: .nan, count: maxLag + 1)
        pacf[0] = 1
        guard maxLag >= 1, rho.count > 1, rho[1].isFinite else { return pacf }
        var phi = [Double](repeating: 0, count: maxLag + 1)
        var previous = phi
        var v = 1.0
        for k in 1...maxLag {
            var num = rho[k]
            for j in 1..<k { num -= previous[j] * rho[k - j] }
            let reflection = v > 0 ? num / v : .nan
            phi[k] = reflection
            for j in 1..<k { phi[j] = previous[j] - reflection * previous[k - j] }
            v *= 1 - reflection * reflection
            pacf[k] = reflection
            previous = phi
        }
        return pacf
    }
}
