import Tabular

extension AllocationPlan {
    /// The columns of `allocation.csv`, in file order.
    public static let allocationColumns = [
        "sku", "location", "region", "kind", "demand_mean", "demand_sd", "safety_stock", "target", "current",
        "baseline", "recommended", "expected_fill_baseline", "expected_fill_recommended", "receipt",
    ]

    /// `kind` as written in `allocation.csv`: `store` or `fc`.
    public static func kindLabel(_ kind: LocationKind) -> String { kind == .store ? "store" : "fc" }

    /// `allocation.csv`: one row per SKU × covered location, SKUs sorted, locations in manifest
    /// order; demand, safety stock and target in units over the horizon, stock in whole units;
    /// `receipt` the units bought and received there at the start (see ``Problem/receivingPurchases()``).
    public func allocationFrame() throws -> DataFrame {
        var sku: [String] = [], location: [String] = [], region: [String] = [], kind: [String] = []
        var mean: [Double] = [], sd: [Double] = [], safety: [Double] = [], targets: [Double] = []
        var current: [Double] = [], base: [Int] = [], recommendation: [Int] = [], fillBase: [Double] = [], fillRecommended: [Double] = []
        var receipt: [Int] = []
        for (s, item) in problem.skus.enumerated() {
            for (l, place) in problem.locations.enumerated() where problem.covered[s][l] {
                sku.append(item.id)
                location.append(place.name)
                region.append(place.region)
                kind.append(Self.kindLabel(place.kind))
                mean.append(problem.demandMean[s][l])
                sd.append(problem.demandSD[s][l])
                safety.append(safetyStock[s][l])
                targets.append(target[s][l])
                current.append(problem.current[s][l])
                base.append(Int(baseline[s][l]))
                recommendation.append(Int(recommended[s][l]))
                fillBase.append(expectedFillBaseline[s][l])
                fillRecommended.append(expectedFillRecommended[s][l])
                receipt.append(Int(problem.receipts[s][l].rounded()))
            }
        }
        let currentColumn = current.allSatisfy { $0 == $0.rounded() && abs($0) < 1e15 }
            ? Column("current", current.map { Int($0) }) : Column("current", current)
        return try DataFrame(columns: [
            Column("sku", sku), Column("location", location), Column("region", region), Column("kind", kind),
            Column("demand_mean", mean), Column("demand_sd", sd), Column("safety_stock", safety), Column("target", targets),
            currentColumn, Column("baseline", base), Column("recommended", recommendation),
            Column("expected_fill_baseline", fillBase), Column("expected_fill_recommended", fillRecommended),
            Column("receipt", receipt),
        ])
    }

    /// Regions in manifest order of their first location.
    public var regions: [String] {
        var seen: [String] = []
        for location in problem.locations where !seen.contains(location.region) { seen.append(location.region) }
        return seen
    }

    /// Demand, safety stock and target per region and kind of location, with today's stock.
    public func targetsByRegion() throws -> DataFrame {
        var region: [String] = [], kind: [String] = [], pairs: [Int] = []
        var mean: [Double] = [], safety: [Double] = [], targets: [Double] = [], current: [Double] = []
        for name in regions {
            for type in LocationKind.allCases {
                let places = problem.locations.indices.filter { problem.locations[$0].region == name && problem.locations[$0].kind == type }
                guard !places.isEmpty else { continue }
                var count = 0, m = 0.0, ss = 0.0, t = 0.0, c = 0.0
                for s in problem.skus.indices {
                    for l in places where problem.covered[s][l] {
                        count += 1
                        m += problem.demandMean[s][l]
                        ss += safetyStock[s][l]
                        t += target[s][l]
                        c += problem.current[s][l]
                    }
                }
                region.append(name)
                kind.append(Self.kindLabel(type))
                pairs.append(count)
                mean.append(m)
                safety.append(ss)
                targets.append(t)
                current.append(c)
            }
        }
        return try DataFrame(columns: [
            Column("region", region), Column("kind", kind), Column("sku_locations", pairs), Column("demand_mean", mean),
            Column("safety_stock", safety), Column("target", targets), Column("current", current),
        ])
    }

    /// Today's stock, the baseline and the recommendation side by side: units, shipping, holding,
    /// shortage penalty, expected units short, expected fill.
    public func totalsFrame() throws -> DataFrame {
        let plans = [("current", currentTotals), ("baseline", baselineTotals), ("recommended", recommendedTotals)]
        return try DataFrame(columns: [
            Column("plan", plans.map(\.0)),
            Column("units", plans.map { $0.1.units }),
            Column("shipping_cost", plans.map { $0.1.shippingCost }),
            Column("holding_cost", plans.map { $0.1.holdingCost }),
            Column("shortage_penalty", plans.map { $0.1.shortagePenalty }),
            Column("total_cost", plans.map { $0.1.totalCost }),
            Column("expected_short_units", plans.map { $0.1.expectedShortUnits }),
            Column("expected_fill", plans.map { $0.1.expectedFill }),
        ])
    }

    /// Units per region: expected demand, target, today's stock, baseline and recommendation, and
    /// the expected fill of today's stock and of both plans.
    public func unitsByRegion() throws -> DataFrame {
        var mean: [Double] = [], targets: [Double] = [], current: [Double] = [], base: [Double] = [], recommendation: [Double] = []
        var fillCurrent: [Double] = [], fillBase: [Double] = [], fillRecommended: [Double] = []
        let currentFill = problem.expectedFill(problem.current)
        for name in regions {
            var m = 0.0, t = 0.0, c = 0.0, b = 0.0, r = 0.0, soldCurrent = 0.0, soldBase = 0.0, soldRecommended = 0.0
            for s in problem.skus.indices {
                for l in problem.locations.indices where problem.locations[l].region == name {
                    m += problem.demandMean[s][l]
                    t += target[s][l]
                    c += problem.current[s][l]
                    b += baseline[s][l]
                    r += recommended[s][l]
                    soldCurrent += currentFill[s][l] * problem.demandMean[s][l]
                    soldBase += expectedFillBaseline[s][l] * problem.demandMean[s][l]
                    soldRecommended += expectedFillRecommended[s][l] * problem.demandMean[s][l]
                }
            }
            mean.append(m)
            targets.append(t)
            current.append(c)
            base.append(b)
            recommendation.append(r)
            fillCurrent.append(m > 0 ? soldCurrent / m : 1)
            fillBase.append(m > 0 ? soldBase / m : 1)
            fillRecommended.append(m > 0 ? soldRecommended / m : 1)
        }
        return try DataFrame(columns: [
            Column("region", regions), Column("demand_mean", mean), Column("target", targets), Column("current", current),
            Column("baseline", base), Column("recommended", recommendation),
            Column("fill_current", fillCurrent), Column("fill_baseline", fillBase), Column("fill_recommended", fillRecommended),
        ])
    }

    /// Recommended minus baseline units, locations × categories (SKU ids when no SKU has a
    /// category): the rows are the location names in manifest order, the columns sorted.
    public func differenceByCategory() -> (rows: [String], columns: [String], values: [[Double]]) {
        let byCategory = problem.skus.contains { !$0.category.isEmpty }
        let keys = problem.skus.map { byCategory ? ($0.category.isEmpty ? "other" : $0.category) : $0.id }
        let columns = Array(Set(keys)).sorted()
        let position = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        var values = problem.locations.map { _ in [Double](repeating: 0, count: columns.count) }
        for s in problem.skus.indices {
            guard let c = position[keys[s]] else { continue }
            for l in problem.locations.indices { values[l][c] += recommended[s][l] - baseline[s][l] }
        }
        return (problem.locations.map(\.name), columns, values)
    }
}
