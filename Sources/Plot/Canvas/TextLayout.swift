import Foundation

/// Where a text's anchor point sits on the text: horizontally at its start, centre or end, and
/// vertically at the top of its ascenders, the middle of its capitals, its baseline or its descenders.
struct TextAnchor: Sendable, Equatable {
    enum Horizontal: Sendable { case leading, center, trailing }
    enum Vertical: Sendable { case top, middle, baseline, bottom }
    var horizontal: Horizontal
    var vertical: Vertical

    static let center = TextAnchor(horizontal: .center, vertical: .middle)
    static let topCenter = TextAnchor(horizontal: .center, vertical: .top)
    static let bottomCenter = TextAnchor(horizontal: .center, vertical: .bottom)
    static let leading = TextAnchor(horizontal: .leading, vertical: .middle)
    static let trailing = TextAnchor(horizontal: .trailing, vertical: .middle)
}

/// Text placement arithmetic shared by drawing and layout (which needs the same boxes without drawing).
enum TextLayout {
    /// The baseline origin libgd needs so that `anchor` of the rotated text lands on `point`.
    static func origin(of text: String, font: Font, at point: Point, anchor: TextAnchor, degrees: Double) throws -> Point {
        let width = try font.width(of: text)
        return origin(width: width, font: font, at: point, anchor: anchor, degrees: degrees)
    }

    static func origin(width: Double, font: Font, at point: Point, anchor: TextAnchor, degrees: Double) -> Point {
        let angle = degrees * .pi / 180
        // Along the text, and towards the tops of its letters, in device coordinates (y down).
        let along = Point(cos(angle), -sin(angle))
        let up = Point(-sin(angle), -cos(angle))
        let h: Double
        switch anchor.horizontal {
        case .leading: h = 0
        case .center: h = width / 2
        case .trailing: h = width
        }
        let v: Double
        switch anchor.vertical {
        case .top: v = font.ascent
        case .middle: v = font.capHeight / 2
        case .baseline: v = 0
        case .bottom: v = -font.descent
        }
        return Point(point.x - along.x * h - up.x * v, point.y - along.y * h - up.y * v)
    }

    /// The axis-aligned box the rotated text occupies, from its ascent to its descent.
    static func bounds(width: Double, font: Font, at point: Point, anchor: TextAnchor, degrees: Double) -> Rect {
        let o = origin(width: width, font: font, at: point, anchor: anchor, degrees: degrees)
        let angle = degrees * .pi / 180
        let along = Point(cos(angle), -sin(angle))
        let up = Point(-sin(angle), -cos(angle))
        let corners = [(0.0, -font.descent), (width, -font.descent), (width, font.ascent), (0.0, font.ascent)].map { a, u in
            Point(o.x + along.x * a + up.x * u, o.y + along.y * a + up.y * u)
        }
        let xs = corners.map(\.x), ys = corners.map(\.y)
        let minX = xs.min() ?? o.x, maxX = xs.max() ?? o.x, minY = ys.min() ?? o.y, maxY = ys.max() ?? o.y
        return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }
}
