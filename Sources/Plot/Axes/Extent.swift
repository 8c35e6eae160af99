/// The values a chart puts along one axis, from which the panel builds that axis's scale.
enum Extent: Sendable, Equatable {
    /// The chart does not use this axis.
    case none
    /// Numbers from `lower` to `upper` (finite values only).
    case numeric(NumericExtent)
    /// Instants in seconds since 1970-01-01T00:00Z.
    case time(lower: Double, upper: Double, padded: Bool)
    /// Named categories in display order, with the band padding the chart wants.
    case categories([String], padding: BandPadding)

    var kindName: String {
        switch self {
        case .none: return "no"
        case .numeric: return "numeric"
        case .time: return "date"
        case .categories: return "categorical"
        }
    }

    /// The union of two extents; nil when they hold different kinds of value.
    func merged(with other: Extent) -> Extent? {
        switch (self, other) {
        case (.none, _): return other
        case (_, .none): return self
        case let (.numeric(a), .numeric(b)): return .numeric(a.merged(with: b))
        case let (.time(a0, a1, aPadded), .time(b0, b1, bPadded)):
            return .time(lower: min(a0, b0), upper: max(a1, b1), padded: aPadded || bPadded)
        case let (.categories(a, padding), .categories(b, _)):
            var seen = Set(a)
            var all = a
            for category in b where seen.insert(category).inserted { all.append(category) }
            return .categories(all, padding: padding)
        default: return nil
        }
    }
}

/// Gaps between and around category bands, as fractions of one band's step.
struct BandPadding: Sendable, Equatable {
    var inner: Double
    var outer: Double

    /// Bars and boxes: 0.8 of each step filled, as seaborn draws them.
    static let bars = BandPadding(inner: 0.2, outer: 0.1)
    /// Heatmap cells and points on a categorical axis: bands touch.
    static let cells = BandPadding(inner: 0, outer: 0)
}

/// A numeric data range and how the axis should frame it.
struct NumericExtent: Sendable, Equatable {
    var lower: Double
    var upper: Double
    /// The smallest positive value, for logarithmic axes.
    var lowestPositive: Double
    /// Whether the axis must show zero (bars, areas and histogram counts start there).
    var includesZero: Bool
    /// Whether the range is padded by 5% on sides not pinned at zero.
    var padded: Bool

    init(lower: Double, upper: Double, lowestPositive: Double = .infinity, includesZero: Bool = false, padded: Bool = true) {
        self.lower = lower
        self.upper = upper
        self.lowestPositive = lowestPositive
        self.includesZero = includesZero
        self.padded = padded
    }

    /// The extent of the finite values in `values`, or nil when there are none.
    init?<S: Sequence>(of values: S, includesZero: Bool = false, padded: Bool = true) where S.Element == Double {
        var lower = Double.infinity, upper = -Double.infinity, positive = Double.infinity
        for value in values where value.isFinite {
            lower = min(lower, value)
            upper = max(upper, value)
            if value > 0 { positive = min(positive, value) }
        }
        guard lower <= upper else { return nil }
        self.init(lower: lower, upper: upper, lowestPositive: positive, includesZero: includesZero, padded: padded)
    }

    func merged(with other: NumericExtent) -> NumericExtent {
        NumericExtent(lower: min(lower, other.lower), upper: max(upper, other.upper),
                      lowestPositive: min(lowestPositive, other.lowestPositive),
                      includesZero: includesZero || other.includesZero, padded: padded || other.padded)
    }
}

extension Extent {
    /// The numeric extent of `values`, or `.none` when none is finite.
    static func numeric(of values: [Double], includesZero: Bool = false, padded: Bool = true) -> Extent {
        guard let extent = NumericExtent(of: values, includesZero: includesZero, padded: padded) else {
            return includesZero ? .numeric(NumericExtent(lower: 0, upper: 0, lowestPositive: 1, includesZero: true)) : .none
        }
        return .numeric(extent)
    }
}
