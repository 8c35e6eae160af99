/// A class of the ABC (Pareto) analysis: A items carry most of the revenue, C items little.
public enum ABCClass: String, Sendable, Hashable, CaseIterable, Comparable {
    case a = "A", b = "B", c = "C"

    public static func < (lhs: ABCClass, rhs: ABCClass) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// ABC classification of items by cumulative share of revenue.
///
/// Items are ranked by revenue, highest first (ties keep their input order). Walking down the ranking,
/// an item is A while the cumulative share of the items ranked *before* it is below `aThreshold`,
/// B while it is below `bThreshold`, and C afterwards; so the item whose revenue crosses a threshold
/// belongs to the class it completes, and the top item is always A when revenue is positive.
/// Items with zero revenue are always C. Reference: Silver, Pyke & Thomas (2017), §2.2.
public struct ABCClassification: Sendable {
    /// The class of each item, in input order.
    public let classes: [ABCClass]
    /// Each item's own share of total revenue, in input order (0 when the total is 0).
    public let shares: [Double]
    /// The cumulative share up to and including each item in the ranking, in input order.
    public let cumulativeShares: [Double]
    /// Item indices from highest to lowest revenue.
    public let ranking: [Int]

    /// Classifies items by their revenue.
    ///
    /// - Parameters:
    ///   - revenue: Revenue per item, each finite and ≥ 0. An empty array gives an empty classification.
    ///   - aThreshold: Cumulative share closing class A; default 0.80.
    ///   - bThreshold: Cumulative share closing class B; default 0.95.
    /// - Throws: ``PolicyError`` for NaN, infinite or negative revenue, or thresholds outside 0 < a ≤ b.
    /// - Complexity: O(n log n).
    public init(revenue: [Double], aThreshold: Double = 0.80, bThreshold: Double = 0.95) throws(PolicyError) {
        guard aThreshold > 0, aThreshold <= bThreshold, bThreshold.isFinite else {
            throw .badThresholds(first: aThreshold, second: bThreshold)
        }
        for (index, value) in revenue.enumerated() { try requireNonNegative(value, "revenue of item \(index)") }
        let total = revenue.reduce(0, +)
        let ranking = revenue.indices.sorted { revenue[$0] > revenue[$1] || (revenue[$0] == revenue[$1] && $0 < $1) }
        var classes = [ABCClass](repeating: .c, count: revenue.count)
        var shares = [Double](repeating: 0, count: revenue.count)
        var cumulative = [Double](repeating: 0, count: revenue.count)
        var before = 0.0
        var running = 0.0
        for index in ranking {
            let share = total > 0 ? revenue[index] / total : 0
            running += revenue[index]
            shares[index] = share
            cumulative[index] = total > 0 ? running / total : 0
            if revenue[index] > 0 {
                classes[index] = before < aThreshold ? .a : (before < bThreshold ? .b : .c)
            }
            before = cumulative[index]
        }
        self.classes = classes
        self.shares = shares
        self.cumulativeShares = cumulative
        self.ranking = ranking
    }
}
