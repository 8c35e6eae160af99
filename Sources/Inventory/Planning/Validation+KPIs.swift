import Tabular

/// The part of the network a KPI covers.
public enum ValidationScope: Sendable, Hashable, CustomStringConvertible {
    case network
    case region(String)
    case location(String)

    /// `network`, `region:West`, `location:Seattle`: the `scope` column of `kpis.csv`.
    public var description: String {
        switch self {
        case .network: "network"
        case let .region(name): "region:\(name)"
        case let .location(name): "location:\(name)"
        }
    }
}

/// What a plan achieved over the held-out period in one scope.
///
/// Costs are charged where they land: shipping to customers to the site that ships, replenishment
/// from a fulfillment center to the store that receives it, a transfer to the store it arrives at,
/// holding to the site that holds the stock. A stockout event is a SKU × site × day with demand
/// not fully met.
public struct ValidationKPIs: Sendable, Hashable {
    /// Shipping to online customers plus replenishment from fulfillment centers to stores.
    public var shippingCost: Double
    public var transferCost: Double
    public var holdingCost: Double
    public var unitsDemanded: Double
    public var unitsSold: Double
    public var stockoutEvents: Int
    /// Average units on hand at the end of a day.
    public var averageOnHand: Double
    public var days: Int

    /// Shipping, transfer and holding cost.
    public var totalCost: Double { shippingCost + transferCost + holdingCost }
    /// Units demanded and not sold (lost).
    public var stockoutUnits: Double { max(0, unitsDemanded - unitsSold) }
    /// Sold over demanded, in [0, 1]; 1 when nothing was demanded.
    public var fillRate: Double { unitsDemanded > 0 ? min(1, unitsSold / unitsDemanded) : 1 }
    /// Units sold over the period divided by the average stock on hand (not annualised): 0 when
    /// nothing is held or sold, +∞ when units were sold from no average stock.
    public var turnover: Double { averageOnHand > 0 ? unitsSold / averageOnHand : (unitsSold > 0 ? .infinity : 0) }
    /// Average stock on hand over average daily sales: +∞ when stock is held and nothing sold.
    public var daysOfSupply: Double {
        let daily = days > 0 ? unitsSold / Double(days) : 0
        return daily > 0 ? averageOnHand / daily : (averageOnHand > 0 ? .infinity : 0)
    }

    /// The KPI names of `kpis.csv`, in order, with their values.
    public var named: [(kpi: String, value: Double)] {
        [("shipping_cost", shippingCost), ("transfer_cost", transferCost), ("holding_cost", holdingCost),
         ("total_cost", totalCost), ("units_demanded", unitsDemanded), ("units_sold", unitsSold),
         ("stockout_units", stockoutUnits), ("stockout_events", Double(stockoutEvents)), ("fill_rate", fillRate),
         ("average_on_hand", averageOnHand), ("turnover", turnover), ("days_of_supply", daysOfSupply)]
    }
}

extension ReplayTrace {
    /// The KPIs of the sites `siteIndices` (all of them for the network).
    /// - Complexity: O(SKUs × (sites + nodes) × days).
    public func kpis(of siteIndices: [Int], in replay: ValidationReplay) -> ValidationKPIs {
        var result = ValidationKPIs(shippingCost: 0, transferCost: 0, holdingCost: 0, unitsDemanded: 0, unitsSold: 0,
                                    stockoutEvents: 0, averageOnHand: 0, days: days)
        let chosen = Set(siteIndices)
        var onHandDays = 0.0
        for s in demand.indices {
            for l in siteIndices {
                let cost = replay.sites[l].replenishmentCost, holding = replay.holdingCostPerDay[s]
                for day in 0..<days {
                    result.unitsDemanded += demand[s][l][day]
                    result.unitsSold += sold[s][l][day]
                    if demand[s][l][day] - sold[s][l][day] > 1e-9 { result.stockoutEvents += 1 }
                    result.shippingCost += received[s][l][day] * cost
                    result.holdingCost += onHand[s][l][day] * holding
                    onHandDays += onHand[s][l][day]
                }
                result.transferCost += transferCost[s][l]
            }
            for (n, node) in replay.nodes.enumerated() where chosen.contains(node.site) && node.shippingCost > 0 {
                result.shippingCost += nodeSold[s][n].reduce(0, +) * node.shippingCost
            }
        }
        result.averageOnHand = days > 0 ? onHandDays / Double(days) : 0
        return result
    }

    /// Per SKU over the network: units demanded, units sold and total cost (shipping, transfer and
    /// holding), the additive pieces the bootstrap resamples.
    public func skuTotals(in replay: ValidationReplay) -> (demand: [Double], sold: [Double], cost: [Double]) {
        let all = Array(replay.sites.indices)
        var demanded: [Double] = [], soldUnits: [Double] = [], costs: [Double] = []
        for s in demand.indices {
            let single = ReplayTrace(plan: plan, days: days, demand: [demand[s]], sold: [sold[s]], onHand: [onHand[s]],
                                     received: [received[s]], nodeSold: [nodeSold[s]], transferCost: [transferCost[s]],
                                     unitsTransferred: 0, report: report)
            var narrowed = replay
            narrowed.holdingCostPerDay = [replay.holdingCostPerDay[s]]
            let kpis = single.kpis(of: all, in: narrowed)
            demanded.append(kpis.unitsDemanded)
            soldUnits.append(kpis.unitsSold)
            costs.append(kpis.totalCost)
        }
        return (demanded, soldUnits, costs)
    }

    /// Network totals per held-out week: units demanded, units lost and total cost.
    public func weekly(in replay: ValidationReplay) -> (demand: [Double], lost: [Double], cost: [Double]) {
        let weeks = (days + 6) / 7
        var demanded = [Double](repeating: 0, count: weeks), lost = demanded, cost = demanded
        for s in demand.indices {
            let holding = replay.holdingCostPerDay[s]
            for (l, site) in replay.sites.enumerated() {
                for day in 0..<days {
                    let week = day / 7
                    demanded[week] += demand[s][l][day]
                    lost[week] += max(0, demand[s][l][day] - sold[s][l][day])
                    cost[week] += received[s][l][day] * site.replenishmentCost + onHand[s][l][day] * holding
                }
                cost[0] += transferCost[s][l]
            }
            for (n, node) in replay.nodes.enumerated() where node.shippingCost > 0 {
                for day in 0..<days { cost[day / 7] += nodeSold[s][n][day] * node.shippingCost }
            }
        }
        return (demanded, lost, cost)
    }
}

extension ValidationReplay {
    /// Every scope of the KPIs with its sites: the network, each region, each site, in that order
    /// (regions and sites in manifest order).
    public var scopes: [(scope: ValidationScope, sites: [Int])] {
        var regions: [String] = []
        for site in sites where !regions.contains(site.region) { regions.append(site.region) }
        return [(.network, Array(sites.indices))]
            + regions.map { region in (.region(region), sites.indices.filter { sites[$0].region == region }) }
            + sites.enumerated().map { (.location($1.name), [$0]) }
    }

    /// `kpis.csv`: one row per plan, scope and KPI (columns `plan`, `scope`, `kpi`, `value`).
    public func kpiFrame(_ traces: [ReplayTrace]) throws -> DataFrame {
        var plans: [String] = [], scopeNames: [String] = [], names: [String] = [], values: [Double] = []
        let scopes = self.scopes
        for trace in traces {
            for (scope, members) in scopes {
                for (kpi, value) in trace.kpis(of: members, in: self).named {
                    plans.append(trace.plan.rawValue)
                    scopeNames.append(scope.description)
                    names.append(kpi)
                    values.append(value)
                }
            }
        }
        return try DataFrame(columns: [Column("plan", plans), Column("scope", scopeNames), Column("kpi", names), Column("value", values)])
    }
}
