import Tabular

extension RebalancingProblem {
    /// Store-to-store transfers of today's stock for an allocation problem's SKUs: the stores'
    /// stock, demand over the horizon and transfer costs, each SKU's unit margin as the value of a
    /// sale it saves (the benefit of a transfer is expected shortage avoided × unit margin).
    /// Fulfillment centers neither send nor receive.
    /// - Returns: The problem and, per store position, the location's index in `plan.locations`.
    public static func stores(of plan: AllocationPlan.Problem) -> (problem: RebalancingProblem, locations: [Int]) {
        let stores = plan.locations.indices.filter { plan.locations[$0].kind == .store }
        let problem = RebalancingProblem(
            skus: plan.skus.map { SKU(id: $0.id, unitMargin: $0.unitMargin) },
            stores: stores.map { plan.locations[$0].name },
            onHand: plan.current.map { row in stores.map { row[$0] } },
            demandMean: plan.demandMean.map { row in stores.map { row[$0] } },
            demandSD: plan.demandSD.map { row in stores.map { row[$0] } },
            transferCost: stores.map { i in stores.map { j in plan.transferCost[i][j] } })
        return (problem, stores)
    }
}

extension RebalancingPlan {
    /// The columns of `transfers.csv`, in file order.
    public static let transferColumns = ["sku", "from", "to", "quantity", "distance_km", "cost", "benefit"]

    /// `transfers.csv`: one row per transfer, largest net benefit first (ties by SKU, sender,
    /// receiver); the header alone when there is none.
    /// - Parameters:
    ///   - problem: The problem the plan solves.
    ///   - locations: The stores, in the problem's order, for the distances.
    public func transfersFrame(_ problem: RebalancingProblem, locations: [Location]) throws -> DataFrame {
        let ordered = transfers.enumerated().sorted { a, b in
            a.element.netBenefit != b.element.netBenefit ? a.element.netBenefit > b.element.netBenefit : a.offset < b.offset
        }.map(\.element)
        func distance(_ transfer: Transfer) -> Double {
            guard locations.indices.contains(transfer.from), locations.indices.contains(transfer.to) else { return .nan }
            let target = locations[transfer.to]
            return locations[transfer.from].distanceKm(toLatitude: target.latitude, longitude: target.longitude)
        }
        return try DataFrame(columns: [
            Column("sku", ordered.map { problem.skus[$0.sku].id }),
            Column("from", ordered.map { problem.stores[$0.from] }),
            Column("to", ordered.map { problem.stores[$0.to] }),
            Column("quantity", ordered.map { Int($0.units) }),
            Column("distance_km", ordered.map(distance)),
            Column("cost", ordered.map(\.cost)),
            Column("benefit", ordered.map(\.benefit)),
        ])
    }
}
