import Foundation

/// A way to make base forecasts coherent, so that every aggregate equals the sum of its bottom series.
public enum Reconciliation: Sendable, Hashable {
    /// Sum the bottom forecasts; the aggregates' own forecasts are ignored.
    case bottomUp
    /// Split the top forecast down a strictly nested hierarchy.
    case topDown(TopDownMethod)
    /// Minimum trace (MinT) reconciliation with a choice of error covariance.
    case minTrace(MinTraceMethod)

    public enum TopDownMethod: Sendable, Hashable {
        /// Each child takes its parent's reconciled forecast in proportion to the children's base
        /// forecasts (Athanasopoulos, Ahmed & Hyndman 2009); hierarchicalforecast's
        /// `TopDown(method='forecast_proportions')`.
        case forecastProportions
    }

    public enum MinTraceMethod: Sendable, Hashable {
        /// W = I (hierarchicalforecast `ols`).
        case ols
        /// W = diag(S·1), the number of bottom series under each series (`wls_struct`).
        case wlsStruct
        /// W = diag of the residual variances (`wls_var`).
        case wlsVar
        /// The residual covariance shrunk towards its diagonal (`mint_shrink`).
        case shrink
    }

    var name: String {
        switch self {
        case .bottomUp: return "BottomUp"
        case .topDown: return "TopDown(forecast_proportions)"
        case let .minTrace(m): return "MinTrace(\(m))"
        }
    }
}

/// Coherent forecasts and how they were obtained.
public struct ReconciledForecast: Sendable {
    /// `[series][step]` in the hierarchy's series order; aggregates are the sums of the bottom rows.
    public let mean: [[Double]]
    /// The method actually used, after any documented fallback (e.g. `MinTrace(wlsStruct)` when a
    /// series has no residuals for `.shrink`).
    public let method: Reconciliation
    /// The shrinkage intensity λ of `.minTrace(.shrink)` (per block: the largest), else `nil`.
    public let shrinkage: Double?
}

extension Hierarchy {
    /// Reconciles base forecasts of every series over a horizon.
    ///
    /// - Parameters:
    ///   - forecasts: `[series][step]` base forecasts for every series of every level, in ``series`` order.
    ///   - method: the reconciliation method.
    ///   - residuals: in-sample one-step residuals (actual − fitted), `[series][t]`, all of one
    ///     length; needed by `.minTrace(.wlsVar)` and `.minTrace(.shrink)`. If any series has fewer
    ///     than two residuals (a new product with no history), these methods fall back to
    ///     `.minTrace(.wlsStruct)`, which needs none; ``ReconciledForecast/method`` says so.
    ///   - nonnegative: when true, MinT solves the constrained problem min (ŷ − Sb)ᵀW⁻¹(ŷ − Sb) over
    ///     b ≥ 0 exactly (after setting negative base forecasts to zero, as hierarchicalforecast's
    ///     `nonnegative=True` does) by a primal–dual active-set method on the constraint form; for
    ///     bottom-up and top-down the bottom forecasts are clipped at zero before summing.
    ///   - covarianceBlocks: for `.shrink` and `.wlsVar` on large hierarchies, an attribute (e.g.
    ///     `"sku"`) whose values split the series into blocks: the covariance is estimated and kept
    ///     only within a block (a SKU's total and its locations) and is diagonal elsewhere. `nil` uses
    ///     one dense covariance over all series, which is exact MinT-shrink but costs O(n²·T).
    /// - Returns: coherent forecasts.
    /// - Throws: ``HierarchyError`` for mismatched shapes, NaN in forecasts or residuals, a
    ///   non-nested hierarchy for top-down, or an ill-conditioned MinT system.
    ///
    /// Prediction intervals are not reconciled here: summing bottom bounds is wrong (quantiles do not
    /// add), and the coherent alternatives (hierarchicalforecast's `normality`, `bootstrap`,
    /// `permbu`) need the full error covariance. A usable approximation is to shift each series'
    /// base interval by the change of its mean, which keeps the widths of the base model.
    public func reconcile(_ forecasts: [[Double]], method: Reconciliation, residuals: [[Double]]? = nil,
                          nonnegative: Bool = false, covarianceBlocks: String? = nil) throws -> ReconciledForecast {
        guard forecasts.count == count else {
            throw HierarchyError.shape("expected forecasts for \(count) series, got \(forecasts.count)")
        }
        let horizon = forecasts.first?.count ?? 0
        for (i, f) in forecasts.enumerated() {
            guard f.count == horizon else { throw HierarchyError.shape("series \(series[i].label) has \(f.count) steps, expected \(horizon)") }
            guard f.allSatisfy(\.isFinite) else { throw HierarchyError.nonFinite(what: "forecasts", series: series[i].label) }
        }
        switch method {
        case .bottomUp:
            var bottom = Array(forecasts[aggregateCount...])
            if nonnegative { bottom = bottom.map { $0.map { max($0, 0) } } }
            return ReconciledForecast(mean: try aggregate(bottom), method: method, shrinkage: nil)
        case .topDown(.forecastProportions):
            var bottom = try forecastProportions(forecasts)
            if nonnegative { bottom = bottom.map { $0.map { max($0, 0) } } }
            return ReconciledForecast(mean: try aggregate(bottom), method: method, shrinkage: nil)
        case let .minTrace(kind):
            return try minTrace(forecasts, kind: kind, residuals: residuals, nonnegative: nonnegative,
                                blocks: covarianceBlocks)
        }
    }
}
