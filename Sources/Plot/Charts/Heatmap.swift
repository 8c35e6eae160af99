/// A matrix of values as coloured cells, optionally annotated with each value.
struct HeatmapLayer: Layer {
    enum MapChoice: Sendable {
        case sequential
        case diverging
        case custom(ColorMap)
    }

    var values: [[Double]]
    var rowNames: [String]
    var columnNames: [String]
    var annotation: NumberFormat?
    var map: MapChoice
    var center: Double?

    var kind: String { "heatmap" }
    var x: Extent { .categories(columnNames, padding: .cells) }
    var y: Extent { .categories(rowNames, padding: .cells) }
    var frameStyle: FrameStyle { .cells }

    /// The value range the colours span: the finite extremes, symmetric around `center` when given.
    var range: (lower: Double, upper: Double) {
        let finite = values.joined().filter(\.isFinite)
        var lower = finite.min() ?? 0, upper = finite.max() ?? 1
        if let center {
            let reach = max(abs(upper - center), abs(center - lower))
            // A reach past the largest double (center 0, values near ±1e308) keeps the finite extremes.
            if (center - reach).isFinite, (center + reach).isFinite { (lower, upper) = (center - reach, center + reach) }
        }
        if upper <= lower { (lower, upper) = (lower - 0.5, upper + 0.5) }
        return (lower, upper)
    }

    func colorMap(_ theme: Theme) -> ColorMap {
        switch map {
        case .sequential: return theme.sequential
        case .diverging: return theme.diverging
        case let .custom(map): return map
        }
    }

    func colorbar(theme: Theme) -> Colorbar? {
        Colorbar(map: colorMap(theme), lower: range.lower, upper: range.upper, format: annotation ?? .automatic)
    }

    func footprint(in context: LayoutContext) -> [Rect] { [] }

    func draw(in context: DrawContext) throws {
        guard let columns = context.x as? BandScale, let rows = context.y as? BandScale else { return }
        let map = colorMap(context.theme)
        let (lower, upper) = range
        let baseFont = context.fonts.regular(context.theme.annotationSize)
        let measure = TextMeasurer()
        for (row, rowValues) in values.enumerated() {
            let top = rows.start(of: row).rounded(), bottom = rows.start(of: row + 1).rounded()
            for (column, value) in rowValues.enumerated() {
                let left = columns.start(of: column).rounded(), right = columns.start(of: column + 1).rounded()
                let cell = Rect(x: left, y: top, width: right - left, height: bottom - top)
                // In halves (exact), so that a range wider than the largest double still has fractions.
                let color = map.color(at: value.isFinite ? (value / 2 - lower / 2) / (upper / 2 - lower / 2) : .nan)
                context.canvas.fill(cell, color: color)
                guard let annotation, value.isFinite else { continue }
                let text = annotation.string(value)
                guard let font = try Self.fittingFont(text, base: baseFont, in: cell, pixelScale: context.layout.pixelScale,
                                                      measure: measure) else { continue }
                // Text colour by WCAG contrast with this cell, not a fixed colour (seaborn's choice fails
                // on mid-luminance cells).
                try context.canvas.draw(text, font: font, color: color.readableText(), at: Point(cell.midX, cell.midY),
                                        anchor: .center)
            }
        }
    }

    /// The base font, or a smaller one down to 70% (not under 8 logical pixels), that fits `text` in `cell`.
    static func fittingFont(_ text: String, base: Font, in cell: Rect, pixelScale: Double,
                            measure: TextMeasurer) throws -> Font? {
        for factor in [1.0, 0.85, 0.7] {
            let font = base.resized(base.size * factor)
            guard font.size >= 8 * pixelScale else { break }
            let width = try measure.width(text, font: font)
            if width <= cell.width - 4 * pixelScale, font.size * 1.1 <= cell.height - 2 * pixelScale { return font }
        }
        return nil
    }
}

extension Panel {
    /// Draws `values[row][column]` as coloured cells with rows top to bottom and columns left to right,
    /// a colour bar on the right, and each value written in its cell where it fits.
    ///
    /// NaN cells are light grey and unannotated. Annotations shrink to fit small cells or are left out,
    /// and are dark or white, whichever contrasts more with the cell.
    /// - Parameters:
    ///   - annotation: How to write each value in its cell (and on the colour bar); nil for no annotations.
    ///   - colors: The colour map; by default the theme's sequential map, or its diverging map when
    ///     `center` is given.
    ///   - center: A value to put at the middle of the colour map (e.g. 0 for changes).
    /// - Throws: ``PlotError/lengthMismatch(chart:expected:actual:argument:)`` when the matrix is not rows x columns.
    public mutating func heatmap(values: [[Double]], rows: [String], columns: [String],
                                 annotation: NumberFormat? = .automatic, colors: ColorMap? = nil, center: Double? = nil) throws {
        guard values.count == rows.count else {
            throw PlotError.lengthMismatch(chart: "heatmap", expected: rows.count, actual: values.count, argument: "values (rows)")
        }
        for (index, row) in values.enumerated() where row.count != columns.count {
            throw PlotError.lengthMismatch(chart: "heatmap", expected: columns.count, actual: row.count,
                                           argument: "values row \(index)")
        }
        let map: HeatmapLayer.MapChoice = colors.map { .custom($0) } ?? (center == nil ? .sequential : .diverging)
        try add(HeatmapLayer(values: values, rowNames: rows, columnNames: columns, annotation: annotation, map: map,
                             center: center))
    }
}
