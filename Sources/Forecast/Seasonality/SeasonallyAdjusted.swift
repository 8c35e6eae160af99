/// A forecaster that removes a yearly ``SeasonalProfile`` from a weekly history, forecasts the
/// adjusted history with a non-seasonal inner method, and puts the profile back into the forecast.
///
/// With factors f_t, the inner method sees y_t / f_t and its forecast ŷ_h (mean and every interval
/// bound) becomes ŷ_h · f_{n+h}: the multiplicative decomposition's forecast (FPP3 §3.4, §5.7),
/// with the seasonal component taken as known. The wrapper knows the first day of the history's
/// first week, so the prefixes a backtest passes (which all start there) keep their phase; a
/// history of n weeks is forecast for the weeks starting `firstWeekStart + 7·(n + h)`.
///
/// ```swift
/// let profile = try SeasonalProfile(aggregate: categoryWeeks, firstWeekStart: monday)
/// let model = SeasonallyAdjusted(AutoETS(), profile: profile, firstWeekStart: monday, label: "category")
/// let result = try model.forecast(skuWeeks, horizon: 8, levels: [0.8, 0.95])   // "ETS(A,N,N) × category"
/// ```
public struct SeasonallyAdjusted: Forecaster {
    public let inner: any Forecaster
    public let profile: SeasonalProfile
    /// The first day of the first week of every history this model is given, in days since 1970.
    public let firstWeekStart: Int
    /// Names the profile in the model's name, for example `category` or `network`.
    public let label: String

    public init(_ inner: any Forecaster, profile: SeasonalProfile, firstWeekStart: Int, label: String) {
        self.inner = inner
        self.profile = profile
        self.firstWeekStart = firstWeekStart
        self.label = label
    }

    /// `<inner name> × <label>`.
    public var name: String { "\(inner.name) × \(label)" }

    /// Forecasts `horizon` weeks after `history`, whose first week starts on ``firstWeekStart``.
    ///
    /// The factors are positive, so an adjusted history keeps its zeros and signs: intermittent
    /// methods still see their zero weeks. The fitted model's name gets ` × <label>`.
    /// - Throws: what the inner method throws for the adjusted history.
    public func forecast(_ history: [Double], horizon: Int, levels: [Double]) throws -> ForecastResult {
        try Validation.horizon(horizon)
        let factors = profile.factors(firstWeekStart: firstWeekStart, count: history.count + horizon)
        let adjusted = history.indices.map { history[$0] / factors[$0] }
        let result = try inner.forecast(adjusted, horizon: horizon, levels: levels)
        guard result.mean.count == horizon else { return result }
        let ahead = Array(factors[history.count...])
        func scaled(_ values: [Double]) -> [Double] { values.indices.map { values[$0] * ahead[min($0, ahead.count - 1)] } }
        return ForecastResult(model: "\(result.model) × \(label)", mean: scaled(result.mean),
                              intervals: result.intervals.map { PredictionInterval(level: $0.level, lower: scaled($0.lower), upper: scaled($0.upper)) })
    }
}
