/// A seasonal ARIMA(p,d,q)(P,D,Q)s model specification, fitted by exact Gaussian maximum likelihood
/// (Kalman filter) from conditional-sum-of-squares starting values, as R's `arima` (method
/// "CSS-ML") and statsmodels' `SARIMAX`. Box & Jenkins (1970); Harvey (1989); Durbin & Koopman (2012).
///
/// The model is `φ(B) Φ(Bˢ) (∇ᵈ ∇ₛᴰ y_t − μ) = θ(B) Θ(Bˢ) ε_t`, ε_t ~ N(0, σ²), with
/// `φ(B) = 1 − φ₁B − … − φ_pBᵖ` and `θ(B) = 1 + θ₁B + … + θ_qB^q` (the sign conventions of R and
/// statsmodels). The constant μ is the mean when d + D = 0 and the drift (slope per period) when
/// d + D = 1, as R forecast's `Arima(include.mean, include.drift)`; with d + D ≥ 2 no constant is
/// fitted, since it would imply a polynomial trend of degree 2 or more.
///
/// ```swift
/// let fit = try ARIMA(order: (0, 1, 1), seasonalOrder: (0, 1, 1, 12)).fit(logPassengers)
/// let ahead = try fit.forecast(horizon: 24, levels: [0.8, 0.95])
/// ```
public struct ARIMA: Forecaster, Hashable {
    /// The non-seasonal orders.
    public struct Order: Sendable, Hashable, CustomStringConvertible {
        public var p: Int
        public var d: Int
        public var q: Int
        public init(p: Int, d: Int, q: Int) {
            self.p = p
            self.d = d
            self.q = q
        }
        public var description: String { "(\(p),\(d),\(q))" }
    }

    /// The seasonal orders and the period s (observations per season).
    public struct SeasonalOrder: Sendable, Hashable, CustomStringConvertible {
        public var p: Int
        public var d: Int
        public var q: Int
        public var period: Int
        public init(p: Int, d: Int, q: Int, period: Int) {
            self.p = p
            self.d = d
            self.q = q
            self.period = period
        }
        /// No seasonal part.
        public static let none = SeasonalOrder(p: 0, d: 0, q: 0, period: 1)
        /// Whether any seasonal order is non-zero.
        public var isSeasonal: Bool { p + d + q > 0 }
        public var description: String { "(\(p),\(d),\(q))[\(period)]" }
    }

    /// How the parameters are estimated.
    public enum Method: Sendable, Hashable {
        /// Conditional sum of squares only (fast, approximate; used for the search of `AutoARIMA`
        /// on long series).
        case conditionalSumOfSquares
        /// Exact maximum likelihood from zero starting values.
        case maximumLikelihood
        /// Exact maximum likelihood started from the conditional-sum-of-squares estimates (R's default).
        case conditionalSumOfSquaresThenMaximumLikelihood
    }

    public let order: Order
    public let seasonalOrder: SeasonalOrder
    /// Whether a mean (d + D = 0) or drift (d + D = 1) is fitted; ignored when d + D ≥ 2.
    public let includeConstant: Bool
    public let method: Method

    /// - Parameters:
    ///   - order: (p, d, q), each non-negative.
    ///   - seasonalOrder: (P, D, Q, s); the default has no seasonal part.
    ///   - includeConstant: fit a mean (d + D = 0) or a drift (d + D = 1); ignored when d + D ≥ 2.
    ///   - method: the estimation method, CSS-then-ML by default.
    public init(order: (p: Int, d: Int, q: Int),
                seasonalOrder: (p: Int, d: Int, q: Int, period: Int) = (0, 0, 0, 1),
                includeConstant: Bool = true,
                method: Method = .conditionalSumOfSquaresThenMaximumLikelihood) {
        self.order = Order(p: order.p, d: order.d, q: order.q)
        self.seasonalOrder = SeasonalOrder(p: seasonalOrder.p, d: seasonalOrder.d, q: seasonalOrder.q,
                                           period: seasonalOrder.period)
        self.includeConstant = includeConstant
        self.method = method
    }

    /// - Parameters: as `init(order:seasonalOrder:includeConstant:method:)`, with the order structs.
    public init(order: Order, seasonalOrder: SeasonalOrder = .none, includeConstant: Bool = true,
                method: Method = .conditionalSumOfSquaresThenMaximumLikelihood) {
        self.order = order
        self.seasonalOrder = seasonalOrder
        self.includeConstant = includeConstant
        self.method = method
    }

    /// Whether the fitted model carries a constant: a mean or a drift as asked, never with d + D ≥ 2.
    public var hasConstant: Bool { includeConstant && order.d + seasonalOrder.d <= 1 }

    /// For example "ARIMA(0,1,1)(0,1,1)[12]" or "ARIMA(1,1,1) with drift", as R prints models.
    public var name: String {
        var text = "ARIMA\(order)"
        if seasonalOrder.isSeasonal { text += "\(seasonalOrder)" }
        if hasConstant { text += order.d + seasonalOrder.d == 0 ? " with non-zero mean" : " with drift" }
        return text
    }

    /// Fits the model to `history` and forecasts `horizon` steps with intervals at `levels`.
    /// - Throws: `ForecastError` for NaN, too short a history, bad arguments or a failed fit.
    public func forecast(_ history: [Double], horizon: Int, levels: [Double]) throws -> ForecastResult {
        try fit(history).forecast(horizon: horizon, levels: levels)
    }
}
