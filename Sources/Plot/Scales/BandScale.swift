/// Evenly spaced bands for categories, each category taking one band with gaps between them.
public struct BandScale: Sendable, Equatable {
    public var categories: [String]
    public var rangeStart: Double
    public var rangeEnd: Double
    /// The fraction of each step left empty between bands (seaborn's bars take 0.8 of a step).
    public var paddingInner: Double
    /// The fraction of a step left empty before the first band and after the last.
    public var paddingOuter: Double

    public init(categories: [String], rangeStart: Double, rangeEnd: Double,
                paddingInner: Double = 0.2, paddingOuter: Double = 0.1) {
        self.categories = categories
        self.rangeStart = rangeStart
        self.rangeEnd = rangeEnd
        self.paddingInner = min(0.99, max(0, paddingInner))
        self.paddingOuter = max(0, paddingOuter)
    }

    /// Pixels from one band's start to the next (negative when the range runs backwards).
    public var step: Double {
        let count = Double(max(1, categories.count))
        return (rangeEnd - rangeStart) / (count - paddingInner + 2 * paddingOuter)
    }

    /// The width of one band in pixels (always positive).
    public var bandwidth: Double { abs(step) * (1 - paddingInner) }

    /// The pixel where band `index` starts (its edge nearer `rangeStart`).
    public func start(of index: Int) -> Double {
        rangeStart + step * (paddingOuter + Double(index))
    }

    /// The pixel at the centre of band `index`; category indices may be fractional.
    public func position(of index: Double) -> Double {
        rangeStart + step * (paddingOuter + index + (1 - paddingInner) / 2)
    }
}

extension BandScale: Scale {
    /// One tick per category at its band's centre, labelled with the category.
    func ticks(count: Int, format: NumberFormat) -> [Tick] {
        categories.enumerated().map { Tick(value: Double($0.offset), label: $0.element) }
    }
}
