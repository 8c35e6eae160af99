/// Points at (x, y), coloured by group and optionally sized by a value.
struct ScatterLayer: Layer {
    var xs: [Double]
    var ys: [Double]
    /// Index into `groupNames` for each point.
    var groupOf: [Int]
    var groupNames: [String]
    var groupColors: [ColorChoice]
    var sizes: [Double]?

    /// Marker radii in logical pixels for the smallest and largest size value (area proportional to value).
    static let radiusRange = (smallest: 3.0, largest: 16.0)

    var kind: String { "scatter chart" }
    var x: Extent { .numeric(of: xs) }
    var y: Extent { .numeric(of: ys) }

    func legendEntries(palette: Palette) -> [LegendEntry] {
        guard groupNames.count > 1 || !(groupNames.first ?? "").isEmpty else { return [] }
        return zip(groupNames, groupColors).map { LegendEntry(label: $0, color: $1.resolve(palette), symbol: .marker) }
    }

    /// Each point's radius in logical pixels: the theme's marker size, or scaled so that area grows
    /// linearly with the size value between its smallest and largest finite value.
    func radii(theme: Theme) -> [Double] {
        guard let sizes else { return [Double](repeating: theme.markerRadius * 1.25, count: xs.count) }
        let finite = sizes.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        let (small, large) = Self.radiusRange
        return sizes.map { size in
            guard size.isFinite else { return 0 }
            let t = high > low ? (size - low) / (high - low) : 0.5
            return (small * small + t * (large * large - small * small)).squareRoot()
        }
    }

    func footprint(in context: LayoutContext) -> [Rect] {
        let radii = radii(theme: context.theme)
        var boxes: [Rect] = []
        boxes.reserveCapacity(xs.count)
        for index in xs.indices {
            let p = context.point(xs[index], ys[index])
            guard p.x.isFinite, p.y.isFinite else { continue }
            let r = context.px(radii[index])
            boxes.append(Rect(x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r))
        }
        return boxes
    }

    func draw(in context: DrawContext) throws {
        let colors = groupColors.map { $0.resolve(context.theme.palette) }
        let radii = radii(theme: context.theme)
        let opacity = sizes == nil ? 0.9 : 0.7
        let edge = context.px(sizes == nil ? 0.75 : 1)
        var circles: [Canvas.Circle] = []
        circles.reserveCapacity(xs.count)
        for index in xs.indices {
            let p = context.point(xs[index], ys[index])
            guard p.x.isFinite, p.y.isFinite, radii[index] > 0 else { continue }
            circles.append(Canvas.Circle(center: p, radius: context.px(radii[index]), color: colors[groupOf[index]].withOpacity(opacity)))
        }
        context.canvas.fillCircles(circles, edge: .white, edgeWidth: edge)
    }
}

extension Panel {
    /// Draws a point at each (x, y), coloured by group and optionally sized by value.
    ///
    /// Points with a NaN coordinate or size are not drawn. Groups take palette colours in order of first
    /// appearance and are named in the legend.
    /// - Parameters:
    ///   - groups: The group of each point, or nil for one colour.
    ///   - sizes: A value per point; marker area grows linearly from its smallest to its largest value.
    ///   - name: The legend name of an ungrouped scatter (no legend when nil).
    /// - Throws: ``PlotError/lengthMismatch(chart:expected:actual:argument:)``.
    public mutating func scatterChart(x: [Double], y: [Double], groups: [String]? = nil, sizes: [Double]? = nil,
                                      name: String? = nil, color: Color? = nil) throws {
        let chart = "scatter chart"
        guard y.count == x.count else {
            throw PlotError.lengthMismatch(chart: chart, expected: x.count, actual: y.count, argument: "y")
        }
        if let groups, groups.count != x.count {
            throw PlotError.lengthMismatch(chart: chart, expected: x.count, actual: groups.count, argument: "groups")
        }
        if let sizes, sizes.count != x.count {
            throw PlotError.lengthMismatch(chart: chart, expected: x.count, actual: sizes.count, argument: "sizes")
        }
        var names: [String] = []
        var groupOf: [Int] = []
        if let groups {
            var index: [String: Int] = [:]
            groupOf = groups.map { group in
                if let known = index[group] { return known }
                index[group] = names.count
                names.append(group)
                return names.count - 1
            }
        } else {
            names = [name ?? ""]
            groupOf = [Int](repeating: 0, count: x.count)
        }
        var colors: [ColorChoice] = []
        for _ in names { colors.append(nextColor(groups == nil ? color : nil)) }
        try add(ScatterLayer(xs: x, ys: y, groupOf: groupOf, groupNames: names, groupColors: colors, sizes: sizes))
    }
}
