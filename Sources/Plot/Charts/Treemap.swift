/// Rectangles with areas proportional to values, laid out by the squarified algorithm, each labelled
/// with its name and value when the label fits.
struct TreemapLayer: Layer {
    /// Items with a positive value, largest first.
    var labels: [String]
    var values: [Double]
    var format: NumberFormat
    var firstColor: Int

    var kind: String { "treemap" }
    var x: Extent { .none }
    var y: Extent { .none }
    var frameStyle: FrameStyle { .none }

    func footprint(in context: LayoutContext) -> [Rect] { [] }

    /// The tiles in device pixels, in the order of `labels`.
    func tiles(in frame: Rect) -> [Rect] {
        Squarify.layout(values, in: frame)
    }

    func draw(in context: DrawContext) throws {
        let palette = context.theme.palette
        let gap = max(1, context.px(1.5).rounded())
        let pad = context.px(5)
        let measure = TextMeasurer()
        for (index, tile) in tiles(in: context.frame).enumerated() {
            // Snapping both edges keeps shared edges shared, so the white gaps are even.
            let left = tile.minX.rounded(), top = tile.minY.rounded()
            let snapped = Rect(x: left, y: top, width: tile.maxX.rounded() - left, height: tile.maxY.rounded() - top)
            let cell = Rect(x: snapped.minX + gap / 2, y: snapped.minY + gap / 2, width: snapped.width - gap,
                            height: snapped.height - gap)
            guard cell.width > 0, cell.height > 0 else { continue }
            let color = palette.color(at: firstColor + index)
            context.canvas.fill(cell, color: color)
            try drawLabel(index: index, in: cell, color: color.readableText(), padding: pad, context: context,
                          measure: measure)
        }
    }

    /// Name and value at the tile's top left at the annotation size; shrunk (to 8 logical pixels at
    /// least) until it fits; the value dropped, then the name, when even that does not fit.
    private func drawLabel(index: Int, in cell: Rect, color: Color, padding: Double, context: DrawContext,
                           measure: TextMeasurer) throws {
        let theme = context.theme
        let name = labels[index], value = format.string(values[index])
        let available = (width: cell.width - 2 * padding, height: cell.height - 2 * padding)
        guard available.width > 0, available.height > 0 else { return }
        // Big tiles get bigger labels, up to twice the annotation size.
        let tileScale = (cell.width * cell.height).squareRoot() / context.layout.pixelScale / 14
        let largest = min(theme.annotationSize * 2, max(theme.annotationSize * 1.15, tileScale))
        for size in stride(from: largest.rounded(), through: 8, by: -1) {
            let bold = context.fonts.bold(size), regular = context.fonts.regular(size)
            let nameWidth = try measure.width(name, font: bold)
            guard nameWidth <= available.width, bold.lineHeight <= available.height else { continue }
            let origin = Point(cell.minX + padding, cell.minY + padding)
            try context.canvas.draw(name, font: bold, color: color, at: origin,
                                    anchor: TextAnchor(horizontal: .leading, vertical: .top))
            let valueWidth = try measure.width(value, font: regular)
            if valueWidth <= available.width, bold.lineHeight + regular.lineHeight <= available.height {
                try context.canvas.draw(value, font: regular, color: color, at: Point(origin.x, origin.y + bold.lineHeight),
                                        anchor: TextAnchor(horizontal: .leading, vertical: .top))
            }
            return
        }
    }
}

extension Panel {
    /// Draws a squarified treemap: one rectangle per item with area proportional to its value,
    /// largest at the top left, each labelled with its name and value when the label fits.
    ///
    /// Items with a zero value take no space. Labels shrink to fit small tiles and are left out of tiles
    /// too small for them.
    /// - Throws: ``PlotError/lengthMismatch(chart:expected:actual:argument:)``, or
    ///   ``PlotError/invalidValue(chart:argument:reason:)`` for a negative or non-finite value.
    public mutating func treemap(labels: [String], values: [Double], format: NumberFormat = .automatic) throws {
        guard values.count == labels.count else {
            throw PlotError.lengthMismatch(chart: "treemap", expected: labels.count, actual: values.count, argument: "values")
        }
        if let bad = values.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw PlotError.invalidValue(chart: "treemap", argument: "value \(values[bad]) of \"\(labels[bad])\"",
                                         reason: "must be finite and not negative")
        }
        let order = values.indices.filter { values[$0] > 0 }.sorted { values[$0] > values[$1] || (values[$0] == values[$1] && $0 < $1) }
        let first = nextColor()
        guard case let .palette(firstColor) = first else { return }
        try add(TreemapLayer(labels: order.map { labels[$0] }, values: order.map { values[$0] }, format: format,
                             firstColor: firstColor))
    }
}
