import Foundation
import Tabular

extension AllocationPlan {
    /// Reads `forecasts.csv` with its identifier columns as text (a numeric SKU code stays a code)
    /// and checks its schema.
    /// - Throws: the CSV reader's errors, `TabularError.missingColumn` for a column the schema needs.
    public static func readForecasts(contentsOf url: URL) throws -> DataFrame {
        var options = CSVReadingOptions()
        for name in [ForecastTable.sku, ForecastTable.location, ForecastTable.region, ForecastTable.segment, ForecastTable.model] {
            options.types[name] = .string
        }
        options.types[ForecastTable.week] = .date
        let frame = try DataFrame(contentsOfCSVFile: url, options: options)
        try ForecastTable.validate(frame)
        return frame
    }
}

extension AllocationPlan.Problem {
    /// The inputs of a plan from the forecasting stage's output and the dataset.
    ///
    /// - Demand per SKU × location over the horizon: the weekly means summed over weeks (and
    ///   segments), the standard deviation the square root of the summed weekly variances (errors
    ///   taken as independent across weeks and segments, which understates it when they are not).
    /// - SKUs and locations: the forecast SKUs, sorted; every manifest location, each SKU covering
    ///   the locations with a forecast or a row in the stock file (a location without a forecast
    ///   has demand 0).
    /// - Today's stock from the dataset's stock frame (zero without one); capacity for the plan is each location's
    ///   capacity less the stock of SKUs outside it.
    /// - Unit margin price − unit cost and holding cost unit cost × holding rate × horizon, from the
    ///   SKU attributes; without them the price is the SKU's mean selling price in `sales` and the
    ///   unit cost `assumedCostShare` of it.
    /// - History: units each location sold of each SKU in `sales` before the forecasts' first week.
    ///
    /// - Parameters:
    ///   - forecasts: `forecasts.csv` (``ForecastTable``) at a location level.
    ///   - dataset: The dataset, with its stock.
    ///   - costs: Its resolved cost table (transfer costs between locations).
    ///   - sales: Cleaned transactions (`date`, `sku`, `quantity`, `unit_price`, `location`).
    ///   - serviceLevel: In (0, 1).
    ///   - assumedCostShare: Unit cost as a share of price when the data give none; default
    ///     ``CostModel/assumedCostShareOfPrice``.
    /// - Throws: ``AllocationPlanError/badInput(_:)`` naming the file, row or value that is unusable;
    ///   `TabularError` for a missing column.
    public init(forecasts: DataFrame, dataset: Dataset, costs: CostTable, sales: DataFrame,
                serviceLevel: Double, assumedCostShare: Double = CostModel.assumedCostShareOfPrice) throws {
        try ForecastTable.validate(forecasts)
        guard forecasts.rowCount > 0 else { throw AllocationPlanError.badInput("forecasts.csv has no rows: there is nothing to allocate") }
        let locations = dataset.manifest.locations
        let locationIndex = Dictionary(locations.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        let skuColumn = try Dataset.identifiers(forecasts.column(ForecastTable.sku))[String.self]
        let locationColumn = try Dataset.identifiers(forecasts.column(ForecastTable.location))[String.self]
        let means = try forecasts.doubles(ForecastTable.mean), sds = try forecasts.doubles(ForecastTable.sd)
        let weeks = try forecasts.column(ForecastTable.week).floored(to: .day)
        guard case let .date(weekDays, _) = weeks.data else {
            throw AllocationPlanError.badInput("forecasts.csv: the week column holds no dates")
        }

        var skuIDs = Set<String>()
        var meanSum: [String: [Double]] = [:], varianceSum: [String: [Double]] = [:]
        var forecastWeeks = Set<Int>()
        let zeros = [Double](repeating: 0, count: locations.count)
        for row in 0..<forecasts.rowCount {
            guard let sku = skuColumn[row], let location = locationColumn[row] else {
                throw AllocationPlanError.badInput("forecasts.csv line \(row + 2): the sku or location is empty")
            }
            guard location != DemandSeriesKey.all else {
                throw AllocationPlanError.badInput("forecasts.csv is at the sku level (location 'all'): allocation needs forecasts per location; run the forecasting stage with --level sku-location")
            }
            guard let l = locationIndex[location] else {
                throw AllocationPlanError.badInput("forecasts.csv line \(row + 2): location '\(location)' is not among the manifest's locations")
            }
            let mean = means[row], sd = sds[row]
            guard mean.isFinite, sd.isFinite, sd >= 0 else {
                throw AllocationPlanError.badInput("forecasts.csv line \(row + 2): mean \(mean) and sd \(sd) must be finite numbers, sd ≥ 0")
            }
            skuIDs.insert(sku)
            meanSum[sku, default: zeros][l] += max(0, mean)
            varianceSum[sku, default: zeros][l] += sd * sd
            forecastWeeks.insert(weekDays[row])
        }
        let skuList = skuIDs.sorted()
        let skuIndex = Dictionary(uniqueKeysWithValues: skuList.enumerated().map { ($1, $0) })
        guard let cutoff = forecastWeeks.min() else { throw AllocationPlanError.badInput("forecasts.csv has no weeks") }

        // Today's stock, and the room that SKUs outside the plan leave.
        // Without a stock file (the Online Retail data has none) today's stock is zero everywhere.
        let stock = dataset.stock ?? DataFrame()
        var current = skuList.map { _ in zeros }
        var covered = skuList.map { sku in (0..<locations.count).map { (meanSum[sku]?[$0] ?? 0) > 0 || (varianceSum[sku]?[$0] ?? 0) > 0 } }
        var otherStock = zeros
        if stock.rowCount > 0 {
            let stockLocations = try stock["location", String.self], stockSKUs = try stock["sku", String.self]
            let onHand = try stock.doubles("on_hand")
            for row in 0..<stock.rowCount {
                guard let location = stockLocations[row], let l = locationIndex[location] else {
                    throw AllocationPlanError.badInput("stock row \(row + 1): location '\(stockLocations[row] ?? "")' is not among the manifest's locations")
                }
                let units = onHand[row]
                guard units.isFinite, units >= 0 else {
                    throw AllocationPlanError.badInput("stock row \(row + 1) (\(location), \(stockSKUs[row] ?? "")): on_hand is \(units); expected a number ≥ 0")
                }
                if let sku = stockSKUs[row], let s = skuIndex[sku] {
                    current[s][l] += units
                    covered[s][l] = true
                } else {
                    otherStock[l] += units
                }
            }
        }
        for s in skuList.indices where !covered[s].contains(true) {
            // A SKU forecast as zero everywhere with no stock: keep its forecast locations.
            for l in 0..<locations.count where meanSum[skuList[s]] != nil { covered[s][l] = true }
        }

        // Prices and costs.
        let attributes = try Self.skuAttributes(dataset.skus, sales: sales)
        let days = 7 * forecastWeeks.count
        var skus: [AllocationPlan.SKU] = []
        for sku in skuList {
            let known = attributes[sku]
            guard let price = known?.price, price.isFinite, price >= 0 else {
                throw AllocationPlanError.badInput("SKU \(sku) has no price in the SKU attributes or the sales: its margin is unknown")
            }
            let unitCost = known?.unitCost.flatMap { $0.isFinite ? $0 : nil } ?? assumedCostShare * price
            skus.append(AllocationPlan.SKU(id: sku, category: known?.category ?? "", unitMargin: max(0, price - unitCost),
                                           holdingCost: costs.model.holdingCost(unitCost: unitCost, days: Double(days))))
        }

        // Training sales per SKU × location.
        var history = skuList.map { _ in zeros }
        let salesDays = try sales.column(TransactionColumns.Canonical.date).floored(to: .day)
        if case let .date(dayValues, _) = salesDays.data, sales.contains(column: TransactionColumns.Canonical.location) {
            let salesSKUs = try sales[TransactionColumns.Canonical.sku, String.self]
            let salesLocations = try sales[TransactionColumns.Canonical.location, String.self]
            let quantities = try sales.doubles(TransactionColumns.Canonical.quantity)
            for row in 0..<sales.rowCount where dayValues[row] < cutoff && quantities[row] > 0 {
                guard let sku = salesSKUs[row], let s = skuIndex[sku], let location = salesLocations[row],
                      let l = locationIndex[location], covered[s][l] else { continue }
                history[s][l] += quantities[row]
            }
        }

        self.init(skus: skus, locations: locations,
                  capacity: (0..<locations.count).map { max(0, Double(locations[$0].capacity) - otherStock[$0]) },
                  covered: covered,
                  demandMean: skuList.map { meanSum[$0] ?? zeros },
                  demandSD: skuList.map { (varianceSum[$0] ?? zeros).map { $0.squareRoot() } },
                  current: current, history: history,
                  transferCost: try costs.transferMatrix(locations: locations),
                  serviceLevel: serviceLevel, horizonDays: days)
    }

    /// Price, unit cost and category per SKU: the attributes file first, the sales for what it lacks.
    static func skuAttributes(_ skus: DataFrame?, sales: DataFrame) throws -> [String: (price: Double?, unitCost: Double?, category: String?)] {
        var result: [String: (price: Double?, unitCost: Double?, category: String?)] = [:]
        // Mean selling price and most frequent category from the sales.
        let salesSKUs = try sales[TransactionColumns.Canonical.sku, String.self]
        let prices = try sales.doubles(TransactionColumns.Canonical.unitPrice)
        let categories = sales.contains(column: TransactionColumns.Canonical.category)
            ? try sales[TransactionColumns.Canonical.category, String.self] : []
        var priceSum: [String: (Double, Int)] = [:]
        var categoryOf: [String: String] = [:]
        for row in 0..<sales.rowCount {
            guard let sku = salesSKUs[row] else { continue }
            if prices[row].isFinite, prices[row] > 0 {
                let (sum, count) = priceSum[sku] ?? (0, 0)
                priceSum[sku] = (sum + prices[row], count + 1)
            }
            if !categories.isEmpty, categoryOf[sku] == nil, let category = categories[row] { categoryOf[sku] = category }
        }
        for (sku, (sum, count)) in priceSum { result[sku] = (sum / Double(count), nil, categoryOf[sku]) }
        guard let skus else { return result }
        let ids = try skus[Dataset.SKUColumn.sku, String.self]
        let listPrices = skus.contains(column: Dataset.SKUColumn.price) ? try skus.doubles(Dataset.SKUColumn.price) : []
        let unitCosts = skus.contains(column: Dataset.SKUColumn.unitCost) ? try skus.doubles(Dataset.SKUColumn.unitCost) : []
        let skuCategories = skus.contains(column: Dataset.SKUColumn.category) ? try skus[Dataset.SKUColumn.category, String.self] : []
        for row in 0..<skus.rowCount {
            guard let sku = ids[row] else { continue }
            var entry = result[sku] ?? (nil, nil, nil)
            if !listPrices.isEmpty, listPrices[row].isFinite { entry.price = listPrices[row] }
            if !unitCosts.isEmpty, unitCosts[row].isFinite { entry.unitCost = unitCosts[row] }
            if !skuCategories.isEmpty, let category = skuCategories[row] { entry.category = category }
            result[sku] = entry
        }
        return result
    }
}
