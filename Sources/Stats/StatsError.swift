/// Why a statistical routine refused its input.
///
/// Every routine in `Stats` that cannot give a defined answer throws one of these instead of trapping.
public enum StatsError: Error, Sendable, Hashable {
    /// The input (after removing NaN where the routine does so) had no values.
    case emptyInput(String)
    /// Two inputs that must agree in size do not.
    case dimensionMismatch(String, expected: Int, actual: Int)
    /// A parameter was outside its domain.
    case invalidParameter(name: String, value: String, reason: String)
    /// The input contains NaN or an infinity where only finite numbers make sense.
    case nonFinite(String)
    /// A design matrix is rank deficient, so its least-squares problem has no unique solution.
    case singularMatrix(String)
    /// k-means was asked for more clusters than the data has distinct points.
    case tooFewDistinctPoints(clusters: Int, distinct: Int)
    /// Silhouettes need between 2 and n - 1 distinct labels.
    case invalidLabelCount(labels: Int, samples: Int)
}

extension StatsError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .emptyInput(let what):
            return "\(what): the input is empty"
        case .dimensionMismatch(let what, let expected, let actual):
            return "\(what): expected \(expected), got \(actual)"
        case .invalidParameter(let name, let value, let reason):
            return "invalid \(name) = \(value): \(reason)"
        case .nonFinite(let what):
            return "\(what): the input contains NaN or infinite values"
        case .singularMatrix(let what):
            return "\(what): the matrix is singular (rank deficient)"
        case .tooFewDistinctPoints(let clusters, let distinct):
            return "k-means: \(clusters) clusters requested but the data has only \(distinct) distinct points"
        case .invalidLabelCount(let labels, let samples):
            return "silhouette: \(labels) distinct labels for \(samples) samples; need 2 ≤ labels ≤ samples - 1"
        }
    }
}
