/// A prediction interval at one coverage level, one bound per forecast step.
public struct PredictionInterval: Sendable, Hashable {
    /// The nominal coverage, for example 0.8 or 0.95.
    public let level: Double
    public let lower: [Double]
    public let upper: [Double]

    public init(level: Double, lower: [Double], upper: [Double]) {
        self.level = level
        self.lower = lower
        self.upper = upper
    }
}

/// A point forecast over a horizon with its prediction intervals.
public struct ForecastResult: Sendable, Hashable {
    /// The name of the model that produced it, for example "ARIMA(1,1,1)" or "ETS(A,Ad,N)".
    public let model: String
    public let mean: [Double]
    public let intervals: [PredictionInterval]

    public init(model: String, mean: [Double], intervals: [PredictionInterval]) {
        self.model = model
        self.mean = mean
        self.intervals = intervals
    }

    /// The interval at `level`, if it was asked for.
    public func interval(level: Double) -> PredictionInterval? {
        intervals.first { abs($0.level - level) < 1e-9 }
    }
}

/// A forecasting method: fits itself to a regularly spaced history and forecasts ahead.
///
/// Seasonal methods take their period in their initialiser. Every method in this module conforms,
/// so that backtests can choose among them per series.
public protocol Forecaster: Sendable {
    /// A short name for tables, for example "auto-ARIMA" or "Croston".
    var name: String { get }

    /// Fits to `history` (no NaN, oldest first) and forecasts `horizon` steps.
    /// - Parameter levels: the coverages of the prediction intervals, each in (0, 1).
    /// - Throws: `ForecastError` when the history cannot support the method.
    func forecast(_ history: [Double], horizon: Int, levels: [Double]) throws -> ForecastResult
}

/// Why a series could not be modelled or forecast.
public enum ForecastError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The history has `count` points; the method needs at least `needed`.
    case tooShort(count: Int, needed: Int, method: String)
    /// The history contains NaN or infinite values at these positions.
    case nonFinite(positions: [Int])
    /// An invalid argument, such as a non-positive horizon or a level outside (0, 1).
    case invalidArgument(String)
    /// Optimisation or a recursion failed to give a usable model.
    case fitFailed(method: String, reason: String)

    public var description: String {
        switch self {
        case let .tooShort(count, needed, method):
            return "\(method) needs at least \(needed) observations, the series has \(count)"
        case let .nonFinite(positions):
            let shown = positions.prefix(5).map(String.init).joined(separator: ", ")
            return "the series has missing or non-finite values at positions \(shown)\(positions.count > 5 ? ", ..." : "")"
        case let .invalidArgument(message):
            return message
        case let .fitFailed(method, reason):
            return "\(method) could not be fitted: \(reason)"
        }
    }
}
