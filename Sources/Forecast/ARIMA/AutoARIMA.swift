/// Automatic ARIMA order selection by the stepwise search of Hyndman & Khandakar (2008), as R
/// forecast's `auto.arima` and statsforecast's `AutoARIMA`.
///
/// D is chosen by the seasonal-strength heuristic (`Stationarity.seasonalDifferencingOrder`), d by
/// repeated KPSS tests (`Stationarity.differencingOrder`); then, starting from
/// ARIMA(2,d,2)(1,D,1), (0,d,0)(0,D,0), (1,d,0)(1,D,0) and (0,d,1)(0,D,1) (and the null model without
/// its constant), the search moves to the best neighbour — p, q, P or Q changed by ±1, pairs of them
/// together, or the constant toggled — until no neighbour lowers the information criterion.
/// The constant toggle is part of every round (statsforecast issue 897 lost it and returned wrong
/// models). Models with AR or MA roots within 1.01 of the unit circle are rejected.
public struct AutoARIMA: Forecaster, Hashable {
    /// The criterion that ranks candidate models.
    public enum Criterion: Sendable, Hashable { case aic, aicc, bic }

    /// One model visited by the search and its criterion (infinite when the fit failed or was
    /// rejected for roots near the unit circle).
    public struct Candidate: Sendable, Hashable {
        public let order: ARIMA.Order
        public let seasonalOrder: ARIMA.SeasonalOrder
        public let includeConstant: Bool
        public let criterion: Double
    }

    /// The selected model and the search that led to it.
    public struct Search: Sendable {
        public let best: FittedARIMA
        /// Every model fitted, in the order visited.
        public let candidates: [Candidate]
        /// Whether the search ranked models by the conditional-sum-of-squares approximation.
        public let approximated: Bool
    }

    /// Observations per season; 1 for a non-seasonal search.
    public var seasonalPeriod: Int
    public var maxP: Int
    public var maxQ: Int
    public var maxSeasonalP: Int
    public var maxSeasonalQ: Int
    public var maxD: Int
    public var maxSeasonalD: Int
    public var startP: Int
    public var startQ: Int
    public var startSeasonalP: Int
    public var startSeasonalQ: Int
    /// Fixed differencing orders; nil lets the tests choose.
    public var d: Int?
    public var seasonalD: Int?
    public var criterion: Criterion
    public var allowDrift: Bool
    public var allowMean: Bool
    /// Rank candidates by CSS fits and refit the winner by maximum likelihood; nil means "when the
    /// series has more than 150 points or the period exceeds 12", the rule of `auto.arima`.
    public var approximation: Bool?
    /// The most models the stepwise search fits.
    public var maxModels: Int
    /// The level of the KPSS tests that choose d.
    public var alpha: Double

    /// The defaults are those of `auto.arima` and statsforecast's `AutoARIMA`.
    public init(seasonalPeriod: Int = 1, maxP: Int = 5, maxQ: Int = 5, maxSeasonalP: Int = 2,
                maxSeasonalQ: Int = 2, maxD: Int = 2, maxSeasonalD: Int = 1, startP: Int = 2, startQ: Int = 2,
                startSeasonalP: Int = 1, startSeasonalQ: Int = 1, d: Int? = nil, seasonalD: Int? = nil,
                criterion: Criterion = .aicc, allowDrift: Bool = true, allowMean: Bool = true,
                approximation: Bool? = nil, maxModels: Int = 94, alpha: Double = 0.05) {
        self.seasonalPeriod = seasonalPeriod
        self.maxP = maxP
        self.maxQ = maxQ
        self.maxSeasonalP = maxSeasonalP
        self.maxSeasonalQ = maxSeasonalQ
        self.maxD = maxD
        self.maxSeasonalD = maxSeasonalD
        self.startP = startP
        self.startQ = startQ
        self.startSeasonalP = startSeasonalP
        self.startSeasonalQ = startSeasonalQ
        self.d = d
        self.seasonalD = seasonalD
        self.criterion = criterion
        self.allowDrift = allowDrift
        self.allowMean = allowMean
        self.approximation = approximation
        self.maxModels = maxModels
        self.alpha = alpha
    }

    public var name: String { "auto-ARIMA" }

    /// Selects and fits a model; see `search(_:)`.
    public func fit(_ series: [Double]) throws -> FittedARIMA {
        try search(series).best
    }

    /// Selects a model for `history` and forecasts `horizon` steps with intervals at `levels`.
    public func forecast(_ history: [Double], horizon: Int, levels: [Double]) throws -> ForecastResult {
        try fit(history).forecast(horizon: horizon, levels: levels)
    }
}
