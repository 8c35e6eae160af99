/// Forecasts by MSTL decomposition, as statsforecast's `MSTL` model: each seasonal component by
/// the seasonal naive method on its last cycle, the seasonally adjusted series (trend + residual)
/// by a non-seasonal model.
///
/// The decomposition is statsforecast's: ``MSTL`` with local-constant seasonal fits
/// (`seasonal_deg=0`), seasonal windows 11, 15, … and two iterations. The point forecast is the
/// adjusted-series model's mean plus, for each period m, the seasonal component m steps back from
/// the step being forecast within its last cycle; each interval is the adjusted-series model's
/// interval shifted by that same seasonal forecast (the seasonal part is treated as known). A
/// trend forecaster wrapped in ``ConformalIntervals`` gives statsforecast's
/// `MSTL(prediction_intervals=ConformalIntervals(...))`: intervals calibrated on the adjusted series.
///
/// Non-integer periods (52.18 weeks, 365.25 days) are rounded to the nearest integer (52, 365), as
/// statsforecast takes only integer season lengths; the last cycle then repeats with a drift of
/// the rounding (under a quarter of a step per year), negligible within a year's horizon.
/// Bandara, Hyndman & Bergmeir (2021); statsforecast `models.MSTL`.
public struct MSTLForecaster: Forecaster {
    /// The seasonal periods as given (rounded at fit time).
    public let periods: [Double]
    /// The model of the seasonally adjusted series; it should be non-seasonal. Default: ``AutoETS``
    /// with period 1 (statsforecast's `AutoETS(model='ZZN')`).
    public var trendForecaster: any Forecaster
    /// The seasonal smoother lengths, one per period; nil for 11, 15, … in increasing period order.
    public var windows: [Int]?
    public var iterations: Int = 2
    /// The degree of the seasonal loess fits: 0 as statsforecast, 1 as statsmodels' MSTL default.
    public var seasonalDegree: Int = 0
    public var robust: Bool = false

    /// - Parameters:
    ///   - periods: one or more seasonal periods, each at least 2 once rounded.
    ///   - trendForecaster: the non-seasonal model of the adjusted series.
    public init(periods: [Double], trendForecaster: any Forecaster = AutoETS()) {
        self.periods = periods
        self.trendForecaster = trendForecaster
    }

    /// One seasonal period.
    public init(period: Double, trendForecaster: any Forecaster = AutoETS()) {
        self.init(periods: [period], trendForecaster: trendForecaster)
    }

    /// Integer periods, for example `[7, 365]`.
    public init(periods: [Int], trendForecaster: any Forecaster = AutoETS()) {
        self.init(periods: periods.map(Double.init), trendForecaster: trendForecaster)
    }

    /// One integer period.
    public init(period: Int, trendForecaster: any Forecaster = AutoETS()) {
        self.init(periods: [Double(period)], trendForecaster: trendForecaster)
    }

    public var name: String { "MSTL" }

    /// The decomposition this forecaster fits.
    /// - Throws: `ForecastError.invalidArgument` for settings ``MSTL`` refuses.
    public func decomposition() throws -> MSTL {
        try MSTL(periods: periods, windows: windows, iterations: iterations, seasonalDegree: seasonalDegree, robust: robust)
    }

    /// - Throws: `ForecastError.invalidArgument` for bad settings, `.nonFinite` for NaN values,
    ///   `.tooShort` below two of the longest period, and whatever the trend forecaster throws on
    ///   the adjusted series.
    public func forecast(_ history: [Double], horizon: Int, levels: [Double]) throws -> ForecastResult {
        try Validation.horizon(horizon)
        try Validation.levels(levels)
        let mstl = try decomposition()
        let parts = try mstl.decompose(history)
        let adjusted = zip(parts.trend, parts.residual).map { $0 + $1 }
        let inner = try trendForecaster.forecast(adjusted, horizon: horizon, levels: levels)
        guard inner.mean.count == horizon else {
            throw ForecastError.fitFailed(method: name, reason: "\(inner.model) returned \(inner.mean.count) values for a horizon of \(horizon)")
        }
        let seasonal = Self.seasonalForecast(parts, horizon: horizon)
        let shift = { (values: [Double]) in zip(values, seasonal).map { $0 + $1 } }
        let periodsLabel = mstl.periods.map(String.init).joined(separator: ",")
        return ForecastResult(model: "MSTL(\(periodsLabel); \(inner.model))", mean: shift(inner.mean),
                              intervals: inner.intervals.map { PredictionInterval(level: $0.level, lower: shift($0.lower), upper: shift($0.upper)) })
    }

    /// The sum over periods of the seasonal naive forecast of each component's last cycle.
    static func seasonalForecast(_ parts: MSTLDecomposition, horizon: Int) -> [Double] {
        let n = parts.observed.count
        var out = [Double](repeating: 0, count: horizon)
        for (period, component) in zip(parts.periods, parts.seasonals) {
            for h in 0..<horizon { out[h] += component[n - period + h % period] }
        }
        return out
    }
}
