/// Column-wise standardisation, (x - mean) / std with the population standard deviation (ddof 0),
/// fitted on one matrix and applied to any other with the same columns; scikit-learn's `StandardScaler`.
///
/// NaN values are ignored when fitting and stay NaN when transforming. A constant column (variance
/// at rounding level, scikit-learn's test) gets scale 1, so it transforms to zeros instead of
/// dividing by zero; a column that is entirely NaN gets mean NaN and scale 1 and transforms to NaN.
public struct StandardScaler: Sendable, Hashable {
    /// The column means.
    public let means: [Double]
    /// The column divisors: the standard deviations, 1 for constant columns.
    public let scales: [Double]

    /// Learns the column means and standard deviations of `data`.
    ///
    /// - Throws: `StatsError.emptyInput` when `data` has no rows.
    public init(fitting data: Matrix) throws {
        guard data.rows > 0 else { throw StatsError.emptyInput("StandardScaler") }
        var means: [Double] = [], scales: [Double] = []
        for j in 0..<data.columns {
            let column = data.column(j).filter { !$0.isNaN }
            let mean = column.mean()
            let variance = column.variance(ddof: 0)
            means.append(mean)
            let n = Double(column.count)
            let eps = Double.ulpOfOne
            let bound = n * eps * variance + (n * mean * eps) * (n * mean * eps)
            scales.append(column.isEmpty || !(variance > bound) ? 1 : variance.squareRoot())
        }
        self.means = means
        self.scales = scales
    }

    /// The standardised copy of `data`.
    ///
    /// - Throws: `StatsError.dimensionMismatch` when `data` has a different number of columns.
    public func transform(_ data: Matrix) throws -> Matrix {
        try applyColumnwise(data, centers: means, scales: scales, inverse: false)
    }

    /// Undoes `transform`.
    public func inverseTransform(_ data: Matrix) throws -> Matrix {
        try applyColumnwise(data, centers: means, scales: scales, inverse: true)
    }
}

func applyColumnwise(_ data: Matrix, centers: [Double], scales: [Double], inverse: Bool) throws -> Matrix {
    guard data.columns == centers.count else {
        throw StatsError.dimensionMismatch("scaler columns", expected: centers.count, actual: data.columns)
    }
    var result = data
    let p = data.columns
    result.values.withUnsafeMutableBufferPointer { buffer in
        for i in 0..<data.rows {
            for j in 0..<p {
                let x = buffer[i * p + j]
                buffer[i * p + j] = inverse ? x * scales[j] + centers[j] : (x - centers[j]) / scales[j]
            }
        }
    }
    return result
}
