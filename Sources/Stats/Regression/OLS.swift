/// Ordinary least squares, y = Xβ + ε, solved through a Householder QR factorisation of X
/// (never the normal equations), with classical (non-robust) standard errors; statsmodels' `OLS`.
///
/// Greene, Econometric Analysis (2018), ch. 4.
public struct OLS: Sendable, Hashable {
    /// Whether a constant column is prepended to X (statsmodels' `add_constant`).
    public var includesIntercept: Bool

    /// - Parameter intercept: prepend a column of ones, whose coefficient comes first in the result.
    public init(intercept: Bool = true) {
        includesIntercept = intercept
    }

    /// Fits y on the columns of x.
    ///
    /// - Parameters:
    ///   - x: n × p regressors (rows are observations), without the constant column.
    ///   - y: n responses.
    /// - Returns: the coefficients and their inference; with `n == p` (+1 with intercept) the fit is
    ///   exact and the residual variance, standard errors and p-values are NaN.
    /// - Throws: `StatsError.dimensionMismatch` when y's length is not x's row count,
    ///   `StatsError.nonFinite` for NaN or infinite data, `StatsError.emptyInput` with fewer
    ///   observations than coefficients, `StatsError.singularMatrix` for collinear regressors.
    /// - Complexity: O(n p²).
    public func fit(_ x: Matrix, _ y: [Double]) throws -> OLSResult {
        guard y.count == x.rows else {
            throw StatsError.dimensionMismatch("OLS: y's length", expected: x.rows, actual: y.count)
        }
        guard x.values.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite) else { throw StatsError.nonFinite("OLS") }
        let design = includesIntercept ? withConstant(x) : x
        let n = design.rows, p = design.columns
        guard p > 0 else { throw StatsError.emptyInput("OLS: no regressors") }
        guard n >= p else {
            throw StatsError.emptyInput("OLS: \(n) observations for \(p) coefficients")
        }
        let qr = HouseholderQR(design)
        if qr.isRankDeficient { throw StatsError.singularMatrix("OLS design") }
        let beta = qr.solve(y)
        var fitted = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sum = 0.0
            for j in 0..<p { sum += design.values[i * p + j] * beta[j] }
            fitted[i] = sum
        }
        let residuals = zip(y, fitted).map { $0 - $1 }
        let ssr = residuals.reduce(0) { $0 + $1 * $1 }
        let dfResidual = n - p
        let sigma2 = dfResidual > 0 ? ssr / Double(dfResidual) : .nan
        let rInverse = qr.inverseR()
        var covariance = Matrix(rows: p, columns: p)
        for i in 0..<p {
            for j in 0..<p {
                var sum = 0.0
                for k in Swift.max(i, j)..<p { sum += rInverse[i * p + k] * rInverse[j * p + k] }
                covariance[i, j] = sigma2 * sum
            }
        }
        let standardErrors = (0..<p).map { covariance[$0, $0].squareRoot() }
        let tStatistics = zip(beta, standardErrors).map { $0 / $1 }
        let t = StudentT(degreesOfFreedom: Double(dfResidual))
        let pValues = tStatistics.map { dfResidual > 0 ? 2 * t.survival(abs($0)) : .nan }
        let centre = includesIntercept ? y.reduce(0, +) / Double(n) : 0
        let tss = y.reduce(0) { $0 + ($1 - centre) * ($1 - centre) }
        let rSquared = 1 - ssr / tss
        let constant = includesIntercept ? 1.0 : 0.0
        let adjusted = 1 - (Double(n) - constant) / Double(dfResidual) * (1 - rSquared)
        return OLSResult(
            coefficients: beta, standardErrors: standardErrors, tStatistics: tStatistics, pValues: pValues,
            covariance: covariance, rSquared: rSquared, adjustedRSquared: adjusted, residualVariance: sigma2,
            sumOfSquaredResiduals: ssr, residuals: residuals, fittedValues: fitted, observations: n,
            residualDegreesOfFreedom: dfResidual, includesIntercept: includesIntercept)
    }

    private func withConstant(_ x: Matrix) -> Matrix {
        var result = Matrix(rows: x.rows, columns: x.columns + 1, repeating: 1)
        for i in 0..<x.rows {
            for j in 0..<x.columns { result[i, j + 1] = x.values[i * x.columns + j] }
        }
        return result
    }
}

/// A fitted OLS model, with the quantities of statsmodels' `RegressionResults` summary.
public struct OLSResult: Sendable, Hashable {
    /// β, intercept first when the model has one.
    public let coefficients: [Double]
    /// The standard errors of β (`bse`).
    public let standardErrors: [Double]
    /// β / se (`tvalues`).
    public let tStatistics: [Double]
    /// Two-sided p-values from Student's t with n - p degrees of freedom (`pvalues`).
    public let pValues: [Double]
    /// σ² (XᵀX)⁻¹ (`cov_params()`).
    public let covariance: Matrix
    /// R², centred with an intercept, uncentred without (statsmodels' convention).
    public let rSquared: Double
    /// 1 - (n - k₀)/(n - p) (1 - R²), k₀ = 1 with an intercept (`rsquared_adj`).
    public let adjustedRSquared: Double
    /// σ² = SSR / (n - p) (`scale`, `mse_resid`).
    public let residualVariance: Double
    /// Σ residual² (`ssr`).
    public let sumOfSquaredResiduals: Double
    /// y - ŷ.
    public let residuals: [Double]
    /// ŷ = Xβ.
    public let fittedValues: [Double]
    /// n.
    public let observations: Int
    /// n - p (`df_resid`).
    public let residualDegreesOfFreedom: Int
    /// Whether the first coefficient is an intercept.
    public let includesIntercept: Bool

    /// Predictions for new rows of regressors (without the constant column).
    ///
    /// - Throws: `StatsError.dimensionMismatch` when x has the wrong number of columns.
    public func predict(_ x: Matrix) throws -> [Double] {
        let offset = includesIntercept ? 1 : 0
        guard x.columns + offset == coefficients.count else {
            throw StatsError.dimensionMismatch("OLS predict: columns", expected: coefficients.count - offset, actual: x.columns)
        }
        return (0..<x.rows).map { i in
            var sum = includesIntercept ? coefficients[0] : 0
            for j in 0..<x.columns { sum += coefficients[j + offset] * x.values[i * x.columns + j] }
            return sum
        }
    }
}
