/// The one-size-fits-all baseline: each SKU's total target split over locations in fixed proportions.
public struct ProportionalAllocation: Sendable {
    /// Units to stock, `[sku][location]`.
    public let stock: [[Double]]
    /// Capacity used per location, in the problem's measure.
    public let capacityUsed: [Double]
    /// Holding cost of the stock.
    public let holdingCost: Double
    /// Locations whose proportional share exceeded capacity and was scaled down to fit.
    public let scaledDown: [Bool]
}

extension AllocationProblem {
    /// What the baseline's proportions are taken from.
    public enum ProportionalBasis: Sendable, Hashable {
        /// Each location's share of total capacity.
        case capacity
        /// Each location's share of a SKU's historical sales, `[sku][location]`; a SKU with no
        /// history falls back to capacity shares.
        case historicalShare([[Double]])
    }

    /// The baseline allocation: each SKU's total target (summed over regions) split across locations
    /// in proportion to `basis`, ignoring where demand is; a location whose share overflows its
    /// capacity has all its SKUs scaled down by the same factor to fit.
    ///
    /// - Throws: ``AllocationError`` for malformed input or history of the wrong shape.
    /// - Complexity: O(SKUs × (locations + regions)).
    public func proportionalAllocation(basis: ProportionalBasis = .capacity) throws(AllocationError) -> ProportionalAllocation {
        let targets = try targets()
        let locationCount = locations.count
        let finite = locations.map { $0.capacity.isFinite ? $0.capacity : 0 }
        let capacityTotal = finite.reduce(0, +)
        let capacityShare = capacityTotal > 0
            ? finite.map { $0 / capacityTotal }
            : [Double](repeating: locationCount > 0 ? 1 / Double(locationCount) : 0, count: locationCount)
        if case .historicalShare(let history) = basis {
            guard history.count == skus.count, history.allSatisfy({ $0.count == locationCount }) else {
                throw .shapeMismatch("historical share must be [sku][location], \(skus.count) × \(locationCount)")
            }
            for row in history { for value in row where !value.isFinite || value < 0 { throw .invalidValue("historical share", value) } }
        }
        var stock = [[Double]](repeating: [Double](repeating: 0, count: locationCount), count: skus.count)
        var used = [Double](repeating: 0, count: locationCount)
        for s in skus.indices {
            let total = targets[s].reduce(0, +)
            var share = capacityShare
            if case .historicalShare(let history) = basis {
                let sold = history[s].reduce(0, +)
                if sold > 0 { share = history[s].map { $0 / sold } }
            }
            let weight = capacityMeasure == .units ? 1 : skus[s].volume
            for l in 0..<locationCount {
                stock[s][l] = total * share[l]
                used[l] += stock[s][l] * weight
            }
        }
        var scaled = [Bool](repeating: false, count: locationCount)
        for l in 0..<locationCount where used[l] > locations[l].capacity {
            let factor = locations[l].capacity / used[l]
            for s in skus.indices { stock[s][l] *= factor }
            used[l] = locations[l].capacity
            scaled[l] = true
        }
        var holding = 0.0
        for s in skus.indices {
            for l in 0..<locationCount { holding += stock[s][l] * skus[s].holdingCost * locations[l].holdingCostFactor }
        }
        return ProportionalAllocation(stock: stock, capacityUsed: used, holdingCost: holding, scaledDown: scaled)
    }
}
