import Foundation

extension StrategyReport {
    /// How a comparison came out, read off its bootstrap intervals.
    struct Outcome {
        var cheaper = false, dearer = false, better = false, worse = false

        init(cost: PlanDifference?, fill: PlanDifference?) {
            if let cost { cheaper = cost.upper < 0; dearer = cost.lower > 0 }
            if let fill { better = fill.lower > 0; worse = fill.upper < 0 }
        }

        var beatsReference: Bool { !worse && !dearer && (better || cheaper) }
    }

    // MARK: - Executive summary

    func summary() -> [String] {
        guard let base = network[.baseline], let rec = network[.recommended],
              let today = network[.current], let moved = network[.rebalanced] else { return [] }
        var lines: [String] = []
        lines.append("- **Allocation** (the same \(Self.amount(totals.recommended)) units placed either way): the recommended allocation fills \(Self.percent(rec.fillRate)) of held-out demand against \(Self.percent(base.fillRate)) for the one-size-fits-all baseline (\(withInterval("fill_rate", .allocation))) and costs \(money(rec.totalCost)) against \(money(base.totalCost)) (\(withInterval("total_cost", .allocation))).")
        if transfers.isEmpty {
            lines.append(totals.current > 0
                ? "- **Rebalancing**: the allocation stage proposes no transfers of today's stock; left where it is, today's \(Self.amount(totals.current)) units fill \(Self.percent(today.fillRate)) of demand."
                : "- **Rebalancing**: the data records no stock today, so there is nothing to rebalance.")
        } else {
            lines.append("- **Rebalancing** (today's \(Self.amount(totals.current)) units, moved or not): the \(transfers.count) transfers move \(Self.amount(transferUnits.reduce(0, +))) units for \(money(moved.transferCost)); fill rate \(Self.percent(today.fillRate)) → \(Self.percent(moved.fillRate)) (\(withInterval("fill_rate", .rebalancing))), units lost \(Self.amount(today.stockoutUnits)) → \(Self.amount(moved.stockoutUnits)) (\(withInterval("stockout_units", .rebalancing))), total cost \(withInterval("total_cost", .rebalancing)).")
        }
        if let late = lateLosses {
            lines.append("- **When**: \(Self.percent(late.share)) of the units lost under the recommended allocation are lost from \(late.from) on, the last \(late.weeks) of the \(weeks) weeks.")
        }
        lines.append("")
        lines.append(allocationVerdict())
        lines.append("")
        lines.append(rebalancingVerdict())
        return lines
    }

    /// "+1.2 points, 95% CI +0.4 to +2.0 points" for a KPI's difference, in the KPI's unit.
    func withInterval(_ kpi: String, _ comparison: PlanComparison) -> String {
        guard let d = difference(kpi, comparison) else { return "no interval" }
        let show = Self.changeFormatter(kpi: kpi, currency: currency)
        return "\(show(d.estimate)), 95% CI \(show(d.lower)) to \(show(d.upper))\(d.isSignificant ? "" : ", not distinguishable from no change")"
    }

    // MARK: - Verdicts

    func allocationVerdict() -> String {
        let cost = difference("total_cost", .allocation), fill = difference("fill_rate", .allocation)
        let outcome = Outcome(cost: cost, fill: fill)
        let head = "**Allocation: "
        if outcome.worse {
            return head + "keep the baseline; do not adopt the recommended allocation as it stands.** It fills less demand than the one-size-fits-all split of the same stock. " + allocationWhy()
        }
        if outcome.dearer && !outcome.better {
            return head + "keep the baseline.** The recommended allocation costs \(money(cost?.estimate ?? 0)) more without filling more demand. " + allocationWhy()
        }
        if outcome.better && outcome.dearer, let cost, let fill, let base = network[.baseline] {
            let extraUnits = fill.estimate * base.unitsDemanded
            let perUnit = extraUnits > 0 ? " (\(unitMoney(cost.estimate / extraUnits)) per extra unit sold)" : ""
            return head + "adopt the recommended allocation if the service is worth its cost.** It fills \(Self.points(fill.estimate)) more demand for \(money(cost.estimate)) more\(perUnit)."
        }
        if outcome.beatsReference {
            return head + "adopt the recommended allocation.** It \(outcome.better ? "fills more demand" : "fills as much demand") \(outcome.cheaper ? "and costs less" : "at no more cost") than the baseline, beyond what the choice of SKUs explains."
        }
        return head + "the replay does not separate the two plans.** Neither the cost nor the fill-rate difference is clear of zero; the recommended allocation does not beat the baseline on these weeks. " + allocationWhy()
    }

    func rebalancingVerdict() -> String {
        guard !transfers.isEmpty else { return "**Rebalancing: no transfers proposed.** Leave today's stock where it is." }
        let cost = difference("total_cost", .rebalancing), fill = difference("fill_rate", .rebalancing)
        let outcome = Outcome(cost: cost, fill: fill)
        let head = "**Rebalancing: "
        if outcome.worse {
            return head + "do not make the transfers.** Moved on the first morning, today's stock fills less demand than left where it is. " + rebalancingWhy()
        }
        if outcome.better && outcome.dearer, let cost, let today = network[.current], let moved = network[.rebalanced] {
            let avoided = today.stockoutUnits - moved.stockoutUnits
            return head + "make the transfers if a lost sale is worth more than \(unitMoney(avoided > 0 ? cost.estimate / avoided : .nan)).** They avoid \(Self.amount(avoided)) lost units and cost \(money(cost.estimate)) more in all. " + rebalancingWhy()
        }
        if outcome.dearer {
            return head + "do not make the transfers.** They cost \(money(cost?.estimate ?? 0)) more without filling more demand. " + rebalancingWhy()
        }
        if outcome.beatsReference {
            return head + "make the transfers.** They \(outcome.better ? "fill more demand" : "fill as much demand") \(outcome.cheaper ? "and cost less" : "at no more cost") than leaving today's stock where it is."
        }
        return head + "the transfers do not pay on these weeks.** Neither the cost nor the fill-rate difference is clear of zero. " + rebalancingWhy()
    }

    /// Why the recommended allocation does not beat the baseline, from where its losses and costs land.
    func allocationWhy() -> String {
        guard let base = network[.baseline], let rec = network[.recommended] else { return "" }
        var reasons: [String] = []
        let stores = locations.filter(\.isStore)
        let worse = stores.filter { $0.recommended.stockoutUnits > $0.baseline.stockoutUnits + 0.5 }
            .sorted { ($0.recommended.stockoutUnits - $0.baseline.stockoutUnits, $1.name) > ($1.recommended.stockoutUnits - $1.baseline.stockoutUnits, $0.name) }
        if rec.stockoutUnits > base.stockoutUnits, !worse.isEmpty {
            reasons.append("The extra lost units are mostly at " + worse.prefix(3).map {
                "\($0.name) (\(Self.signedAmount($0.recommended.stockoutUnits - $0.baseline.stockoutUnits)) units lost, \(Self.signedAmount($0.change)) units placed)"
            }.joined(separator: ", ") + ": the forecasts behind the allocation expected less demand there than the held-out weeks brought.")
        }
        if rec.totalCost > base.totalCost {
            let shipping = rec.shippingCost - base.shippingCost, holding = rec.holdingCost - base.holdingCost
            let fcShare: (KeyPath<LocationOutcome, Double>) -> Double = { path in
                let total = self.locations.reduce(0) { $0 + $1[keyPath: path] }
                return total > 0 ? self.locations.filter { !$0.isStore }.reduce(0) { $0 + $1[keyPath: path] } / total : 0
            }
            reasons.append("Of the extra cost, shipping and store replenishment account for \(signedMoney(shipping)) and holding for \(signedMoney(holding)); the recommended plan keeps \(Self.percent(fcShare(\.recommendedUnits))) of the units at the fulfillment centers against \(Self.percent(fcShare(\.baselineUnits))) for the baseline.")
        }
        if let late = lateLosses, late.weeks * 3 <= weeks {
            reasons.append("Half the recommended plan's lost units fall in the last \(late.weeks) weeks: the centers are not resupplied during the period, so late demand outruns any placement of the same stock.")
        }
        return reasons.joined(separator: " ")
    }

    /// Why the transfers do not pay, from the stores that receive and send them.
    func rebalancingWhy() -> String {
        guard let today = network[.current], let moved = network[.rebalanced] else { return "" }
        let receivers = locations.filter { $0.transferredUnits > 0 }, senders = locations.filter { $0.transferredUnits < 0 }
        let avoided = receivers.reduce(0) { $0 + $1.current.stockoutUnits - $1.rebalanced.stockoutUnits }
        let caused = senders.reduce(0) { $0 + $1.rebalanced.stockoutUnits - $1.current.stockoutUnits }
        let units = transferUnits.reduce(0, +)
        let elsewhere = (today.stockoutUnits - moved.stockoutUnits) - avoided + caused
        var text = "The receiving stores lose \(Self.amount(avoided)) fewer units and the sending stores \(Self.amount(caused)) more, out of \(Self.amount(units)) units moved for \(money(moved.transferCost))"
        if abs(elsewhere) >= 0.5 {
            text += "; the other locations (chiefly the fulfillment centers, whose stock the stores' weekly orders draw on) lose \(Self.amount(abs(elsewhere))) \(elsewhere > 0 ? "fewer" : "more")"
        }
        if units > 0, avoided < 0.5 * units {
            text += ": most moved units were not needed where they went before the stores' own weekly replenishment from their fulfillment center arrived, or the receiving stores sold less than the allocation stage expected"
        }
        text += "."
        let holding = moved.holdingCost - today.holdingCost, shipping = moved.shippingCost - today.shippingCost
        if abs(holding) + abs(shipping) > 0 {
            text += " Besides the transfer cost, holding changes by \(signedMoney(holding)) and shipping and replenishment by \(signedMoney(shipping))."
        }
        return text
    }

    // MARK: - The two decisions

    /// "3,515 units (today's stock)" or "3,900 units: today's 3,515 and 385 received at the fulfillment centers".
    public var stockPlaced: String {
        let received = totals.recommended - totals.current
        if abs(received) < 0.5 { return "\(Self.amount(totals.recommended)) units, today's stock" }
        return received > 0
            ? "\(Self.amount(totals.recommended)) units: today's \(Self.amount(totals.current)) and \(Self.amount(received)) received at the fulfillment centers"
            : "\(Self.amount(totals.recommended)) units, \(Self.amount(-received)) fewer than today's \(Self.amount(totals.current))"
    }

    /// A KPI row of a comparison table: its label, how to read it off the KPIs and how to write it.
    private struct Row {
        var label: String, value: (ValidationKPIs) -> Double, kind: Kind, interval: String?
        enum Kind { case money, units, rate, number }
    }

    private func comparisonTable(_ comparison: PlanComparison, rows: [Row]) -> [String] {
        guard let a = network[comparison.reference], let b = network[comparison.other] else { return [] }
        var lines = ["| KPI | \(comparison.reference.label) | \(comparison.other.label) | difference | 95% CI |", "| --- | ---: | ---: | ---: | --- |"]
        for row in rows {
            let x = row.value(a), y = row.value(b)
            let level: (Double) -> String, change: (Double) -> String
            switch row.kind {
            case .money: level = { self.money($0) }; change = { self.signedMoney($0) }
            case .units: level = { Self.amount($0) }; change = { Self.signedAmount($0) }
            case .rate: level = { Self.percent($0) }; change = { Self.points($0) }
            case .number: level = { Self.one($0) }; change = { $0.isFinite ? ($0 >= 0 ? "+" : "−") + Self.one(abs($0)) : Self.amount($0) }
            }
            var ci = "—"
            if let kpi = row.interval, let d = difference(kpi, comparison) {
                ci = "\(change(d.lower)) to \(change(d.upper))" + (d.isSignificant ? "" : " (includes 0)")
            }
            lines.append("| \(row.label) | \(level(x)) | \(level(y)) | \(change(y - x)) | \(ci) |")
        }
        return lines
    }

    func allocationSection() -> [String] {
        var lines: [String] = []
        if abs(totals.baseline - totals.recommended) > 0.5 {
            lines.append("*The baseline places \(Self.amount(totals.baseline)) units and the recommended allocation \(Self.amount(totals.recommended)): not the same total, so part of the difference below is more or less stock rather than better placement.*")
        } else {
            lines.append("Both plans place the same \(stockPlaced); they differ only in where the units start. Each is placed from where the stock is (today's stock and the receipts at the fulfillment centers) by the cheapest moves on the first morning, and pays for them.")
        }
        lines.append("")
        lines += comparisonTable(.allocation, rows: [
            Row(label: "placement cost (moves on the first morning)", value: \.transferCost, kind: .money, interval: nil),
        ] + Self.costAndServiceRows + [
            Row(label: "turnover over the period", value: \.turnover, kind: .number, interval: nil),
            Row(label: "days of supply", value: \.daysOfSupply, kind: .number, interval: nil),
        ])
        lines += ["", allocationVerdict()]
        return lines
    }

    /// The rows both decisions' tables share: what the replay costs and how well it serves.
    private static var costAndServiceRows: [Row] { [
            Row(label: "shipping and replenishment cost", value: \.shippingCost, kind: .money, interval: nil),
            Row(label: "holding cost", value: \.holdingCost, kind: .money, interval: nil),
            Row(label: "total cost", value: \.totalCost, kind: .money, interval: "total_cost"),
            Row(label: "units lost to stockouts", value: \.stockoutUnits, kind: .units, interval: "stockout_units"),
            Row(label: "stockout events (SKU-location-days)", value: { Double($0.stockoutEvents) }, kind: .units, interval: nil),
            Row(label: "fill rate", value: \.fillRate, kind: .rate, interval: "fill_rate"),
    ] }

    func rebalancingSection() -> [String] {
        var lines: [String] = []
        if transfers.isEmpty {
            lines.append("The allocation stage proposes no store-to-store transfers of today's stock.")
        } else {
            let stated = transfers.reduce(0) { $0 + $1.benefit }
            lines.append("The allocation stage proposes \(transfers.count) store-to-store transfers of today's stock (\(Self.amount(transfers.reduce(0) { $0 + $1.quantity })) units, stated benefit \(money(stated))). Replayed on the first morning, each moving at most what the sender holds, they move \(Self.amount(transferUnits.reduce(0, +))) units for \(money(transferCosts.reduce(0, +))). The comparison is today's stock with the transfers against today's stock left where it is: the same units.")
        }
        lines.append("")
        lines += comparisonTable(.rebalancing, rows: [
            Row(label: "transfer cost", value: \.transferCost, kind: .money, interval: nil),
        ] + Self.costAndServiceRows)
        lines += ["", rebalancingVerdict()]
        guard !transfers.isEmpty else { return lines }
        let shown = 15
        let order = transfers.indices.sorted { (transfers[$0].benefit, $1) > (transfers[$1].benefit, $0) }
        lines += ["", "The transfers with the largest stated benefit:", "",
                  "| SKU | from | to | units | replayed cost | stated benefit |", "| --- | --- | --- | ---: | ---: | ---: |"]
        for i in order.prefix(shown) {
            let transfer = transfers[i]
            lines.append("| \(transfer.sku) | \(transfer.from) | \(transfer.to) | \(Self.amount(transferUnits[i])) | \(money(transferCosts[i])) | \(money(transfer.benefit)) |")
        }
        if transfers.count > shown { lines += ["", "*\(transfers.count - shown) more in `transfers.csv`.*"] }
        return lines
    }

    // MARK: - Stores and monitoring

    func storeRecommendations() -> [String] {
        var lines = ["| location | today | baseline | recommended | rec − base | fill base → rec | transfers (net) | fill today → with transfers |",
                     "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for o in locations {
            lines.append("| \(Self.displayName(o.name, isStore: o.isStore)), \(o.region) | \(Self.amount(o.currentUnits)) | \(Self.amount(o.baselineUnits)) | \(Self.amount(o.recommendedUnits)) | \(Self.signedAmount(o.change)) | \(Self.percent(o.baseline.fillRate)) → \(Self.percent(o.recommended.fillRate)) | \(Self.signedAmount(o.transferredUnits)) | \(Self.percent(o.current.fillRate)) → \(Self.percent(o.rebalanced.fillRate)) |")
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
        let receiving = stores.filter { $0.transferredUnits > 0 }.sorted { ($0.transferredUnits, $1.name) > ($1.transferredUnits, $0.name) }
        if !receiving.isEmpty {
            lines.append("- **Receiving the most transfers**: " + receiving.prefix(4).map { "\($0.name) (\(Self.signedAmount($0.transferredUnits)) units, fill today \(Self.percent($0.current.fillRate)) → \(Self.percent($0.rebalanced.fillRate)))" }.joined(separator: ", ") + ".")
        }
        if let worst = stores.min(by: { ($0.recommended.fillRate, $0.name) < ($1.recommended.fillRate, $1.name) }) {
            lines.append("- The lowest replayed fill rate under the recommended allocation is \(worst.name)'s, \(Self.percent(worst.recommended.fillRate)).")
        }
        return lines
    }

    /// A location's name marked "(FC)" when it is a fulfillment center whose name does not say so.
    public static func displayName(_ name: String, isStore: Bool) -> String {
        isStore || name.hasSuffix("FC") ? name : name + " (FC)"
    }

    func monitoring() -> [String] {
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
        lines.append("| cost per unit sold | \(unitMoney(costPerUnit)) | above \(unitMoney(1.1 * costPerUnit)) | shipping and holding drifting 10% above plan |")
        if let moved = network[.rebalanced], let today = network[.current], moved.transferCost > 0 {
            let avoided = today.stockoutUnits - moved.stockoutUnits
            let perUnit = avoided > 0 ? unitMoney(moved.transferCost / avoided) : "no unit avoided"
            lines.append("| transfer cost per lost unit avoided | \(perUnit) | above the margin of a unit | a transfer that costs more than the sale it saves is not worth making |")
        }
        return lines
    }
}
