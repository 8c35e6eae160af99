import Foundation

/// A named run of values, one per x position, drawn in one colour.
public struct Series: Sendable, Hashable {
    public var name: String
    public var values: [Double]
    /// The colour to draw with; nil takes the next colour of the theme's palette.
    public var color: Color?

    public init(_ name: String, _ values: [Double], color: Color? = nil) {
        self.name = name
        self.values = values
        self.color = color
    }
}

/// Positions along a chart's horizontal axis: numbers, instants or category names.
enum XValues: Sendable {
    case numbers([Double])
    /// Seconds since 1970-01-01T00:00Z.
    case dates([Double])
    case categories([String])

    init(_ dates: [Date]) { self = .dates(dates.map(\.timeIntervalSince1970)) }

    var count: Int {
        switch self {
        case let .numbers(values), let .dates(values): return values.count
        case let .categories(names): return names.count
        }
    }

    /// The axis value of each point: the number, the instant, or the category's index on the axis.
    var coordinates: [Double] {
        switch self {
        case let .numbers(values), let .dates(values): return values
        case let .categories(names):
            var index: [String: Int] = [:]
            for name in names where index[name] == nil { index[name] = index.count }
            return names.map { Double(index[$0] ?? 0) }
        }
    }

    func extent(padded: Bool = true) -> Extent {
        switch self {
        case let .numbers(values): return .numeric(of: values, padded: padded)
        case let .dates(values):
            guard let extent = NumericExtent(of: values) else { return .none }
            return .time(lower: extent.lower, upper: extent.upper, padded: padded)
        case let .categories(names):
            var seen = Set<String>()
            return .categories(names.filter { seen.insert($0).inserted }, padding: .cells)
        }
    }
}

/// Checks that every series has one value per x position.
func checkLengths(_ series: [Series], count: Int, chart: String) throws {
    for item in series where item.values.count != count {
        throw PlotError.lengthMismatch(chart: chart, expected: count, actual: item.values.count,
                                       argument: "series \"\(item.name)\"")
    }
}
