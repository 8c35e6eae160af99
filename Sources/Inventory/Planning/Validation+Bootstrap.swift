import Stats

/// A difference between two plans (`recommended − baseline`, `rebalanced − current`) with its
/// bootstrap interval and the replicates it came from.
public struct PlanDifference: Sendable, Hashable {
    /// The two plans, the difference being `other − reference`.
    public let comparison: PlanComparison
    /// `total_cost`, `fill_rate` or `stockout_units`.
    public let kpi: String
    /// The difference on the SKUs as they are.
    public let estimate: Double
    public let lower: Double
    public let upper: Double
    /// The nominal coverage, e.g. 0.95.
    public let level: Double
    /// The difference on each resample (NaN-free), in draw order.
    public let replicates: [Double]

    /// Whether the interval excludes zero.
    public var isSignificant: Bool { lower > 0 || upper < 0 }
}

extension ValidationReplay {
    /// Percentile bootstrap intervals of `other − reference` for total cost, fill rate and units lost,
    /// resampling SKUs with replacement, paired (a drawn SKU counts in both plans).
    ///
    /// SKUs are the unit resampled because they are the replay's independent units: the simulator
    /// couples days (stock carries over, orders arrive later), so resampling days or weeks would
    /// break the inventory dynamics, whereas a SKU's replay does not depend on any other SKU's. The
    /// interval therefore says how much the difference depends on which SKUs happen to be in the
    /// assortment, not how it would vary with another season's demand. Efron & Tibshirani (1993),
    /// ch. 13, percentile interval (linear interpolation of the replicate quantiles).
    ///
    /// - Parameters:
    ///   - resamples: the number of bootstrap draws, ≥ 1.
    ///   - seed: the seed of the `SeededGenerator`; the same seed gives the same intervals.
    /// - Throws: ``ValidationInputError/nothingToReplay(_:)`` for traces of no SKU or of different SKUs,
    ///   `StatsError.invalidParameter` for fewer than one resample or a level outside (0, 1).
    /// - Returns: the differences of `total_cost`, `fill_rate` and `stockout_units`, in that order. A
    ///   resample whose SKUs had no demand gives no fill-rate replicate.
    /// - Complexity: O(resamples × SKUs).
    public func bootstrapDifferences(reference: ReplayTrace, other: ReplayTrace, resamples: Int, level: Double = 0.95,
                                     seed: UInt64) throws -> [PlanDifference] {
        guard resamples >= 1 else {
            throw StatsError.invalidParameter(name: "resamples", value: "\(resamples)", reason: "must be at least 1")
        }
        guard level > 0, level < 1 else {
            throw StatsError.invalidParameter(name: "level", value: "\(level)", reason: "must be in (0, 1)")
        }
        let a = reference.skuTotals(in: self), b = other.skuTotals(in: self)
        let n = a.demand.count
        guard n > 0, b.demand.count == n else { throw ValidationInputError.nothingToReplay("the bootstrap needs the same SKUs in both plans") }
        let costDifference = (0..<n).map { b.cost[$0] - a.cost[$0] }
        let lostDifference = (0..<n).map { a.sold[$0] - b.sold[$0] }  // the same demand in both plans
        func fillDifference(_ indices: some Sequence<Int>) -> Double {
            var demanded = 0.0, soldA = 0.0, soldB = 0.0
            for i in indices {
                demanded += a.demand[i]
                soldA += a.sold[i]
                soldB += b.sold[i]
            }
            return demanded > 0 ? (soldB - soldA) / demanded : .nan
        }
        var generator = SeededGenerator(seed: seed)
        var costs: [Double] = [], fills: [Double] = [], losses: [Double] = []
        costs.reserveCapacity(resamples)
        fills.reserveCapacity(resamples)
        losses.reserveCapacity(resamples)
        var draw = [Int](repeating: 0, count: n)
        for _ in 0..<resamples {
            var cost = 0.0, lost = 0.0
            for i in 0..<n {
                draw[i] = generator.nextIndex(below: n)
                cost += costDifference[draw[i]]
                lost += lostDifference[draw[i]]
            }
            costs.append(cost)
            losses.append(lost)
            let fill = fillDifference(draw)
            if !fill.isNaN { fills.append(fill) }
        }
        func interval(_ kpi: String, _ estimate: Double, _ replicates: [Double]) -> PlanDifference {
            let alpha = (1 - level) / 2
            let bounds = replicates.isEmpty ? [Double.nan, .nan] : replicates.quantiles([alpha, 1 - alpha])
            return PlanDifference(comparison: PlanComparison(reference: reference.plan, other: other.plan), kpi: kpi, estimate: estimate, lower: bounds[0], upper: bounds[1], level: level, replicates: replicates)
        }
        return [interval("total_cost", costDifference.reduce(0, +), costs),
                interval("fill_rate", fillDifference(0..<n), fills),
                interval("stockout_units", lostDifference.reduce(0, +), losses)]
    }
}

extension ValidationReplay {
    /// The bootstrap differences of each comparison, in order, every one drawn with the same seed (so
    /// the same SKU resamples, common random numbers across the comparisons).
    /// - Throws: ``ValidationInputError/nothingToReplay(_:)`` when a compared plan has no trace; the
    ///   errors of ``bootstrapDifferences(reference:other:resamples:level:seed:)``.
    public func bootstrapDifferences(_ comparisons: [PlanComparison], traces: [ReplayTrace], resamples: Int, level: Double = 0.95,
                                     seed: UInt64) throws -> [PlanDifference] {
        try comparisons.flatMap { comparison in
            guard let reference = traces.first(where: { $0.plan == comparison.reference }),
                  let other = traces.first(where: { $0.plan == comparison.other }) else {
                throw ValidationInputError.nothingToReplay("comparing \(comparison) needs the replays of both plans")
            }
            return try bootstrapDifferences(reference: reference, other: other, resamples: resamples, level: level, seed: seed)
        }
    }
}
