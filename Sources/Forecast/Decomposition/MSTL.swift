/// Seasonal-trend decomposition by loess with several seasonal periods (Bandara, Hyndman &
/// Bergmeir 2021), as statsmodels' `MSTL`.
///
/// The periods are taken in increasing order; each pass removes every other seasonal component
/// from the series, fits an ``STL`` with one period to what is left and keeps its seasonal
/// component. The passes repeat `iterations` times (once with a single period); the trend and the
/// robustness weights are those of the last STL fit, and the residual is what neither explains.
/// Defaults follow statsmodels: seasonal smoothers 7 + 4·i for the i-th period (11, 15, …), two
/// iterations, no Box-Cox transform, and STL's own defaults (local-linear seasonal fits, not
/// robust), which ``MSTLForecaster`` changes to statsforecast's (local-constant seasonal fits).
///
/// Unlike statsmodels, which silently drops a period of at least half the series' length, a series
/// shorter than two of its longest period throws.
public struct MSTL: Sendable, Hashable {
    /// The seasonal periods, in increasing order.
    public let periods: [Int]
    /// The seasonal smoother length of each period, in the periods' order.
    public let windows: [Int]
    public let iterations: Int
    public let seasonalDegree: Int
    public let trendDegree: Int
    public let lowPassDegree: Int
    public let robust: Bool
    /// STL's inner and outer iterations; nil for STL's defaults (5 and 0, or 2 and 15 when robust).
    public let innerIterations: Int?
    public let outerIterations: Int?

    /// - Parameters:
    ///   - periods: one or more seasonal periods, each at least 2, in any order.
    ///   - windows: the seasonal smoother lengths, one per period in the order given (odd, ≥ 3);
    ///     nil for 11, 15, 19, … in increasing order of period.
    ///   - iterations: passes over the periods (statsmodels' `iterate`); one with a single period.
    /// - Throws: `ForecastError.invalidArgument` for no period, a period below 2, a windows list
    ///   of another length, fewer than one iteration, or settings that ``STL`` refuses.
    public init(periods: [Int], windows: [Int]? = nil, iterations: Int = 2, seasonalDegree: Int = 1, trendDegree: Int = 1,
                lowPassDegree: Int = 1, robust: Bool = false, innerIterations: Int? = nil, outerIterations: Int? = nil) throws {
        guard !periods.isEmpty else { throw ForecastError.invalidArgument("MSTL needs at least one seasonal period") }
        if let bad = periods.first(where: { $0 < 2 }) {
            throw ForecastError.invalidArgument("MSTL periods must be at least 2, got \(bad)")
        }
        guard iterations >= 1 else { throw ForecastError.invalidArgument("MSTL needs at least one iteration, got \(iterations)") }
        var pairs: [(period: Int, window: Int)]
        if let windows {
            guard windows.count == periods.count else {
                throw ForecastError.invalidArgument("MSTL has \(periods.count) periods but \(windows.count) seasonal windows")
            }
            pairs = zip(periods, windows).map { ($0, $1) }.sorted { ($0.period, $0.window) < ($1.period, $1.window) }
        } else {
            pairs = periods.sorted().enumerated().map { ($1, 7 + 4 * ($0 + 1)) }
        }
        self.periods = pairs.map(\.period)
        self.windows = pairs.map(\.window)
        self.iterations = iterations
        self.seasonalDegree = seasonalDegree
        self.trendDegree = trendDegree
        self.lowPassDegree = lowPassDegree
        self.robust = robust
        self.innerIterations = innerIterations
        self.outerIterations = outerIterations
        _ = try stls()
    }

    /// Non-integer periods (52.18 weeks or 365.25 days in a year) rounded to the nearest integer,
    /// as statsmodels and statsforecast take only integer periods; see ``init(periods:windows:iterations:seasonalDegree:trendDegree:lowPassDegree:robust:innerIterations:outerIterations:)``.
    /// - Throws: as the integer initialiser, and `.invalidArgument` for a non-finite period.
    public init(periods: [Double], windows: [Int]? = nil, iterations: Int = 2, seasonalDegree: Int = 1, trendDegree: Int = 1,
                lowPassDegree: Int = 1, robust: Bool = false, innerIterations: Int? = nil, outerIterations: Int? = nil) throws {
        try self.init(periods: try MSTL.rounded(periods), windows: windows, iterations: iterations, seasonalDegree: seasonalDegree,
                      trendDegree: trendDegree, lowPassDegree: lowPassDegree, robust: robust,
                      innerIterations: innerIterations, outerIterations: outerIterations)
    }

    /// Periods rounded to the nearest integer (halves away from zero).
    static func rounded(_ periods: [Double]) throws -> [Int] {
        try periods.map { p in
            guard p.isFinite, abs(p) < 1e9 else { throw ForecastError.invalidArgument("MSTL periods must be finite, got \(p)") }
            return Int(p.rounded())
        }
    }

    /// One STL per period, with that period's seasonal window.
    private func stls() throws -> [STL] {
        try zip(periods, windows).map { period, window in
            try STL(period: period, seasonal: window, seasonalDegree: seasonalDegree, trendDegree: trendDegree,
                    lowPassDegree: lowPassDegree, robust: robust)
        }
    }

    /// Decomposes `y` into a trend, one seasonal component per period and a residual.
    ///
    /// - Throws: `ForecastError.nonFinite` for NaN or infinite values, `.tooShort` when the series
    ///   has fewer than two of its longest period.
    /// - Complexity: O(iterations · periods · n · (window + trend length)) — one STL per period
    ///   and iteration.
    public func decompose(_ y: [Double]) throws -> MSTLDecomposition {
        let longest = periods.max() ?? 2
        try Validation.history(y, minimum: 2 * longest, method: "MSTL with a period of \(longest)")
        let fits = try stls()
        let n = y.count
        var seasonal = [[Double]](repeating: [Double](repeating: 0, count: n), count: periods.count)
        var deseasonalized = y
        var last: Decomposition?
        for _ in 0..<(periods.count == 1 ? 1 : iterations) {
            for i in periods.indices {
                for t in 0..<n { deseasonalized[t] += seasonal[i][t] }
                let fit = try fits[i].decompose(deseasonalized, innerIterations: innerIterations, outerIterations: outerIterations)
                seasonal[i] = fit.seasonal
                for t in 0..<n { deseasonalized[t] -= seasonal[i][t] }
                last = fit
            }
        }
        let trend = last?.trend ?? [Double](repeating: 0, count: n)
        var residual = [Double](repeating: 0, count: n)
        for t in 0..<n { residual[t] = deseasonalized[t] - trend[t] }
        return MSTLDecomposition(periods: periods, observed: y, trend: trend, seasonals: seasonal, residual: residual,
                                 weights: last?.weights ?? [Double](repeating: 1, count: n))
    }
}

/// A series split into a trend, one seasonal component per period, and a residual:
/// observed = trend + Σ seasonal + residual.
public struct MSTLDecomposition: Sendable, Hashable {
    /// The periods, in increasing order, one per seasonal component.
    public let periods: [Int]
    public let observed: [Double]
    public let trend: [Double]
    /// One component per period, in the periods' order.
    public let seasonals: [[Double]]
    public let residual: [Double]
    /// The last STL fit's robustness weights (all 1 when not robust).
    public let weights: [Double]

    /// The seasonal component of `period`, or nil when it was not decomposed.
    public func seasonal(period: Int) -> [Double]? {
        periods.firstIndex(of: period).map { seasonals[$0] }
    }

    /// The sum of the seasonal components.
    public var seasonal: [Double] {
        var total = [Double](repeating: 0, count: observed.count)
        for component in seasonals { for t in component.indices { total[t] += component[t] } }
        return total
    }

    /// The strength of the seasonal component of `period`, max(0, 1 − Var(R)/Var(Sₚ + R)) (Wang,
    /// Smith & Hyndman 2006; FPP3 §4.3 for several periods): near 1 when the cycle dominates the
    /// residual, 0 when it does not. Nil for a period not decomposed; NaN when Var(Sₚ + R) is zero.
    public func seasonalStrength(period: Int) -> Double? {
        guard let component = seasonal(period: period) else { return nil }
        let denominator = Decomposition.variance(zip(component, residual).map { $0 + $1 })
        guard denominator > 0 else { return .nan }
        return max(0, 1 - Decomposition.variance(residual) / denominator)
    }

    /// The strength of the trend, max(0, 1 − Var(R)/Var(T + R)); NaN when Var(T + R) is zero.
    public var trendStrength: Double {
        let denominator = Decomposition.variance(zip(trend, residual).map { $0 + $1 })
        guard denominator > 0 else { return .nan }
        return max(0, 1 - Decomposition.variance(residual) / denominator)
    }

    /// The seasonally adjusted series, trend + residual = observed − Σ seasonal.
    public var seasonallyAdjusted: [Double] {
        zip(observed, seasonal).map { $0 - $1 }
    }
}
