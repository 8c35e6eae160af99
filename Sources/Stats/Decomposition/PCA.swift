/// Principal component analysis by the eigen-decomposition of the sample covariance matrix;
/// scikit-learn's `PCA` (same components, explained variances and scores).
///
/// Each component's sign is fixed as scikit-learn's `svd_flip(u_based_decision=False)` does: its
/// entry of largest magnitude (the first such on ties) is positive, so results are deterministic.
/// Pearson (1901); Jolliffe, Principal Component Analysis (2002).
public struct PCA: Sendable, Hashable {
    /// The column means removed before projecting.
    public let mean: [Double]
    /// The principal axes, one unit vector per row (`components_`), by decreasing variance.
    public let components: Matrix
    /// The variance along each axis, with n - 1 in the denominator (`explained_variance_`).
    public let explainedVariance: [Double]
    /// Each axis's share of the total variance (`explained_variance_ratio_`).
    public let explainedVarianceRatio: [Double]
    /// The singular values of the centred data, √((n - 1) λ) (`singular_values_`).
    public let singularValues: [Double]

    /// Fits the principal axes of `data`.
    ///
    /// - Parameters:
    ///   - data: n × p observations.
    ///   - components: how many axes to keep (default all p; at most p).
    /// - Throws: `StatsError.emptyInput` for fewer than 2 rows, `StatsError.nonFinite` for NaN or
    ///   infinite data, `StatsError.invalidParameter` for a component count outside 1...p.
    /// - Complexity: O(n p²) for the covariance, O(p³) for its decomposition.
    public init(fitting data: Matrix, components count: Int? = nil) throws {
        let n = data.rows, p = data.columns
        guard n >= 2, p >= 1 else { throw StatsError.emptyInput("PCA needs at least 2 rows and 1 column") }
        guard data.values.allSatisfy(\.isFinite) else { throw StatsError.nonFinite("PCA") }
        let k = count ?? p
        guard k >= 1, k <= p else {
            throw StatsError.invalidParameter(name: "components", value: "\(k)", reason: "must be in 1...\(p)")
        }
        var mean = [Double](repeating: 0, count: p)
        for i in 0..<n { for j in 0..<p { mean[j] += data.values[i * p + j] } }
        for j in 0..<p { mean[j] /= Double(n) }
        var covariance = Matrix(rows: p, columns: p)
        var centred = [Double](repeating: 0, count: p)
        for i in 0..<n {
            for j in 0..<p { centred[j] = data.values[i * p + j] - mean[j] }
            for j in 0..<p { for l in j..<p { covariance.values[j * p + l] += centred[j] * centred[l] } }
        }
        for j in 0..<p {
            for l in j..<p {
                covariance.values[j * p + l] /= Double(n - 1)
                covariance.values[l * p + j] = covariance.values[j * p + l]
            }
        }
        let (values, vectors) = symmetricEigen(covariance)
        let eigenvalues = values.map { Swift.max($0, 0) }
        let total = eigenvalues.reduce(0, +)
        var axes = Matrix(rows: k, columns: p)
        for c in 0..<k {
            var pivot = 0
            for j in 0..<p where abs(vectors[c, j]) > abs(vectors[c, pivot]) { pivot = j }
            let sign: Double = vectors[c, pivot] < 0 ? -1 : 1
            for j in 0..<p { axes[c, j] = sign * vectors[c, j] }
        }
        self.mean = mean
        self.components = axes
        self.explainedVariance = Array(eigenvalues.prefix(k))
        self.explainedVarianceRatio = eigenvalues.prefix(k).map { total > 0 ? $0 / total : 0 }
        self.singularValues = eigenvalues.prefix(k).map { ($0 * Double(n - 1)).squareRoot() }
    }

    /// The scores of `data` on the principal axes: (x - mean) · componentsᵀ.
    ///
    /// - Throws: `StatsError.dimensionMismatch` when `data` has a different number of columns.
    public func transform(_ data: Matrix) throws -> Matrix {
        let p = mean.count, k = components.rows
        guard data.columns == p else { throw StatsError.dimensionMismatch("PCA transform: columns", expected: p, actual: data.columns) }
        var result = Matrix(rows: data.rows, columns: k)
        for i in 0..<data.rows {
            for c in 0..<k {
                var sum = 0.0
                for j in 0..<p { sum += (data.values[i * p + j] - mean[j]) * components.values[c * p + j] }
                result.values[i * k + c] = sum
            }
        }
        return result
    }

    /// Maps scores back to the original space: scores · components + mean.
    public func inverseTransform(_ scores: Matrix) throws -> Matrix {
        let p = mean.count, k = components.rows
        guard scores.columns == k else { throw StatsError.dimensionMismatch("PCA inverse transform: columns", expected: k, actual: scores.columns) }
        var result = Matrix(rows: scores.rows, columns: p)
        for i in 0..<scores.rows {
            for j in 0..<p {
                var sum = mean[j]
                for c in 0..<k { sum += scores.values[i * k + c] * components.values[c * p + j] }
                result.values[i * p + j] = sum
            }
        }
        return result
    }
}
