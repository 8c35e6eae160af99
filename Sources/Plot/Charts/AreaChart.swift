import Foundation

/// Series drawn as filled areas, stacked on one another or each from zero.
struct AreaLayer: Layer {
    var xValues: XValues
    var areas: [LineLayer.Line]
    var stacked: Bool

    var kind: String { "area chart" }
    var x: Extent { xValues.extent(padded: false) }
    var y: Extent {
        if stacked {
            let tops = cumulative().flatMap { $0 }
            return .numeric(of: tops, includesZero: true)
        }
        return .numeric(of: areas.flatMap(\.values), includesZero: true)
    }

    /// Running totals of the series, NaN counted as zero; with `stacked` off, the values themselves.
    func cumulative() -> [[Double]] {
        var base = [Double](repeating: 0, count: xValues.count)
        return areas.map { area in
            guard stacked else { return area.values }
            for index in base.indices {
                let value = area.values[index]
                base[index] += value.isFinite ? value : 0
            }
            return base
        }
    }

    func legendEntries(palette: Palette) -> [LegendEntry] {
        // Swatches show the areas as they look, translucent over white.
        areas.map {
            LegendEntry(label: $0.name, color: Color.white.mixed(with: $0.color.resolve(palette), amount: stacked ? 0.8 : 0.3),
                        symbol: .box)
        }
    }

    func footprint(in context: LayoutContext) -> [Rect] {
        let xs = xValues.coordinates
        var boxes: [Rect] = []
        for top in cumulative() {
            for index in xs.indices where top[index].isFinite {
                let a = context.point(xs[index], top[index]), b = context.point(xs[index], 0)
                let next = index + 1 < xs.count ? context.x.position(of: xs[index + 1]) : a.x
                boxes.append(Rect(x: min(a.x, next), y: min(a.y, b.y), width: abs(next - a.x) + 1, height: abs(a.y - b.y)))
            }
        }
        return boxes
    }

    func draw(in context: DrawContext) throws {
        let xs = xValues.coordinates
        let tops = cumulative()
        var base = [Double](repeating: 0, count: xs.count)
        for (area, top) in zip(areas, tops) {
            let color = area.color.resolve(context.theme.palette)
            var polygons: [[Point]] = []
            var run: [Int] = []
            func close() {
                guard run.count > 1 else { run = []; return }
                var polygon = run.map { context.point(xs[$0], top[$0]) }
                polygon += run.reversed().map { context.point(xs[$0], base[$0]) }
                polygons.append(polygon)
                run = []
            }
            for index in xs.indices {
                if top[index].isFinite && xs[index].isFinite { run.append(index) } else { close() }
            }
            close()
            context.canvas.fill(polygons: polygons, color: color.withOpacity(stacked ? 0.8 : 0.3))
            let edge = zip(xs, top).map { x, y in y.isFinite ? context.point(x, y) : Point(.nan, .nan) }
            context.canvas.stroke(edge, width: context.px(context.theme.lineWidth * 0.75), color: color)
            if stacked { base = top }
        }
    }
}

extension Panel {
    /// Draws each series as a filled area over dates, stacked (totals on top) or each from zero.
    ///
    /// In a stacked chart NaN counts as zero; unstacked, NaN leaves a gap.
    /// - Throws: ``PlotError/lengthMismatch(chart:expected:actual:argument:)`` when a series has not one value per date.
    public mutating func areaChart(x: [Date], series: [Series], stacked: Bool = true) throws {
        try addAreas(XValues(x), series: series, stacked: stacked)
    }

    /// Draws each series as a filled area over numeric x positions, stacked or each from zero.
    public mutating func areaChart(x: [Double], series: [Series], stacked: Bool = true) throws {
        try addAreas(.numbers(x), series: series, stacked: stacked)
    }

    private mutating func addAreas(_ x: XValues, series: [Series], stacked: Bool) throws {
        try checkLengths(series, count: x.count, chart: "area chart")
        var areas: [LineLayer.Line] = []
        for item in series { areas.append(.init(name: item.name, values: item.values, color: nextColor(item.color))) }
        try add(AreaLayer(xValues: x, areas: areas, stacked: stacked))
    }
}
