import Foundation

extension ReconciledForecast {
    /// Base prediction intervals moved by each series' change of mean: [l + (m̃ − m̂), u + (m̃ − m̂)].
    ///
    /// An approximation, not a coherent probabilistic reconciliation: it keeps the base models'
    /// widths, whereas MinT changes the variances too (hierarchicalforecast's `normality` uses
    /// S·P·W·Pᵀ·Sᵀ, `bootstrap` and `permbu` resample). Summing bottom bounds would be wrong, since
    /// quantiles do not add. With `nonnegative` the lower bound is clipped at zero.
    /// - Parameters:
    ///   - lower: `[series][step]` base lower bounds, in the hierarchy's series order.
    ///   - upper: `[series][step]` base upper bounds.
    ///   - base: `[series][step]` the base means the intervals belong to.
    /// - Throws: ``HierarchyError/shape(_:)`` when the shapes differ from the reconciled mean's.
    public func shiftedIntervals(lower: [[Double]], upper: [[Double]], base: [[Double]],
                                 nonnegative: Bool = false) throws -> (lower: [[Double]], upper: [[Double]]) {
        let shape = mean.map(\.count)
        guard lower.map(\.count) == shape, upper.map(\.count) == shape, base.map(\.count) == shape else {
            throw HierarchyError.shape("interval bounds and base means must have the reconciled forecast's shape")
        }
        var newLower = lower, newUpper = upper
        for i in mean.indices {
            for h in mean[i].indices {
                let shift = mean[i][h] - base[i][h]
                newLower[i][h] = nonnegative ? max(lower[i][h] + shift, 0) : lower[i][h] + shift
                newUpper[i][h] = upper[i][h] + shift
            }
        }
        return (newLower, newUpper)
    }
}
