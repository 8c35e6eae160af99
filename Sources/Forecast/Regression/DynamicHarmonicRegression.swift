/// Dynamic harmonic regression: Fourier terms of a long (possibly non-integer) season, and
/// optionally calendar events, as regressors with non-seasonal auto-ARIMA errors, the number of
/// harmonics K chosen by AICc. Hyndman & Athanasopoulos, Forecasting: Principles and Practice
/// (3rd ed.), §10.5 "Dynamic harmonic regression"; Young, Pedregal & Tych (1999).
///
/// Made for weekly data, where a year is 365.25 / 7 ≈ 52.18 weeks: a seasonal ARIMA with period 52
/// needs several years and dozens of seasonal lags, while K sine–cosine pairs describe the yearly
/// shape from one year of history with 2K coefficients, and the ARIMA errors take the short-run
/// dynamics.
///
/// The search (see `fit(_:)`): d is chosen once by KPSS tests on what the richest regression leaves
/// unexplained, so that every K's AICc is on the same differenced data; then K = 0, 1, 2, … each get a
/// stepwise auto-ARIMA search (ranked by the conditional-sum-of-squares approximation, the winner
/// refitted by maximum likelihood), and K stops rising once `patience` successive values fail to
/// lower the AICc.
///
/// The Fourier phase is tied to absolute time: the history's first observation is at time index
/// `firstIndex` (or week `firstWeekStart / 7` when week dates are given), so forecasts from a
/// prefix of a series, as in a backtest, continue the same yearly cycle.
///
/// ```swift
/// var dhr = DynamicHarmonicRegression()                 // 52.18-week year, K ≤ 12
/// dhr.firstWeekStart = 19_725                            // 2024-01-01 in days since 1970-01-01
/// dhr.events = [.christmas.window(before: 7, after: 0), .blackFriday]
/// let ahead = try dhr.forecast(weeklyUnits, horizon: 13, levels: [0.8, 0.95])
/// ```
public struct DynamicHarmonicRegression: Forecaster, Hashable {
    /// Observations per seasonal cycle; 365.25 / 7 (a year of weeks) by default.
    public var period: Double
    /// The most harmonics tried (also capped at ⌊period/2⌋ and at (n − 10)/4 for n observations,
    /// so that the coefficients stay well below the observations).
    public var maxHarmonics: Int
    /// How many successive values of K may fail to improve the AICc before the search stops.
    public var patience: Int
    /// The time index of the history's first observation (the Fourier phase origin) when
    /// `firstWeekStart` is nil.
    public var firstIndex: Int
    /// The first day of the history's first week, in days since 1970-01-01: then week i has time
    /// index ⌊firstWeekStart/7⌋ + i, and `events` become weekly indicator regressors.
    public var firstWeekStart: Int?
    /// Calendar events offered as regressors (needs `firstWeekStart`). Events that never occur in
    /// the history, or occur every week, or mark exactly the same weeks as an earlier event, cannot
    /// be estimated and are left out (`Fit.droppedEvents`).
    public var events: [CalendarEvent]
    /// The limits of the ARIMA errors' orders.
    public var maxP: Int
    public var maxQ: Int
    /// Rank each K's candidates by the CSS approximation (refitting the winner by maximum
    /// likelihood); false fits every candidate by maximum likelihood.
    public var approximation: Bool

    public init(period: Double = 365.25 / 7, maxHarmonics: Int = 12, patience: Int = 1, firstIndex: Int = 0,
                firstWeekStart: Int? = nil, events: [CalendarEvent] = [], maxP: Int = 3, maxQ: Int = 3,
                approximation: Bool = true) {
        self.period = period
        self.maxHarmonics = maxHarmonics
        self.patience = patience
        self.firstIndex = firstIndex
        self.firstWeekStart = firstWeekStart
        self.events = events
        self.maxP = maxP
        self.maxQ = maxQ
        self.approximation = approximation
    }

    public var name: String { "harmonic regression" }

    /// The time index of the observation at `offset` from the history's start.
    func timeIndex(_ offset: Int) -> Int {
        guard let start = firstWeekStart else { return firstIndex + offset }
        return Int((Double(start) / 7).rounded(.down)) + offset
    }

    /// Fits to `history` and forecasts `horizon` steps with intervals at `levels`.
    public func forecast(_ history: [Double], horizon: Int, levels: [Double]) throws -> ForecastResult {
        try fit(history).forecast(horizon: horizon, levels: levels)
    }
}
