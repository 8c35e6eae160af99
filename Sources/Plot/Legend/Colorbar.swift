/// A vertical colour scale beside a plot, for charts that colour cells by value.
struct Colorbar: Sendable {
    var map: ColorMap
    var lower: Double
    var upper: Double
    var format: NumberFormat

    static let barWidth = 16.0
    static let gap = 16.0

    /// Logical-pixel-scaled width the bar and its labels take to the right of the plot.
    func width(font: Font, pixelScale: Double, measure: TextMeasurer, length: Double) throws -> Double {
        let labels = ticks(length: length, font: font, pixelScale: pixelScale)
        var widest = 0.0
        for tick in labels { widest = max(widest, try measure.width(tick.label, font: font)) }
        return (Colorbar.gap + Colorbar.barWidth + 6) * pixelScale + widest
    }

    func ticks(length: Double, font: Font, pixelScale: Double) -> [Tick] {
        let scale = LinearScale(lower: lower, upper: upper, rangeStart: length, rangeEnd: 0)
        let count = max(2, Int(length / (60 * pixelScale)))
        return scale.ticks(count: count, format: format)
    }

    /// Draws the bar to the right of `frame`, as tall as it, with tick labels on its right.
    func draw(on canvas: Canvas, beside frame: Rect, font: Font, theme: Theme, pixelScale: Double) throws {
        let bar = Rect(x: (frame.maxX + Colorbar.gap * pixelScale).rounded(), y: frame.minY.rounded(),
                       width: (Colorbar.barWidth * pixelScale).rounded(), height: frame.height.rounded())
        let rows = max(1, Int(bar.height))
        for row in 0..<rows {
            let t = 1 - (Double(row) + 0.5) / Double(rows)
            canvas.fill(Rect(x: bar.minX, y: bar.minY + Double(row), width: bar.width, height: 1), color: map.color(at: t))
        }
        let scale = LinearScale(lower: lower, upper: upper, rangeStart: bar.maxY, rangeEnd: bar.minY)
        for tick in ticks(length: bar.height, font: font, pixelScale: pixelScale) {
            let y = scale.position(of: tick.value)
            canvas.rule(from: Point(bar.maxX, y), to: Point(bar.maxX + 4 * pixelScale, y), thickness: pixelScale,
                        color: theme.frameColor)
            try canvas.draw(tick.label, font: font, color: theme.mutedTextColor,
                            at: Point(bar.maxX + 6 * pixelScale, y), anchor: .leading)
        }
    }
}
