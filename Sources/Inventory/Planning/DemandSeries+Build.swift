import Tabular

/// The demand series of a planning run: one ``DemandSeries`` per key at a ``DemandLevel``, for the
/// selected SKUs, over the training weeks of a ``PlanningCalendar``.
///
/// ```swift
/// let calendar = try PlanningCalendar(transactions: sales, horizon: 8)
/// let demand = try DemandSeriesSet(transactions: sales, calendar: calendar, level: .skuLocation,
///                                  selection: .all, locations: dataset.manifest.locations)
/// ```
public struct DemandSeriesSet: Sendable {
    public let level: DemandLevel
    public let selection: SKUSelection
    /// The largest number of series kept (the series with the most training demand); nil for all.
    public let seriesLimit: Int?
    public let calendar: PlanningCalendar
    /// What ranked the SKUs: revenue, or the quantity when the training rows have no price or one
    /// price for everything.
    public let rankedBy: RankingMeasure
    /// The selected SKUs with a kept series, by training revenue (or quantity) descending (ties by code).
    public let skus: [String]
    /// Training revenue (or quantity, see ``rankedBy``) of each selected SKU, in the order of ``skus``.
    public let revenue: [Double]
    /// The series the selection matched before ``seriesLimit`` cut them.
    public let matchedSeries: Int
    /// The series: SKUs in the order of ``skus``, each SKU's series by training units descending
    /// (ties by key).
    public let series: [DemandSeries]
    /// Training rows of selected SKUs left out because the level needs a location they lack.
    public let rowsWithoutLocation: Int

    /// Builds the series from clean transactions (canonical columns `date`, `sku`, `quantity`,
    /// `revenue`, and `location` / `customer` as the level needs).
    ///
    /// Only rows dated in the training weeks (from the calendar's first complete week to the day
    /// before its cutoff) count, both for choosing SKUs and for demand, so that nothing of the
    /// held-out weeks leaks into the forecasts. Weeks without sales are zeros. A key's region is its
    /// location's region in `locations`, else the region its rows name most often when the
    /// transactions have a `region` column (a manifest without locations), else `unknown`. A
    /// customer missing from `segments`, or a row without customer, falls into the segment
    /// `unassigned`. SKUs are ranked by training revenue, or by training quantity when the training
    /// rows have no `unit_price` or a single price for everything (``rankedBy``).
    ///
    /// - Parameters:
    ///   - selection: the SKUs (``SKUSelection/all`` by default).
    ///   - seriesLimit: keep only the `n` series with the most training demand (ties by key), over
    ///     the selected SKUs; nil keeps every series.
    ///   - segments: customer → segment, required by ``DemandLevel/skuSegmentLocation``.
    /// - Throws: ``PlanningError`` for a selection of no SKU, a series limit below 1, a segment level
    ///   without segments, or training weeks without sales; `TabularError` for missing columns.
    /// - Complexity: O(rows + SKUs log SKUs + series × weeks).
    public init(transactions: DataFrame, calendar: PlanningCalendar, level: DemandLevel, selection: SKUSelection = .all,
                seriesLimit: Int? = nil, locations: [Location], segments: [String: String]? = nil) throws {
        typealias Name = TransactionColumns.Canonical
        if case let .top(count) = selection, count < 1 {
            throw PlanningError.invalid("--top must select at least one SKU, got \(count)")
        }
        if let seriesLimit, seriesLimit < 1 {
            throw PlanningError.invalid("--top-series must keep at least one series, got \(seriesLimit)")
        }
        if level.splitsSegments && segments == nil {
            throw PlanningError.invalid("the \(level) level needs customer segments")
        }
        let days = try Self.days(transactions[Name.date])
        let first = calendar.firstWeek.daysSince1970, cutoff = calendar.cutoff.daysSince1970
        let inTraining = days.map { $0.map { $0 >= first && $0 < cutoff } ?? false }
        let training = try transactions.filter(inTraining)

        let measure = try Self.rankingMeasure(training)
        let ranked = try Self.rankedSKUs(training, selection: selection, by: measure)
        guard !ranked.isEmpty else {
            throw PlanningError.invalid("no SKU matches \(selection) in the \(calendar.trainingWeeks) training weeks")
        }
        let rank = Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($1.sku, $0) })

        let weeks = calendar.trainingWeeks
        let trainingDays = try Self.days(training[Name.date])
        let skuCodes = try training[Name.sku, String.self]
        let quantities = try training.doubles(Name.quantity)
        let locationValues: [String?] = level.splitsLocations ? try training[Name.location, String.self] : []
        let customers: [String?] = level.splitsSegments ? try training[Name.customer, String.self] : []
        var regionOf = Dictionary(locations.map { ($0.name, $0.region) }, uniquingKeysWith: { first, _ in first })
        if level.splitsLocations, training.contains(column: Name.region) {
            for (location, region) in try Self.commonRegions(training) where regionOf[location] == nil { regionOf[location] = region }
        }

        var index: [DemandSeriesKey: Int] = [:]
        var keys: [DemandSeriesKey] = []
        var units: [[Double]] = []
        var withoutLocation = 0
        for row in 0..<training.rowCount {
            guard let sku = skuCodes[row], rank[sku] != nil, let day = trainingDays[row] else { continue }
            let quantity = quantities[row]
            guard quantity.isFinite else { continue }
            var key = DemandSeriesKey(sku: sku)
            if level.splitsLocations {
                guard let location = locationValues[row] else { withoutLocation += 1; continue }
                key.location = location
                key.region = regionOf[location] ?? "unknown"
            }
            if level.splitsSegments {
                key.segment = customers[row].flatMap { segments?[$0] } ?? "unassigned"
            }
            let slot: Int
            if let existing = index[key] {
                slot = existing
            } else {
                slot = keys.count
                index[key] = slot
                keys.append(key)
                units.append([Double](repeating: 0, count: weeks))
            }
            units[slot][(day - first) / 7] += quantity
        }

        var built = zip(keys, units).map { DemandSeries(key: $0, start: calendar.firstWeek, units: $1) }
        let totals = Dictionary(uniqueKeysWithValues: built.map { ($0.key, $0.total) })
        let matched = built.count
        if let seriesLimit, built.count > seriesLimit {
            built.sort { a, b in
                let ta = totals[a.key] ?? 0, tb = totals[b.key] ?? 0
                return ta != tb ? ta > tb : a.key < b.key
            }
            built.removeLast(built.count - seriesLimit)
        }
        built.sort { a, b in
            let ra = rank[a.key.sku] ?? .max, rb = rank[b.key.sku] ?? .max
            if ra != rb { return ra < rb }
            let ta = totals[a.key] ?? 0, tb = totals[b.key] ?? 0
            return ta != tb ? ta > tb : a.key < b.key
        }
        self.level = level
        self.selection = selection
        self.seriesLimit = seriesLimit
        self.calendar = calendar
        rankedBy = measure
        let kept = Set(built.map(\.key.sku))
        let keptRanked = ranked.filter { kept.contains($0.sku) || built.isEmpty }
        skus = keptRanked.map(\.sku)
        revenue = keptRanked.map(\.revenue)
        matchedSeries = matched
        series = built
        rowsWithoutLocation = withoutLocation
    }

    /// The customer → segment map of a segmentation's `segments.csv` (columns `customer`,
    /// `segment` and optionally `segment_name`): the name when there is one, else the segment number.
    /// - Throws: `TabularError.missingColumn` without `customer` or `segment`.
    public static func segmentMap(_ segments: DataFrame) throws -> [String: String] {
        let customers = try Dataset.identifiers(segments.column("customer"))[String.self]
        let numbers = try Dataset.identifiers(segments.column("segment"))[String.self]
        let names: [String?] = segments.contains(column: "segment_name") ? try segments["segment_name", String.self]
            : Array(repeating: nil, count: segments.rowCount)
        var map: [String: String] = [:]
        for row in 0..<segments.rowCount {
            guard let customer = customers[row] else { continue }
            let name = names[row].flatMap { $0.isEmpty ? nil : $0 } ?? numbers[row]
            if let name, map[customer] == nil { map[customer] = name }
        }
        return map
    }

    /// The series of `sku` with the most training units (the first of its series), if any.
    public func largestSeries(of sku: String) -> DemandSeries? {
        series.first { $0.key.sku == sku }
    }

    // MARK: - Helpers

    /// Days since 1970 of a date or date-time column (nil where missing).
    static func days(_ column: Column) throws -> [Int?] {
        let floored = try column.floored(to: .day)
        guard case let .date(values, missing) = floored.data else { return [] }
        return values.indices.map { missing?[$0] == true ? nil : values[$0] }
    }

    /// Revenue, unless the rows have no `unit_price` or one finite price for all of them (then
    /// revenue ranks exactly as quantity, or not at all): quantity.
    static func rankingMeasure(_ training: DataFrame) throws -> RankingMeasure {
        typealias Name = TransactionColumns.Canonical
        guard training.contains(column: Name.unitPrice), training.contains(column: Name.revenue) else { return .quantity }
        var first: Double?
        for price in try training.doubles(Name.unitPrice) where price.isFinite {
            guard let seen = first else { first = price; continue }
            if price != seen { return .revenue }
        }
        return .quantity
    }

    /// The region each location's training rows name most often (ties by name).
    static func commonRegions(_ training: DataFrame) throws -> [String: String] {
        typealias Name = TransactionColumns.Canonical
        var counts: [String: [String: Int]] = [:]
        for (location, region) in zip(try training[Name.location, String.self], try training[Name.region, String.self]) {
            guard let location, let region else { continue }
            counts[location, default: [:]][region, default: 0] += 1
        }
        return counts.mapValues { regions in
            regions.min { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }?.key ?? "unknown"
        }
    }

    /// The selected SKUs with their training revenue (or quantity), largest first then by code.
    static func rankedSKUs(_ training: DataFrame, selection: SKUSelection, by measure: RankingMeasure = .revenue) throws -> [(sku: String, revenue: Double)] {
        typealias Name = TransactionColumns.Canonical
        guard training.rowCount > 0 else { return [] }
        let skus = try training[Name.sku, String.self]
        let revenues = try training.doubles(measure == .revenue ? Name.revenue : Name.quantity)
        var totals: [String: Double] = [:]
        for (sku, revenue) in zip(skus, revenues) where revenue.isFinite {
            if let sku { totals[sku, default: 0] += revenue }
        }
        let sorted = totals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { (sku: $0.key, revenue: $0.value) }
        switch selection {
        case .all:
            return sorted
        case let .top(count):
            return Array(sorted.prefix(count))
        case let .abc(classes):
            let table = try SKUClasses.classify(training)
            let inClass = Set(zip(try table["sku", String.self], try table["abc", String.self])
                .compactMap { sku, abc in abc.map { classes.contains($0) } == true ? sku : nil })
            return sorted.filter { inClass.contains($0.sku) }
        }
    }
}
