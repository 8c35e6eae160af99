import Foundation
import Tabular

/// "Regional Inventory Rebalancing Strategy": the planner's report of the validation stage, written
/// from the replayed KPIs, the bootstrap intervals, the allocation and the transfers.
///
/// It takes two decisions apart, each a like-for-like comparison: the allocation decision
/// (recommended against the one-size-fits-all baseline, the same total stock) and the rebalancing
/// decision (today's stock moved by the transfers against today's stock left where it is). Every
/// number in it is read from the replay's traces, so it agrees with `kpis.csv`.
public struct StrategyReport: Sendable {
    /// A figure the report links to, relative to the report's folder.
    public struct FigureLink: Sendable, Hashable {
        /// The section a figure belongs to.
        public enum Topic: Sendable, Hashable {
            case overview, allocation, rebalancing, stores
        }

        public var file: String
        public var caption: String
        public var topic: Topic
        public init(file: String, caption: String, topic: Topic = .overview) {
            self.file = file
            self.caption = caption
            self.topic = topic
        }
    }

    /// How one location fares under the four plans.
    public struct LocationOutcome: Sendable, Hashable {
        public var name: String
        public var region: String
        public var isStore: Bool
        public var currentUnits: Double
        public var baselineUnits: Double
        public var recommendedUnits: Double
        /// Units the replayed transfers brought in (positive) or sent out, net.
        public var transferredUnits: Double
        public var baseline: ValidationKPIs
        public var recommended: ValidationKPIs
        public var current: ValidationKPIs
        public var rebalanced: ValidationKPIs
        /// Units more (positive) or fewer the recommended plan places than the baseline.
        public var change: Double { recommendedUnits - baselineUnits }

        /// The location's KPIs under `plan`.
        public func kpis(_ plan: ValidationPlan) -> ValidationKPIs {
            switch plan {
            case .baseline: baseline
            case .recommended: recommended
            case .current: current
            case .rebalanced: rebalanced
            }
        }
    }

    public var datasetName: String
    /// The currency symbol amounts are written with.
    public var currency: String
    public var start: CivilDate
    public var end: CivilDate
    public var skuCount: Int
    /// Network KPIs of each plan replayed.
    public var network: [ValidationPlan: ValidationKPIs]
    public var locations: [LocationOutcome]
    public var differences: [PlanDifference]
    public var transfers: [TransferRow]
    /// Units each transfer moved in the replay (at most the sender's stock) and what that cost.
    public var transferUnits: [Double]
    public var transferCosts: [Double]
    /// Units placed in total: today's stock, the baseline and the recommended allocation.
    public var totals: (current: Double, baseline: Double, recommended: Double)
    public var figures: [FigureLink]
    /// The last weeks that hold at least half the recommended plan's lost units: their share, the
    /// first day and how many weeks (nil when nothing was lost).
    public var lateLosses: (share: Double, from: CivilDate, weeks: Int)?
    public var resamples: Int
    public var weeks: Int

    /// The report of a replay.
    /// - Parameters:
    ///   - traces: the replays of the four plans (``ValidationPlan``).
    ///   - differences: ``ValidationReplay/bootstrapDifferences(_:traces:resamples:level:seed:)`` of
    ///     both comparisons.
    ///   - currency: the symbol amounts of money are written with (`£`).
    /// - Throws: ``ValidationInputError/nothingToReplay(_:)`` when a plan's trace is missing.
    public init(replay: ValidationReplay, traces: [ReplayTrace], differences: [PlanDifference], placements: [PlacementRow],
                transfers: [TransferRow], figures: [FigureLink], datasetName: String, currency: String = "$", resamples: Int) throws {
        var byPlan: [ValidationPlan: ReplayTrace] = [:]
        for trace in traces { byPlan[trace.plan] = trace }
        guard let base = byPlan[.baseline], let recommended = byPlan[.recommended],
              let current = byPlan[.current], let rebalanced = byPlan[.rebalanced] else {
            let missing = ValidationPlan.allCases.filter { byPlan[$0] == nil }.map(\.rawValue).joined(separator: ", ")
            throw ValidationInputError.nothingToReplay("the strategy report needs the replays of all four plans; missing: \(missing)")
        }
        self.datasetName = datasetName
        self.currency = currency
        start = replay.start
        end = CivilDate(days: replay.start.daysSince1970 + replay.days - 1)
        skuCount = replay.skus.count
        weeks = (replay.days + 6) / 7
        let all = Array(replay.sites.indices)
        network = Dictionary(uniqueKeysWithValues: traces.map { ($0.plan, $0.kpis(of: all, in: replay)) })

        // Transfers as the replay makes them: from today's stock, at most what the sender holds.
        let siteIndex = Dictionary(uniqueKeysWithValues: replay.sites.enumerated().map { ($1.name, $0) })
        var stock = replay.current
        var net = [Double](repeating: 0, count: replay.sites.count)
        var moved: [Double] = [], costs: [Double] = []
        for transfer in transfers {
            guard let s = replay.skus.firstIndex(of: transfer.sku), let from = siteIndex[transfer.from], let to = siteIndex[transfer.to] else {
                moved.append(0)
                costs.append(0)
                continue
            }
            let units = max(0, min(transfer.quantity, stock[s][from]))
            stock[s][from] -= units
            stock[s][to] += units
            net[from] -= units
            net[to] += units
            moved.append(units)
            costs.append(units * replay.transferCost[from][to])
        }
        transferUnits = moved
        transferCosts = costs

        var units: [String: (current: Double, baseline: Double, recommended: Double)] = [:]
        for row in placements {
            units[row.location, default: (0, 0, 0)].current += row.current
            units[row.location, default: (0, 0, 0)].baseline += row.baseline
            units[row.location, default: (0, 0, 0)].recommended += row.recommended
        }
        totals = (placements.reduce(0) { $0 + $1.current }, placements.reduce(0) { $0 + $1.baseline },
                  placements.reduce(0) { $0 + $1.recommended })
        locations = replay.sites.enumerated().map { l, site in
            let placed = units[site.name] ?? (0, 0, 0)
            return LocationOutcome(name: site.name, region: site.region, isStore: site.isStore, currentUnits: placed.current,
                                   baselineUnits: placed.baseline, recommendedUnits: placed.recommended, transferredUnits: net[l],
                                   baseline: base.kpis(of: [l], in: replay), recommended: recommended.kpis(of: [l], in: replay),
                                   current: current.kpis(of: [l], in: replay), rebalanced: rebalanced.kpis(of: [l], in: replay))
        }
        self.differences = differences
        self.transfers = transfers
        self.figures = figures
        self.resamples = resamples
        let lost = recommended.weekly(in: replay).lost, total = lost.reduce(0, +)
        if total > 0 {
            var tail = 0.0, count = 0
            for value in lost.reversed() where tail < total / 2 {
                tail += value
                count += 1
            }
            lateLosses = (tail / total, CivilDate(days: replay.start.daysSince1970 + 7 * (lost.count - count)), count)
        }
    }

    /// The report as Markdown.
    public func markdown() -> String {
        var lines: [String] = ["# Regional Inventory Rebalancing Strategy", ""]
        lines.append("*\(datasetName): \(skuCount) SKUs at \(locations.count) locations, replayed over the \(weeks) held-out weeks from \(start) to \(end).*")
        lines += ["", "## Executive summary", ""]
        lines += summary()
        lines += figureLines(.overview)
        lines += ["", "## 1. Allocation decision: recommended vs one-size-fits-all baseline", ""]
        lines += allocationSection()
        lines += figureLines(.allocation)
        lines += ["", "## 2. Rebalancing decision: transfers from today's stock vs doing nothing", ""]
        lines += rebalancingSection()
        lines += figureLines(.rebalancing)
        lines += ["", "## Store-specific recommendations", ""]
        lines += storeRecommendations()
        lines += figureLines(.stores)
        lines += ["", "## Monitoring metrics", ""]
        lines += monitoring()
        lines += ["", "## How these numbers were made", ""]
        lines.append("""
            The held-out weeks' actual sales were replayed day by day against the stock each plan has on the first \
            morning: the same demand, the same weekly order-up-to replenishment of stores from their fulfillment center \
            (the centers are not resupplied during the period) and the same costs for every plan. Demand not met from \
            stock that day is lost. Plans are compared only with a plan that starts from the same total stock: the \
            baseline and the recommended allocation place the same \(stockPlaced), and the rebalancing compares \
            today's stock with and without the transfers (made on the first morning, each moving at most what the \
            sender holds, at the dataset's transfer cost). Intervals are 95% percentile bootstrap intervals over \
            \(resamples) resamples of the SKUs (paired: a drawn SKU counts in both plans); they measure how much the \
            result depends on the assortment, not on another season's demand.
            """)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The executive summary alone (one verdict per decision), for the notebook.
    public var executiveSummary: String { summary().joined(separator: "\n") }

    /// The allocation decision's table and verdict (Markdown), for the notebook.
    public var allocationDecision: String { allocationSection().joined(separator: "\n") }

    /// The rebalancing decision's table, verdict and largest transfers (Markdown), for the notebook.
    public var rebalancingDecision: String { rebalancingSection().joined(separator: "\n") }

    /// The bootstrap difference of a KPI in a comparison, nil when it was not computed.
    public func difference(_ kpi: String, _ comparison: PlanComparison) -> PlanDifference? {
        differences.first { $0.kpi == kpi && $0.comparison == comparison }
    }

    private func figureLines(_ topic: FigureLink.Topic) -> [String] {
        let chosen = figures.filter { $0.topic == topic }
        guard !chosen.isEmpty else { return [] }
        return [""] + chosen.flatMap { ["![\($0.caption)](\($0.file))", "", "*\($0.caption)*", ""] }
    }
}
