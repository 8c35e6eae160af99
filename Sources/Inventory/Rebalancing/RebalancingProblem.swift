/// Store-to-store transfers of stock already in the network, weighing the lost sales they avoid
/// against what they cost.
///
/// For each SKU, each store's demand over the horizon is normal with the given mean and standard
/// deviation; a store holding `s` units expects to lose `E[(D − s)⁺]` sales, each worth the SKU's
/// unit margin. ``solve(options:)`` chooses transfers that minimise margin × expected lost sales plus
/// transfer cost: moving a unit pays when the receiver's chance of selling it, times the margin,
/// exceeds the sender's, times the margin, plus the cost of moving it — with diminishing returns
/// captured exactly at the breakpoints of a piecewise-linear model of the convex expected shortage.
public struct RebalancingProblem: Sendable {
    /// One SKU: identifier, margin per unit sold, and a factor on transfer costs (bulk, weight).
    public struct SKU: Sendable, Hashable {
        public var id: String
        /// Margin lost per unit of unmet demand, ≥ 0.
        public var unitMargin: Double
        /// Multiplies the per-unit transfer cost between stores for this SKU; default 1.
        public var transferCostFactor: Double
        public init(id: String, unitMargin: Double, transferCostFactor: Double = 1) {
            self.id = id
            self.unitMargin = unitMargin
            self.transferCostFactor = transferCostFactor
        }
    }

    public var skus: [SKU]
    /// Store identifiers; stock, demand and costs are indexed by position in this array.
    public var stores: [String]
    /// Units on hand, `[sku][store]`, ≥ 0.
    public var onHand: [[Double]]
    /// Expected demand over the horizon, `[sku][store]`, ≥ 0.
    public var demandMean: [[Double]]
    /// Standard deviation of demand over the horizon, `[sku][store]`, ≥ 0.
    public var demandSD: [[Double]]
    /// Cost of moving one unit, `[from][to]`, ≥ 0; `.infinity` where no transfer is possible.
    /// For example a rate per unit and km times the great-circle distance, plus a handling fee.
    public var transferCost: [[Double]]
    /// Segments of the piecewise-linear expected shortage per store within mean ± 4 sd; default 48.
    public var segments: Int
    /// Transfers smaller than this many units are not proposed; default 1.
    public var minimumTransfer: Double

    public init(skus: [SKU], stores: [String], onHand: [[Double]], demandMean: [[Double]], demandSD: [[Double]],
                transferCost: [[Double]], segments: Int = 48, minimumTransfer: Double = 1) {
        self.skus = skus
        self.stores = stores
        self.onHand = onHand
        self.demandMean = demandMean
        self.demandSD = demandSD
        self.transferCost = transferCost
        self.segments = segments
        self.minimumTransfer = minimumTransfer
    }
}

/// One proposed move of stock between two stores.
public struct Transfer: Sendable, Hashable {
    public let sku: Int
    public let from: Int
    public let to: Int
    /// Whole units to move.
    public let units: Double
    /// Expected margin gained: lost sales avoided at the receiver minus those added at the sender,
    /// apportioned to this transfer by units, times the unit margin.
    public let benefit: Double
    /// Cost of the move.
    public let cost: Double
    /// `benefit − cost`, positive for every proposed transfer.
    public var netBenefit: Double { benefit - cost }
}

/// The transfers proposed for a ``RebalancingProblem`` and what they achieve.
public struct RebalancingPlan: Sendable {
    /// Transfers with positive net benefit, by SKU, then sender, then receiver.
    public let transfers: [Transfer]
    /// Stock per SKU × store after the transfers.
    public let stockAfter: [[Double]]
    /// Expected units of lost sales over all SKUs and stores before and after the transfers.
    public let expectedLostUnitsBefore: Double
    public let expectedLostUnitsAfter: Double
    /// Sum of the transfers' benefits and costs.
    public let totalBenefit: Double
    public let totalCost: Double

    /// "move 26 units of SKU X from A to B", one line per transfer, with benefit and cost.
    public func describe(_ problem: RebalancingProblem) -> [String] {
        transfers.map { transfer in
            let units = Int(transfer.units)
            return "move \(units) unit\(units == 1 ? "" : "s") of \(problem.skus[transfer.sku].id) "
                + "from \(problem.stores[transfer.from]) to \(problem.stores[transfer.to]) "
                + "(expected benefit \(transfer.benefit.formatted2), cost \(transfer.cost.formatted2))"
        }
    }
}

/// Why a rebalancing problem was rejected.
public enum RebalancingError: Error, Sendable, Hashable {
    case shapeMismatch(String)
    case invalidValue(String, Double)
    case solverFailed(String)
}

extension RebalancingError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .shapeMismatch(what): return "rebalancing input has the wrong shape: \(what)"
        case let .invalidValue(what, value): return "rebalancing input \(what) is \(value)"
        case let .solverFailed(why): return "rebalancing could not be solved: \(why)"
        }
    }
}
