import Foundation

/// Where a panel's legend goes.
public enum LegendPosition: Sendable, Hashable {
    /// Inside the plot at the first corner or edge where it covers no data, else outside on the right.
    case automatic
    /// Outside the plot area, to its right.
    case outside
    /// Inside the plot at a fixed corner, whether or not it covers data.
    case inside(Corner)
    /// No legend.
    case hidden

    public enum Corner: Sendable, Hashable {
        case topLeft, topRight, bottomLeft, bottomRight
    }
}

/// One row of a legend: a swatch in the series' colour and its name.
struct LegendEntry: Sendable, Equatable {
    enum Symbol: Sendable, Equatable {
        case line
        case lineWithMarker
        case marker
        case box
    }

    var label: String
    var color: Color
    var symbol: Symbol
}

/// Measures and draws a legend box.
struct LegendBox {
    var entries: [LegendEntry]
    var font: Font
    var pixelScale: Double

    private var padding: Double { 8 * pixelScale }
    private var swatchWidth: Double { 24 * pixelScale }
    private var gap: Double { 8 * pixelScale }
    private var rowHeight: Double { font.size * 1.45 }

    /// The box's size in device pixels.
    func size() throws -> (width: Double, height: Double) {
        var widest = 0.0
        for entry in entries { widest = max(widest, try font.width(of: entry.label)) }
        return (2 * padding + swatchWidth + gap + widest, 2 * padding + Double(entries.count) * rowHeight - (rowHeight - font.size * 1.2))
    }

    func draw(on canvas: Canvas, in box: Rect, theme: Theme) throws {
        let outline = RoundedRectangle.polygon(box, radius: 4 * pixelScale)
        canvas.fill(polygons: [outline], color: theme.background.withOpacity(0.88))
        canvas.stroke(outline + [outline[0]], width: pixelScale, color: theme.frameColor)
        var rowTop = box.minY + padding
        for entry in entries {
            let middle = rowTop + font.size * 0.6
            let swatch = Rect(x: box.minX + padding, y: middle - 5 * pixelScale, width: swatchWidth, height: 10 * pixelScale)
            switch entry.symbol {
            case .line, .lineWithMarker:
                canvas.stroke([Point(swatch.minX, middle), Point(swatch.maxX, middle)],
                              width: theme.lineWidth * pixelScale * 1.2, color: entry.color)
                if entry.symbol == .lineWithMarker {
                    canvas.fillCircle(center: Point(swatch.midX, middle), radius: theme.markerRadius * pixelScale,
                                      color: entry.color, edge: .white, edgeWidth: pixelScale)
                }
            case .marker:
                canvas.fillCircle(center: Point(swatch.midX, middle), radius: theme.markerRadius * 1.25 * pixelScale,
                                  color: entry.color, edge: .white, edgeWidth: 0.75 * pixelScale)
            case .box:
                canvas.fill(Rect(x: swatch.minX + 2 * pixelScale, y: middle - 6 * pixelScale,
                                 width: swatchWidth - 4 * pixelScale, height: 12 * pixelScale), color: entry.color)
            }
            try canvas.draw(entry.label, font: font, color: theme.textColor,
                            at: Point(swatch.maxX + gap, middle), anchor: .leading)
            rowTop += rowHeight
        }
    }
}

/// Rounded-rectangle outlines.
enum RoundedRectangle {
    /// The outline of `rect` with corners of `radius`, as a closed polygon (first point not repeated).
    static func polygon(_ rect: Rect, radius: Double) -> [Point] {
        let r = max(0, min(radius, rect.width / 2, rect.height / 2))
        let corners = [
            (Point(rect.maxX - r, rect.minY + r), -Double.pi / 2),
            (Point(rect.maxX - r, rect.maxY - r), 0),
            (Point(rect.minX + r, rect.maxY - r), Double.pi / 2),
            (Point(rect.minX + r, rect.minY + r), Double.pi),
        ]
        var points: [Point] = []
        for (center, start) in corners {
            for step in 0...4 {
                let angle = start + Double(step) * Double.pi / 8
                points.append(Point(center.x + r * cos(angle), center.y + r * sin(angle)))
            }
        }
        return points
    }
}
