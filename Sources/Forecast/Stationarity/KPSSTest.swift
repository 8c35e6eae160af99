/// The result of a KPSS test of level stationarity: Kwiatkowski, Phillips, Schmidt & Shin (1992).
///
/// The null hypothesis is that the series is stationary around a constant level; a large statistic
/// (small p-value) says the series needs differencing.
public struct KPSSTest: Sendable, Hashable {
    /// The test statistic η / σ̂², with σ̂² the Newey–West long-run variance of the demeaned series.
    public let statistic: Double
    /// The number of autocovariance lags in the long-run variance (Bartlett weights).
    public let lags: Int
    /// The p-value interpolated linearly in the table of Kwiatkowski et al. (1992), as statsmodels'
    /// `kpss` does, and therefore clipped to [0.01, 0.10].
    public let pValue: Double

    /// The critical values at 10%, 5%, 2.5% and 1% for level stationarity.
    public static let criticalValues: [(level: Double, value: Double)] =
        [(0.10, 0.347), (0.05, 0.463), (0.025, 0.574), (0.01, 0.739)]

    /// Whether the test rejects level stationarity at `alpha` (p-value below `alpha`).
    public func rejectsStationarity(at alpha: Double = 0.05) -> Bool { pValue < alpha }
}

extension Stationarity {
    /// Runs the KPSS test for level stationarity (statsmodels `kpss(x, regression="c", nlags=lags)`).
    ///
    /// - Parameters:
    ///   - x: the series, oldest first, finite, at least 3 points.
    ///   - lags: the Bartlett lag truncation; `nil` uses ⌊3√n / 13⌋, the rule of R's `ndiffs`,
    ///     forecast's `auto.arima` and statsforecast.
    /// - Returns: the statistic and its interpolated p-value. A constant series has no variance to
    ///   test: it is reported stationary (statistic 0, p-value 0.10).
    /// - Throws: `ForecastError.nonFinite`, `.tooShort`, or `.invalidArgument` when `lags` is negative
    ///   or not below the series length.
    /// - Complexity: O(n · lags).
    public static func kpss(_ x: [Double], lags: Int? = nil) throws -> KPSSTest {
        let bad = nonFinitePositions(x)
        guard bad.isEmpty else { throw ForecastError.nonFinite(positions: bad) }
        let n = x.count
        guard n >= 3 else { throw ForecastError.tooShort(count: n, needed: 3, method: "KPSS test") }
        let l = lags ?? Int((3 * Double(n).squareRoot() / 13).rounded(.down))
        guard l >= 0, l < n else { throw ForecastError.invalidArgument("KPSS lags must be in 0..<\(n), got \(l)") }
        var mean = 0.0
        for v in x { mean += v }
        mean /= Double(n)
        let e = x.map { $0 - mean }
        var eta = 0.0
        var partial = 0.0
        var s = 0.0
        for v in e {
            partial += v
            eta += partial * partial
            s += v * v
        }
        guard s > 0 else { return KPSSTest(statistic: 0, lags: l, pValue: 0.10) }
        eta /= Double(n) * Double(n)
        if l > 0 {
            for i in 1...l {
                var prod = 0.0
                for t in i..<n { prod += e[t] * e[t - i] }
                s += 2 * prod * (1 - Double(i) / Double(l + 1))
            }
        }
        let longRun = s / Double(n)
        let statistic = longRun > 0 ? eta / longRun : .infinity
        return KPSSTest(statistic: statistic, lags: l, pValue: kpssPValue(statistic))
    }

    /// Linear interpolation of the p-value in the critical-value table, clipped at both ends.
    static func kpssPValue(_ statistic: Double) -> Double {
        let table = KPSSTest.criticalValues
        guard let first = table.first, let last = table.last else { return .nan }
        if statistic <= first.value { return first.level }
        if statistic >= last.value { return last.level }
        for i in 1..<table.count where statistic <= table[i].value {
            let (l0, v0) = table[i - 1]
            let (l1, v1) = table[i]
            return l0 + (l1 - l0) * (statistic - v0) / (v1 - v0)
        }
        return last.level
    }
}
