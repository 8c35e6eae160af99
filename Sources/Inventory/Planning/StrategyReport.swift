import Foundation
import Tabular

/// "Regional Inventory Rebalancing Strategy": the planner's report of the validation stage, written
/// from the replayed KPIs, the bootstrap intervals, the allocation and the transfers.
///
/// Every number in it is read from the replay's traces, so it agrees with `kpis.csv`.
public struct StrategyReport: Sendable {
    /// A figure the report links to, relative to the report's folder.
    public struct FigureLink: Sendable, Hashable {
        public var file: String
        public var caption: String
        public init(file: String, caption: String) {
            self.file = file
            self.caption = caption
        }
    }

    /// How one location fares under the two plans.
    public struct LocationOutcome: Sendable, Hashable {
        public var name: String
        public var region: String
        public var isStore: Bool
        public var currentUnits: Double
        public var baselineUnits: Double
        public var recommendedUnits: Double
        public var baseline: ValidationKPIs
        public var recommended: ValidationKPIs
        /// Units more (positive) or fewer the recommended plan places than the baseline.
        public var change: Double { recommendedUnits - baselineUnits }
    }

    public var datasetName: String
    public var start: CivilDate
    public var end: CivilDate
    public var skuCount: Int
    /// Network KPIs of each plan replayed.
    public var network: [ValidationPlan: ValidationKPIs]
    public var regions: [(name: String, baseline: ValidationKPIs, recommended: ValidationKPIs)]
    public var locations: [LocationOutcome]
    public var differences: [PlanDifference]
    public var transfers: [TransferRow]
    /// Units each transfer actually moved in the replay and what it cost there.
    public var transferCosts: [Double]
    public var figures: [FigureLink]
    /// The last weeks that hold at least half the recommended plan's lost units: their share, the
    /// first day and how many weeks (nil when nothing was lost).
    public var lateLosses: (share: Double, from: CivilDate, weeks: Int)?
    public var resamples: Int
    public var weeks: Int

    /// The report of a replay.
    /// - Parameters:
    ///   - traces: the replayed plans; baseline and recommended are required.
    ///   - differences: ``ValidationReplay/bootstrapDifferences(reference:other:resamples:level:seed:)``.
    /// - Throws: ``ValidationInputError/nothingToReplay(_:)`` without a baseline or recommended trace.
    public init(replay: ValidationReplay, traces: [ReplayTrace], differences: [PlanDifference], placements: [PlacementRow],
                transfers: [TransferRow], figures: [FigureLink], datasetName: String, resamples: Int) throws {
        guard let base = traces.first(where: { $0.plan == .baseline }),
              let recommended = traces.first(where: { $0.plan == .recommended }) else {
            throw ValidationInputError.nothingToReplay("the strategy report needs the baseline and recommended replays")
        }
        self.datasetName = datasetName
        start = replay.start
        end = CivilDate(days: replay.start.daysSince1970 + replay.days - 1)
        skuCount = replay.skus.count
        weeks = (replay.days + 6) / 7
        let all = Array(replay.sites.indices)
        network = Dictionary(uniqueKeysWithValues: traces.map { ($0.plan, $0.kpis(of: all, in: replay)) })
        regions = replay.scopes.compactMap { scope, members in
            guard case let .region(name) = scope else { return nil }
            return (name, base.kpis(of: members, in: replay), recommended.kpis(of: members, in: replay))
        }
        var units: [String: (current: Double, baseline: Double, recommended: Double)] = [:]
        for row in placements {
            units[row.location, default: (0, 0, 0)].current += row.current
            units[row.location, default: (0, 0, 0)].baseline += row.baseline
            units[row.location, default: (0, 0, 0)].recommended += row.recommended
        }
        locations = replay.sites.enumerated().map { l, site in
            let placed = units[site.name] ?? (0, 0, 0)
            return LocationOutcome(name: site.name, region: site.region, isStore: site.isStore, currentUnits: placed.current,
                                   baselineUnits: placed.baseline, recommendedUnits: placed.recommended,
                                   baseline: base.kpis(of: [l], in: replay), recommended: recommended.kpis(of: [l], in: replay))
        }
        self.differences = differences
        self.transfers = transfers
        let siteIndex = Dictionary(uniqueKeysWithValues: replay.sites.enumerated().map { ($1.name, $0) })
        var stock = replay.recommended
        transferCosts = transfers.map { transfer in
            guard let s = replay.skus.firstIndex(of: transfer.sku), let from = siteIndex[transfer.from], let to = siteIndex[transfer.to] else { return 0 }
            let moved = min(transfer.quantity, stock[s][from])
            stock[s][from] -= moved
            stock[s][to] += moved
            return moved * replay.transferCost[from][to]
        }
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
        if !figures.isEmpty {
            lines += ["", "## Figures", ""]
            for figure in figures { lines += ["![\(figure.caption)](\(figure.file))", "", "*\(figure.caption)*", ""] }
        }
        lines += ["", "## Store-specific recommendations", ""]
        lines += storeRecommendations()
        lines += ["", "## Transfers", ""]
        lines += transferSection()
        lines += ["", "## Monitoring metrics", ""]
        lines += monitoring()
        lines += ["", "## How these numbers were made", ""]
        lines.append("""
            The held-out weeks' actual sales were replayed day by day against the stock each plan places at the start: \
            the same demand, the same weekly order-up-to replenishment of stores from their fulfillment center (the centers \
            are not resupplied during the period) and the same costs for every plan, so the differences are differences of \
            placement. Demand not met from stock that day is lost. Intervals are 95% percentile bootstrap intervals over \
            \(resamples) resamples of the SKUs (paired: a drawn SKU counts in both plans); they measure how much the \
            result depends on the assortment, not on another season's demand.
            """)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The executive summary alone (bullets and the recommendation), for the notebook.
    public var executiveSummary: String { summary().joined(separator: "\n") }

    // MARK: - Sections

    private func summary() -> [String] {
        guard let base = network[.baseline], let rec = network[.recommended] else { return [] }
        var lines: [String] = []
        let cost = differences.first { $0.kpi == "total_cost" }, fill = differences.first { $0.kpi == "fill_rate" }
        let costChange = rec.totalCost - base.totalCost
        var costLine = "- **Total cost** (shipping, transfers, holding): \(Self.amount(base.totalCost)) under the baseline, \(Self.amount(rec.totalCost)) under the recommended allocation: \(costChange <= 0 ? "a saving of" : "an increase of") \(Self.amount(abs(costChange)))"
        if base.totalCost > 0 { costLine += " (\(Self.signedPercent(costChange / base.totalCost)))" }
        if let cost { costLine += ", 95% CI \(Self.signedAmount(cost.lower)) to \(Self.signedAmount(cost.upper))\(cost.isSignificant ? "" : ", not distinguishable from no change")" }
        lines.append(costLine + ".")
        var fillLine = "- **Fill rate**: \(Self.percent(base.fillRate)) under the baseline, \(Self.percent(rec.fillRate)) recommended (\(Self.points(rec.fillRate - base.fillRate))"
        if let fill { fillLine += ", 95% CI \(Self.points(fill.lower)) to \(Self.points(fill.upper))\(fill.isSignificant ? "" : ", not distinguishable from no change")" }
        lines.append(fillLine + ").")
        lines.append("- **Stockouts**: \(Self.amount(base.stockoutUnits)) units lost in \(base.stockoutEvents) SKU-location-days under the baseline, \(Self.amount(rec.stockoutUnits)) units in \(rec.stockoutEvents) recommended.")
        lines.append("- **Stock**: \(Self.one(base.daysOfSupply)) days of supply and turnover \(Self.two(base.turnover)) over the period under the baseline, \(Self.one(rec.daysOfSupply)) days and \(Self.two(rec.turnover)) recommended.")
        if let late = lateLosses {
            lines.append("- **When**: \(Self.percent(late.share)) of the units lost under the recommended allocation are lost from \(late.from) on, the last \(late.weeks) of the \(weeks) weeks.")
        }
        if let with = network[.recommendedWithTransfers] {
            lines.append("- **With the \(transfers.count) recommended transfers**: fill rate \(Self.percent(with.fillRate)) (\(Self.points(with.fillRate - rec.fillRate)) on the allocation alone), total cost \(Self.amount(with.totalCost)) of which transfers \(Self.amount(with.transferCost)).")
        }
        lines.append("")
        lines.append(verdict(base: base, rec: rec, cost: cost, fill: fill))
        return lines
    }

    private func verdict(base: ValidationKPIs, rec: ValidationKPIs, cost: PlanDifference?, fill: PlanDifference?) -> String {
        let cheaper = cost.map { $0.upper < 0 } ?? false, dearer = cost.map { $0.lower > 0 } ?? false
        let better = fill.map { $0.lower > 0 } ?? false, worse = fill.map { $0.upper < 0 } ?? false
        switch (cheaper, dearer, better, worse) {
        case (true, _, _, false), (_, false, true, false):
            return "**Recommendation: adopt the recommended allocation.** It \(cheaper ? "costs less" : "costs no more")\(better ? " and fills more demand" : " without filling less demand") on the replayed weeks, beyond what the choice of SKUs explains."
        case (_, true, true, _):
            return "**Recommendation: adopt the recommended allocation if the service gain is worth its cost**: it fills more demand but costs more on the replayed weeks."
        case (_, _, _, true):
            return "**Recommendation: do not adopt the recommended allocation as it stands**: it fills less demand than the baseline on the replayed weeks."
        default:
            return "**Recommendation: the replay does not separate the plans.** Neither the cost nor the fill-rate difference is outside its interval's reach of zero; adopt the recommended allocation only for its other merits, and keep monitoring."
        }
    }

    private func storeRecommendations() -> [String] {
        var lines = ["| location | region | current | baseline | recommended | change | fill baseline | fill recommended | lost units (base → rec) |",
                     "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for outcome in locations {
            lines.append("| \(outcome.name)\(outcome.isStore ? "" : " (FC)") | \(outcome.region) | \(Self.amount(outcome.currentUnits)) | \(Self.amount(outcome.baselineUnits)) | \(Self.amount(outcome.recommendedUnits)) | \(Self.signedAmount(outcome.change)) | \(Self.percent(outcome.baseline.fillRate)) | \(Self.percent(outcome.recommended.fillRate)) | \(Self.amount(outcome.baseline.stockoutUnits)) → \(Self.amount(outcome.recommended.stockoutUnits)) |")
        }
        lines.append("")
        let stores = locations.filter(\.isStore)
        let gaining = stores.filter { $0.change > 0 }.sorted { ($0.change, $1.name) > ($1.change, $0.name) }
        let losing = stores.filter { $0.change < 0 }.sorted { ($0.change, $0.name) < ($1.change, $1.name) }
        if !gaining.isEmpty {
            lines.append("- **Stores to stock up**: " + gaining.prefix(4).map { "\($0.name) (\(Self.signedAmount($0.change)) units, fill \(Self.percent($0.baseline.fillRate)) → \(Self.percent($0.recommended.fillRate)))" }.joined(separator: ", ") + ".")
        }
        if !losing.isEmpty {
            lines.append("- **Stores to draw down**: " + losing.prefix(4).map { "\($0.name) (\(Self.signedAmount($0.change)) units, fill \(Self.percent($0.baseline.fillRate)) → \(Self.percent($0.recommended.fillRate)))" }.joined(separator: ", ") + ".")
        }
        let hurt = stores.filter { $0.recommended.fillRate < $0.baseline.fillRate - 0.02 }
        if hurt.isEmpty {
            lines.append("- No store loses more than 2 points of fill rate under the recommended allocation.")
        } else {
            lines.append("- **Watch**: " + hurt.map { "\($0.name) (fill \(Self.points($0.recommended.fillRate - $0.baseline.fillRate)))" }.joined(separator: ", ") + " fill less demand under the recommended allocation than under the baseline; review their allocation before adopting it.")
        }
        if let worst = stores.min(by: { ($0.recommended.fillRate, $0.name) < ($1.recommended.fillRate, $1.name) }) {
            lines.append("- The lowest replayed fill rate under the recommended allocation is \(worst.name)'s, \(Self.percent(worst.recommended.fillRate)).")
        }
        return lines
    }

    private func transferSection() -> [String] {
        guard !transfers.isEmpty else { return ["The allocation stage recommends no store-to-store transfers on top of the allocation."] }
        var lines = ["| SKU | from | to | units | replayed cost | stated benefit |", "| --- | --- | --- | ---: | ---: | ---: |"]
        for (transfer, cost) in zip(transfers, transferCosts) {
            lines.append("| \(transfer.sku) | \(transfer.from) | \(transfer.to) | \(Self.amount(transfer.quantity)) | \(Self.money(cost)) | \(Self.money(transfer.benefit)) |")
        }
        if let rec = network[.recommended], let with = network[.recommendedWithTransfers] {
            let gain = with.fillRate - rec.fillRate, extra = with.totalCost - rec.totalCost
            lines.append("")
            lines.append(gain > 0
                ? "Made on the first morning, the transfers raise the replayed fill rate by \(Self.points(gain)) for \(Self.signedAmount(extra)) of total cost (transfers \(Self.amount(with.transferCost)))."
                : "Made on the first morning, the transfers do not raise the replayed fill rate (\(Self.points(gain))) and change total cost by \(Self.signedAmount(extra)): hold them back until store sales confirm the need.")
        }
        return lines
    }

    private func monitoring() -> [String] {
        guard let rec = network[.recommended] else { return [] }
        let weekly = Double(max(1, weeks))
        let stores = locations.filter(\.isStore)
        let weakest = stores.min { ($0.recommended.fillRate, $0.name) < ($1.recommended.fillRate, $1.name) }
        let costPerUnit = rec.unitsSold > 0 ? rec.totalCost / rec.unitsSold : 0
        var lines = ["Weekly checks against what the replay expects from the recommended allocation:", "",
                     "| metric | replayed | alert when | why |", "| --- | ---: | --- | --- |"]
        lines.append("| network fill rate (week) | \(Self.percent(rec.fillRate)) | below \(Self.percent(max(0, rec.fillRate - 0.03))) | the plan's main promise; 3 points is beyond week-to-week noise |")
        if let weakest {
            lines.append("| store fill rate (week) | lowest \(Self.percent(weakest.recommended.fillRate)) (\(weakest.name)) | any store below \(Self.percent(max(0, weakest.recommended.fillRate - 0.05))) | a store falling behind the weakest replayed store needs stock moved |")
        }
        lines.append("| stockout events per week | \(Self.one(Double(rec.stockoutEvents) / weekly)) | above \(Self.one(1.5 * Double(rec.stockoutEvents) / weekly)) | 50% more SKU-location-days out of stock than replayed |")
        lines.append("| days of supply (network) | \(Self.one(rec.daysOfSupply)) | below \(Self.one(0.5 * rec.daysOfSupply)) or above \(Self.one(1.5 * rec.daysOfSupply)) | too little cover risks stockouts, too much ties up cash |")
        lines.append("| cost per unit sold | \(Self.money(costPerUnit)) | above \(Self.money(1.1 * costPerUnit)) | shipping and holding drifting 10% above plan |")
        if let with = network[.recommendedWithTransfers], with.transferCost > 0 {
            lines.append("| transfer cost (period) | \(Self.money(with.transferCost)) | above \(Self.money(1.25 * with.transferCost)) | transfers are the expensive fix; rising transfer cost means the allocation is off |")
        }
        return lines
    }

    // MARK: - Formatting

    /// `value` with thousands separators and `decimals` decimals ("1,234.50"); `value` ≥ 0.
    static func grouped(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = amount(Double(parts[0]) ?? 0)
        return parts.count > 1 ? whole + "." + parts[1] : whole
    }

    /// A whole number with thousands separators and a true minus sign ("−1,234"); "n/a" for NaN.
    public static func amount(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "−∞") }
        let rounded = Int(value.rounded())
        let digits = String(abs(rounded))
        var grouped = ""
        for (i, character) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { grouped += "," }
            grouped.append(character)
        }
        return (rounded < 0 ? "−" : "") + grouped
    }

    public static func signedAmount(_ value: Double) -> String {
        value.isFinite && value.rounded() > 0 ? "+" + amount(value) : amount(value)
    }

    static func money(_ value: Double) -> String {
        guard value.isFinite else { return amount(value) }
        return (value < 0 ? "−" : "") + String(format: "%.2f", abs(value))
    }

    public static func percent(_ value: Double) -> String {
        value.isFinite ? String(format: "%.1f%%", 100 * value) : "n/a"
    }

    static func signedPercent(_ value: Double) -> String {
        value.isFinite ? (value >= 0 ? "+" : "−") + String(format: "%.1f%%", 100 * abs(value)) : "n/a"
    }

    public static func points(_ value: Double) -> String {
        value.isFinite ? (value >= 0 ? "+" : "−") + String(format: "%.1f points", 100 * abs(value)) : "n/a"
    }

    static func one(_ value: Double) -> String { value.isFinite ? String(format: "%.1f", value) : amount(value) }
    static func two(_ value: Double) -> String { value.isFinite ? String(format: "%.2f", value) : amount(value) }
}
