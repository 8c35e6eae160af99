/// Why an inventory policy calculation rejected its input.
public enum PolicyError: Error, Sendable, Hashable {
    /// A value that must be a finite number ≥ 0 (or > 0) was not.
    case invalidValue(name: String, value: Double, expected: String)
    /// A service level outside the open interval (0, 1).
    case serviceLevelOutOfRange(Double)
    /// Too few observations for the statistic (for example a coefficient of variation from one period).
    case tooFewPeriods(item: Int, count: Int, required: Int)
    /// Threshold pairs must satisfy 0 < first ≤ second.
    case badThresholds(first: Double, second: Double)
    /// Quantile levels and values differ in length, are unsorted or empty.
    case badQuantiles(String)
    /// The service level lies outside the quantile levels supplied, so it cannot be interpolated.
    case serviceLevelOutsideQuantiles(serviceLevel: Double, lowest: Double, highest: Double)
}

extension PolicyError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .invalidValue(name, value, expected):
            return "\(name) is \(value): expected \(expected)"
        case let .serviceLevelOutOfRange(level):
            return "service level \(level) is outside (0, 1): expected a probability such as 0.95"
        case let .tooFewPeriods(item, count, required):
            return "item \(item) has \(count) demand periods: at least \(required) are needed"
        case let .badThresholds(first, second):
            return "thresholds \(first) and \(second) are invalid: expected 0 < first ≤ second"
        case let .badQuantiles(why):
            return "forecast quantiles are invalid: \(why)"
        case let .serviceLevelOutsideQuantiles(level, lowest, highest):
            return "service level \(level) is outside the forecast quantile levels [\(lowest), \(highest)]"
        }
    }
}

func requireNonNegative(_ value: Double, _ name: String) throws(PolicyError) {
    guard value.isFinite, value >= 0 else { throw .invalidValue(name: name, value: value, expected: "a finite number ≥ 0") }
}

func requirePositive(_ value: Double, _ name: String) throws(PolicyError) {
    guard value.isFinite, value > 0 else { throw .invalidValue(name: name, value: value, expected: "a finite number > 0") }
}

func requireServiceLevel(_ level: Double) throws(PolicyError) {
    guard level > 0, level < 1 else { throw .serviceLevelOutOfRange(level) }
}
