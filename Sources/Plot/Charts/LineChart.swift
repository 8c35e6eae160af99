import Foundation

/// Series drawn as anti-aliased lines over shared x positions, optionally with a marker at each point.
struct LineLayer: Layer {
    struct Line: Sendable {
        var name: String
        var values: [Double]
        var color: ColorChoice
    }

    var xValues: XValues
    var lines: [Line]
    var markers: Bool

    var kind: String { "line chart" }
    var x: Extent { xValues.extent() }
    var y: Extent { .numeric(of: lines.flatMap(\.values)) }

    func legendEntries(palette: Palette) -> [LegendEntry] {
        lines.map { LegendEntry(label: $0.name, color: $0.color.resolve(palette), symbol: markers ? .lineWithMarker : .line) }
    }

    func points(of line: Line, in context: LayoutContext) -> [Point] {
        zip(xValues.coordinates, line.values).map { x, y in
            y.isFinite && x.isFinite ? context.point(x, y) : Point(.nan, .nan)
        }
    }

    func footprint(in context: LayoutContext) -> [Rect] {
        let reach = context.px(context.theme.lineWidth + (markers ? context.theme.markerRadius : 0))
        return lines.flatMap { line in
            segmentBoxes(points(of: line, in: context), reach: reach)
        }
    }

    func draw(in context: DrawContext) throws {
        let theme = context.theme
        let drawn = lines.map { line in (points: points(of: line, in: context.layout), color: line.color.resolve(theme.palette)) }
        guard markers else {
            context.canvas.strokes(drawn, width: context.px(theme.lineWidth))
            return
        }
        for line in drawn {
            context.canvas.stroke(line.points, width: context.px(theme.lineWidth), color: line.color)
            for point in line.points where point.x.isFinite {
                context.canvas.fillCircle(center: point, radius: context.px(theme.markerRadius), color: line.color,
                                          edge: .white, edgeWidth: context.px(1))
            }
        }
    }
}

/// Boxes around each segment of a polyline (and each isolated point), grown by `reach` pixels.
func segmentBoxes(_ points: [Point], reach: Double) -> [Rect] {
    var boxes: [Rect] = []
    boxes.reserveCapacity(points.count)
    var previous: Point?
    for point in points {
        guard point.x.isFinite, point.y.isFinite else { previous = nil; continue }
        let box = Rect.spanning(previous ?? point, point)
        boxes.append(Rect(x: box.x - reach, y: box.y - reach, width: box.width + 2 * reach, height: box.height + 2 * reach))
        previous = point
    }
    return boxes
}

extension Panel {
    /// Draws each series as a line over numeric x positions.
    ///
    /// NaN values leave gaps in their line. Each series must have one value per x position.
    /// - Parameters:
    ///   - x: The horizontal positions, shared by all series.
    ///   - series: The lines, in legend order; the legend shows when there are two or more.
    ///   - markers: Whether to draw a dot at every data point.
    /// - Throws: ``PlotError/lengthMismatch(chart:expected:actual:argument:)``, or
    ///   ``PlotError/axisKindMismatch(chart:axis:existing:new:)`` when the panel's x axis holds dates or categories.
    public mutating func lineChart(x: [Double], series: [Series], markers: Bool = false) throws {
        try addLines(.numbers(x), series: series, markers: markers)
    }

    /// Draws each series as a line over dates (a time axis with calendar ticks).
    public mutating func lineChart(x: [Date], series: [Series], markers: Bool = false) throws {
        try addLines(XValues(x), series: series, markers: markers)
    }

    /// Draws each series as a line over named categories, evenly spaced in the order given.
    public mutating func lineChart(x: [String], series: [Series], markers: Bool = false) throws {
        try addLines(.categories(x), series: series, markers: markers)
    }

    private mutating func addLines(_ x: XValues, series: [Series], markers: Bool) throws {
        try checkLengths(series, count: x.count, chart: "line chart")
        var lines: [LineLayer.Line] = []
        for item in series { lines.append(.init(name: item.name, values: item.values, color: nextColor(item.color))) }
        try add(LineLayer(xValues: x, lines: lines, markers: markers))
    }
}
