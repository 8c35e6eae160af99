/// How several series share a category's bar space.
public enum BarArrangement: Sendable, Hashable {
    /// Side by side within the category.
    case grouped
    /// On top of one another: positive values upwards from zero, negative values downwards.
    case stacked
}

/// Which way bars grow.
public enum BarOrientation: Sendable, Hashable {
    /// Categories along the bottom, bars growing upwards.
    case vertical
    /// Categories down the left side (first at the top), bars growing to the right.
    case horizontal
}

/// Bars for named categories, one or more series grouped or stacked.
struct BarLayer: Layer {
    var categories: [String]
    var bars: [LineLayer.Line]
    var arrangement: BarArrangement
    var orientation: BarOrientation

    var kind: String { "bar chart" }
    private var categoryExtent: Extent { .categories(uniqueCategories, padding: .bars) }
    private var valueExtent: Extent {
        var values = bars.flatMap(\.values)
        if arrangement == .stacked { values = stackedBounds().flatMap { [$0.lower, $0.upper] } }
        return .numeric(of: values, includesZero: true)
    }
    var x: Extent { orientation == .vertical ? categoryExtent : valueExtent }
    var y: Extent { orientation == .vertical ? valueExtent : categoryExtent }

    private var uniqueCategories: [String] {
        var seen = Set<String>()
        return categories.filter { seen.insert($0).inserted }
    }

    /// For each category, the lowest and highest stacked totals.
    private func stackedBounds() -> [(lower: Double, upper: Double)] {
        categories.indices.map { index in
            var positive = 0.0, negative = 0.0
            for bar in bars where bar.values[index].isFinite {
                if bar.values[index] >= 0 { positive += bar.values[index] } else { negative += bar.values[index] }
            }
            return (negative, positive)
        }
    }

    func legendEntries(palette: Palette) -> [LegendEntry] {
        bars.map { LegendEntry(label: $0.name, color: $0.color.resolve(palette), symbol: .box) }
    }

    /// Each bar's rectangle in device pixels with its series index.
    func rectangles(in context: LayoutContext) -> [(rect: Rect, series: Int)] {
        let band = (orientation == .vertical ? context.x : context.y) as? BandScale
        guard let band else { return [] }
        let valueScale = orientation == .vertical ? context.y : context.x
        var index: [String: Int] = [:]
        for (position, name) in band.categories.enumerated() { index[name] = position }
        var result: [(Rect, Int)] = []
        var positiveBase = [Double](repeating: 0, count: categories.count)
        var negativeBase = [Double](repeating: 0, count: categories.count)
        let groups = Double(max(1, bars.count))
        for (seriesIndex, bar) in bars.enumerated() {
            for (row, category) in categories.enumerated() {
                let value = bar.values[row]
                guard value.isFinite, let position = index[category] else { continue }
                let bandStart = band.start(of: position)
                let direction: Double = band.step >= 0 ? 1 : -1
                var from: Double, to: Double, offset: Double, thickness: Double
                switch arrangement {
                case .grouped:
                    thickness = band.bandwidth / groups
                    offset = Double(seriesIndex) * thickness
                    from = 0
                    to = value
                case .stacked:
                    thickness = band.bandwidth
                    offset = 0
                    if value >= 0 {
                        from = positiveBase[row]; positiveBase[row] += value; to = positiveBase[row]
                    } else {
                        from = negativeBase[row]; negativeBase[row] += value; to = negativeBase[row]
                    }
                }
                let a = valueScale.position(of: from), b = valueScale.position(of: to)
                let start = direction > 0 ? bandStart + offset : bandStart - offset - thickness
                let rect = orientation == .vertical
                    ? Rect(x: start, y: min(a, b), width: thickness, height: abs(b - a))
                    : Rect(x: min(a, b), y: start, width: abs(b - a), height: thickness)
                result.append((rect, seriesIndex))
            }
        }
        return result
    }

    func footprint(in context: LayoutContext) -> [Rect] {
        rectangles(in: context).map(\.rect)
    }

    func draw(in context: DrawContext) throws {
        let colors = bars.map { $0.color.resolve(context.theme.palette) }
        for (rect, series) in rectangles(in: context.layout) {
            context.canvas.fill(rect, color: colors[series])
        }
        // A light seam between stacked segments keeps neighbouring colours apart.
        if arrangement == .stacked, bars.count > 1 {
            for (rect, _) in rectangles(in: context.layout) {
                let seam = orientation == .vertical
                    ? Rect(x: rect.minX, y: rect.minY, width: rect.width, height: 0)
                    : Rect(x: rect.maxX, y: rect.minY, width: 0, height: rect.height)
                context.canvas.rule(from: Point(seam.minX, seam.minY), to: Point(seam.maxX, seam.maxY),
                                    thickness: context.px(1), color: context.theme.background.withOpacity(0.8))
            }
        }
    }
}

extension Panel {
    /// Draws one bar per category for each series, grouped side by side or stacked.
    ///
    /// NaN values draw no bar. A category named twice gets its bars at its first position.
    /// - Parameters:
    ///   - categories: The category of each value, in display order (left to right, or top to bottom).
    ///   - series: One value per category each; the legend shows when there are two or more.
    /// - Throws: ``PlotError/lengthMismatch(chart:expected:actual:argument:)``.
    public mutating func barChart(categories: [String], series: [Series], arrangement: BarArrangement = .grouped,
                                  orientation: BarOrientation = .vertical) throws {
        try checkLengths(series, count: categories.count, chart: "bar chart")
        var bars: [LineLayer.Line] = []
        for item in series { bars.append(.init(name: item.name, values: item.values, color: nextColor(item.color))) }
        try add(BarLayer(categories: categories, bars: bars, arrangement: arrangement, orientation: orientation))
    }

    /// Draws one bar per category.
    public mutating func barChart(categories: [String], values: [Double], orientation: BarOrientation = .vertical,
                                  color: Color? = nil) throws {
        try barChart(categories: categories, series: [Series("", values, color: color)], orientation: orientation)
    }
}
