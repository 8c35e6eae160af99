/// Column-wise robust scaling, (x - median) / IQR, fitted on one matrix and applied to others;
/// scikit-learn's `RobustScaler` with its defaults (quantile range 25–75, linear interpolation).
///
/// NaN values are ignored when fitting and stay NaN when transforming. A column whose IQR is 0
/// (constant, or mostly one value) gets scale 1, so it is only centred; an all-NaN column gets
/// median NaN and transforms to NaN.
public struct RobustScaler: Sendable, Hashable {
    /// The column medians.
    public let medians: [Double]
    /// The column divisors: the interquartile ranges, 1 where the IQR is 0.
    public let scales: [Double]

    /// Learns the column medians and interquartile ranges of `data`.
    ///
    /// - Throws: `StatsError.emptyInput` when `data` has no rows.
    public init(fitting data: Matrix) throws {
        guard data.rows > 0 else { throw StatsError.emptyInput("RobustScaler") }
        var medians: [Double] = [], scales: [Double] = []
        for j in 0..<data.columns {
            let q = data.column(j).quantiles([0.25, 0.5, 0.75])
            medians.append(q[1])
            let iqr = q[2] - q[0]
            scales.append(iqr > 0 && iqr.isFinite ? iqr : 1)
        }
        self.medians = medians
        self.scales = scales
    }

    /// The robustly scaled copy of `data`.
    ///
    /// - Throws: `StatsError.dimensionMismatch` when `data` has a different number of columns.
    public func transform(_ data: Matrix) throws -> Matrix {
        try applyColumnwise(data, centers: medians, scales: scales, inverse: false)
    }

    /// Undoes `transform`.
    public func inverseTransform(_ data: Matrix) throws -> Matrix {
        try applyColumnwise(data, centers: medians, scales: scales, inverse: true)
    }
}
