/// The error, trend and season components of an exponential smoothing state space model.
///
/// Hyndman, Koehler, Ord & Snyder (2008), *Forecasting with Exponential Smoothing*: the taxonomy
/// ETS(error, trend, season), for example ETS(A,Ad,N) or ETS(M,A,M).
public struct ETSSpecification: Sendable, Hashable, CustomStringConvertible {
    public enum ErrorType: String, Sendable, Hashable, CaseIterable { case additive = "A", multiplicative = "M" }
    public enum TrendType: String, Sendable, Hashable, CaseIterable { case none = "N", additive = "A", damped = "Ad" }
    public enum SeasonType: String, Sendable, Hashable, CaseIterable { case none = "N", additive = "A", multiplicative = "M" }

    public let error: ErrorType
    public let trend: TrendType
    public let season: SeasonType
    /// The seasonal period; 1 when `season` is `.none`.
    public let period: Int

    /// - Throws: `ForecastError.invalidArgument` when a seasonal model has a period below 2.
    public init(error: ErrorType, trend: TrendType, season: SeasonType, period: Int = 1) throws {
        if season != .none && period < 2 {
            throw ForecastError.invalidArgument("a seasonal ETS model needs a period of at least 2, got \(period)")
        }
        self.error = error
        self.trend = trend
        self.season = season
        self.period = season == .none ? 1 : period
    }

    /// "ETS(M,Ad,M)".
    public var description: String { "ETS(\(error.rawValue),\(trend.rawValue),\(season.rawValue))" }

    var hasTrend: Bool { trend != .none }
    var isDamped: Bool { trend == .damped }
    var hasSeason: Bool { season != .none }

    /// Models whose forecast variance has a closed form (Hyndman et al. 2008, class 1): additive
    /// error with no or additive season.
    var hasAnalyticVariance: Bool { error == .additive && season != .multiplicative }

    /// The number of estimated parameters as statsmodels' `ETSModel.k_params` counts them: the
    /// smoothing parameters and every initial state (all `period` seasonal states, although one is
    /// fixed by normalisation).
    var parameterCount: Int {
        var k = 1 + (hasTrend ? 1 : 0) + (hasSeason ? 1 : 0) + (isDamped ? 1 : 0)
        k += 1 + (hasTrend ? 1 : 0) + (hasSeason ? period : 0)
        return k
    }

    /// The fewest observations a fit accepts: enough for a finite AICc (n > k + 1, with k the
    /// parameters plus the variance), and two full seasons for seasonal models.
    var minimumObservations: Int {
        max(parameterCount + 3, hasSeason ? 2 * period : 0)
    }
}
