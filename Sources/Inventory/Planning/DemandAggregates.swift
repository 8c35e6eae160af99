import Forecast
import Tabular

/// The level of an aggregate whose yearly shape a demand series can borrow.
public enum AggregateLevel: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The SKU's category at the locations of the series' region.
    case categoryRegion = "category-region"
    /// The SKU's category over the whole network.
    case category
    /// Every SKU at every location.
    case network

    public var description: String { rawValue }
}

/// Weekly units of the training weeks summed over all SKUs at three levels — category × region,
/// category, network — with the yearly ``SeasonalProfile`` of each, so that short series can be
/// forecast with a shape estimated where there is much more data.
///
/// ```swift
/// let aggregates = try DemandAggregates(transactions: sales, calendar: calendar, locations: dataset.manifest.locations)
/// let results = try DemandForecast(horizon: 8).run(demand.series, aggregates: aggregates)
/// ```
///
/// Every SKU of the data counts, not only the forecast ones. A SKU's category is the category of
/// most of its training rows (the transactions' `category`, which the dataset takes from the SKU
/// attributes or derives from descriptions); a row's region is its location's region in the
/// manifest, as for ``DemandSeriesKey/region``. Without a `category` column only the network level
/// exists; without a `location` column, no category-region level.
public struct DemandAggregates: Sendable {
    /// Identifies one aggregate: its level and its category and region (`all` where the level does
    /// not split by them).
    public struct Key: Sendable, Hashable, Comparable, CustomStringConvertible {
        public var level: AggregateLevel
        public var category: String
        public var region: String

        public static func < (lhs: Key, rhs: Key) -> Bool {
            let order = AggregateLevel.allCases
            let l = order.firstIndex(of: lhs.level) ?? 0, r = order.firstIndex(of: rhs.level) ?? 0
            return (l, lhs.category, lhs.region) < (r, rhs.category, rhs.region)
        }

        public var description: String {
            switch level {
            case .categoryRegion: "\(category) in \(region)"
            case .category: category
            case .network: "network"
            }
        }
    }

    /// The first day of the first training week, in days since 1970.
    public let firstWeekStart: Int
    /// The number of training weeks of every aggregate.
    public let weeks: Int
    /// Units per training week of each aggregate.
    public let units: [Key: [Double]]
    /// The profile of each aggregate whose estimation succeeded.
    public let profiles: [Key: SeasonalProfile]
    /// Why the profile of an aggregate could not be estimated.
    public let failures: [Key: SeasonalProfileError]
    /// The category of each SKU seen in the training weeks.
    public let categoryOf: [String: String]

    /// Sums the training weeks of clean transactions (canonical `date`, `sku`, `quantity`, and
    /// `category` and `location` when present) and estimates each aggregate's profile.
    ///
    /// - Parameter maxHarmonics: the most Fourier pairs a profile may use.
    /// - Throws: `TabularError` for missing `date`, `sku` or `quantity` columns.
    /// - Complexity: O(rows + aggregates × weeks × K³).
    public init(transactions: DataFrame, calendar: PlanningCalendar, locations: [Location], maxHarmonics: Int = 20) throws {
        typealias Name = TransactionColumns.Canonical
        let first = calendar.firstWeek.daysSince1970, cutoff = calendar.cutoff.daysSince1970
        let weeks = calendar.trainingWeeks
        let days = try DemandSeriesSet.days(transactions[Name.date])
        let skus = try transactions[Name.sku, String.self]
        let quantities = try transactions.doubles(Name.quantity)
        let categories: [String?]? = transactions.contains(column: Name.category) ? try transactions[Name.category, String.self] : nil
        let locationNames: [String?]? = transactions.contains(column: Name.location) ? try transactions[Name.location, String.self] : nil
        let regionOf = Dictionary(locations.map { ($0.name, $0.region) }, uniquingKeysWith: { first, _ in first })

        var rowsPerCategory: [String: [String: Int]] = [:]
        if let categories {
            for row in 0..<transactions.rowCount {
                guard let sku = skus[row], let category = categories[row], let day = days[row], day >= first, day < cutoff else { continue }
                rowsPerCategory[sku, default: [:]][category, default: 0] += 1
            }
        }
        let categoryOf = rowsPerCategory.compactMapValues { counts in
            counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
        }

        var sums: [Key: [Double]] = [:]
        func add(_ key: Key, _ week: Int, _ quantity: Double) {
            sums[key, default: [Double](repeating: 0, count: weeks)][week] += quantity
        }
        let all = DemandSeriesKey.all
        for row in 0..<transactions.rowCount {
            guard let day = days[row], day >= first, day < cutoff, let sku = skus[row] else { continue }
            let quantity = quantities[row]
            guard quantity.isFinite else { continue }
            let week = (day - first) / 7
            add(Key(level: .network, category: all, region: all), week, quantity)
            guard let category = categoryOf[sku] else { continue }
            add(Key(level: .category, category: category, region: all), week, quantity)
            if let location = locationNames?[row] {
                add(Key(level: .categoryRegion, category: category, region: regionOf[location] ?? "unknown"), week, quantity)
            }
        }

        var profiles: [Key: SeasonalProfile] = [:], failures: [Key: SeasonalProfileError] = [:]
        for (key, values) in sums {
            do {
                profiles[key] = try SeasonalProfile(aggregate: values.map { max(0, $0) }, firstWeekStart: first, maxHarmonics: maxHarmonics)
            } catch let error as SeasonalProfileError {
                failures[key] = error
            }
        }
        firstWeekStart = first
        self.weeks = weeks
        units = sums
        self.profiles = profiles
        self.failures = failures
        self.categoryOf = categoryOf
    }

    /// The key of the aggregate at `level` that a series belongs to; nil when its SKU has no
    /// category (category levels) or the series is not split by region (category-region).
    public func key(_ level: AggregateLevel, for series: DemandSeriesKey) -> Key? {
        let all = DemandSeriesKey.all
        switch level {
        case .network: return Key(level: .network, category: all, region: all)
        case .category: return categoryOf[series.sku].map { Key(level: .category, category: $0, region: all) }
        case .categoryRegion:
            guard series.region != all, let category = categoryOf[series.sku] else { return nil }
            return Key(level: .categoryRegion, category: category, region: series.region)
        }
    }
}
