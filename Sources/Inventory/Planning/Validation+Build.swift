import Tabular

extension ValidationReplay {
    /// The replay of a dataset's held-out period for the allocation stage's plans.
    ///
    /// - Parameters:
    ///   - placements: the rows of `allocation.csv`; its SKUs and locations are the ones replayed
    ///     (a SKU × location it lacks starts with no stock).
    ///   - transfers: the rows of `transfers.csv`, moves of today's stock (`current`) made on the first
    ///     morning of the rebalanced plan.
    ///   - transactions: cleaned transactions (canonical columns `date`, `sku`, `quantity`,
    ///     `location`, optionally `region` and `unit_price`).
    ///   - calendar: the planning calendar whose held-out weeks are replayed.
    ///   - manifest: the locations, regions and cost model of the dataset.
    ///   - skuAttributes: the dataset's SKU attributes, for `unit_cost`.
    /// - Throws: ``ValidationInputError`` for a location the manifest lacks, a transfer naming an unknown
    ///   SKU or location, or no sale of the allocated SKUs at the allocated locations in the held-out
    ///   period; the cost table's errors.
    /// - Complexity: O(transaction rows + SKUs × nodes × days).
    public init(placements: [PlacementRow], transfers: [TransferRow], transactions: DataFrame, calendar: PlanningCalendar,
                manifest: DatasetManifest, skuAttributes: DataFrame?, reviewDays: Int = 7, leadTimeDays: Int = 2) throws {
        typealias Name = TransactionColumns.Canonical
        guard !placements.isEmpty else { throw ValidationInputError.nothingToReplay("allocation.csv has no rows: there is no plan to replay") }
        let costs = try CostTable(manifest: manifest)
        let manifestLocation = Dictionary(manifest.locations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for (row, placement) in placements.enumerated() where manifestLocation[placement.location] == nil {
            throw ValidationInputError.unknownName(file: "allocation.csv", line: row + 2, column: "location", value: placement.location)
        }
        let used = Set(placements.map(\.location))
        let siteLocations = manifest.locations.filter { used.contains($0.name) }
        let siteIndex = Dictionary(uniqueKeysWithValues: siteLocations.enumerated().map { ($1.name, $0) })
        let kindOf = Dictionary(placements.map { ($0.location, $0.isStore) }, uniquingKeysWith: { first, _ in first })
        var skuNames: [String] = []
        var skuIndex: [String: Int] = [:]
        for placement in placements where skuIndex[placement.sku] == nil {
            skuIndex[placement.sku] = skuNames.count
            skuNames.append(placement.sku)
        }

        // Sites, each store supplied by the first center serving its region, else the nearest.
        let centers = siteLocations.indices.filter { kindOf[siteLocations[$0].name] == false }
        var sites: [Site] = []
        for location in siteLocations {
            let isStore = kindOf[location.name] ?? true
            var supplier: Int?
            if isStore {
                supplier = centers.first { siteLocations[$0].servedRegions.contains(location.region) }
                    ?? centers.min { a, b in
                        let da = location.distanceKm(toLatitude: siteLocations[a].latitude, longitude: siteLocations[a].longitude)
                        let db = location.distanceKm(toLatitude: siteLocations[b].latitude, longitude: siteLocations[b].longitude)
                        return (da, a) < (db, b)
                    }
            }
            let cost = try supplier.map { try costs.transfer(from: siteLocations[$0], to: location) } ?? 0
            sites.append(Site(name: location.name, region: location.region, isStore: isStore, supplier: supplier, replenishmentCost: cost))
        }

        // Held-out demand per SKU × node × day.
        let horizonDays = 7 * calendar.horizon, first = calendar.cutoff.daysSince1970
        let days = try DemandSeriesSet.days(transactions[Name.date])
        let skuValues = try transactions[Name.sku, String.self], locationValues = try transactions[Name.location, String.self]
        let regionValues: [String?] = transactions.contains(column: Name.region) ? try transactions[Name.region, String.self]
            : Array(repeating: nil, count: transactions.rowCount)
        let quantities = try transactions.doubles(Name.quantity)
        let regionByName = Dictionary(manifest.regions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var nodes: [DemandNode] = []
        var nodeIndex: [String: Int] = [:]
        func node(site: Int, region: String) throws -> Int {
            let key = "\(site)|\(region)"
            if let existing = nodeIndex[key] { return existing }
            var shipping = 0.0
            if !sites[site].isStore {
                let target = regionByName[region] ?? regionByName[sites[site].region]
                shipping = try target.map { try costs.shipping(from: siteLocations[site], to: $0) } ?? 0
            }
            nodeIndex[key] = nodes.count
            nodes.append(DemandNode(site: site, region: region, shippingCost: shipping))
            return nodes.count - 1
        }
        for (l, site) in sites.enumerated() where site.isStore { _ = try node(site: l, region: site.region) }
        var entries: [(sku: Int, node: Int, day: Int, units: Double)] = []
        for row in 0..<transactions.rowCount {
            guard let day = days[row], day >= first, day < first + horizonDays,
                  let sku = skuValues[row].flatMap({ skuIndex[$0] }), let site = locationValues[row].flatMap({ siteIndex[$0] }),
                  quantities[row].isFinite, quantities[row] > 0 else { continue }
            let region = sites[site].isStore ? sites[site].region : (regionValues[row] ?? sites[site].region)
            entries.append((sku, try node(site: site, region: region), day - first, quantities[row]))
        }
        guard !entries.isEmpty else {
            throw ValidationInputError.nothingToReplay(
                "no sale of the \(skuNames.count) allocated SKUs at the allocated locations from \(calendar.cutoff) to \(calendar.end): the held-out period is empty")
        }
        var demand = [[[Double]]](repeating: [[Double]](repeating: [Double](repeating: 0, count: horizonDays), count: nodes.count),
                                  count: skuNames.count)
        for entry in entries { demand[entry.sku][entry.node][entry.day] += entry.units }

        // Start stock, levels and moves.
        let zeros = [[Double]](repeating: [Double](repeating: 0, count: sites.count), count: skuNames.count)
        var baseline = zeros, recommended = zeros, current = zeros, levels = zeros, receipts = zeros
        for placement in placements {
            guard let s = skuIndex[placement.sku], let l = siteIndex[placement.location] else { continue }
            baseline[s][l] = placement.baseline
            recommended[s][l] = placement.recommended
            current[s][l] = placement.current
            receipts[s][l] = placement.receipt
            if sites[l].isStore {
                levels[s][l] = Self.orderUpToLevel(demandMean: placement.demandMean, safetyStock: placement.safetyStock,
                                                   horizonDays: horizonDays, reviewDays: reviewDays, leadTimeDays: leadTimeDays)
            }
        }
        var moves: [Move] = []
        for (row, transfer) in transfers.enumerated() {
            guard let s = skuIndex[transfer.sku] else {
                throw ValidationInputError.unknownName(file: "transfers.csv", line: row + 2, column: "sku", value: transfer.sku)
            }
            guard let from = siteIndex[transfer.from] else {
                throw ValidationInputError.unknownName(file: "transfers.csv", line: row + 2, column: "from", value: transfer.from)
            }
            guard let to = siteIndex[transfer.to] else {
                throw ValidationInputError.unknownName(file: "transfers.csv", line: row + 2, column: "to", value: transfer.to)
            }
            moves.append(Move(sku: s, from: from, to: to, units: transfer.quantity))
        }

        self.init(skus: skuNames, holdingCostPerDay: try Self.holdingCosts(skuNames, skuAttributes: skuAttributes,
                                                                           transactions: transactions, model: costs.model),
                  sites: sites, nodes: nodes, demand: demand, baseline: baseline, recommended: recommended, current: current, moves: moves,
                  transferCost: try costs.transferMatrix(locations: siteLocations), levels: levels,
                  reviewDays: reviewDays, leadTimeDays: leadTimeDays, start: calendar.cutoff)
        placeFrom(receipts: receipts)
    }

    /// Daily holding cost per unit of each SKU: its `unit_cost` at the manifest's holding rate, or
    /// ``CostModel/assumedCostShareOfPrice`` of its average selling price when there is no unit cost (0 for a
    /// SKU with neither).
    static func holdingCosts(_ skus: [String], skuAttributes: DataFrame?, transactions: DataFrame, model: CostModel) throws -> [Double] {
        typealias Name = TransactionColumns.Canonical
        var unitCost: [String: Double] = [:]
        if let skuAttributes, skuAttributes.contains(column: Dataset.SKUColumn.unitCost) {
            let codes = try skuAttributes[Dataset.SKUColumn.sku, String.self], costs = try skuAttributes.doubles(Dataset.SKUColumn.unitCost)
            for (code, cost) in zip(codes, costs) where cost.isFinite && cost >= 0 { if let code { unitCost[code] = cost } }
        }
        if skus.contains(where: { unitCost[$0] == nil }), transactions.contains(column: Name.unitPrice) {
            let codes = try transactions[Name.sku, String.self], prices = try transactions.doubles(Name.unitPrice)
            var sums: [String: (total: Double, count: Double)] = [:]
            for (code, price) in zip(codes, prices) where price.isFinite && price > 0 {
                guard let code, unitCost[code] == nil else { continue }
                sums[code, default: (0, 0)].total += price
                sums[code, default: (0, 0)].count += 1
            }
            for (code, sum) in sums { unitCost[code] = CostModel.assumedCostShareOfPrice * sum.total / sum.count }
        }
        return skus.map { model.holdingCost(unitCost: unitCost[$0] ?? 0, days: 1) }
    }
}
