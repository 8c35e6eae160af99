import Tabular

/// The granularity of the demand series the planning stages forecast.
public enum DemandLevel: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// One series per SKU over all locations (location, region and segment are `all`).
    case sku
    /// One series per SKU and location (segment `all`).
    case skuLocation = "sku-location"
    /// One series per SKU, customer segment and location.
    case skuSegmentLocation = "sku-segment-location"

    public var description: String { rawValue }

    /// Whether the series are split by location.
    public var splitsLocations: Bool { self != .sku }
    /// Whether the series are split by customer segment.
    public var splitsSegments: Bool { self == .skuSegmentLocation }
}

/// Which SKUs get demand series.
public enum SKUSelection: Sendable, Hashable, CustomStringConvertible {
    /// Every SKU sold in the training weeks.
    case all
    /// The `n` SKUs with the most training revenue (ties by SKU code); by training units when the
    /// data have no prices or one price for everything.
    case top(Int)
    /// The SKUs in these ABC classes, classified on the training revenue (``SKUClasses``).
    case abc(Set<String>)

    public var description: String {
        switch self {
        case .all: "every SKU"
        case let .top(count): "the top \(count) SKUs"
        case let .abc(classes): "the SKUs of ABC class\(classes.count > 1 ? "es" : "") \(classes.sorted().joined(separator: ", "))"
        }
    }
}

/// What a demand series is the demand of: the columns that key a row of `forecasts.csv`.
public struct DemandSeriesKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var sku: String
    /// The location, or `all` at the ``DemandLevel/sku`` level.
    public var location: String
    /// The location's region from the manifest, or `all`.
    public var region: String
    /// The customer segment, or `all` when the level does not split by segment.
    public var segment: String

    /// The value of a key column that the level does not split by.
    public static let all = "all"

    public init(sku: String, location: String = DemandSeriesKey.all, region: String = DemandSeriesKey.all,
                segment: String = DemandSeriesKey.all) {
        self.sku = sku
        self.location = location
        self.region = region
        self.segment = segment
    }

    public static func < (lhs: DemandSeriesKey, rhs: DemandSeriesKey) -> Bool {
        (lhs.sku, lhs.location, lhs.segment) < (rhs.sku, rhs.location, rhs.segment)
    }

    /// `SKU @ location / segment`, leaving out what is `all`.
    public var description: String {
        var text = sku
        if location != Self.all { text += " @ \(location)" }
        if segment != Self.all { text += " / \(segment)" }
        return text
    }
}

/// What ranks SKUs for a selection: revenue, or the quantity itself when prices cannot tell SKUs
/// apart (the data have no price column, or one price for everything).
public enum RankingMeasure: String, Sendable, Hashable {
    case revenue
    case quantity
}

/// Weekly demand (the quantity column's measure: units, sales, ...) of one key over the training
/// weeks of a ``PlanningCalendar``: one value per week from the calendar's first complete week to
/// the week before the cutoff, zero where nothing was sold.
public struct DemandSeries: Sendable, Hashable {
    public let key: DemandSeriesKey
    /// The first day of the first week (a day of the calendar's ``PlanningCalendar/weekStart``).
    public let start: CivilDate
    /// Units per week, oldest first.
    public let units: [Double]

    public init(key: DemandSeriesKey, start: CivilDate, units: [Double]) {
        self.key = key
        self.start = start
        self.units = units
    }

    /// The first day of week `index` (0-based; past the end continues the sequence, for forecasts).
    public func week(_ index: Int) -> CivilDate { CivilDate(days: start.daysSince1970 + 7 * index) }

    /// The total units.
    public var total: Double { units.reduce(0, +) }

    /// The share of weeks without demand, in [0, 1]; 0 for an empty series.
    public var zeroShare: Double {
        units.isEmpty ? 0 : Double(units.lazy.filter { $0 == 0 }.count) / Double(units.count)
    }

    /// The average demand interval (ADI): weeks per week with demand, counted over the whole series
    /// as Syntetos, Boylan & Croston (2005) do; infinite when there is no demand at all.
    public var averageDemandInterval: Double { Self.averageDemandInterval(units) }

    /// The average demand interval of `units`: count / periods with demand (∞ without demand).
    public static func averageDemandInterval(_ units: [Double]) -> Double {
        let demandWeeks = units.lazy.filter { $0 > 0 }.count
        return demandWeeks == 0 ? .infinity : Double(units.count) / Double(demandWeeks)
    }
}
